// Hover inside a template: the policy hover of the embedded policy's virtual document at the mapped position, plus
// where a computed value came from ("`AWS::Partition` assumed `aws`").
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { Catalog } from '../../core/catalog/catalog';
import { hostRangeOf, virtualOffsetOf } from '../../core/embedded/virtualPolicy';
import { forget, IAM_LANGUAGE_ID } from '../documents';
import { hover } from '../hover';
import type { TemplateAnalysis } from './templates';

export function templateHover(doc: TextDocument, analysis: TemplateAnalysis, position: Position, catalog: Catalog): Hover | null {
  const offset = doc.offsetAt(position);
  for (const p of analysis.policies) {
    const start = doc.offsetAt(p.range.start), end = doc.offsetAt(p.range.end);
    if (offset < start || offset > end) continue;
    const v = virtualOffsetOf(p.virtual, offset);
    if (v === undefined) return null;
    const vdoc = TextDocument.create(`${doc.uri}#${encodeURIComponent(p.id)}`, IAM_LANGUAGE_ID, 1, p.virtual.text);
    let h: Hover | null;
    try {
      h = hover(vdoc, vdoc.positionAt(v), catalog);
    } finally {
      forget(vdoc.uri);
    }
    const origin = p.virtual.segments.find((s) => s.note && s.h[0] <= offset && offset <= s.h[1]);
    if (!h && !origin) return null;
    const parts: string[] = [];
    if (h) parts.push(typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : String(h.contents));
    if (origin?.note) parts.push(`**In this template:** ${origin.note}. ${origin.kind === 'unknown' ? 'Checks that depend on this value are not reported.' : ''}`.trim());
    const range = h?.range
      ? (() => { const r = hostRangeOf(p.virtual, vdoc.offsetAt(h.range.start), vdoc.offsetAt(h.range.end)); return { start: doc.positionAt(r[0]), end: doc.positionAt(r[1]) }; })()
      : origin ? { start: doc.positionAt(origin.h[0]), end: doc.positionAt(origin.h[1]) } : undefined;
    return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, ...(range ? { range } : {}) };
  }
  return null;
}
