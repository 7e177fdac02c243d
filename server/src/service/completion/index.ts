// Completion in policy documents.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItemKind, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver-types';
import type { Catalog } from '../../core/catalog/catalog';
import { parsed } from '../documents';

export function complete(doc: TextDocument, position: Position, catalog: Catalog): CompletionList {
  const policy = parsed(doc);
  const offset = doc.offsetAt(position);
  const items: CompletionItem[] = [];
  for (const s of policy.statements) {
    const v = [...(s.action?.values ?? []), ...(s.notAction?.values ?? [])].find((x) => offset > x.span.offset && offset < x.span.offset + x.span.length);
    if (!v) continue;
    const colon = v.value.indexOf(':');
    if (colon < 0) for (const p of catalog.servicePrefixes()) items.push({ label: p, kind: CompletionItemKind.Module });
    else for (const a of catalog.actionsOfService(v.value.slice(0, colon))) items.push({ label: a, kind: CompletionItemKind.Function, detail: catalog.action(a)?.accessLevels.join(', ') });
  }
  return { isIncomplete: false, items };
}

/** Documentation is filled in lazily, when the editor shows an item. */
export function resolveCompletion(item: CompletionItem, _catalog: Catalog): CompletionItem {
  return item;
}
