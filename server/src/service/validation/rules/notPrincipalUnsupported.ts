import type { Rule } from '../rule';
import * as l10n from '@vscode/l10n';

/** NotPrincipal is not supported in trust, RCP and endpoint policies, and only works with Deny elsewhere. */
export const notPrincipalUnsupported: Rule = {
  code: 'IAM103',
  slug: 'not-principal-unsupported',
  defaultSeverity: 'error',
  description: 'NotPrincipal is not supported in role trust policies, RCPs or VPC endpoint policies.',
  check(ctx) {
    if (ctx.policyType !== 'trust' && ctx.policyType !== 'rcp' && ctx.policyType !== 'endpoint') return;
    for (const s of ctx.doc.statements) {
      if (!s.notPrincipal) continue;
      ctx.report({
        span: s.notPrincipal.entry.keySpan,
        message: ctx.policyType === 'rcp'
          ? l10n.t('RCPs do not support NotPrincipal: use "Principal": "*" with a condition on aws:PrincipalArn or aws:PrincipalAccount.')
          : `${ctx.policyType === 'trust' ? 'Role trust' : 'VPC endpoint'} policies do not support NotPrincipal: name the allowed principals in "Principal".`,
      });
    }
  },
};
