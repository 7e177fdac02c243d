import { hasWildcard } from '../../../core/wildcard';
import type { Rule } from '../rule';
import { forEachAction } from './actionValues';
import * as l10n from '@vscode/l10n';

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
        message: hasWildcard(c.service)
          ? l10n.t('"{0}" matches no action of any service: check the spelling (wildcards: * any run of characters, ? one character).', v.value)
          : l10n.t('"{0}" matches no action of "{1}": check the spelling (wildcards: * any run of characters, ? one character).', v.value, c.service),
      });
    });
  },
};
