// iam-policy simulate / test: owned by the evaluator work (issue 6); replaced there.
import type { Catalog } from '../core/catalog/catalog';

export async function runScenarioCommand(cmd: string, _args: string[], _catalog: Catalog, out: (s: string) => void): Promise<number> {
  out(`iam-policy ${cmd}: the evaluator is not built yet`);
  return 2;
}
