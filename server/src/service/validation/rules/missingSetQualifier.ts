import type { Rule } from '../rule';
import { replacementFixes } from '../fixes';
import { forEachConditionKey } from './conditionValues';
import * as l10n from '@vscode/l10n';

/** A plain operator on a multivalued key (aws:TagKeys, aws:CalledVia…): say whether all or any values must match. */
export const missingSetQualifier: Rule = {
  code: 'IAM307',
  slug: 'missing-set-qualifier',
  defaultSeverity: 'warning',
  description: 'Multivalued keys such as aws:TagKeys need ForAllValues: or ForAnyValue: in front of the operator.',
  check(ctx) {
    forEachConditionKey(ctx, ({ op, key, info, clause }) => {
      if (!op || op.qualifier || op.family === 'Null' || !info?.multiValued) return;
      const fixes = replacementFixes(clause.entry.keySpan, ['ForAnyValue', 'ForAllValues'].map((q) => `${q}:${op.raw}`));
      ctx.report({
        span: clause.entry.keySpan,
        message: l10n.t('"{0}" is multivalued: write "ForAnyValue:{1}" (at least one value matches) or "ForAllValues:{2}" (every value matches).', key.key, op.raw, op.raw),
        related: [{ span: key.entry.keySpan, message: l10n.t('{0} is multivalued', key.key) }],
        data: { fixes },
      });
    });
  },
};
