import { hasWildcard } from '../../../core/wildcard';
import type { Rule } from '../rule';
import { replaceString } from '../fixes';
import { forEachConditionKey } from './conditionValues';

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
          message: `"${op.raw}" compares "${v.value}" literally, so "*" and "?" are not wildcards here.${like ? ` Use "${like}" to match a pattern` : ' Use StringLike to match a pattern'} (or \${*} / \${?} for a literal character).`,
          data: like ? { fixes: [replaceString(clause.entry.keySpan, like, `Change the operator to "${like}"`, true)] } : undefined,
        });
      }
    });
  },
};
