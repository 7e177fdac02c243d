import { codeActions } from '../service/codeActions';
import type { ServerContext } from './context';

export function registerCodeActions(ctx: ServerContext): void {
  ctx.connection.onCodeAction(({ textDocument, range, context }) => {
    const doc = ctx.policyDocument(textDocument.uri);
    return doc ? codeActions(doc, range, context, ctx.catalog) : null;
  });
}
