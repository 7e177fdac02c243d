import { complete, resolveCompletion } from '../service/completion';
import { templateCompletion } from '../service/embedded/templateCompletion';
import { completeInModel } from '../service/modelEmbedded';
import { MAX_MODEL_BYTES } from '../node/modelFiles';
import type { ServerContext } from './context';
import { makeReader } from './simulate';

export const COMPLETION_TRIGGERS = ['"', ':', '/'];

export function registerCompletion(ctx: ServerContext): void {
  const readModel = makeReader(ctx, MAX_MODEL_BYTES);
  ctx.connection.onCompletion(({ textDocument, position }) => {
    const model = ctx.modelDocument(textDocument.uri);
    if (model) return completeInModel(model, position, readModel, ctx.catalog, ctx.managed);
    const doc = ctx.policyDocument(textDocument.uri);
    if (doc) return complete(doc, position, ctx.catalog, ctx.policyType(doc).type);
    const open = ctx.documents.get(textDocument.uri);
    const template = ctx.template(textDocument.uri);
    return open && template ? templateCompletion(open, template, position, ctx.catalog) : null;
  });
  ctx.connection.onCompletionResolve((item) => resolveCompletion(item, ctx.catalog));
}
