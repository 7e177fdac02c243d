// Completion and hover inside a policy written in a model file: the policy under the cursor becomes a document of its
// own (with its policy type), the language service answers there, and the ranges move back into the model file.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionList, Hover } from 'vscode-languageserver-types';
import type { Catalog } from '../core/catalog/catalog';
import type { ManagedPolicies } from '../core/model/managedPolicies';
import type { PolicyType } from '../core/policy/policyType';
import type { Position, Range } from '../core/text';
import { complete } from './completion';
import { forget } from './documents';
import { hover } from './hover';
import { loadModelUris, nodeAtPath, readOnce } from './model';
import { embeddedPolicies, shiftRange } from './modelDiagnostics';
import type { ReadText } from './simulate';

interface Embedded { sub: TextDocument; base: Position; type: PolicyType; inner: Position }

/** The embedded policy (a JSON object in the file) that holds the offset, as its own document. */
function embeddedAt(doc: TextDocument, offset: number, readText: ReadText, managed: ManagedPolicies): Embedded | undefined {
  const read = readOnce(readText);
  const loaded = loadModelUris([doc.uri], read, managed);
  for (const { doc: d, type } of embeddedPolicies(loaded, doc.uri)) {
    const hit = nodeAtPath(doc.uri, d.at.path, read);
    if (!hit || hit.node.type !== 'object') continue;
    const { node } = hit;
    if (offset <= node.offset || offset >= node.offset + node.length) continue;
    const sub = TextDocument.create(`${doc.uri}#${d.at.path.join('/')}`, 'iam-policy', doc.version, hit.text.slice(node.offset, node.offset + node.length));
    return { sub, base: doc.positionAt(node.offset), type, inner: sub.positionAt(offset - node.offset) };
  }
  return undefined;
}

export function hoverInModel(doc: TextDocument, position: Position, read: ReadText, catalog: Catalog, managed: ManagedPolicies): Hover | null {
  const e = embeddedAt(doc, doc.offsetAt(position), read, managed);
  if (!e) return null;
  try {
    const h = hover(e.sub, e.inner, catalog);
    return h && { ...h, ...(h.range ? { range: shiftRange(h.range, e.base) } : {}) };
  } finally { forget(e.sub.uri); }
}

export function completeInModel(doc: TextDocument, position: Position, read: ReadText, catalog: Catalog, managed: ManagedPolicies): CompletionList | null {
  const e = embeddedAt(doc, doc.offsetAt(position), read, managed);
  if (!e) return null;
  try {
    const list = complete(e.sub, e.inner, catalog, e.type);
    const move = (r: Range) => shiftRange(r, e.base);
    for (const item of list.items) {
      const te = item.textEdit;
      if (te && 'range' in te) te.range = move(te.range);
      else if (te) { te.insert = move(te.insert); te.replace = move(te.replace); }
      if (item.additionalTextEdits) for (const a of item.additionalTextEdits) a.range = move(a.range);
    }
    return list;
  } finally { forget(e.sub.uri); }
}
