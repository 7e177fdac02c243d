import type { Rule } from '../rule';
import { replaceString } from '../fixes';
import { forEachConditionKey } from './conditionValues';
import * as l10n from '@vscode/l10n';

/** ForAllValues:/ForAnyValue: on a single-valued key: ForAllValues then also matches requests without the key. */
export const setOperatorSingleValued: Rule = {
  code: 'IAM306',
  slug: 'set-operator-single-valued',
  defaultSeverity: 'warning',
  description: 'ForAllValues: and ForAnyValue: are for multivalued keys; on a single-valued key ForAllValues also matches requests that lack the key.',
  check(ctx) {
    forEachConditionKey(ctx, ({ op, key, info, clause }) => {
      if (!op?.qualifier || !info || info.multiValued) return;
      const plain = op.raw.slice(op.qualifier.length + 1);
      ctx.report({
        span: clause.entry.keySpan,
        message: op.qualifier === 'ForAllValues'
          ? l10n.t('"{0}" is single-valued: "ForAllValues:" makes the condition true when the key is missing, which is rarely intended (a security risk in Allow statements). Use "{1}".', key.key, plain)
          : l10n.t('"{0}" is single-valued: "ForAnyValue:" is unnecessary; use "{1}".', key.key, plain),
        severity: op.qualifier === 'ForAnyValue' ? 'information' : undefined,
        related: [{ span: key.entry.keySpan, message: l10n.t('{0} is single-valued', key.key) }],
        data: { fixes: [replaceString(clause.entry.keySpan, plain, undefined, true)] },
      });
    });
  },
};
