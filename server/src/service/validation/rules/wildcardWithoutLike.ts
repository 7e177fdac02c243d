import { hasWildcard } from '../../../core/wildcard';
import type { Rule } from '../rule';
import { replaceString } from '../fixes';
import { forEachConditionKey } from './conditionValues';
import * as l10n from '@vscode/l10n';

/** `*` or `?` in a StringEquals value is compared literally. */
export const wildcardWithoutLike: Rule = {
  code: 'IAM308',
  slug: 'wildcard-without-like',
  defaultSeverity: 'warning',
  description: 'StringEquals and StringNotEquals compare * and ? literally; use StringLike / StringNotLike for patterns.',
  check(ctx) {
    forEachConditionKey(ctx, ({ op, key, clause }) => {
      if (!op || op.family !== 'String' || op.allowsWildcards) return;
      for (const v of key.values) {
        if (v.kind !== 'string') continue;
        const stripped = v.value.replace(/\$\{[*?$]\}/g, '');
        if (!hasWildcard(stripped)) continue;
        const like = /IgnoreCase/.test(op.base) ? undefined : op.raw.replace(/StringNotEquals/, 'StringNotLike').replace(/StringEquals/, 'StringLike');
        ctx.report({
          span: v.span,
          message: like
            ? l10n.t('"{0}" compares "{1}" literally, so "*" and "?" are not wildcards here. Use "{2}" to match a pattern (or ${*} / ${?} for a literal character).', op.raw, v.value, like)
            : l10n.t('"{0}" compares "{1}" literally, so "*" and "?" are not wildcards here. Use StringLike to match a pattern (or ${*} / ${?} for a literal character).', op.raw, v.value),
          data: like ? { fixes: [replaceString(clause.entry.keySpan, like, l10n.t('Change the operator to "{0}"', like), true)] } : undefined,
        });
      }
    });
  },
};
