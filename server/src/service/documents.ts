// Parsed policy documents, cached per document version so every feature shares one parse.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { looksLikePolicy, parsePolicy, type PolicyDocument, type Span } from '../core/policy/model';
import type { ServiceSettings } from './settings';

export const IAM_LANGUAGE_ID = 'iam-policy';

const cache = new Map<string, { version: number; parsed: PolicyDocument }>();

export function parsed(doc: TextDocument): PolicyDocument {
  const hit = cache.get(doc.uri);
  if (hit && hit.version === doc.version && hit.parsed.text.length === doc.getText().length) return hit.parsed;
  const p = parsePolicy(doc.getText());
  cache.set(doc.uri, { version: doc.version, parsed: p });
  return p;
}

/** The editor range of a span of the document's text. */
export function rangeOf(doc: TextDocument, s: Span): Range {
  return { start: doc.positionAt(s.offset), end: doc.positionAt(s.offset + s.length) };
}

export function forget(uri: string): void {
  cache.delete(uri);
}

/**
 * Whether the language service serves this document: always for the iam-policy language; for json/jsonc only
 * when detection is on and the content is a policy, so package.json, tsconfig.json and templates stay untouched.
 */
export function isPolicyDocument(doc: TextDocument, settings: ServiceSettings): boolean {
  if (doc.languageId === IAM_LANGUAGE_ID) return true;
  if (doc.languageId !== 'json' && doc.languageId !== 'jsonc') return false;
  if (!settings.detectInJson) return false;
  const hit = cache.get(doc.uri);
  if (hit && hit.version === doc.version) return hit.parsed.hasStatement && hit.parsed.root?.type === 'object';
  return looksLikePolicy(doc.getText());
}
