import { hover } from '../service/hover';
import { managedPolicyHover } from '../service/hover/managedPolicy';
import { hoverInModel } from '../service/modelEmbedded';
import { MAX_MODEL_BYTES } from '../node/modelFiles';
import type { ServerContext } from './context';
import { makeReader } from './simulate';

export function registerHover(ctx: ServerContext): void {
  const readModel = makeReader(ctx, MAX_MODEL_BYTES);
  ctx.connection.onHover(({ textDocument, position }) => {
    const open = ctx.documents.get(textDocument.uri);
    if (!open) return null;
    // an AWS managed policy ARN anywhere (policies, model files, templates): what it grants
    const text = open.getText();
    const managed = managedPolicyHover(text, open.offsetAt(position), () => ctx.managed, ctx.catalog, (s, e) => ({ start: open.positionAt(s), end: open.positionAt(e) }));
    if (managed) return managed;
    const model = ctx.modelDocument(textDocument.uri);
    if (model) return hoverInModel(model, position, readModel, ctx.catalog, ctx.managed);
    const doc = ctx.policyDocument(textDocument.uri);
    return doc ? hover(doc, position, ctx.catalog, ctx.policyType(doc)) : null;
  });
}
