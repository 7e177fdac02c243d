import type { Node } from 'jsonc-parser';
import type { Rule, RuleContext } from '../rule';
import * as l10n from '@vscode/l10n';

function empty(n: Node | undefined): 'array' | 'object' | 'string' | undefined {
  if (!n) return undefined;
  if (n.type === 'array' && !n.children?.length) return 'array';
  if (n.type === 'object' && !n.children?.length) return 'object';
  if (n.type === 'string' && n.value === '') return 'string';
  return undefined;
}

function report(ctx: RuleContext, n: Node, what: string, hint: string): void {
  ctx.report({ span: { offset: n.offset, length: n.length }, message: l10n.t('{0} is empty: {1}', what, hint) });
}

/** Empty arrays, objects and strings in Action, Resource, Principal and Condition: the statement matches nothing. */
export const emptyValue: Rule = {
  code: 'IAM013',
  slug: 'empty-value',
  defaultSeverity: 'warning',
  description: 'Action, Resource, Principal and Condition values must not be empty arrays, objects or strings.',
  check(ctx) {
    for (const s of ctx.doc.statements) {
      for (const el of [s.action, s.notAction, s.resource, s.notResource]) {
        if (!el) continue;
        const n = el.entry.valueNode;
        const kind = empty(n);
        if (n && kind) report(ctx, n, `"${el.entry.key}"`, `list at least one ${/Action/.test(el.entry.key) ? 'action' : 'resource'}, or remove the statement.`);
        for (const v of el.values) if (v.value === '' && n?.type === 'array') report(ctx, v.node, 'This entry', 'remove it.');
      }
      for (const p of [s.principal, s.notPrincipal]) {
        if (!p) continue;
        const n = p.entry.valueNode;
        if (n && empty(n)) report(ctx, n, `"${p.entry.key}"`, 'name at least one principal, e.g. {"AWS": "arn:aws:iam::111122223333:root"}.');
        for (const t of p.types) {
          const tn = t.list.entry.valueNode;
          if (tn && empty(tn)) report(ctx, tn, `The "${t.type}" principal list`, 'name at least one principal or remove it.');
        }
      }
      if (s.condition?.valueNode && empty(s.condition.valueNode)) report(ctx, s.condition.valueNode, '"Condition"', 'add a condition or remove the element.');
      for (const c of s.conditions) {
        if (c.entry.valueNode && empty(c.entry.valueNode)) report(ctx, c.entry.valueNode, `The "${c.operator}" block`, 'add a condition key or remove the operator.');
        for (const k of c.keys) {
          const kn = k.entry.valueNode;
          if (!kn || kn.type !== 'array' || kn.children?.length) continue;
          const q = /^(ForAllValues|ForAnyValue):/.exec(c.operator)?.[1];
          const hint = q === 'ForAllValues'
            ? l10n.t('with ForAllValues an empty list matches only requests without the key, which is rarely intended; list the allowed values.')
            : q === 'ForAnyValue' ? 'with ForAnyValue an empty list never matches; list values.'
              : l10n.t('the condition can never match; list at least one value.');
          report(ctx, kn, `The value list of "${k.key}"`, hint);
        }
      }
    }
  },
};
