// The outline of a template: one entry per embedded policy (its id and type), with its statements under it.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { POLICY_TYPE_LABELS } from '../../core/policy/policyType';
import { hostRangeOf } from '../../core/embedded/virtualPolicy';
import { forget, IAM_LANGUAGE_ID } from '../documents';
import { documentSymbols } from '../structure';
import type { TemplateAnalysis } from './templates';

export function templateSymbols(doc: TextDocument, analysis: TemplateAnalysis): DocumentSymbol[] {
  return analysis.policies.map((p) => {
    const vdoc = TextDocument.create(`${doc.uri}#${encodeURIComponent(p.id)}`, IAM_LANGUAGE_ID, 1, p.virtual.text);
    const toHost = (s: DocumentSymbol): DocumentSymbol => {
      const r = hostRangeOf(p.virtual, vdoc.offsetAt(s.range.start), vdoc.offsetAt(s.range.end));
      const sel = hostRangeOf(p.virtual, vdoc.offsetAt(s.selectionRange.start), vdoc.offsetAt(s.selectionRange.end));
      const range = { start: doc.positionAt(Math.min(r[0], sel[0])), end: doc.positionAt(Math.max(r[1], sel[1])) };
      return { ...s, range, selectionRange: { start: doc.positionAt(sel[0]), end: doc.positionAt(sel[1]) }, children: s.children?.map(toHost) };
    };
    try {
      return {
        name: p.id, detail: POLICY_TYPE_LABELS[p.policyType], kind: SymbolKind.Object, range: p.range, selectionRange: p.range,
        // the statements only: Version and Id are not worth an outline entry in a template
        children: documentSymbols(vdoc).flatMap((s) => (s.name === 'Statement' ? s.children ?? [] : s.kind === SymbolKind.Constant ? [] : [s])).map(toHost),
      };
    } finally {
      forget(vdoc.uri);
    }
  });
}
