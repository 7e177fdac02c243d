import type { Rule } from '../rule';
import * as l10n from '@vscode/l10n';

/** The same key twice in one operator block, spelt with different case: keys are case-insensitive, so one is lost. */
export const duplicateConditionKey: Rule = {
  code: 'IAM310',
  slug: 'duplicate-condition-key',
  defaultSeverity: 'error',
  description: 'Condition key names are case-insensitive; the same key twice in one operator block (e.g. aws:SourceIp and aws:sourceip) is an error.',
  check(ctx) {
    for (const s of ctx.doc.statements) {
      for (const c of s.conditions) {
        const seen = new Map<string, { key: string; span: { offset: number; length: number } }>();
        for (const k of c.keys) {
          const lower = k.key.toLowerCase();
          const first = seen.get(lower);
          if (!first) { seen.set(lower, { key: k.key, span: k.entry.keySpan }); continue; }
          if (first.key === k.key) continue; // exact duplicates: duplicate-key rule
          ctx.report({ span: k.entry.keySpan, message: l10n.t('"{0}" is the same key as "{1}" (condition keys are case-insensitive): merge their values into one entry.', k.key, first.key), related: [{ span: first.span, message: l10n.t('same key') }] });
        }
      }
    }
  },
};
