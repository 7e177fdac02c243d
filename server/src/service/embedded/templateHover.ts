// Hover inside a template: the policy hover of the embedded policy's virtual document at the mapped position, plus
// where a computed value came from ("`AWS::Partition` assumed `aws`").
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { Catalog } from '../../core/catalog/catalog';
import { hover } from '../hover';
import { embeddedAt } from './embeddedPosition';
import type { TemplateAnalysis } from './templates';
import * as l10n from '@vscode/l10n';

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
  if (origin?.note) parts.push(origin.kind === 'unknown'
    ? l10n.t('**In this template:** {0}. Checks that depend on this value are not reported.', origin.note)
    : l10n.t('**In this template:** {0}.', origin.note));
  const range = h?.range ? at.toHost(h.range) : origin ? { start: doc.positionAt(origin.h[0]), end: doc.positionAt(origin.h[1]) } : undefined;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, ...(range ? { range } : {}) };
}
