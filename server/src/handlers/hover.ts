import type { Hover } from 'vscode-languageserver';
import { hover } from '../service/hover';
import { templateHover } from '../service/embedded/templateHover';
import { managedPolicyHover } from '../service/hover/managedPolicy';
import { hoverInModel } from '../service/modelEmbedded';
import { MAX_MODEL_BYTES } from '../node/modelFiles';
import type { ServerContext } from './context';
import { makeReader } from './simulate';

const markdownOf = (h: Hover | null): string => {
  const c = h?.contents;
  return c && typeof c === 'object' && 'kind' in c ? c.value : '';
};

export function registerHover(ctx: ServerContext): void {
  const readModel = makeReader(ctx, MAX_MODEL_BYTES);
  ctx.connection.onHover(({ textDocument, position }) => {
    const open = ctx.documents.get(textDocument.uri);
    if (!open) return null;
    const model = ctx.modelDocument(textDocument.uri);
    const doc = model ? undefined : ctx.policyDocument(textDocument.uri);
    const template = model || doc ? undefined : ctx.template(textDocument.uri);
    const own = model ? hoverInModel(model, position, readModel, ctx.catalog, ctx.managed)
      : doc ? hover(doc, position, ctx.catalog, ctx.policyType(doc))
      : template ? templateHover(open, template, position, ctx.catalog) : null;
    // an AWS managed policy ARN anywhere (policies, model files, templates): what it grants, above what the
    // document's own hover says about the ARN
    const managed = managedPolicyHover(open.getText(), open.offsetAt(position), () => ctx.managed, ctx.catalog, (s, e) => ({ start: open.positionAt(s), end: open.positionAt(e) }));
    if (!managed) return own;
    const extra = markdownOf(own);
    return extra ? { ...managed, contents: { kind: 'markdown', value: `${markdownOf(managed)}\n\n---\n\n${extra}` } } : managed;
  });
}
