import type { Rule } from '../rule';
import { replacementFixes } from '../fixes';
import { didYouMean } from '../messageText';
import { forEachAction } from './actionValues';

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
        message: `Unknown action "${v.value}": the service "${c.service}" has no such action.${didYouMean(c.suggestions)}${c.suggestions.length ? '' : ` Check the actions of "${c.service}" in the Service Authorization Reference (${ctx.catalog.version.label}).`}`,
        data: { fixes: replacementFixes(v.span, c.suggestions) },
      });
    });
  },
};
