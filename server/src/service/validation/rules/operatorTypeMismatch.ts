import type { Rule } from '../rule';
import { keyValueType } from '../../../core/operators';
import { familiesForKey, typedOperator } from '../conditionOperators';
import { replaceString } from '../fixes';
import { forEachConditionKey } from './conditionValues';
import * as l10n from '@vscode/l10n';

const TYPE_LABEL: Record<string, string> = { String: 'a string', ARN: 'an ARN', Bool: 'a boolean', Numeric: 'a number', Date: 'a date', IPAddress: 'an IP address', Binary: 'binary data' };

/** The operator's type does not fit the key's type (a String operator on aws:SourceIp, a Date key compared as a string). */
export const operatorTypeMismatch: Rule = {
  code: 'IAM304',
  slug: 'operator-type-mismatch',
  defaultSeverity: 'warning',
  description: 'The operator must fit the condition key\'s type: IpAddress for IP keys, Date… for dates, Numeric… for numbers, Bool for booleans, Arn… or String… for ARNs, String… for strings.',
  check(ctx) {
    forEachConditionKey(ctx, ({ op, key, info, clause }) => {
      if (!op || !info || op.family === 'Null') return;
      const fams = familiesForKey(info.name, info.type);
      if (fams.includes(op.family)) return;
      const want = fams[1];
      const replacement = typedOperator(op, want);
      const base = keyValueType(info.type);
      ctx.report({
        span: clause.entry.keySpan,
        message: `"${key.key}" holds ${TYPE_LABEL[base] ?? base}, but "${op.raw}" compares ${op.family === 'String' ? 'strings' : op.family === 'IpAddress' ? 'IP addresses' : `${op.family.toLowerCase()} values`}: ${replacement ? `use "${replacement}"` : `use a ${want} operator`}.`,
        related: [{ span: key.entry.keySpan, message: l10n.t('{0}: {1}', key.key, info.type) }],
        data: replacement ? { fixes: [replaceString(clause.entry.keySpan, replacement, undefined, true)] } : undefined,
      });
    });
  },
};
