import type { Rule } from '../rule';
import { hasElement } from '../elements';
import { PRINCIPAL_REQUIRED } from '../policyTypeGroups';
import * as l10n from '@vscode/l10n';

/** Resource, trust, RCP and VPC endpoint policies must say whom a statement applies to. */
export const principalMissing: Rule = {
  code: 'IAM102',
  slug: 'principal-missing',
  defaultSeverity: 'error',
  description: 'Resource-based, role trust, resource control and VPC endpoint policies need a Principal in every statement.',
  check(ctx) {
    if (!PRINCIPAL_REQUIRED.has(ctx.policyType)) return;
    for (const s of ctx.doc.statements) {
      if (hasElement(s.entries, 'Principal', 'NotPrincipal')) continue;
      const example = ctx.policyType === 'rcp' || ctx.policyType === 'endpoint' ? '"Principal": "*"'
        : ctx.policyType === 'trust' ? '"Principal": {"Service": "lambda.amazonaws.com"}' : '"Principal": {"AWS": "arn:aws:iam::111122223333:root"}';
      ctx.report({ span: { offset: s.span.offset, length: 1 }, message: l10n.t('The statement has no "Principal": add {0}. (If this is an identity policy, change the policy type.)', example) });
    }
  },
};
