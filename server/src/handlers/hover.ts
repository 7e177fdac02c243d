import type { Hover } from 'vscode-languageserver';
import { hover } from '../service/hover';
import { templateHover } from '../service/embedded/templateHover';
import { managedPolicyHover, stringAt } from '../service/hover/managedPolicy';
import { principalModelMarkdown } from '../service/hover/principalModel';
import { escalationsForHover } from '../service/model';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver';
import { workspaceModel } from './workspaceModel';
import { hoverInModel } from '../service/modelEmbedded';
import { MAX_MODEL_BYTES } from '../node/modelFiles';
import type { ServerContext } from './context';
import { makeReader } from './simulate';

const markdownOf = (h: Hover | null): string => {
  const c = h?.contents;
  return c && typeof c === 'object' && 'kind' in c ? c.value : '';
};

const MAY_NAME_PRINCIPAL = /^(arn:aws[a-z-]*:(iam|sts)::(\d{12}|\*):|\d{12}$)/;

function principalModelHover(ctx: ServerContext, doc: TextDocument, position: Position, isModelFile: boolean): Hover | null {
  const s = stringAt(doc.getText(), doc.offsetAt(position));
  if (!s || !MAY_NAME_PRINCIPAL.test(s.value)) return null;
  const ws = workspaceModel(ctx, isModelFile ? doc.uri : undefined);
  if (!ws) return null;
  const md = principalModelMarkdown(s.value, ws.loaded.model, ws.uris, () => escalationsForHover(ws.loaded, ctx.catalog));
  return md ? { contents: { kind: 'markdown', value: md }, range: { start: doc.positionAt(s.start), end: doc.positionAt(s.end) } } : null;
}

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
    // a user, role or account anywhere: what the workspace model knows about it, above the general explanation
    const principal = managed ? null : principalModelHover(ctx, open, position, !!model);
    const first = managed ?? principal;
    if (!first) return own;
    const extra = markdownOf(own);
    return extra ? { ...first, contents: { kind: 'markdown', value: `${markdownOf(first)}\n\n---\n\n${extra}` } } : first;
  });
}
