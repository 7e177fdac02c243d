// Quick fixes for diagnostics. The rules compute their fixes while validating and carry them in Diagnostic.data
// (did-you-mean for actions, services, keys, operators and element names; add Version; rename a duplicate Sid;
// switch to a Like operator; split a statement for `*`-only actions; typed operators), so a code action request only
// turns them into workspace edits — valid as long as the document has not changed since the diagnostics were made.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type CodeActionContext, type Diagnostic, type Range } from 'vscode-languageserver-types';
import type { Catalog } from '../../core/catalog/catalog';
import { DIAGNOSTIC_SOURCE, type DiagnosticFix } from '../validation';

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character <= q.character);
  return before(a.start, b.end) && before(b.start, a.end);
}

function fixesOf(d: Diagnostic): DiagnosticFix[] {
  const data = d.data as { fixes?: unknown } | undefined;
  if (!data || !Array.isArray(data.fixes)) return [];
  return data.fixes.filter((f): f is DiagnosticFix => !!f && typeof f === 'object' && typeof (f as DiagnosticFix).title === 'string' && Array.isArray((f as DiagnosticFix).edits));
}

export function codeActions(doc: TextDocument, range: Range, context: CodeActionContext, _catalog: Catalog): CodeAction[] {
  // only quick fixes are offered: skip requests limited to other kinds ("refactor", "source.organizeImports")
  if (context.only && !context.only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${k}.`))) return [];
  const out: CodeAction[] = [];
  const seen = new Set<string>();
  for (const d of context.diagnostics) {
    if (d.source !== DIAGNOSTIC_SOURCE || !overlaps(d.range, range)) continue;
    for (const f of fixesOf(d)) {
      const key = f.title + JSON.stringify(f.edits);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        title: f.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: f.preferred || undefined,
        edit: { changes: { [doc.uri]: f.edits.map((e) => ({ range: e.range, newText: e.newText })) } },
      });
    }
  }
  return out;
}
