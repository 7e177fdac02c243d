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

/** A seeded pseudo-random generator (mulberry32) in [0, 1), for reproducible random test inputs. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}
