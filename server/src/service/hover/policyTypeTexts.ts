// What Effect, Allow, Deny and Principal mean depend on the kind of policy the document is: an Allow grants access in
// identity-based and resource-based policies, but only sets a ceiling in SCPs, RCPs, boundaries and session policies.
import { POLICY_TYPE_LABELS, type PolicyType } from '../../core/policy/policyType';

/** the English labels decide the article of the English sentence ("an Identity-based policy") */
const POLICY_TYPE_ENGLISH_LABELS: Record<PolicyType, string> = {
  identity: 'Identity-based policy', resource: 'Resource-based policy', trust: 'Role trust policy', scp: 'Service control policy (SCP)',
  rcp: 'Resource control policy (RCP)', boundary: 'Permissions boundary', session: 'Session policy', endpoint: 'VPC endpoint policy',
};
import type { PolicyTypeDecision } from '../policyType';
import * as l10n from '@vscode/l10n';
import { inlineCode } from './markdownText';

const IAM_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/';
const ORG_DOC = 'https://docs.aws.amazon.com/organizations/latest/userguide/';

/** The type with its article, for running text: "in an SCP", "in a permissions boundary". */
const A_TYPE: Record<PolicyType, string> = {
  get identity() { return l10n.t('an identity-based policy'); }, get resource() { return l10n.t('a resource-based policy'); }, get trust() { return l10n.t('a role trust policy'); }, get scp() { return l10n.t('an SCP'); },
  get rcp() { return l10n.t('an RCP'); }, get boundary() { return l10n.t('a permissions boundary'); }, get session() { return l10n.t('a session policy'); }, get endpoint() { return l10n.t('a VPC endpoint policy'); },
};

const DOC_LINKS: Record<PolicyType, string> = {
  get identity() { return `[${l10n.t('Policy evaluation logic')}](${IAM_DOC}reference_policies_evaluation-logic.html)`; },
  get resource() { return `[${l10n.t('Cross-account resource access')}](${IAM_DOC}access_policies-cross-account-resource-access.html)`; },
  get trust() { return `[${l10n.t('IAM roles')}](${IAM_DOC}id_roles.html)`; },
  get scp() { return `[${l10n.t('SCP evaluation')}](${ORG_DOC}orgs_manage_policies_scps_evaluation.html)`; },
  get rcp() { return `[${l10n.t('RCP syntax')}](${ORG_DOC}orgs_manage_policies_rcps_syntax.html)`; },
  get boundary() { return `[${l10n.t('Permissions boundaries')}](${IAM_DOC}access_policies_boundaries.html)`; },
  get session() { return `[${l10n.t('Session policies')}](${IAM_DOC}access_policies.html#policies_session)`; },
  get endpoint() { return `[${l10n.t('VPC endpoint policies')}](https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html)`; },
};

const ALLOW: Record<PolicyType, string> = {
  get identity() { return l10n.t('**Allow** grants the listed access to the user, group (every member) or role the policy is attached to, unless an explicit Deny refuses it or a guardrail (an SCP, RCP, permissions boundary or session policy) does not also allow it.'); },
  get resource() { return l10n.t('**Allow** grants the principals named in `Principal` access to this resource. In the resource\'s own account that is enough (naming the account itself hands the decision to that account\'s identity-based policies); a principal in another account also needs an Allow in its own account\'s identity-based policies.'); },
  get trust() { return l10n.t('**Allow** lets the principals named in `Principal` assume the role. It does not say what the role can do: the role\'s permissions come from the policies attached to it. A principal in another account also needs its own identity-based policies to allow `sts:AssumeRole` on the role.'); },
  get scp() { return l10n.t('**Allow** in an SCP grants nothing. It sets the most that the member accounts\' own policies can grant: an action must be allowed by an SCP at every level, from the organization root through each OU to the account, and then still be granted by identity-based or resource-based policies. SCPs do not restrict the management account or service-linked roles.'); },
  get rcp() { return l10n.t('**Allow** in an RCP grants nothing, and only the AWS managed `RCPFullAWSAccess` policy may use it: it lets requests pass RCP evaluation unchanged. Write your own RCPs with `Deny` statements.'); },
  get boundary() { return l10n.t('**Allow** in a permissions boundary grants nothing. It sets the most the user or role can do: a request is allowed only when both the boundary and the entity\'s identity-based policies allow it; what the boundary leaves out is denied even if an identity-based policy allows it.'); },
  get session() { return l10n.t('**Allow** in a session policy grants nothing. The session gets only what both the session policy and the identity-based policies of the role (or federating user) allow.'); },
  get endpoint() { return l10n.t('**Allow** in a VPC endpoint policy lets matching requests through the endpoint; it grants nothing by itself: the caller still needs permission from identity-based or resource-based policies. Requests it does not allow are denied when they go through this endpoint.'); },
};

const denyDefault = () => l10n.t('**Deny** refuses the listed access. An explicit Deny wins over every Allow, in every policy that applies to the request.');
const DENY: Record<PolicyType, string> = {
  get identity() { return denyDefault(); },
  get resource() { return denyDefault(); },
  get trust() { return l10n.t('**Deny** in a trust policy: the listed principals cannot assume the role, whatever another statement allows.'); },
  get scp() { return l10n.t('**Deny** in an SCP: no user or role in the member accounts below (their root users included) can do this, whatever their own policies allow. It does not apply to the management account or to service-linked roles.'); },
  get rcp() { return l10n.t('**Deny** in an RCP: nobody can do this on the resources of the member accounts below, whatever the resource\'s or the caller\'s policies allow. RCPs do not apply to resources of the management account.'); },
  get boundary() { return l10n.t('**Deny** in a permissions boundary: the user or role can never do this, whatever its identity-based policies allow.'); },
  get session() { return l10n.t('**Deny** in a session policy: the session can never do this, whatever the role\'s policies allow.'); },
  get endpoint() { return l10n.t('**Deny** in a VPC endpoint policy: requests through this endpoint are refused, whatever other policies allow.'); },
};

/** An `Allow` or `Deny` value, as it works in a document of the given type. */
export function effectValueMarkdown(value: string, type: PolicyType): string | undefined {
  const text = value === 'Allow' ? ALLOW[type] : value === 'Deny' ? DENY[type] : undefined;
  return text && `${text}\n\n_${l10n.t('As written in {0}.', A_TYPE[type])}_ ${DOC_LINKS[type]}`;
}

/** The `Effect` element, with what Allow and Deny do in a document of the given type. */
export function effectElementMarkdown(type: PolicyType): string {
  return [
    l10n.t('**Effect**: `Allow` or `Deny`. An explicit Deny always wins over any Allow from any policy, and a request that no statement allows is implicitly denied. In {0}:', A_TYPE[type]),
    '', `- ${ALLOW[type]}`, `- ${DENY[type]}`, '', DOC_LINKS[type],
  ].join('\n');
}

function reasonMarkdown(d: PolicyTypeDecision): string {
  switch (d.source) {
    case 'command': return l10n.t('it was chosen with **IAM Policy: Change Policy Type**');
    case 'setting': return l10n.t('the `iamPolicy.policyTypes` setting maps {0} to it', inlineCode(d.detail ?? ''));
    case 'file name': return l10n.t('the file name ends in {0}', inlineCode(d.detail ?? ''));
    case 'content': return d.type === 'trust' ? l10n.t('statement {0} has a `Principal` and an `sts:AssumeRole` action', d.detail ?? '') : l10n.t('statement {0} has a `Principal`', d.detail ?? '');
    default: return l10n.t('no chosen type, setting, file-name convention or `Principal` says otherwise, and identity-based is the default');
  }
}

const PRINCIPAL_FORBIDDEN: readonly PolicyType[] = ['identity', 'boundary', 'session', 'scp'];

/**
 * The `Principal` element: what it does, which type the document was taken to be and why, and what to do when the
 * policy is meant for a user, group or role (the classic mistake: a Principal in an identity policy).
 */
export function principalElementMarkdown(base: string, d: PolicyTypeDecision): string {
  const label = POLICY_TYPE_LABELS[d.type];
  const out = [base, '', /^[AEIOU]/.test(POLICY_TYPE_ENGLISH_LABELS[d.type]) ? l10n.t('This document is taken as an **{0}** because {1}.', label, reasonMarkdown(d)) : l10n.t('This document is taken as a **{0}** because {1}.', label, reasonMarkdown(d))];
  if (d.type === 'trust') out.push('', l10n.t('In a trust policy, `Principal` says who may assume the role. The role\'s permissions come from the policies attached to it (identity-based policies), not from its trust policy.'));
  if (PRINCIPAL_FORBIDDEN.includes(d.type)) {
    out.push('', l10n.t('`Principal` has no place in {0}: it applies to whoever it is attached to (or, for an SCP, to every principal of the accounts below). Remove it; if the document is meant for a resource or a role\'s trust, choose the type with **IAM Policy: Change Policy Type** or a file name such as `*.resource.json` or `*.trust.json`.', A_TYPE[d.type]));
  } else if (d.source === 'content') {
    out.push('', l10n.t('Meant for a user, group or role? Then it is an identity-based policy, which has no `Principal` (it applies to whoever it is attached to): remove the `Principal`, or choose the type with **IAM Policy: Change Policy Type** (or the status bar item).'));
  }
  out.push('', `[${l10n.t('Identity-based and resource-based policies')}](${IAM_DOC}access_policies_identity-vs-resource.html)`);
  return out.join('\n');
}
