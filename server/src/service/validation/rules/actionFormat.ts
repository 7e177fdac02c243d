import type { Rule } from '../rule';
import { replacementFixes } from '../fixes';
import { forEachAction } from './actionValues';

/** Action strings that are not "service:Action" at all (no colon, white space, two colons). */
export const actionFormat: Rule = {
  code: 'IAM205',
  slug: 'action-format',
  defaultSeverity: 'error',
  description: 'An action is written "service:Action" (wildcards allowed) or "*".',
  check(ctx) {
    forEachAction(ctx, (v, c) => {
      if (c.kind !== 'format') return;
      ctx.report({ span: v.span, message: c.message, data: { fixes: replacementFixes(v.span, c.suggestions) } });
    });
  },
};
