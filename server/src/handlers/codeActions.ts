import { codeActions } from '../service/codeActions';
import type { ServerContext } from './context';

export function registerCodeActions(ctx: ServerContext): void {
  ctx.connection.onCodeAction(({ textDocument, range, context }) => {
    // templates too: their diagnostics carry fixes already mapped into the template
    const doc = ctx.policyDocument(textDocument.uri) ?? ctx.documents.get(textDocument.uri);
    return doc ? codeActions(doc, range, context, ctx.catalog) : null;
  });
}
