import type { Rule } from '../rule';
import * as l10n from '@vscode/l10n';

/** Principal "*" in an Allow without conditions: anyone on the internet (or any AWS account) gets access. */
export const publicPrincipal: Rule = {
  code: 'IAM805',
  slug: 'public-principal',
  defaultSeverity: 'warning',
  description: 'An Allow statement with Principal "*" (or {"AWS": "*"}) and no Condition grants access to everyone; restrict it with conditions such as aws:PrincipalOrgID, aws:SourceVpce or aws:SourceIp.',
  check(ctx) {
    if (ctx.policyType !== 'resource' && ctx.policyType !== 'trust') return;
    for (const s of ctx.doc.statements) {
      if (s.effect?.value !== 'Allow' || s.condition || !s.principal) continue;
      const star = s.principal.bare?.value === '*' ? s.principal.bare
        : s.principal.types.find((t) => t.type === 'AWS')?.list.values.find((v) => v.value === '*');
      if (!star) continue;
      ctx.report({
        span: star.span,
        message: ctx.policyType === 'trust'
          ? l10n.t('Any AWS principal in any account can assume this role: name the trusted accounts or roles, or add conditions such as aws:PrincipalOrgID or sts:ExternalId.')
          : l10n.t('This grants access to everyone, including anonymous users: name the principals, or add a Condition such as aws:PrincipalOrgID, aws:SourceVpce or aws:SourceIp.'),
      });
    }
  },
};
