import type { Node } from 'jsonc-parser';
import type { Rule, RuleContext } from '../rule';
import * as l10n from '@vscode/l10n';

const at = (n: Node) => ({ offset: n.offset, length: n.length });

function expectString(ctx: RuleContext, n: Node | undefined, name: string): void {
  if (n && n.type !== 'string') {
    const message = n.type === 'null' ? l10n.t('"{0}" must be a string, not null.', name) : n.type === 'array' ? l10n.t('"{0}" must be a string, not an array.', name)
      : n.type === 'object' ? l10n.t('"{0}" must be a string, not an object.', name) : n.type === 'number' ? l10n.t('"{0}" must be a string, not a number.', name)
        : l10n.t('"{0}" must be a string, not a boolean.', name);
    ctx.report({ span: at(n), message });
  }
}

/** Elements with the wrong JSON type: Effect as an array, Action as an object, a number in a Resource list… */
export const dataType: Rule = {
  code: 'IAM014',
  slug: 'data-type',
  defaultSeverity: 'error',
  description: 'Each element must have the JSON type the grammar allows (strings, arrays of strings, objects for Principal and Condition).',
  check(ctx) {
    const { doc } = ctx;
    expectString(ctx, doc.entries.find((e) => e.key === 'Version')?.valueNode, 'Version');
    expectString(ctx, doc.entries.find((e) => e.key === 'Id')?.valueNode, 'Id');
    for (const s of doc.statements) {
      for (const key of ['Sid', 'Effect']) expectString(ctx, s.entries.find((e) => e.key === key)?.valueNode, key);
      for (const el of [s.action, s.notAction, s.resource, s.notResource]) {
        if (!el) continue;
        const n = el.entry.valueNode;
        if (n && n.type !== 'string' && n.type !== 'array') ctx.report({ span: at(n), message: l10n.t('"{0}" must be a string or an array of strings.', el.entry.key) });
        else for (const bad of el.invalid) ctx.report({ span: bad.span, message: l10n.t('Each "{0}" entry must be a string in double quotes.', el.entry.key) });
      }
      for (const p of [s.principal, s.notPrincipal]) {
        if (!p) continue;
        const n = p.entry.valueNode;
        if (n && n.type !== 'string' && n.type !== 'object') ctx.report({ span: at(n), message: l10n.t('"{0}" must be "*" or an object such as {"AWS": ["arn:aws:iam::111122223333:root"]}.', p.entry.key) });
        for (const t of p.types) {
          const tn = t.list.entry.valueNode;
          if (tn && tn.type !== 'string' && tn.type !== 'array') ctx.report({ span: at(tn), message: l10n.t('The "{0}" principal must be a string or an array of strings.', t.type) });
          else for (const bad of t.list.invalid) ctx.report({ span: bad.span, message: l10n.t('Each "{0}" principal must be a string (account ids too: "111122223333").', t.type) });
        }
      }
      const cn = s.condition?.valueNode;
      if (cn && cn.type !== 'object') ctx.report({ span: at(cn), message: l10n.t('"Condition" must be an object: {"Operator": {"key": "value"}}.') });
      for (const c of s.conditions) {
        const on = c.entry.valueNode;
        if (on && on.type !== 'object') { ctx.report({ span: at(on), message: l10n.t('"{0}" must map condition keys to values: {"aws:SourceIp": "203.0.113.0/24"}.', c.operator) }); continue; }
        for (const k of c.keys) {
          for (const v of k.values) {
            if (v.kind === 'object' || v.kind === 'array' || v.kind === 'null') ctx.report({ span: v.span, message: v.kind === 'null' ? l10n.t('Condition values must be strings, numbers or booleans (or an array of them), not null.') : v.kind === 'array' ? l10n.t('Condition values must be strings, numbers or booleans (or an array of them), not an array.') : l10n.t('Condition values must be strings, numbers or booleans (or an array of them), not an object.') });
          }
        }
      }
    }
  },
};
