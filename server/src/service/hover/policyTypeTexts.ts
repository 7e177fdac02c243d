// What Effect, Allow, Deny and Principal mean depend on the kind of policy the document is: an Allow grants access in
// identity-based and resource-based policies, but only sets a ceiling in SCPs, RCPs, boundaries and session policies.
import { POLICY_TYPE_LABELS, type PolicyType } from '../../core/policy/policyType';
import type { PolicyTypeDecision } from '../policyType';
import { inlineCode } from './markdownText';

const IAM_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/';
const ORG_DOC = 'https://docs.aws.amazon.com/organizations/latest/userguide/';

/** The type with its article, for running text: "in an SCP", "in a permissions boundary". */
const A_TYPE: Record<PolicyType, string> = {
  identity: 'an identity-based policy', resource: 'a resource-based policy', trust: 'a role trust policy', scp: 'an SCP',
  rcp: 'an RCP', boundary: 'a permissions boundary', session: 'a session policy', endpoint: 'a VPC endpoint policy',
};

const DOC_LINKS: Record<PolicyType, string> = {
  identity: `[Policy evaluation logic](${IAM_DOC}reference_policies_evaluation-logic.html)`,
  resource: `[Cross-account resource access](${IAM_DOC}access_policies-cross-account-resource-access.html)`,
  trust: `[IAM roles](${IAM_DOC}id_roles.html)`,
  scp: `[SCP evaluation](${ORG_DOC}orgs_manage_policies_scps_evaluation.html)`,
  rcp: `[RCP syntax](${ORG_DOC}orgs_manage_policies_rcps_syntax.html)`,
  boundary: `[Permissions boundaries](${IAM_DOC}access_policies_boundaries.html)`,
  session: `[Session policies](${IAM_DOC}access_policies.html#policies_session)`,
  endpoint: `[VPC endpoint policies](https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html)`,
};

const ALLOW: Record<PolicyType, string> = {
  identity: '**Allow** grants the listed access to the user, group (every member) or role the policy is attached to, unless an explicit Deny refuses it or a guardrail (an SCP, RCP, permissions boundary or session policy) does not also allow it.',
  resource: '**Allow** grants the principals named in `Principal` access to this resource. In the resource\'s own account that is enough (naming the account itself hands the decision to that account\'s identity-based policies); a principal in another account also needs an Allow in its own account\'s identity-based policies.',
  trust: '**Allow** lets the principals named in `Principal` assume the role. It does not say what the role can do: the role\'s permissions come from the policies attached to it. A principal in another account also needs its own identity-based policies to allow `sts:AssumeRole` on the role.',
  scp: '**Allow** in an SCP grants nothing. It sets the most that the member accounts\' own policies can grant: an action must be allowed by an SCP at every level, from the organization root through each OU to the account, and then still be granted by identity-based or resource-based policies. SCPs do not restrict the management account or service-linked roles.',
  rcp: '**Allow** in an RCP grants nothing, and only the AWS managed `RCPFullAWSAccess` policy may use it: it lets requests pass RCP evaluation unchanged. Write your own RCPs with `Deny` statements.',
  boundary: '**Allow** in a permissions boundary grants nothing. It sets the most the user or role can do: a request is allowed only when both the boundary and the entity\'s identity-based policies allow it; what the boundary leaves out is denied even if an identity-based policy allows it.',
  session: '**Allow** in a session policy grants nothing. The session gets only what both the session policy and the identity-based policies of the role (or federating user) allow.',
  endpoint: '**Allow** in a VPC endpoint policy lets matching requests through the endpoint; it grants nothing by itself: the caller still needs permission from identity-based or resource-based policies. Requests it does not allow are denied when they go through this endpoint.',
};

const DENY_DEFAULT = '**Deny** refuses the listed access. An explicit Deny wins over every Allow, in every policy that applies to the request.';
const DENY: Record<PolicyType, string> = {
  identity: DENY_DEFAULT,
  resource: DENY_DEFAULT,
  trust: '**Deny** in a trust policy: the listed principals cannot assume the role, whatever another statement allows.',
  scp: '**Deny** in an SCP: no user or role in the member accounts below (their root users included) can do this, whatever their own policies allow. It does not apply to the management account or to service-linked roles.',
  rcp: '**Deny** in an RCP: nobody can do this on the resources of the member accounts below, whatever the resource\'s or the caller\'s policies allow. RCPs do not apply to resources of the management account.',
  boundary: '**Deny** in a permissions boundary: the user or role can never do this, whatever its identity-based policies allow.',
  session: '**Deny** in a session policy: the session can never do this, whatever the role\'s policies allow.',
  endpoint: '**Deny** in a VPC endpoint policy: requests through this endpoint are refused, whatever other policies allow.',
};

/** An `Allow` or `Deny` value, as it works in a document of the given type. */
export function effectValueMarkdown(value: string, type: PolicyType): string | undefined {
  const text = value === 'Allow' ? ALLOW[type] : value === 'Deny' ? DENY[type] : undefined;
  return text && `${text}\n\n_As written in ${A_TYPE[type]}._ ${DOC_LINKS[type]}`;
}

/** The `Effect` element, with what Allow and Deny do in a document of the given type. */
export function effectElementMarkdown(type: PolicyType): string {
  return [
    `**Effect**: \`Allow\` or \`Deny\`. An explicit Deny always wins over any Allow from any policy, and a request that no statement allows is implicitly denied. In ${A_TYPE[type]}:`,
    '', `- ${ALLOW[type]}`, `- ${DENY[type]}`, '', DOC_LINKS[type],
  ].join('\n');
}

function reasonMarkdown(d: PolicyTypeDecision): string {
  switch (d.source) {
    case 'command': return 'it was chosen with **IAM Policy: Change Policy Type**';
    case 'setting': return `the \`iamPolicy.policyTypes\` setting maps ${inlineCode(d.detail ?? '')} to it`;
    case 'file name': return `the file name ends in ${inlineCode(d.detail ?? '')}`;
    case 'content': return d.type === 'trust' ? `statement ${d.detail} has a \`Principal\` and an \`sts:AssumeRole\` action` : `statement ${d.detail} has a \`Principal\``;
    default: return 'no chosen type, setting, file-name convention or `Principal` says otherwise, and identity-based is the default';
  }
}

const PRINCIPAL_FORBIDDEN: readonly PolicyType[] = ['identity', 'boundary', 'session', 'scp'];

/**
 * The `Principal` element: what it does, which type the document was taken to be and why, and what to do when the
 * policy is meant for a user, group or role (the classic mistake: a Principal in an identity policy).
 */
export function principalElementMarkdown(base: string, d: PolicyTypeDecision): string {
  const label = POLICY_TYPE_LABELS[d.type];
  const out = [base, '', `This document is taken as ${/^[AEIOU]/.test(label) ? 'an' : 'a'} **${label}** because ${reasonMarkdown(d)}.`];
  if (d.type === 'trust') out.push('', 'In a trust policy, `Principal` says who may assume the role. The role\'s permissions come from the policies attached to it (identity-based policies), not from its trust policy.');
  if (PRINCIPAL_FORBIDDEN.includes(d.type)) {
    out.push('', `\`Principal\` has no place in ${A_TYPE[d.type]}: it applies to whoever it is attached to (or, for an SCP, to every principal of the accounts below). Remove it; if the document is meant for a resource or a role's trust, choose the type with **IAM Policy: Change Policy Type** or a file name such as \`*.resource.json\` or \`*.trust.json\`.`);
  } else if (d.source === 'content') {
    out.push('', 'Meant for a user, group or role? Then it is an identity-based policy, which has no `Principal` (it applies to whoever it is attached to): remove the `Principal`, or choose the type with **IAM Policy: Change Policy Type** (or the status bar item).');
  }
  out.push('', `[Identity-based and resource-based policies](${IAM_DOC}access_policies_identity-vs-resource.html)`);
  return out.join('\n');
}
