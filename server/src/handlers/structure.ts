import { documentSymbols, foldingRanges, format } from '../service/structure';
import { templateSymbols } from '../service/embedded/templateSymbols';
import type { ServerContext } from './context';

export function registerStructure(ctx: ServerContext): void {
  ctx.connection.onDocumentSymbol(({ textDocument }) => {
    const doc = ctx.policyDocument(textDocument.uri);
    if (doc) return documentSymbols(doc);
    const open = ctx.documents.get(textDocument.uri);
    const template = ctx.template(textDocument.uri);
    return open && template ? templateSymbols(open, template) : null;
  });
  ctx.connection.onFoldingRanges(({ textDocument }) => {
    const doc = ctx.policyDocument(textDocument.uri);
    return doc ? foldingRanges(doc) : null;
  });
  ctx.connection.onDocumentFormatting(({ textDocument, options }) => {
    const doc = ctx.policyDocument(textDocument.uri);
    return doc ? format(doc, undefined, options) : null;
  });
  ctx.connection.onDocumentRangeFormatting(({ textDocument, range, options }) => {
    const doc = ctx.policyDocument(textDocument.uri);
    return doc ? format(doc, range, options) : null;
  });
}
