import type { Rule } from '../rule';
import { hasElement } from '../elements';

/** A statement needs Action or NotAction. */
export const missingAction: Rule = {
  code: 'IAM006',
  slug: 'missing-action',
  defaultSeverity: 'error',
  description: 'Every statement needs "Action" or "NotAction".',
  check(ctx) {
    for (const s of ctx.doc.statements) {
      if (hasElement(s.entries, 'Action', 'NotAction')) continue;
      ctx.report({ span: { offset: s.span.offset, length: 1 }, message: 'The statement has no "Action": add "Action": ["service:Action", …] (or "NotAction").' });
    }
  },
};
