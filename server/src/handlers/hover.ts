import { hover } from '../service/hover';
import type { ServerContext } from './context';

export function registerHover(ctx: ServerContext): void {
  ctx.connection.onHover(({ textDocument, position }) => {
    const doc = ctx.policyDocument(textDocument.uri);
    return doc ? hover(doc, position, ctx.catalog, ctx.policyType(doc)) : null;
  });
}
