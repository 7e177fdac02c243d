import { hover } from '../service/hover';
import { templateHover } from '../service/embedded/templateHover';
import type { ServerContext } from './context';

export function registerHover(ctx: ServerContext): void {
  ctx.connection.onHover(({ textDocument, position }) => {
    const doc = ctx.policyDocument(textDocument.uri);
    if (doc) return hover(doc, position, ctx.catalog, ctx.policyType(doc));
    const open = ctx.documents.get(textDocument.uri);
    const template = ctx.template(textDocument.uri);
    return open && template ? templateHover(open, template, position, ctx.catalog) : null;
  });
}
