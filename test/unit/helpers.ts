// Shared helpers for unit tests: the real catalog from server/data, in-memory documents with a caret marker.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadCatalog } from '../../server/src/node/catalogFiles';
import { join } from 'node:path';

export const catalog = loadCatalog(join(__dirname, '..', '..', 'server', 'data'));

/** A document from text where `|` marks the cursor; returns the document and the cursor position. */
export function docWithCaret(text: string, languageId = 'iam-policy', uri = 'file:///test/policy.json') {
  const offset = text.indexOf('|');
  if (offset < 0) throw new Error('fixture needs a | caret');
  const doc = TextDocument.create(uri, languageId, 1, text.slice(0, offset) + text.slice(offset + 1));
  return { doc, position: doc.positionAt(offset), offset };
}

export function doc(text: string, languageId = 'iam-policy', uri = 'file:///test/policy.json') {
  return TextDocument.create(uri, languageId, 1, text);
}

/** A diagnostic's message as plain text (LSP 3.18 allows MarkupContent). */
export function messageText(d: { message: string | { value: string } }): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}
