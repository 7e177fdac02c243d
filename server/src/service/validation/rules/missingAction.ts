import type { Rule } from '../rule';
import { hasElement } from '../elements';
import * as l10n from '@vscode/l10n';

/** A statement needs Action or NotAction. */
export const missingAction: Rule = {
  code: 'IAM006',
  slug: 'missing-action',
  defaultSeverity: 'error',
  description: 'Every statement needs "Action" or "NotAction".',
  check(ctx) {
    for (const s of ctx.doc.statements) {
      if (hasElement(s.entries, 'Action', 'NotAction')) continue;
      ctx.report({ span: { offset: s.span.offset, length: 1 }, message: l10n.t('The statement has no "Action": add "Action": ["service:Action", …] (or "NotAction").') });
    }
  },
};
