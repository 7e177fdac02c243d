import type { Rule } from '../rule';
import type { Value } from '../../../core/policy/model';
import { globMatch } from '../../../core/wildcard';
import { replaceString } from '../fixes';
import * as l10n from '@vscode/l10n';

const TRUST_ACTIONS = ['sts:AssumeRole', 'sts:AssumeRoleWithSAML', 'sts:AssumeRoleWithWebIdentity', 'sts:TagSession', 'sts:SetSourceIdentity', 'sts:SetContext'];
const ASSUME = ['sts:AssumeRole', 'sts:AssumeRoleWithSAML', 'sts:AssumeRoleWithWebIdentity'];

function granted(values: Value[]): Set<string> {
  const out = new Set<string>();
  for (const v of values) for (const a of TRUST_ACTIONS) if (globMatch(v.value, a, true)) out.add(a);
  return out;
}

/** Trust policies grant only the sts:AssumeRole* family (plus TagSession, SetSourceIdentity, SetContext), matched to the principal kind. */
export const trustAction: Rule = {
  code: 'IAM105',
  slug: 'trust-action',
  defaultSeverity: 'error',
  description: 'Role trust policies allow only sts:AssumeRole, sts:AssumeRoleWithSAML (SAML providers), sts:AssumeRoleWithWebIdentity (OIDC providers), sts:TagSession, sts:SetSourceIdentity and sts:SetContext; IAM Roles Anywhere needs AssumeRole, TagSession and SetSourceIdentity. A federated principal needs its assume action once per policy: another statement may grant it only sts:TagSession or sts:SetSourceIdentity.',
  check(ctx) {
    if (ctx.policyType !== 'trust') return;
    // A federated principal needs its assume action once per policy: AWS publishes trust policies whose second
    // statement grants only sts:SetSourceIdentity or sts:TagSession to the same provider.
    const grantedTo = new Map<string, Set<string>>();
    for (const s of ctx.doc.statements) {
      if (s.effect?.value === 'Deny') continue;
      const g = granted(s.action?.values ?? []);
      for (const t of s.principal?.types ?? []) {
        for (const p of t.list.values) {
          const key = `${t.type}\u0000${p.value}`;
          const set = grantedTo.get(key) ?? new Set<string>();
          for (const a of g) set.add(a);
          grantedTo.set(key, set);
        }
      }
    }
    const policyGrants = (type: string, p: Value, action: string) => grantedTo.get(`${type}\u0000${p.value}`)?.has(action) ?? false;
    for (const s of ctx.doc.statements) {
      const actions = s.action?.values ?? [];
      const principals = (type: string) => s.principal?.types.find((t) => t.type === type)?.list.values ?? [];
      const fed = principals('Federated');
      const saml = fed.filter((f) => /:saml-provider\//.test(f.value));
      const oidc = fed.filter((f) => !/:saml-provider\//.test(f.value));
      const fitting = saml.length ? 'sts:AssumeRoleWithSAML' : fed.length ? 'sts:AssumeRoleWithWebIdentity' : 'sts:AssumeRole';
      for (const v of actions) {
        // iam:PassRole here is the PassRole/AssumeRole mix-up, which IAM808 explains
        if (v.value === '*' || /^iam:passrole$/i.test(v.value) || TRUST_ACTIONS.some((a) => globMatch(v.value, a, true))) continue;
        ctx.report({
          span: v.span,
          message: `"${v.value}" cannot be granted in a role trust policy: use ${ASSUME.join(', ')} (plus sts:TagSession, sts:SetSourceIdentity or sts:SetContext).`,
          data: { fixes: [replaceString(v.span, fitting, undefined, true)] },
        });
      }
      if (!s.action || !actions.length || s.effect?.value === 'Deny') continue;
      const g = granted(actions);
      const svc = principals('Service');
      const aws = principals('AWS');
      const span = s.action.entry.keySpan;
      const samlMissing = saml.filter((p) => !policyGrants('Federated', p, 'sts:AssumeRoleWithSAML'));
      if (samlMissing.length) {
        ctx.report({ span, message: l10n.t('A SAML provider principal assumes the role with sts:AssumeRoleWithSAML, and no statement of this policy grants it to this provider: add it to "Action".'), related: samlMissing.map((p) => ({ span: p.span, message: l10n.t('SAML principal') })) });
      }
      const oidcMissing = oidc.filter((p) => !policyGrants('Federated', p, 'sts:AssumeRoleWithWebIdentity'));
      if (oidcMissing.length) {
        ctx.report({ span, message: l10n.t('An OIDC (web identity) principal assumes the role with sts:AssumeRoleWithWebIdentity, and no statement of this policy grants it to this provider: add it to "Action".'), related: oidcMissing.map((p) => ({ span: p.span, message: l10n.t('OIDC principal') })) });
      }
      if ((svc.length || aws.length || s.principal?.bare) && !fed.length && !g.has('sts:AssumeRole') && (g.has('sts:AssumeRoleWithSAML') || g.has('sts:AssumeRoleWithWebIdentity'))) {
        ctx.report({ span, message: l10n.t('AWS and service principals assume a role with sts:AssumeRole; AssumeRoleWithSAML and AssumeRoleWithWebIdentity are for "Federated" principals.') });
      }
      const rolesAnywhere = svc.find((p) => p.value === 'rolesanywhere.amazonaws.com');
      if (rolesAnywhere) {
        const missing = ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'].filter((a) => !policyGrants('Service', rolesAnywhere, a));
        if (missing.length) ctx.report({ span, message: `IAM Roles Anywhere needs ${missing.join(', ')} in the trust policy: add ${missing.length > 1 ? 'them' : 'it'} to "Action".` });
      }
    }
  },
};
