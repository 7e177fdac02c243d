import type { Rule } from '../rule';
import { replaceString } from '../fixes';
import * as l10n from '@vscode/l10n';

const PASS_ROLE = /^iam:passrole$/i;

/** iam:PassRole written in a trust policy: the PassRole/AssumeRole mix-up (IAM105 leaves this action to this rule). */
export const passRoleInTrust: Rule = {
  code: 'IAM808',
  slug: 'pass-role-in-trust',
  defaultSeverity: 'error',
  description: 'iam:PassRole cannot be granted in a role trust policy. A trust policy says who may assume the role (sts:AssumeRole, also for a service such as lambda.amazonaws.com); iam:PassRole belongs in the identity policy of whoever hands the role to a service.',
  check(ctx) {
    if (ctx.policyType !== 'trust') return;
    for (const s of ctx.doc.statements) {
      for (const v of s.action?.values ?? []) {
        if (!PASS_ROLE.test(v.value)) continue;
        ctx.report({
          span: v.span,
          message: l10n.t('iam:PassRole does not belong in a trust policy: here, the service or principal that may use the role is allowed sts:AssumeRole. iam:PassRole goes in the identity policy of the user or role that hands this role to a service (e.g. when calling lambda:CreateFunction with --role), with the role\'s ARN as "Resource".'),
          data: { fixes: [replaceString(v.span, 'sts:AssumeRole', undefined, true)] },
        });
      }
    }
  },
};
