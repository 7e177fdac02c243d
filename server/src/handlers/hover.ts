import { hover } from '../service/hover';
import { managedPolicyHover } from '../service/hover/managedPolicy';
import type { ServerContext } from './context';

export function registerHover(ctx: ServerContext): void {
  ctx.connection.onHover(({ textDocument, position }) => {
    const open = ctx.documents.get(textDocument.uri);
    if (!open) return null;
    // an AWS managed policy ARN anywhere (policies, model files, templates): what it grants
    const text = open.getText();
    const managed = managedPolicyHover(text, open.offsetAt(position), () => ctx.managed, ctx.catalog, (s, e) => ({ start: open.positionAt(s), end: open.positionAt(e) }));
    if (managed) return managed;
    const doc = ctx.policyDocument(textDocument.uri);
    return doc ? hover(doc, position, ctx.catalog) : null;
  });
}
