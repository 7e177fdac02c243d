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

function report(ctx: RuleContext, n: Node, message: string): void {
  ctx.report({ span: { offset: n.offset, length: n.length }, message });
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
        if (n && kind) {
          report(ctx, n, /Action/.test(el.entry.key)
            ? l10n.t('"{0}" is empty: list at least one action, or remove the statement.', el.entry.key)
            : l10n.t('"{0}" is empty: list at least one resource, or remove the statement.', el.entry.key));
        }
        for (const v of el.values) if (v.value === '' && n?.type === 'array') report(ctx, v.node, l10n.t('This entry is empty: remove it.'));
      }
      for (const p of [s.principal, s.notPrincipal]) {
        if (!p) continue;
        const n = p.entry.valueNode;
        if (n && empty(n)) report(ctx, n, l10n.t('"{0}" is empty: name at least one principal, e.g. {1}.', p.entry.key, '{"AWS": "arn:aws:iam::111122223333:root"}'));
        for (const t of p.types) {
          const tn = t.list.entry.valueNode;
          if (tn && empty(tn)) report(ctx, tn, l10n.t('The "{0}" principal list is empty: name at least one principal or remove it.', t.type));
        }
      }
      if (s.condition?.valueNode && empty(s.condition.valueNode)) report(ctx, s.condition.valueNode, l10n.t('"Condition" is empty: add a condition or remove the element.'));
      for (const c of s.conditions) {
        if (c.entry.valueNode && empty(c.entry.valueNode)) report(ctx, c.entry.valueNode, l10n.t('The "{0}" block is empty: add a condition key or remove the operator.', c.operator));
        for (const k of c.keys) {
          const kn = k.entry.valueNode;
          if (!kn || kn.type !== 'array' || kn.children?.length) continue;
          const q = /^(ForAllValues|ForAnyValue):/.exec(c.operator)?.[1];
          report(ctx, kn, q === 'ForAllValues'
            ? l10n.t('The value list of "{0}" is empty: with ForAllValues an empty list matches only requests without the key, which is rarely intended; list the allowed values.', k.key)
            : q === 'ForAnyValue' ? l10n.t('The value list of "{0}" is empty: with ForAnyValue an empty list never matches; list values.', k.key)
              : l10n.t('The value list of "{0}" is empty: the condition can never match; list at least one value.', k.key));
        }
      }
    }
  },
};
