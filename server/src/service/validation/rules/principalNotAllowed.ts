import type { Rule } from '../rule';
import { PRINCIPAL_FORBIDDEN } from '../policyTypeGroups';
import * as l10n from '@vscode/l10n';

const WHY: Record<string, string> = {
  get identity() { return l10n.t('an identity-based policy applies to the user, group or role it is attached to'); },
  get boundary() { return l10n.t('a permissions boundary applies to the user or role it is set on'); },
  get session() { return l10n.t('a session policy applies to the session it is passed to'); },
  get scp() { return l10n.t('an SCP applies to the accounts it is attached to; use a condition on aws:PrincipalArn to target principals'); },
};

/** Principal/NotPrincipal are forbidden in identity, boundary, session and service control policies. */
export const principalNotAllowed: Rule = {
  code: 'IAM101',
  slug: 'principal-not-allowed',
  defaultSeverity: 'error',
  description: 'Identity policies, permissions boundaries, session policies and SCPs must not have Principal or NotPrincipal.',
  check(ctx) {
    if (!PRINCIPAL_FORBIDDEN.has(ctx.policyType)) return;
    for (const s of ctx.doc.statements) {
      for (const p of [s.principal, s.notPrincipal]) {
        if (!p) continue;
        ctx.report({
          span: p.entry.keySpan,
          message: l10n.t('"{0}" is not allowed here: {1}. Remove it, or if this is a resource or trust policy, change the policy type (IAM Policy: Change Policy Type).', p.entry.key, WHY[ctx.policyType]),
        });
      }
    }
  },
};
