import { complete, resolveCompletion } from '../service/completion';
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
    return doc ? complete(doc, position, ctx.catalog, ctx.policyType(doc).type) : null;
  });
  ctx.connection.onCompletionResolve((item) => resolveCompletion(item, ctx.catalog));
}
