import type { Value } from '../../../core/policy/model';
import { globMatch, globTester, hasWildcard } from '../../../core/wildcard';
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

/** A wildcard entry of the list, prepared once to be tried against every other entry (a list can hold thousands). */
interface Pattern { v: Value; lower: string; covers(q: string, qLower: string): boolean }

/** actionCovers(p.value, q) with p's work done once: covers(q, q.toLowerCase()) === actionCovers(p.value, q). */
function pattern(v: Value): Pattern {
  const p = v.value;
  const literal = globTester(p, true);
  const head = p.endsWith('*') && !hasWildcard(p.slice(0, -1)) ? p.slice(0, -1).toLowerCase() : undefined;
  return {
    v, lower: p.toLowerCase(),
    covers: p === '*' ? () => true : (q, qLower) => (hasWildcard(q) ? head !== undefined && qLower.startsWith(head) : literal(q)),
  };
}

/** The first entry of the list other than v (and not v written in another case) that covers v. */
function coverIn(list: Pattern[] | undefined, v: Value, lower: string): Value | undefined {
  if (!list) return undefined;
  for (const p of list) if (p.v !== v && p.lower !== lower && p.covers(v.value, lower)) return p.v;
  return undefined;
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
        const byService = new Map<string, Pattern[]>();
        const anywhere: Pattern[] = [];
        const seen = new Map<string, Value>();
        const removeFix = (v: Value) => ({ fixes: [{ title: l10n.t('Remove "{0}"', v.value), preferred: true, edits: [removeArrayItem(ctx.doc.text, v.node)] }] });
        for (const v of el.values) {
          if (!hasWildcard(v.value)) continue;
          const colon = v.value.indexOf(':');
          const svc = colon > 0 ? v.value.slice(0, colon) : '';
          if (!svc || hasWildcard(svc)) anywhere.push(pattern(v));
          else { const g = byService.get(svc.toLowerCase()); if (g) g.push(pattern(v)); else byService.set(svc.toLowerCase(), [pattern(v)]); }
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
          // the first covering entry: wildcards anywhere, then those of the same service, each in document order
          const cover = coverIn(anywhere, v, lower) ?? (colon > 0 && byService.size ? coverIn(byService.get(v.value.slice(0, colon).toLowerCase()), v, lower) : undefined);
          if (!cover) continue;
          ctx.report({ span: v.span, tags: [1], message: l10n.t('"{0}" is already covered by "{1}" in "{2}": remove it (or narrow "{3}").', v.value, cover.value, el.entry.key, cover.value), related: [{ span: cover.span, message: l10n.t('"{0}" covers it', cover.value) }], data: removeFix(v) });
        }
      }
    }
  },
};
