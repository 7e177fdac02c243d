import type { Value } from '../../../core/policy/model';
import { globMatch, hasWildcard } from '../../../core/wildcard';
import type { Rule } from '../rule';
import { removeArrayItem } from './removeItem';
import * as l10n from '@vscode/l10n';

/** Whether action pattern p covers q (q literal: glob match; q pattern: p is q's prefix pattern, e.g. s3:* covers s3:Get*). */
export function actionCovers(p: string, q: string): boolean {
  if (p === '*') return true;
  if (!hasWildcard(q)) return globMatch(p, q, true);
  if (!p.endsWith('*') || hasWildcard(p.slice(0, -1))) return false;
  return q.toLowerCase().startsWith(p.slice(0, -1).toLowerCase());
}

/** An action listed twice or covered by a wildcard of the same element ("s3:GetObject" next to "s3:Get*"). */
export const redundantAction: Rule = {
  code: 'IAM901',
  slug: 'redundant-action',
  defaultSeverity: 'information',
  description: 'An action that is already covered by another entry of the same Action/NotAction list (a duplicate, or "s3:GetObject" next to "s3:Get*") can be removed.',
  check(ctx) {
    for (const s of ctx.doc.statements) {
      for (const el of [s.action, s.notAction]) {
        if (!el || el.values.length < 2) continue;
        // group wildcard patterns by service so big lists stay linear
        const byService = new Map<string, Value[]>();
        const anywhere: Value[] = [];
        const seen = new Map<string, Value>();
        const removeFix = (v: Value) => ({ fixes: [{ title: l10n.t('Remove "{0}"', v.value), preferred: true, edits: [removeArrayItem(ctx.doc.text, v.node)] }] });
        for (const v of el.values) {
          if (!hasWildcard(v.value)) continue;
          const colon = v.value.indexOf(':');
          const svc = colon > 0 ? v.value.slice(0, colon) : '';
          if (!svc || hasWildcard(svc)) anywhere.push(v);
          else { const g = byService.get(svc.toLowerCase()); if (g) g.push(v); else byService.set(svc.toLowerCase(), [v]); }
        }
        for (const v of el.values) {
          const lower = v.value.toLowerCase();
          const dup = seen.get(lower);
          if (dup) {
            ctx.report({ span: v.span, tags: [1], message: l10n.t('"{0}" is listed twice in "{1}": remove it.', v.value, el.entry.key), related: [{ span: dup.span, message: l10n.t('first entry') }], data: removeFix(v) });
            continue;
          }
          seen.set(lower, v);
          const colon = v.value.indexOf(':');
          const candidates = [...anywhere, ...(colon > 0 ? byService.get(v.value.slice(0, colon).toLowerCase()) ?? [] : [])];
          const cover = candidates.find((p) => p !== v && p.value.toLowerCase() !== lower && actionCovers(p.value, v.value));
          if (!cover) continue;
          ctx.report({ span: v.span, tags: [1], message: l10n.t('"{0}" is already covered by "{1}" in "{2}": remove it (or narrow "{3}").', v.value, cover.value, el.entry.key, cover.value), related: [{ span: cover.span, message: l10n.t('"{0}" covers it', cover.value) }], data: removeFix(v) });
        }
      }
    }
  },
};
