// What a learner reads in hovers and completion documentation: Effect by policy type, why a document has its type,
// what users, groups, roles and managed policies are. The AWS pages behind each text are cited per test.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hover } from '../../../server/src/service/hover';
import { resolveCompletion } from '../../../server/src/service/completion';
import { decidePolicyType, policyTypeAdvice, policyTypeReason, type PolicyTypeDecision } from '../../../server/src/service/policyType';
import { DEFAULT_SETTINGS } from '../../../server/src/service/settings';
import { parsePolicy } from '../../../server/src/core/policy/model';
import type { PolicyType } from '../../../server/src/core/policy/policyType';
import { catalog, docWithCaret } from '../helpers';
import { completeAt, item } from '../completion/support';

let n = 0;
function hoverAt(text: string, file = `h${++n}.json`, decision?: PolicyTypeDecision): string | undefined {
  const { doc, position } = docWithCaret(text, 'iam-policy', `file:///learner/${n}/${file}`);
  const h = hover(doc, position, catalog, decision);
  return h ? (h.contents as { value: string }).value : undefined;
}
const S = (inner: string) => `{"Version": "2012-10-17", "Statement": [{${inner}}]}`;
const as = (type: PolicyType): PolicyTypeDecision => ({ type, source: 'command' });
const docOf = (c: { value: string } | string | undefined) => (typeof c === 'string' ? c : c?.value ?? '');

describe('Effect, Allow and Deny follow the policy type', () => {
  // https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html
  it('an SCP Allow grants nothing and must hold at every level', () => {
    const md = hoverAt(S('"Effect": "Al|low", "Action": "s3:*", "Resource": "*"'), 'guard.scp.json')!;
    assert.match(md, /in an SCP grants nothing/);
    assert.match(md, /every level, from the organization root through each OU to the account/);
    assert.match(md, /orgs_manage_policies_scps_evaluation/);
    assert.doesNotMatch(md, /grants the listed access/);
  });

  // https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_syntax.html
  it('an RCP Allow grants nothing and belongs to RCPFullAWSAccess only', () => {
    const md = hoverAt(S('"Effect": "Al|low", "Principal": "*", "Action": "s3:*", "Resource": "*"'), 'x.rcp.json')!;
    assert.match(md, /grants nothing.*RCPFullAWSAccess/s);
  });

  // https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
  it('a boundary Allow grants nothing: the entity gets what both allow', () => {
    const md = hoverAt(S('"Effect": "Al|low", "Action": "s3:*", "Resource": "*"'), 'dev.boundary.json')!;
    assert.match(md, /permissions boundary grants nothing.*both the boundary and the entity's identity-based policies allow/s);
  });

  // https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session
  it('a session policy Allow grants nothing either', () => {
    assert.match(hoverAt(S('"Effect": "Al|low", "Action": "s3:*", "Resource": "*"'), 'x.session.json')!, /session policy grants nothing.*both the session policy and the identity-based policies/s);
  });

  it('an identity policy Allow grants, and a trust policy Allow lets principals assume the role', () => {
    assert.match(hoverAt(S('"Effect": "Al|low", "Action": "s3:*", "Resource": "*"'))!, /grants the listed access to the user, group \(every member\) or role/);
    const trust = hoverAt(S('"Effect": "Al|low", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"'), 'r.trust.json')!;
    assert.match(trust, /lets the principals named in `Principal` assume the role.*permissions come from the policies attached to it/s);
  });

  it('Deny is explained for the type too', () => {
    assert.match(hoverAt(S('"Effect": "De|ny", "Action": "s3:*", "Resource": "*"'), 'g.scp.json')!, /no user or role in the member accounts below.*management account/s);
    assert.match(hoverAt(S('"Effect": "De|ny", "Action": "s3:*", "Resource": "*"'), 'b.boundary.json')!, /can never do this, whatever its identity-based policies allow/);
    assert.match(hoverAt(S('"Effect": "De|ny", "Action": "s3:*", "Resource": "*"'))!, /wins over every Allow/);
  });

  it('the Effect key lists both values as they work in this type', () => {
    const md = hoverAt(S('"Eff|ect": "Allow", "Action": "s3:*", "Resource": "*"'), 'o.scp.json')!;
    assert.match(md, /explicit Deny always wins/);
    assert.match(md, /In an SCP:\n\n- \*\*Allow\*\* in an SCP grants nothing.*\n- \*\*Deny\*\* in an SCP/s);
  });

  it('the server\'s decision wins over the file name', () => {
    assert.match(hoverAt(S('"Effect": "Al|low", "Action": "s3:*", "Resource": "*"'), 'a.json', as('boundary'))!, /permissions boundary grants nothing/);
  });

  it('completion documents Allow and Deny for the type, and the Effect element once resolved', () => {
    const scp = completeAt(S('"Effect": "|"'), 'scp');
    assert.match(docOf(item(scp.items, 'Allow').documentation as { value: string }), /in an SCP grants nothing/);
    assert.match(docOf(item(scp.items, 'Deny').documentation as { value: string }), /in an SCP: no user or role/);
    const identity = completeAt(S('"Effect": "|"'), 'identity');
    assert.match(docOf(item(identity.items, 'Allow').documentation as { value: string }), /grants the listed access/);
    const key = item(completeAt(S('"Action": "s3:*", "|"'), 'boundary').items, 'Effect');
    assert.match(docOf(resolveCompletion({ ...key }, catalog).documentation as { value: string }), /In a permissions boundary:.*grants nothing/s);
  });
});

describe('Principal says which type the document was taken to be, why, and what to do', () => {
  const P = '"Effect": "Allow", "Prin|cipal": {"AWS": "arn:aws:iam::111122223333:user/alice"}, "Action": "s3:GetObject", "Resource": "*"';
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_identity-vs-resource.html
  it('a Principal in a *.policy.json made it resource-based: the hover says so and how to make it an identity policy', () => {
    const md = hoverAt(S(P), 'app.policy.json')!;
    assert.match(md, /taken as a \*\*Resource-based policy\*\* because statement 1 has a `Principal`/);
    assert.match(md, /Meant for a user, group or role\? Then it is an identity-based policy, which has no `Principal`.*remove the `Principal`.*Change Policy Type/s);
  });

  it('names the file-name convention, the setting glob and the chosen type', () => {
    assert.match(hoverAt(S(P), 'bucket.resource.json')!, /because the file name ends in `\.resource\.json`/);
    assert.match(hoverAt(S(P), 'a.json', { type: 'resource', source: 'setting', detail: '**/buckets/*.json' })!, /`iamPolicy.policyTypes` setting maps `\*\*\/buckets\/\*\.json` to it/);
    assert.match(hoverAt(S(P), 'a.json', as('resource'))!, /chosen with \*\*IAM Policy: Change Policy Type\*\*/);
  });

  it('in a type without Principal, says it has no place there', () => {
    const md = hoverAt(S(P), 'a.json', as('identity'))!;
    assert.match(md, /taken as an \*\*Identity-based policy\*\* because it was chosen/);
    assert.match(md, /`Principal` has no place in an identity-based policy/);
  });

  // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles.html
  it('in a trust policy, says the role\'s permissions come from its attached policies', () => {
    const md = hoverAt(S('"Effect": "Allow", "Prin|cipal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"'), 'ec2.json')!;
    assert.match(md, /taken as a \*\*Role trust policy\*\* because statement 1 has a `Principal` and an `sts:AssumeRole` action/);
    assert.match(md, /role's permissions come from the policies attached to it.*not from its trust policy/s);
  });

  it('the plain-text reason and advice for the status bar', () => {
    const d = decidePolicyType('file:///w/app.policy.json', parsePolicy(S(P.replace('|', ''))), DEFAULT_SETTINGS);
    assert.equal(policyTypeReason(d), 'statement 1 has a Principal');
    assert.match(policyTypeAdvice(d)!, /meant for a user, group or role, it is an identity-based policy/);
    const byName = decidePolicyType('file:///w/deploy.trust.policy.json', parsePolicy(S('"Effect": "Allow"')), DEFAULT_SETTINGS);
    assert.equal(policyTypeReason(byName), 'the file name ends in ".trust.policy.json"');
    assert.equal(policyTypeAdvice(byName), undefined);
    const byDefault = decidePolicyType('file:///w/a.json', parsePolicy(S('"Effect": "Allow"')), DEFAULT_SETTINGS);
    assert.match(policyTypeReason(byDefault), /identity is the default/);
  });
});

describe('users, groups and roles on their ARNs', () => {
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_users.html
  it('a user has long-term credentials and its groups\' policies, in Principal, Resource and condition values', () => {
    const inPrincipal = hoverAt(S('"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:user/al|ice"}, "Action": "s3:GetObject", "Resource": "*"'), 'b.resource.json')!;
    assert.match(inPrincipal, /long-term credentials.*password.*access keys/s);
    assert.match(inPrincipal, /its own policies plus those of every group it belongs to/);
    assert.match(hoverAt(S('"Effect": "Allow", "Action": "iam:CreateAccessKey", "Resource": "arn:aws:iam::111122223333:user/al|ice"'))!, /IAM user.*long-term credentials/s);
    assert.match(hoverAt(S('"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"ArnEquals": {"aws:PrincipalArn": "arn:aws:iam::111122223333:user/al|ice"}}'))!, /long-term credentials/);
  });

  // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups.html
  it('a group bundles users and cannot be a principal', () => {
    const md = hoverAt(S('"Effect": "Allow", "Action": "iam:AddUserToGroup", "Resource": "arn:aws:iam::111122223333:group/Dev|elopers"'))!;
    assert.match(md, /every member gets the group's policies/);
    assert.match(md, /not a principal.*cannot be named in a `Principal`/s);
    assert.match(hoverAt(S('"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:group/Dev|elopers"}, "Action": "s3:GetObject", "Resource": "*"'), 'c.resource.json')!, /IAM group `Developers`\*\* cannot be a principal/);
  });

  // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles.html (DurationSeconds: 3600 by default, 900 up to the
  // role's maximum session duration of 1 to 12 hours: https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html)
  it('a role has temporary credentials from whoever its trust policy allows, and its permissions from attached policies', () => {
    const md = hoverAt(S('"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/De|ploy"'))!;
    assert.match(md, /no long-term credentials.*trust policy allows assumes it.*temporary credentials.*one hour by default.*maximum session duration/s);
    assert.match(md, /safer than access keys/);
    assert.match(md, /permissions come from the policies attached to it, not from its trust policy/);
    assert.match(hoverAt(S('"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/De|ploy"}, "Action": "s3:GetObject", "Resource": "*"'), 'd.resource.json')!, /every session of the role.*temporary credentials/s);
  });

  it('a service-linked role is the service\'s own', () => {
    assert.match(hoverAt(S('"Effect": "Allow", "Action": "iam:DeleteServiceLinkedRole", "Resource": "arn:aws:iam::111122223333:role/aws-service-role/elasticbeanstalk.amazonaws.com/AWSServiceRoleForElastic|Beanstalk"'))!, /service-linked role.*cannot edit/s);
  });
});

describe('policy kinds: AWS managed, customer managed, inline', () => {
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html
  it('an AWS managed policy ARN (account aws) in a condition value and in Resource', () => {
    const cond = hoverAt(S('"Effect": "Allow", "Action": "iam:AttachRolePolicy", "Resource": "*", "Condition": {"ArnEquals": {"iam:PolicyARN": "arn:aws:iam::aws:policy/ReadOnly|Access"}}'))!;
    assert.match(cond, /\*\*AWS managed policy\*\*.*maintained by AWS.*not edit it/s);
    assert.match(cond, /\*\*inline\*\* policy.*embedded in one user, group or role.*no ARN/s);
    assert.match(hoverAt(S('"Effect": "Allow", "Action": "iam:GetPolicy", "Resource": "arn:aws:iam::aws:policy/ReadOnly|Access"'))!, /AWS managed policy/);
  });

  it('a customer managed policy ARN', () => {
    const md = hoverAt(S('"Effect": "Allow", "Action": "iam:CreatePolicyVersion", "Resource": "arn:aws:iam::111122223333:policy/App|Policy"'))!;
    assert.match(md, /\*\*customer managed policy\*\*.*create and maintain in your account.*five versions/s);
  });

  it('completion of the policy ARN template names all three kinds', () => {
    const { items } = completeAt(S('"Effect": "Allow", "Action": ["iam:CreatePolicyVersion", "iam:PassRole"], "Resource": "arn:aws:iam::|"'));
    const policy = items.find((i) => String(i.label).includes(':policy/'));
    assert.ok(policy, items.map((i) => i.label).join(', '));
    const md = docOf(policy.documentation as { value: string });
    assert.match(md, /customer managed policy/);
    assert.match(md, /AWS managed policies\*\* have the account `aws`/);
    assert.match(md, /\*\*inline\*\* policy/);
    const role = items.find((i) => String(i.label).includes(':role/'));
    assert.match(docOf(role!.documentation as { value: string }), /temporary credentials/);
  });

  it('completion of iam:PolicyARN values offers a customer managed and an AWS managed policy, each explained', () => {
    const { items } = completeAt(S('"Effect": "Allow", "Action": "iam:AttachRolePolicy", "Resource": "*", "Condition": {"ArnEquals": {"iam:PolicyARN": "|"}}'));
    assert.match(docOf(item(items, 'arn:aws:iam::<account>:policy/<name>').documentation as { value: string }), /customer managed policy/);
    assert.match(docOf(item(items, 'arn:aws:iam::aws:policy/<name>').documentation as { value: string }), /AWS managed policy.*maintained by AWS/s);
    const principal = completeAt(S('"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"ArnLike": {"aws:PrincipalArn": "|"}}')).items;
    assert.match(docOf(item(principal, 'arn:aws:iam::<account>:user/<name>').documentation as { value: string }), /long-term credentials/);
  });
});
