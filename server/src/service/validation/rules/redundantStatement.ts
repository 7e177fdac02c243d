import { getNodeValue, type Node } from 'jsonc-parser';
import type { Statement } from '../../../core/policy/model';
import { globMatch, hasWildcard } from '../../../core/wildcard';
import type { Rule } from '../rule';
import { actionCovers } from './redundantAction';
import * as l10n from '@vscode/l10n';

function canonical(n: Node | undefined): string {
  if (!n) return '';
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort).map((x) => JSON.stringify(x)).sort();
    if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])]));
    return v;
  };
  return JSON.stringify(sort(getNodeValue(n)));
}

function resourceCovers(p: string, q: string): boolean {
  if (p === q || p === '*') return true;
  if (!hasWildcard(q)) return globMatch(p, q, false);
  return p.endsWith('*') && !hasWildcard(p.slice(0, -1)) && q.startsWith(p.slice(0, -1));
}

function covered(a: Statement, b: Statement): boolean {
  if (!a.action || !b.action || !a.resource || !b.resource || a.notAction || b.notAction || a.notResource || b.notResource) return false;
  if (a.effect?.value !== b.effect?.value || !a.action.values.length || !a.resource.values.length) return false;
  if (canonical(a.principal?.entry.valueNode) !== canonical(b.principal?.entry.valueNode)) return false;
  if (canonical(a.notPrincipal?.entry.valueNode) !== canonical(b.notPrincipal?.entry.valueNode)) return false;
  if (canonical(a.condition?.valueNode) !== canonical(b.condition?.valueNode)) return false;
  return a.action.values.every((q) => b.action!.values.some((p) => p.value.toLowerCase() === q.value.toLowerCase() || actionCovers(p.value, q.value)))
    && a.resource.values.every((q) => b.resource!.values.some((p) => resourceCovers(p.value, q.value)));
}

/** A statement whose actions and resources another statement with the same effect, principal and condition already covers. */
function redundantMessage(covering: string, principal: boolean, condition: boolean): string {
  if (principal && condition) return l10n.t('This statement is redundant: statement {0} has the same effect, principal and condition and already covers all its actions and resources. Remove it.', covering);
  if (principal) return l10n.t('This statement is redundant: statement {0} has the same effect, principal and already covers all its actions and resources. Remove it.', covering);
  if (condition) return l10n.t('This statement is redundant: statement {0} has the same effect and condition and already covers all its actions and resources. Remove it.', covering);
  return l10n.t('This statement is redundant: statement {0} has the same effect and already covers all its actions and resources. Remove it.', covering);
}

export const redundantStatement: Rule = {
  code: 'IAM902',
  slug: 'redundant-statement',
  defaultSeverity: 'information',
  description: 'A statement that another statement with the same Effect, Principal and Condition fully covers (its actions and resources) can be removed.',
  check(ctx) {
    const st = ctx.doc.statements;
    // every pair is compared: past a few hundred statements (far over any quota) that would cost more than it tells
    if (st.length < 2 || st.length > 500) return;
    for (const a of st) {
      for (const b of st) {
        if (a === b || !covered(a, b)) continue;
        if (covered(b, a) && b.index > a.index) continue; // identical pair: report the later one only
        ctx.report({
          span: a.sid ? a.sid.span : { offset: a.span.offset, length: 1 },
          tags: [1],
          message: redundantMessage(b.sid ? `"${b.sid.value}"` : `#${b.index + 1}`, !!a.principal, !!a.condition),
          related: [{ span: b.sid ? b.sid.span : { offset: b.span.offset, length: 1 }, message: l10n.t('covering statement') }],
        });
        break;
      }
    }
  },
};
