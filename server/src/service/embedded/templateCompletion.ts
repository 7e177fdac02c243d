// Completion inside a template: the policy completion of the embedded policy at the mapped position. Only values
// typed inside a string map back (YAML plain and quoted scalars, HCL strings, JSON strings); items whose edit would
// not land inside the scalar's own characters (JSON keys, skeletons) are left out.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionList, type CompletionItem, type Position } from 'vscode-languageserver-types';
import type { Catalog } from '../../core/catalog/catalog';
import { complete } from '../completion';
import { embeddedAt } from './embeddedPosition';
import { mapEdit, type TemplateAnalysis } from './templates';

export function templateCompletion(doc: TextDocument, analysis: TemplateAnalysis, position: Position, catalog: Catalog): CompletionList | null {
  const at = embeddedAt(doc, analysis, position);
  if (!at || at.virtualOffset === undefined) return null;
  let list: CompletionList;
  try {
    list = complete(at.vdoc, at.vdoc.positionAt(at.virtualOffset), catalog, at.policy.policyType);
  } finally {
    at.done();
  }
  const items: CompletionItem[] = [];
  for (const item of list.items) {
    const edit = item.textEdit && 'range' in item.textEdit ? item.textEdit : undefined;
    if (!edit) continue;
    const mapped = mapEdit(at.policy.virtual, at.vdoc.offsetAt(edit.range.start), at.vdoc.offsetAt(edit.range.end), edit.newText);
    if (!mapped) continue;
    items.push({ ...item, textEdit: { range: { start: doc.positionAt(mapped.range[0]), end: doc.positionAt(mapped.range[1]) }, newText: mapped.newText }, filterText: item.filterText?.replace(/^"|"$/g, '') });
  }
  return CompletionList.create(items, list.isIncomplete);
}
