import type { Rule } from '../rule';
import { globMatch, hasWildcard } from '../../../core/wildcard';
import { entityByArn, passRoleServicePrincipals, servicePrincipalsOf, trustedPrincipals, trustsEveryone } from '../../../core/model/trustedServices';
import * as l10n from '@vscode/l10n';

/**
 * iam:PassRole allowed on a role of the model whose trust policy lets no service assume it: passing it always fails,
 * because the service that receives a role assumes it through that trust policy
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html). Only with a model, and only for
 * Resource values that name one role exactly: a wildcard may match roles the model does not hold.
 */
export const passRoleNoService: Rule = {
  code: 'IAM810',
  slug: 'pass-role-no-service',
  defaultSeverity: 'warning',
  description: 'iam:PassRole is allowed on a role of the IAM model whose trust policy names no service principal, so no service can ever receive it: a service that gets a passed role assumes it through the role\'s trust policy. Needs the workspace\'s model files; only Resource values that name one role exactly (no wildcard) are checked.',
  check(ctx) {
    if (!ctx.model || ctx.policyType !== 'identity') return;
    const known = passRoleServicePrincipals();
    for (const s of ctx.doc.statements) {
      if (s.effect?.value !== 'Allow' || !s.resource) continue;
      if (!(s.action?.values ?? []).some((v) => globMatch(v.value, 'iam:PassRole', true))) continue;
      for (const r of s.resource.values) {
        if (hasWildcard(r.value) || !/^arn:[^:]+:iam::\d{12}:role\//.test(r.value)) continue;
        const model = ctx.model();
        if (!model) return;
        const role = entityByArn(model, r.value);
        if (role?.kind !== 'role') continue;
        const trust = role.trustPolicy?.document;
        if (trustsEveryone(trust)) continue;
        const services = servicePrincipalsOf(trust);
        if (services.some((x) => known.includes(x.toLowerCase()))) continue;
        const where = role.at.file.slice(role.at.file.lastIndexOf('/') + 1);
        if (services.length) {
          ctx.report({
            span: r.span, severity: 'information',
            message: l10n.t('Role {0} (in {1}) trusts only {2}, none of them a service this tool knows to receive a role through iam:PassRole ({3}). If {2} does receive passed roles, ignore this; otherwise no service can use the role, and a person who should act as it needs sts:AssumeRole, not iam:PassRole.', role.name, where, services.join(', '), known.join(', ')),
          });
          continue;
        }
        const who = trustedPrincipals(trust).map((t) => t.principal);
        ctx.report({
          span: r.span,
          message: who.length
            ? l10n.t('Role {0} (in {1}) cannot be passed to any service: its trust policy names no service principal, only {2}. A service that receives a role assumes it through the trust policy, so passing this role always fails. To let a service use it, add the service (e.g. "Service": "lambda.amazonaws.com") to its trust policy; for {2} to act as the role, they need sts:AssumeRole, not iam:PassRole.', role.name, where, who.join(', '))
            : l10n.t('Role {0} (in {1}) cannot be passed to any service: its trust policy lets no one assume it. A service that receives a role assumes it through the trust policy, so passing this role always fails. To let a service use it, add the service (e.g. "Service": "lambda.amazonaws.com") to its trust policy.', role.name, where),
        });
      }
    }
  },
};
