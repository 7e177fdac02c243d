// Hover inside a template: the policy hover of the embedded policy's virtual document at the mapped position, plus
// where a computed value came from ("`AWS::Partition` assumed `aws`").
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { Catalog } from '../../core/catalog/catalog';
import { hover } from '../hover';
import { embeddedAt } from './embeddedPosition';
import type { TemplateAnalysis } from './templates';

export function templateHover(doc: TextDocument, analysis: TemplateAnalysis, position: Position, catalog: Catalog): Hover | null {
  const at = embeddedAt(doc, analysis, position);
  if (!at || at.virtualOffset === undefined) return null;
  let h: Hover | null;
  try {
    h = hover(at.vdoc, at.vdoc.positionAt(at.virtualOffset), catalog);
  } finally {
    at.done();
  }
  const offset = doc.offsetAt(position);
  const origin = at.policy.virtual.segments.find((s) => s.note && s.h[0] <= offset && offset <= s.h[1]);
  if (!h && !origin) return null;
  const parts: string[] = [];
  if (h) parts.push(typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : String(h.contents));
  if (origin?.note) parts.push(`**In this template:** ${origin.note}.${origin.kind === 'unknown' ? ' Checks that depend on this value are not reported.' : ''}`);
  const range = h?.range ? at.toHost(h.range) : origin ? { start: doc.positionAt(origin.h[0]), end: doc.positionAt(origin.h[1]) } : undefined;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, ...(range ? { range } : {}) };
}
