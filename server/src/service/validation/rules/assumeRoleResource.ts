import type { Rule } from '../rule';
import { assumeRoleOnNonRoles } from '../assumeRoleTargets';
import * as l10n from '@vscode/l10n';

/** sts:AssumeRole granted in an identity policy on a user, bucket or policy: the classic mix-up with trust policies. */
export const assumeRoleResource: Rule = {
  code: 'IAM809',
  slug: 'assume-role-resource',
  defaultSeverity: 'warning',
  description: 'In an identity policy, sts:AssumeRole* acts on the role to be assumed: "Resource" must be a role ARN (arn:aws:iam::ACCOUNT:role/NAME). On a user, bucket or policy ARN it grants nothing. Who may assume a role is said in that role\'s trust policy, not here.',
  check(ctx) {
    for (const s of ctx.doc.statements) {
      const hit = assumeRoleOnNonRoles(s, ctx.policyType);
      if (!hit) continue;
      const named = hit.resources.map((r) => `"${r.value}"`).slice(0, 2).join(', ');
      for (const v of hit.actions) {
        ctx.report({
          span: v.span,
          message: l10n.t('"{0}" lets the holder become a role, so "Resource" must be the role\'s ARN (arn:aws:iam::ACCOUNT:role/NAME); {1} is not a role, so this grants nothing. To let someone assume a role, the role\'s trust policy names them (Principal) and their identity policy allows {0} on the role\'s ARN.', v.value, `${named}${hit.resources.length > 2 ? ', …' : ''}`),
          related: hit.resources.map((r) => ({ span: r.span, message: l10n.t('not a role ARN') })),
        });
      }
    }
  },
};
