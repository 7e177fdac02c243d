// Every snippet, expanded with its defaults, lints clean as the policy type it is for and simulates as its
// description says. The scenarios are the snippet's promise, request by request.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simulate, type Decision, type OrgLevel, type PolicySource, type RequestInput, type Scenario } from '../../../server/src/core/evaluator';
import type { PolicyType } from '../../../server/src/core/policy/policyType';
import { lint } from '../validation/lint';
import { catalog } from '../helpers';
import { expandSnippet } from './support';

interface Snippet { prefix: string; body: string[]; description: string }
const file = join(__dirname, '..', '..', '..', 'snippets', 'iam-policy.code-snippets');
const snippets = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Snippet>;
const byPrefix = (p: string) => Object.values(snippets).find((s) => s.prefix === p)!;

const ACCOUNT = '111122223333';
const OTHER = '444455556666';
const USER = `arn:aws:iam::${ACCOUNT}:user/alice`;
const ROLE = `arn:aws:iam::${ACCOUNT}:role/app`;
const SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/app/s1`;
const BOUNDARY_ARN = `arn:aws:iam::${ACCOUNT}:policy/BoundaryPolicy`;

/** The snippet as a whole policy document: statements are wrapped in a policy, a Condition in a statement. */
function policyText(prefix: string, extraStatements: object[] = []): string {
  const body = expandSnippet(byPrefix(prefix).body.join('\n'));
  if (body.includes('"Statement"')) return body;
  const extra = extraStatements.map((s) => `${JSON.stringify(s)}, `).join('');
  if (body.startsWith('{')) return `{"Version": "2012-10-17", "Statement": [${extra}${body}]}`;
  return `{"Version": "2012-10-17", "Statement": [${extra}{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::example-bucket/*", ${body}}]}`;
}
const source = (name: string, text: string): PolicySource => ({ name, text, policy: JSON.parse(text) });
const allowAll = (name = 'AllowAll'): PolicySource => source(name, JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }));

/** The policy type each snippet is written for; statement and condition snippets are identity policy parts. */
const SNIPPET_TYPES: Record<string, PolicyType> = {
  'iam-policy': 'identity', 'iam-allow': 'identity', 'iam-deny': 'identity', 'iam-mfa': 'identity', 'iam-deny-without-mfa': 'identity',
  'iam-trust-ec2': 'trust', 'iam-trust-lambda': 'trust', 'iam-trust-cross-account': 'trust', 'iam-trust-github': 'trust',
  'iam-bucket-tls': 'resource', 'iam-scp-region': 'scp', 'iam-boundary': 'boundary',
};

interface Case { name: string; policies: Partial<Scenario>; request: RequestInput; expected: Decision }
function run(c: Case) {
  const s: Scenario = { identityPolicies: [], permissionBoundaries: [], scps: [], rcps: [], ...c.policies, request: c.request };
  const r = simulate(s, catalog, { now: Date.UTC(2026, 5, 1) });
  assert.equal(r.decision, c.expected, `${c.name}: ${r.explanation.join(' | ')}`);
}

describe('snippets lint clean', () => {
  it('every snippet has its policy type here', () => {
    assert.deepEqual(Object.values(snippets).map((s) => s.prefix).filter((p) => !SNIPPET_TYPES[p]), []);
  });
  for (const s of Object.values(snippets)) {
    it(`${s.prefix}: no diagnostic as a ${SNIPPET_TYPES[s.prefix]} policy`, () => {
      const r = lint(policyText(s.prefix), SNIPPET_TYPES[s.prefix]);
      assert.deepEqual(r.diagnostics.map((d) => `${String(d.code)} ${r.textOf(d)}: ${d.message}`), []);
    });
  }
});

const SCENARIOS: Record<string, Case[]> = {
  'iam-policy': [
    { name: 'reads an object of the bucket', policies: { identityPolicies: [source('p', policyText('iam-policy'))] }, request: { principal: USER, action: 's3:GetObject', resource: 'arn:aws:s3:::example-bucket/a.txt' }, expected: 'Allowed' },
    { name: 'nothing else is granted', policies: { identityPolicies: [source('p', policyText('iam-policy'))] }, request: { principal: USER, action: 's3:PutObject', resource: 'arn:aws:s3:::example-bucket/a.txt' }, expected: 'ImplicitlyDenied' },
    { name: 'not another bucket', policies: { identityPolicies: [source('p', policyText('iam-policy'))] }, request: { principal: USER, action: 's3:GetObject', resource: 'arn:aws:s3:::other-bucket/a.txt' }, expected: 'ImplicitlyDenied' },
  ],
  'iam-allow': [
    { name: 'allows the action on the resource', policies: { identityPolicies: [source('p', policyText('iam-allow'))] }, request: { principal: USER, action: 's3:ListBucket', resource: 'arn:aws:s3:::example-bucket' }, expected: 'Allowed' },
    { name: 'only there', policies: { identityPolicies: [source('p', policyText('iam-allow'))] }, request: { principal: USER, action: 's3:ListBucket', resource: 'arn:aws:s3:::other-bucket' }, expected: 'ImplicitlyDenied' },
  ],
  'iam-deny': [
    { name: 'the Deny wins over an Allow of everything', policies: { identityPolicies: [allowAll(), source('p', policyText('iam-deny'))] }, request: { principal: USER, action: 's3:DeleteBucket', resource: 'arn:aws:s3:::example-bucket' }, expected: 'ExplicitlyDenied' },
    { name: 'other buckets stay allowed', policies: { identityPolicies: [allowAll(), source('p', policyText('iam-deny'))] }, request: { principal: USER, action: 's3:DeleteBucket', resource: 'arn:aws:s3:::other-bucket' }, expected: 'Allowed' },
  ],
  'iam-trust-ec2': [
    { name: 'EC2 assumes the role', policies: { resourcePolicy: source('trust', policyText('iam-trust-ec2')) }, request: { principal: 'ec2.amazonaws.com', action: 'sts:AssumeRole', resource: ROLE }, expected: 'Allowed' },
    { name: 'another service does not', policies: { resourcePolicy: source('trust', policyText('iam-trust-ec2')) }, request: { principal: 'lambda.amazonaws.com', action: 'sts:AssumeRole', resource: ROLE }, expected: 'ImplicitlyDenied' },
  ],
  'iam-trust-lambda': [
    { name: 'Lambda assumes the role for a function of the account', policies: { resourcePolicy: source('trust', policyText('iam-trust-lambda')) }, request: { principal: 'lambda.amazonaws.com', action: 'sts:AssumeRole', resource: ROLE, context: { 'aws:SourceAccount': ACCOUNT } }, expected: 'Allowed' },
    { name: 'not for a function of another account', policies: { resourcePolicy: source('trust', policyText('iam-trust-lambda')) }, request: { principal: 'lambda.amazonaws.com', action: 'sts:AssumeRole', resource: ROLE, context: { 'aws:SourceAccount': OTHER } }, expected: 'ImplicitlyDenied' },
  ],
  'iam-trust-cross-account': [
    { name: 'a user of the other account with the external ID, allowed by its own account', policies: { resourcePolicy: source('trust', policyText('iam-trust-cross-account')), identityPolicies: [allowAll()] }, request: { principal: `arn:aws:iam::${OTHER}:user/bob`, action: 'sts:AssumeRole', resource: ROLE, context: { 'sts:ExternalId': 'unique-external-id' } }, expected: 'Allowed' },
    { name: 'without the external ID', policies: { resourcePolicy: source('trust', policyText('iam-trust-cross-account')), identityPolicies: [allowAll()] }, request: { principal: `arn:aws:iam::${OTHER}:user/bob`, action: 'sts:AssumeRole', resource: ROLE }, expected: 'ImplicitlyDenied' },
    { name: 'the trust policy alone is not enough: the other account must allow it too', policies: { resourcePolicy: source('trust', policyText('iam-trust-cross-account')) }, request: { principal: `arn:aws:iam::${OTHER}:user/bob`, action: 'sts:AssumeRole', resource: ROLE, context: { 'sts:ExternalId': 'unique-external-id' } }, expected: 'ImplicitlyDenied' },
  ],
  'iam-trust-github': [
    { name: 'a workflow of the repository on main', policies: { resourcePolicy: source('trust', policyText('iam-trust-github')) }, request: { principal: `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`, action: 'sts:AssumeRoleWithWebIdentity', resource: ROLE, context: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com', 'token.actions.githubusercontent.com:sub': 'repo:owner/repo:ref:refs/heads/main' } }, expected: 'Allowed' },
    { name: 'another repository', policies: { resourcePolicy: source('trust', policyText('iam-trust-github')) }, request: { principal: `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`, action: 'sts:AssumeRoleWithWebIdentity', resource: ROLE, context: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com', 'token.actions.githubusercontent.com:sub': 'repo:someone/fork:ref:refs/heads/main' } }, expected: 'ImplicitlyDenied' },
    { name: 'another branch', policies: { resourcePolicy: source('trust', policyText('iam-trust-github')) }, request: { principal: `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`, action: 'sts:AssumeRoleWithWebIdentity', resource: ROLE, context: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com', 'token.actions.githubusercontent.com:sub': 'repo:owner/repo:ref:refs/heads/dev' } }, expected: 'ImplicitlyDenied' },
  ],
  'iam-bucket-tls': [
    { name: 'a request over TLS, allowed by the identity policy', policies: { resourcePolicy: source('bucket', policyText('iam-bucket-tls')), identityPolicies: [allowAll()] }, request: { principal: USER, action: 's3:GetObject', resource: 'arn:aws:s3:::example-bucket/a.txt', resourceAccount: ACCOUNT, context: { 'aws:SecureTransport': true } }, expected: 'Allowed' },
    { name: 'the same request over plain HTTP', policies: { resourcePolicy: source('bucket', policyText('iam-bucket-tls')), identityPolicies: [allowAll()] }, request: { principal: USER, action: 's3:GetObject', resource: 'arn:aws:s3:::example-bucket/a.txt', resourceAccount: ACCOUNT, context: { 'aws:SecureTransport': false } }, expected: 'ExplicitlyDenied' },
    { name: 'the bucket itself over plain HTTP', policies: { resourcePolicy: source('bucket', policyText('iam-bucket-tls')), identityPolicies: [allowAll()] }, request: { principal: USER, action: 's3:ListBucket', resource: 'arn:aws:s3:::example-bucket', resourceAccount: ACCOUNT, context: { 'aws:SecureTransport': false } }, expected: 'ExplicitlyDenied' },
  ],
  'iam-scp-region': (() => {
    const scps: OrgLevel[] = [{ orgIdentifier: 'root', policies: [allowAll('FullAWSAccess'), source('region', policyText('iam-scp-region'))] }];
    const p = { identityPolicies: [allowAll()], scps };
    return [
      { name: 'an allowed region', policies: p, request: { principal: USER, action: 'ec2:RunInstances', resource: '*', context: { 'aws:RequestedRegion': 'eu-west-1' } }, expected: 'Allowed' },
      { name: 'another region', policies: p, request: { principal: USER, action: 'ec2:RunInstances', resource: '*', context: { 'aws:RequestedRegion': 'us-east-1' } }, expected: 'ExplicitlyDenied' },
      { name: 'a global service from another region', policies: p, request: { principal: USER, action: 'iam:CreateRole', resource: ROLE, context: { 'aws:RequestedRegion': 'us-east-1' } }, expected: 'Allowed' },
    ] as Case[];
  })(),
  // A boundary grants nothing; the entity gets what both it and its identity policies allow, and a delegated admin must
  // not be able to edit the boundary policy or take the boundary off:
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
  'iam-boundary': (() => {
    const boundary = [source('boundary', policyText('iam-boundary'))];
    const widened = [source('widened', policyText('iam-boundary').replace('"cloudwatch:*",', '"cloudwatch:*",\n"iam:*",'))];
    const p = { identityPolicies: [allowAll()], permissionBoundaries: boundary };
    const w = { identityPolicies: [allowAll()], permissionBoundaries: widened };
    return [
      { name: 'an allowed service, granted by the identity policy', policies: p, request: { principal: SESSION, action: 's3:GetObject', resource: 'arn:aws:s3:::example-bucket/a.txt', resourceAccount: ACCOUNT }, expected: 'Allowed' },
      { name: 'the boundary grants nothing by itself', policies: { permissionBoundaries: boundary }, request: { principal: SESSION, action: 's3:GetObject', resource: 'arn:aws:s3:::example-bucket/a.txt', resourceAccount: ACCOUNT }, expected: 'ImplicitlyDenied' },
      { name: 'a service outside the boundary', policies: p, request: { principal: SESSION, action: 'ec2:RunInstances', resource: '*' }, expected: 'ImplicitlyDenied' },
      { name: 'widened to iam:*, the role still cannot remove its own boundary', policies: w, request: { principal: SESSION, action: 'iam:DeleteRolePermissionsBoundary', resource: ROLE }, expected: 'ExplicitlyDenied' },
      { name: 'widened to iam:*, nor a user\'s', policies: w, request: { principal: SESSION, action: 'iam:DeleteUserPermissionsBoundary', resource: USER }, expected: 'ExplicitlyDenied' },
      { name: 'widened to iam:*, nor replace it by another policy', policies: w, request: { principal: SESSION, action: 'iam:PutRolePermissionsBoundary', resource: ROLE, context: { 'iam:PermissionsBoundary': `arn:aws:iam::${ACCOUNT}:policy/Wider` } }, expected: 'ExplicitlyDenied' },
      { name: 'widened to iam:*, it may set this boundary on a role', policies: w, request: { principal: SESSION, action: 'iam:PutRolePermissionsBoundary', resource: `arn:aws:iam::${ACCOUNT}:role/new`, context: { 'iam:PermissionsBoundary': BOUNDARY_ARN } }, expected: 'Allowed' },
      { name: 'widened to iam:*, nor edit the boundary policy', policies: w, request: { principal: SESSION, action: 'iam:CreatePolicyVersion', resource: BOUNDARY_ARN }, expected: 'ExplicitlyDenied' },
      { name: 'widened to iam:*, other policies stay editable', policies: w, request: { principal: SESSION, action: 'iam:CreatePolicyVersion', resource: `arn:aws:iam::${ACCOUNT}:policy/AppPolicy` }, expected: 'Allowed' },
    ] as Case[];
  })(),
  'iam-mfa': [
    { name: 'signed in with MFA', policies: { identityPolicies: [source('p', policyText('iam-mfa'))] }, request: { principal: USER, action: 's3:GetObject', resource: 'arn:aws:s3:::example-bucket/a.txt', context: { 'aws:MultiFactorAuthPresent': true } }, expected: 'Allowed' },
    { name: 'without MFA', policies: { identityPolicies: [source('p', policyText('iam-mfa'))] }, request: { principal: USER, action: 's3:GetObject', resource: 'arn:aws:s3:::example-bucket/a.txt', context: { 'aws:MultiFactorAuthPresent': false } }, expected: 'ImplicitlyDenied' },
    { name: 'long-term access keys (the key is absent)', policies: { identityPolicies: [source('p', policyText('iam-mfa'))] }, request: { principal: USER, action: 's3:GetObject', resource: 'arn:aws:s3:::example-bucket/a.txt' }, expected: 'ImplicitlyDenied' },
  ],
  'iam-deny-without-mfa': [
    { name: 'with MFA', policies: { identityPolicies: [allowAll(), source('p', policyText('iam-deny-without-mfa'))] }, request: { principal: USER, action: 's3:GetObject', resource: 'arn:aws:s3:::example-bucket/a.txt', context: { 'aws:MultiFactorAuthPresent': true } }, expected: 'Allowed' },
    { name: 'without MFA', policies: { identityPolicies: [allowAll(), source('p', policyText('iam-deny-without-mfa'))] }, request: { principal: USER, action: 's3:GetObject', resource: 'arn:aws:s3:::example-bucket/a.txt', context: { 'aws:MultiFactorAuthPresent': false } }, expected: 'ExplicitlyDenied' },
    { name: 'long-term access keys (the key is absent): BoolIfExists denies too', policies: { identityPolicies: [allowAll(), source('p', policyText('iam-deny-without-mfa'))] }, request: { principal: USER, action: 's3:GetObject', resource: 'arn:aws:s3:::example-bucket/a.txt' }, expected: 'ExplicitlyDenied' },
    { name: 'setting up MFA stays possible without MFA', policies: { identityPolicies: [allowAll(), source('p', policyText('iam-deny-without-mfa'))] }, request: { principal: USER, action: 'iam:EnableMFADevice', resource: USER, context: { 'aws:MultiFactorAuthPresent': false } }, expected: 'Allowed' },
  ],
};

describe('snippets simulate as their descriptions say', () => {
  it('every snippet has scenarios', () => {
    assert.deepEqual(Object.values(snippets).map((s) => s.prefix).filter((p) => !SCENARIOS[p]?.length), []);
  });
  for (const [prefix, cases] of Object.entries(SCENARIOS)) {
    for (const c of cases) it(`${prefix}: ${c.name} -> ${c.expected}`, () => run(c));
  }
});
