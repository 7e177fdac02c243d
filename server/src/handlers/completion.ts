import { complete, resolveCompletion } from '../service/completion';
import { templateCompletion } from '../service/embedded/templateCompletion';
import type { ServerContext } from './context';

export const COMPLETION_TRIGGERS = ['"', ':', '/'];

export function registerCompletion(ctx: ServerContext): void {
  ctx.connection.onCompletion(({ textDocument, position }) => {
    const doc = ctx.policyDocument(textDocument.uri);
    if (doc) return complete(doc, position, ctx.catalog, ctx.policyType(doc).type);
    const open = ctx.documents.get(textDocument.uri);
    const template = ctx.template(textDocument.uri);
    return open && template ? templateCompletion(open, template, position, ctx.catalog) : null;
  });
  ctx.connection.onCompletionResolve((item) => resolveCompletion(item, ctx.catalog));
}
