import type { Rule } from '../rule';
import { replacementFixes } from '../fixes';
import { didYouMean } from '../messageText';
import { forEachAction } from './actionValues';
import * as l10n from '@vscode/l10n';

/** The service prefix of an action is not a known service (e.g. "dyanmodb:PutItem"). */
export const unknownService: Rule = {
  code: 'IAM201',
  slug: 'unknown-service',
  defaultSeverity: 'error',
  description: 'The service prefix of an action must be a known service prefix (lowercase, e.g. "dynamodb").',
  check(ctx) {
    forEachAction(ctx, (v, c) => {
      if (c.kind !== 'unknown-service') return;
      const rest = v.value.slice(v.value.indexOf(':'));
      const replacements = c.suggestions.map((p) => p + rest);
      ctx.report({
        span: v.span,
        message: l10n.t('Unknown service "{0}" in "{1}".', c.service, v.value) + didYouMean(c.suggestions)
          + (c.suggestions.length ? '' : ` ${l10n.t('Check the service prefix in the Service Authorization Reference.')}`),
        data: { fixes: replacementFixes(v.span, replacements) },
      });
    });
  },
};
