import type { Rule } from '../rule';
import { replacementFixes } from '../fixes';
import { didYouMean } from '../messageText';
import { forEachAction } from './actionValues';
import * as l10n from '@vscode/l10n';

/** The service exists but has no such action (e.g. "s3:GetObjekt"). */
export const unknownAction: Rule = {
  code: 'IAM202',
  slug: 'unknown-action',
  defaultSeverity: 'error',
  description: 'The action must exist in the service (per the bundled Service Authorization Reference data).',
  check(ctx) {
    forEachAction(ctx, (v, c) => {
      if (c.kind !== 'unknown-action') return;
      ctx.report({
        span: v.span,
        message: l10n.t('Unknown action "{0}": the service "{1}" has no such action.', v.value, c.service) + didYouMean(c.suggestions)
          + (c.suggestions.length ? '' : ` ${l10n.t('Check the actions of "{0}" in the Service Authorization Reference ({1}).', c.service, ctx.catalog.version.label)}`),
        data: { fixes: replacementFixes(v.span, c.suggestions) },
      });
    });
  },
};
