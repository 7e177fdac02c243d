// Actions and resources AWS authorizes by rules of their own (server/src/core/evaluator/actionRules.ts), the request
// checks around them, and how the explanation names principals and deciding statements. Sources:
// - STS API reference, GetCallerIdentity: https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
// - KMS, controlling access to aliases: https://docs.aws.amazon.com/kms/latest/developerguide/alias-access.html
// - KMS, create aliases (alias/aws/ reserved): https://docs.aws.amazon.com/kms/latest/developerguide/alias-create.html
// - KMS API reference, CreateAlias ("Cross-account use: No"): https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html
// - IAM, AWS managed policies: https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html#aws-managed-policies
// - IAM, passing roles: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
// - IAM policy grammar (a Principal is "*" or a principal map): https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { catalog } from '../helpers';
import { parseScenarioFile, simulate } from '../../../server/src/core/evaluator';
import { A, allow, B, deny, FULL, level, NOW, pol, ROOT, rule, scenario, SESSION, USER, XUSER, type Input } from './fixtures';

const explain = (i: Input) => simulate(scenario(i), catalog, { now: NOW });

rule('sts:GetCallerIdentity needs no permission and an explicit deny does not block it (STS API reference)', [
  ['no policy at all', { action: 'sts:GetCallerIdentity', res: '*' }, 'Allowed'],
  ['an identity Deny on sts:GetCallerIdentity', { action: 'sts:GetCallerIdentity', res: '*', identity: [deny('sts:GetCallerIdentity')] }, 'Allowed'],
  ['a Deny on sts:* in an SCP, and an SCP level without Allow', { action: 'sts:GetCallerIdentity', res: '*', principal: SESSION, scps: [level('r-root', pol('d', deny('sts:*'))), level('acct', pol('ec2', allow('ec2:*')))] }, 'Allowed'],
  ['a permissions boundary that allows nothing of STS', { action: 'sts:GetCallerIdentity', res: '*', boundary: [allow('s3:*')] }, 'Allowed'],
  ['a service principal signs its requests too', { action: 'sts:GetCallerIdentity', res: '*', principal: 'cloudtrail.amazonaws.com' }, 'Allowed'],
  ['an anonymous caller cannot call it (the request is not signed)', { action: 'sts:GetCallerIdentity', res: '*', principal: 'anonymous' }, 'ImplicitlyDenied'],
  ['another STS action still needs permission', { action: 'sts:GetSessionToken', res: '*' }, 'ImplicitlyDenied'],
]);

const ALIAS = `arn:aws:kms:eu-west-1:${A}:alias/app`;
const AWS_ALIAS = `arn:aws:kms:eu-west-1:${A}:alias/aws/s3`;
const KEY = `arn:aws:kms:eu-west-1:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
rule('KMS aliases: an identity Allow on the alias ARN suffices; only key ARNs need the key policy; alias/aws/ is reserved', [
  ['kms:CreateAlias on the alias ARN, identity Allow only, same account', { action: 'kms:CreateAlias', res: ALIAS, identity: [allow('kms:CreateAlias', ALIAS)] }, 'Allowed'],
  ['kms:UpdateAlias on the alias ARN with kms:* on alias/*', { action: 'kms:UpdateAlias', res: ALIAS, identity: [allow('kms:*', `arn:aws:kms:*:${A}:alias/*`)] }, 'Allowed'],
  ['kms:DeleteAlias on the alias ARN, identity Allow only', { action: 'kms:DeleteAlias', res: ALIAS, identity: [allow('kms:DeleteAlias', '*')] }, 'Allowed'],
  ['kms:CreateAlias on the key ARN still needs the key policy', { action: 'kms:CreateAlias', res: KEY, identity: [allow('kms:CreateAlias', '*')] }, 'ImplicitlyDenied'],
  ['kms:CreateAlias on the key ARN with a key policy naming the account', { action: 'kms:CreateAlias', res: KEY, identity: [allow('kms:CreateAlias', '*')], resource: [{ ...allow('kms:*'), Principal: { AWS: `arn:aws:iam::${A}:root` } }] }, 'Allowed'],
  ['an alias in another account cannot be managed, whatever a resource policy says (API reference: "Cross-account use: No")', { action: 'kms:CreateAlias', res: `arn:aws:kms:eu-west-1:${B}:alias/app`, identity: [allow('kms:CreateAlias', '*')], resource: [{ ...allow('kms:*'), Principal: '*' }] }, 'ImplicitlyDenied'],
  ['kms:CreateAlias on alias/aws/s3 with kms:* on * is refused', { action: 'kms:CreateAlias', res: AWS_ALIAS, identity: [allow('kms:*')] }, 'ImplicitlyDenied'],
  ['kms:DeleteAlias on alias/aws/s3 by the root user is refused', { action: 'kms:DeleteAlias', res: AWS_ALIAS, principal: ROOT }, 'ImplicitlyDenied'],
  ['a Deny still gives ExplicitlyDenied on alias/aws/', { action: 'kms:UpdateAlias', res: AWS_ALIAS, identity: [allow('kms:*'), deny('kms:UpdateAlias')] }, 'ExplicitlyDenied'],
]);

const READ_ONLY = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
rule('AWS managed policies cannot be created, changed, versioned, tagged or deleted; the account "aws" is AWS, not "no account"', [
  ['iam:CreatePolicyVersion on ReadOnlyAccess with iam:* on *', { action: 'iam:CreatePolicyVersion', res: READ_ONLY, identity: [allow('iam:*')] }, 'ImplicitlyDenied'],
  ['iam:DeletePolicy on an AWS managed policy', { action: 'iam:DeletePolicy', res: READ_ONLY, identity: [allow('*')] }, 'ImplicitlyDenied'],
  ['iam:SetDefaultPolicyVersion on an AWS managed policy', { action: 'iam:SetDefaultPolicyVersion', res: READ_ONLY, identity: [allow('iam:*')] }, 'ImplicitlyDenied'],
  ['iam:TagPolicy on an AWS managed policy', { action: 'iam:TagPolicy', res: 'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess', identity: [allow('iam:*')] }, 'ImplicitlyDenied'],
  ['even the root user', { action: 'iam:CreatePolicyVersion', res: READ_ONLY, principal: ROOT }, 'ImplicitlyDenied'],
  ['reading it is an ordinary identity-policy decision', { action: 'iam:GetPolicy', res: READ_ONLY, identity: [allow('iam:Get*')] }, 'Allowed'],
  ['reading it without an Allow', { action: 'iam:GetPolicyVersion', res: READ_ONLY }, 'ImplicitlyDenied'],
  ['a customer managed policy in the caller\'s account can be versioned', { action: 'iam:CreatePolicyVersion', res: `arn:aws:iam::${A}:policy/app`, identity: [allow('iam:*')] }, 'Allowed'],
]);

const ROLE_A = `arn:aws:iam::${A}:role/MyServiceRole`;
const ROLE_B = `arn:aws:iam::${B}:role/MyServiceRole`;
const passRoleGrant = (who: unknown) => ({ ...allow('iam:PassRole'), Principal: who });
rule('iam:PassRole is granted only by the caller\'s identity policies, and only for a role in its own account (IAM User Guide, passing roles)', [
  ['identity Allow on the role, same account', { action: 'iam:PassRole', res: ROLE_A, identity: [allow('iam:PassRole', ROLE_A)] }, 'Allowed'],
  ['a resource (trust) policy naming the caller, no identity Allow', { action: 'iam:PassRole', res: ROLE_A, resource: [passRoleGrant({ AWS: USER })] }, 'ImplicitlyDenied'],
  ['a resource policy with Principal "*", no identity Allow', { action: 'iam:PassRole', res: ROLE_A, resource: [passRoleGrant('*')] }, 'ImplicitlyDenied'],
  ['a role session passes its account\'s role', { action: 'iam:PassRole', res: ROLE_A, principal: SESSION, identity: [allow('iam:PassRole', `arn:aws:iam::${A}:role/*`)] }, 'Allowed'],
  ['the boundary still limits it', { action: 'iam:PassRole', res: ROLE_A, identity: [allow('iam:PassRole')], boundary: [allow('s3:*')] }, 'ImplicitlyDenied'],
  ['a role in another account, identity Allow and a resource policy naming the caller', { action: 'iam:PassRole', res: ROLE_B, identity: [allow('iam:PassRole')], resource: [passRoleGrant({ AWS: USER })] }, 'ImplicitlyDenied'],
  ['the root user passes a role of its own account', { action: 'iam:PassRole', res: ROLE_A, principal: ROOT }, 'Allowed'],
  ['the root user cannot pass a role of another account', { action: 'iam:PassRole', res: ROLE_B, principal: ROOT }, 'ImplicitlyDenied'],
  ['a service principal named by a resource policy', { action: 'iam:PassRole', res: ROLE_A, principal: 'ec2.amazonaws.com', resource: [passRoleGrant({ Service: 'ec2.amazonaws.com' })] }, 'ImplicitlyDenied'],
]);

describe('explanations of the action rules', () => {
  it('GetCallerIdentity: says no permission is needed and that the deny has no effect', () => {
    const r = explain({ action: 'sts:GetCallerIdentity', res: '*', identity: [deny('sts:*')] });
    assert.match(r.explanation[0], /^Allowed: sts:GetCallerIdentity needs no permission, and an explicit deny does not block it/);
    assert.match(r.explanation[0], /has no effect on it/);
    assert.deepEqual(r.matchedStatements, []);
  });

  it('AWS managed policy: the "aws" account segment names AWS, not a missing account', () => {
    const r = explain({ action: 'iam:CreatePolicyVersion', res: READ_ONLY, identity: [allow('iam:*')] });
    assert.match(r.explanation[0], /AWS managed policy: AWS owns it \(the account segment "aws" names AWS, not a missing account\)/);
    assert.ok(r.explanation.some((e) => /resource owned by AWS/.test(e)), r.explanation.join('\n'));
    assert.ok(!r.explanation.some((e) => /principal's account .* was assumed/.test(e)), r.explanation.join('\n'));
    assert.equal(r.derivedContext['aws:ResourceAccount'], undefined);
    assert.deepEqual(r.matchedStatements, []);
  });

  it('AWS managed policy under an explicit deny: the deny decides, and the refusal is still explained', () => {
    const r = explain({ action: 'iam:DeletePolicy', res: READ_ONLY, identity: [allow('iam:*'), deny('iam:Delete*')] });
    assert.equal(r.decision, 'ExplicitlyDenied');
    assert.ok(r.explanation.some((e) => /^Without the deny, AWS would still refuse it: .*AWS managed policy/.test(e)), r.explanation.join('\n'));
  });

  it('alias/aws/: names the reservation for AWS managed keys', () => {
    const r = explain({ action: 'kms:CreateAlias', res: AWS_ALIAS, identity: [allow('kms:*')] });
    assert.match(r.explanation[0], /alias\/aws\/ are reserved for AWS managed keys/);
  });

  it('PassRole: explains that a resource or trust policy cannot grant it', () => {
    const r = explain({ action: 'iam:PassRole', res: ROLE_A, resource: [passRoleGrant({ AWS: USER })] });
    assert.match(r.explanation[0], /iam:PassRole can only be granted by the caller's own identity policies/);
    assert.match(r.explanation[0], /trust policy or any resource policy cannot grant iam:PassRole/);
    assert.deepEqual(r.matchedStatements, []);
  });

  it('PassRole: explains that a role can only be passed in its own account, and suggests no resource policy', () => {
    const r = explain({ action: 'iam:PassRole', res: ROLE_B, identity: [allow('iam:PassRole')] });
    assert.match(r.explanation[0], /a role can only be passed to a service in its own account/);
    assert.ok(!r.explanation.some((e) => /no resource policy was given|both sides must allow/.test(e)), r.explanation.join('\n'));
  });

  it('PassRole: a resource policy Allow is not listed as deciding when the identity policy allows', () => {
    const r = explain({ action: 'iam:PassRole', res: ROLE_A, identity: [allow('iam:PassRole')], resource: [passRoleGrant({ AWS: USER })] });
    assert.equal(r.decision, 'Allowed');
    assert.deepEqual(r.matchedStatements.map((m) => m.policyType), ['identity']);
  });
});

describe('request and policy input checks', () => {
  it('a bare ARN string as Principal is reported in the errors and names no one', () => {
    const r = explain({ resource: [{ Sid: 'Bare', ...allow('s3:GetObject', 'arn:aws:s3:::reports/*'), Principal: USER }] });
    assert.equal(r.decision, 'ImplicitlyDenied');
    assert.equal(r.errors.length, 1, r.errors.join('\n'));
    assert.match(r.errors[0], /statement "Bare": Principal is the bare string "arn:aws:iam::111122223333:user\/alice", which IAM rejects: the only string form is "\*"; write \{"AWS": /);
    const st = r.statements.find((s) => s.sid === 'Bare')!;
    assert.match(st.reason, /which IAM rejects/);
  });

  it('Principal "*" as a string is no error', () => {
    const r = explain({ resource: [{ ...allow('s3:GetObject', 'arn:aws:s3:::reports/*'), Principal: '*' }] });
    assert.deepEqual(r.errors, []);
  });

  it('a resourceAccount contradicting the account in the resource ARN is an error, not a silent win', () => {
    const r = explain({ action: 'sqs:SendMessage', res: `arn:aws:sqs:eu-west-1:${B}:q`, resourceAccount: A, identity: [allow('sqs:*')] });
    assert.equal(r.decision, 'ImplicitlyDenied');
    assert.match(r.errors.join('\n'), /request\.resourceAccount "111122223333" contradicts the account "444455556666" in the resource ARN/);
  });

  it('a resourceAccount equal to the ARN\'s account, or for an ARN without one, is fine', () => {
    assert.equal(explain({ action: 'sqs:SendMessage', res: `arn:aws:sqs:eu-west-1:${A}:q`, resourceAccount: A, identity: [allow('sqs:*')] }).decision, 'Allowed');
    assert.equal(explain({ resourceAccount: A, identity: [allow('s3:*')] }).decision, 'Allowed');
  });

  it('a scenario file with a contradicting resourceAccount is rejected at that JSON path', () => {
    const text = JSON.stringify({ name: 'x', request: { principal: USER, action: 'sqs:SendMessage', resource: `arn:aws:sqs:eu-west-1:${B}:q`, resourceAccount: A } });
    const r = parseScenarioFile(text, 'x.scenario.json', () => { throw new Error('no files'); });
    assert.equal(r.scenarios.length, 0);
    assert.deepEqual(r.errors.map((e) => e.path), [['request', 'resourceAccount']]);
    assert.match(r.errors[0].message, /contradicts the account "444455556666"/);
  });

  it('a malformed scenario\'s errors carry its name', () => {
    const text = JSON.stringify([{ name: 'good', request: { principal: USER, action: 's3:GetObject', resource: '*' } }, { name: 'broken one', request: { principal: USER, action: 's3:Get*', resource: '*' } }]);
    const r = parseScenarioFile(text, 'x.scenario.json', () => { throw new Error('no files'); });
    assert.equal(r.errors.length, 1);
    assert.equal(r.errors[0].scenarioName, 'broken one');
  });
});

describe('the explanation names each federation kind', () => {
  const trustFor = (fed: string, action: string) => [{ Effect: 'Allow', Action: action, Principal: { Federated: fed } }];
  const ROLE_ARN = `arn:aws:iam::${A}:role/fed`;
  it('a SAML provider is a SAML 2.0 identity provider, not a web identity', () => {
    const saml = `arn:aws:iam::${A}:saml-provider/Okta`;
    const r = explain({ principal: saml, action: 'sts:AssumeRoleWithSAML', res: ROLE_ARN, resource: trustFor(saml, 'sts:AssumeRoleWithSAML') });
    assert.equal(r.decision, 'Allowed');
    assert.match(r.explanation.join('\n'), /SAML 2\.0 identity provider \(AssumeRoleWithSAML\)/);
    assert.ok(!/web.identity/i.test(r.explanation.join('\n')), r.explanation.join('\n'));
  });

  it('a policy not evaluated for a SAML provider says so in the provider\'s name', () => {
    const saml = `arn:aws:iam::${A}:saml-provider/Okta`;
    const r = explain({ principal: saml, action: 'sts:AssumeRoleWithSAML', res: ROLE_ARN, identity: [allow('sts:*')] });
    assert.match(r.statements[0].reason, /^not evaluated for this request: the SAML 2\.0 identity provider \(AssumeRoleWithSAML\) has no identity policies/);
  });

  it('an OIDC provider ARN and a provider URL are OIDC web identity providers', () => {
    const oidc = `arn:aws:iam::${A}:oidc-provider/token.actions.githubusercontent.com`;
    const r = explain({ principal: oidc, action: 'sts:AssumeRoleWithWebIdentity', res: ROLE_ARN });
    assert.match(r.explanation.join('\n'), /OIDC web identity provider \(AssumeRoleWithWebIdentity\)/);
    assert.ok(!/SAML/.test(r.explanation.join('\n')));
    const google = explain({ principal: 'accounts.google.com', action: 'sts:AssumeRoleWithWebIdentity', res: ROLE_ARN });
    assert.match(google.explanation.join('\n'), /OIDC web identity provider/);
  });
});

describe('deciding statements', () => {
  it('an identity Allow in a cross-account implicit deny is matched but not deciding', () => {
    const r = explain({ principal: XUSER, resourceAccount: A, identity: [{ Sid: 'Read', ...allow('s3:GetObject') }] });
    assert.equal(r.decision, 'ImplicitlyDenied');
    assert.deepEqual(r.matchedStatements, []);
    assert.ok(r.statements.find((s) => s.sid === 'Read')!.applies);
    assert.ok(r.explanation.some((e) => /^Matched, but not enough on its own: "Read" of identity policy/.test(e)), r.explanation.join('\n'));
  });

  it('an Allow that decides an Allowed request is still listed', () => {
    const r = explain({ identity: [{ Sid: 'Read', ...allow('s3:GetObject') }], scps: [level('acct', FULL)] });
    assert.deepEqual(r.matchedStatements.map((m) => m.sid ?? m.policy).sort(), ['FullAWSAccess', 'Read'].sort());
  });
});
