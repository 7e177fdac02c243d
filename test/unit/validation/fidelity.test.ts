// Diagnostics fidelity found by linting material nobody on this project wrote (issue 14): AWS-authored policies must
// not draw wrong findings, and the rules must say what AWS says.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { PolicyType } from '../../../server/src/core/policy/policyType';
import { messageText } from '../helpers';
import { lint, policy } from './lint';

const codes = (text: string, type?: PolicyType) => lint(text, type).diagnostics.map((d) => d.code);
const findings = (text: string, type: PolicyType | undefined, code: string) =>
  lint(text, type).diagnostics.filter((d) => d.code === code).map((d) => messageText(d));

describe('IAM105 trust-action: the assume action is needed once per policy, not per statement', () => {
  const SAML = 'arn:aws:iam::111122223333:saml-provider/ExampleProvider';
  const OIDC = 'arn:aws:iam::111122223333:oidc-provider/oidc.example.com';

  // IAM User Guide, "Monitor and control actions taken with assumed roles": the SAML trust policy grants
  // sts:AssumeRoleWithSAML in one statement and sts:SetSourceIdentity in a second one to the same provider.
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_monitor.html
  it('accepts a second statement that grants only sts:SetSourceIdentity / sts:TagSession to the same SAML provider', () => {
    const text = policy(
      { Sid: 'SAMLProviderAssumeRoleWithSAML', Effect: 'Allow', Principal: { Federated: SAML }, Action: 'sts:AssumeRoleWithSAML', Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } } },
      { Sid: 'SetSourceIdentitySAMLProvider', Effect: 'Allow', Principal: { Federated: SAML }, Action: ['sts:SetSourceIdentity', 'sts:TagSession'] },
    );
    assert.deepEqual(findings(text, 'trust', 'IAM105'), []);
  });

  it('accepts the same split for an OIDC provider', () => {
    const text = policy(
      { Effect: 'Allow', Principal: { Federated: OIDC }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { 'oidc.example.com:aud': 'my-app' } } },
      { Effect: 'Allow', Principal: { Federated: OIDC }, Action: 'sts:TagSession' },
    );
    assert.deepEqual(findings(text, 'trust', 'IAM105'), []);
  });

  it('still flags SetSourceIdentity for a provider that no statement lets assume the role', () => {
    const other = 'arn:aws:iam::111122223333:saml-provider/Other';
    const text = policy(
      { Effect: 'Allow', Principal: { Federated: SAML }, Action: 'sts:AssumeRoleWithSAML' },
      { Effect: 'Allow', Principal: { Federated: other }, Action: 'sts:SetSourceIdentity' },
    );
    const hits = findings(text, 'trust', 'IAM105');
    assert.equal(hits.length, 1);
    assert.match(hits[0], /AssumeRoleWithSAML/);
  });

  it('does not count a Deny statement as granting the assume action', () => {
    const text = policy(
      { Effect: 'Deny', Principal: { Federated: SAML }, Action: 'sts:AssumeRoleWithSAML', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
      { Effect: 'Allow', Principal: { Federated: SAML }, Action: 'sts:TagSession' },
    );
    assert.equal(findings(text, 'trust', 'IAM105').length, 1);
  });
});

describe('IAM801 pass-role-wildcard / IAM802 create-slr-wildcard: only on policies that grant', () => {
  const text = policy({ Effect: 'Allow', Action: ['iam:PassRole', 'iam:CreateServiceLinkedRole'], Resource: '*' });

  // A permissions boundary "does not grant permissions on its own"
  // (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html); session policies "limit
  // permissions ... but do not grant permissions" (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session);
  // an endpoint policy does not grant either (https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html).
  for (const type of ['boundary', 'session', 'endpoint', 'scp', 'rcp'] as const) {
    it(`skips the ${type} policy type, which never grants`, () => {
      assert.deepEqual(codes(text, type).filter((c) => c === 'IAM801' || c === 'IAM802'), []);
    });
  }

  it('still warns on an identity policy', () => {
    assert.deepEqual(codes(text, 'identity').filter((c) => c === 'IAM801' || c === 'IAM802').sort(), ['IAM801', 'IAM802']);
  });
});
