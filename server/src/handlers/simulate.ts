// iamPolicy/simulate: evaluates a request for the Simulate Request panel and inline simulation (issue 7).
import type { ServerContext } from './context';

export function registerSimulate(_ctx: ServerContext): void {
  // registered by the simulate work
}
