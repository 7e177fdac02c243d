import { hasWildcard } from '../../../core/wildcard';
import type { Rule } from '../rule';
import { forEachAction } from './actionValues';

/** A wildcard action pattern that matches no action at all (e.g. "s3:Gte*"). Valid wildcards are never flagged. */
export const wildcardMatchesNothing: Rule = {
  code: 'IAM204',
  slug: 'wildcard-matches-nothing',
  defaultSeverity: 'warning',
  description: 'A wildcard action such as "s3:Get*" must match at least one action; a pattern that matches none is usually a typo.',
  check(ctx) {
    forEachAction(ctx, (v, c) => {
      if (c.kind !== 'wildcard-none') return;
      ctx.report({
        span: v.span,
        message: `"${v.value}" matches no action of ${hasWildcard(c.service) ? 'any service' : `"${c.service}"`}: check the spelling (wildcards: * any run of characters, ? one character).`,
      });
    });
  },
};
