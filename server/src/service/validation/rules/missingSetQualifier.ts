import type { Rule } from '../rule';
import { replacementFixes } from '../fixes';
import { forEachConditionKey } from './conditionValues';

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
        message: `"${key.key}" is multivalued: write "ForAnyValue:${op.raw}" (at least one value matches) or "ForAllValues:${op.raw}" (every value matches).`,
        related: [{ span: key.entry.keySpan, message: `${key.key} is multivalued` }],
        data: { fixes },
      });
    });
  },
};
