import { complete, resolveCompletion } from '../service/completion';
import type { ServerContext } from './context';

export const COMPLETION_TRIGGERS = ['"', ':', '/'];

export function registerCompletion(ctx: ServerContext): void {
  ctx.connection.onCompletion(({ textDocument, position }) => {
    const doc = ctx.policyDocument(textDocument.uri);
    return doc ? complete(doc, position, ctx.catalog, ctx.policyType(doc).type) : null;
  });
  ctx.connection.onCompletionResolve((item) => resolveCompletion(item, ctx.catalog));
}
