import type { Rule } from '../rule';
import { ALL_OPERATORS, parseOperator } from '../conditionOperators';
import { replacementFixes } from '../fixes';
import { didYouMean } from '../messageText';
import { suggest } from '../suggestions';
import * as l10n from '@vscode/l10n';

/** Condition operators are a fixed, case-sensitive set (StringEquals, ArnLike, Bool, …, with IfExists and set qualifiers). */
export const unknownOperator: Rule = {
  code: 'IAM301',
  slug: 'unknown-operator',
  defaultSeverity: 'error',
  description: 'The condition operator must be one of the IAM operators (e.g. StringEquals, NumericLessThan, ArnLike, IpAddress, Bool, Null), optionally with IfExists and ForAllValues:/ForAnyValue:.',
  check(ctx) {
    for (const s of ctx.doc.statements) {
      for (const c of s.conditions) {
        if (parseOperator(c.operator)) continue;
        const exactCase = ALL_OPERATORS.find((o) => o.toLowerCase() === c.operator.toLowerCase());
        const options = exactCase ? [exactCase] : suggest(c.operator, ALL_OPERATORS, 3);
        const qualifierTypo = /^for(all|any)values?:/i.test(c.operator) && !/^(ForAllValues|ForAnyValue):/.test(c.operator);
        ctx.report({
          span: c.entry.keySpan,
          message: exactCase
            ? l10n.t('Condition operators are case-sensitive: write "{0}".', exactCase)
            : options.length ? l10n.t('Unknown condition operator "{0}".{1}', c.operator, didYouMean(options))
              : qualifierTypo ? l10n.t('Unknown condition operator "{0}". The set qualifiers are "ForAllValues:" and "ForAnyValue:".', c.operator)
                : l10n.t('Unknown condition operator "{0}". Use an IAM operator such as StringEquals, StringLike, ArnLike, NumericLessThan, DateGreaterThan, Bool, IpAddress or Null.', c.operator),
          data: { fixes: replacementFixes(c.entry.keySpan, options) },
        });
      }
    }
  },
};
