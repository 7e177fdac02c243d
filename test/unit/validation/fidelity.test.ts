// Diagnostics fidelity found by linting material nobody on this project wrote (issue 14): AWS-authored policies must
// not draw wrong findings, and the rules must say what AWS says.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePolicy } from '../../../server/src/core/policy/model';
import type { PolicyType } from '../../../server/src/core/policy/policyType';
import { decidePolicyType } from '../../../server/src/service/policyType';
import { DEFAULT_SETTINGS } from '../../../server/src/service/settings';
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

describe('<provider>:amr is multivalued (IAM306 / IAM307)', () => {
  // The IAM User Guide's Cognito trust policy tests amr with ForAnyValue:StringLike:
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif
  const trust = (c: object) => policy({ Effect: 'Allow', Principal: { Federated: 'cognito-identity.amazonaws.com' }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:12345678-abcd-abcd-abcd-123456789012' }, ...c } });

  it('accepts ForAnyValue:StringLike on cognito-identity.amazonaws.com:amr without a single-valued complaint', () => {
    const r = lint(trust({ 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' } }), 'trust');
    assert.deepEqual(r.diagnostics.filter((d) => d.code === 'IAM306' || d.code === 'IAM307').map((d) => d.message), []);
  });

  it('asks for the set qualifier where it is missing', () => {
    const r = lint(trust({ StringLike: { 'cognito-identity.amazonaws.com:amr': 'authenticated' } }), 'trust');
    const hits = r.diagnostics.filter((d) => d.code === 'IAM307');
    assert.equal(hits.length, 1);
    assert.equal(r.textOf(hits[0]), '"StringLike"');
  });
});

describe('known gaps in the reference data draw no warnings', () => {
  // https://docs.aws.amazon.com/step-functions/latest/dg/call-https-apis.html (IAM permissions for HTTP Tasks)
  it('states:InvokeHTTPEndpoint on a state machine with states:HTTPMethod / states:HTTPEndpoint', () => {
    const text = policy({ Effect: 'Allow', Action: 'states:InvokeHTTPEndpoint', Resource: 'arn:aws:states:us-east-2:123456789012:stateMachine:myStateMachine', Condition: { StringEquals: { 'states:HTTPMethod': 'GET' }, StringLike: { 'states:HTTPEndpoint': 'https://api.stripe.com/*' } } });
    assert.deepEqual(lint(text).diagnostics.map((d) => `${d.code} ${messageText(d)}`), []);
  });

  // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/control-access-with-iam.html (transforms)
  it('cloudformation:CreateChangeSet on the AWS-owned transform ARN', () => {
    const text = policy({ Effect: 'Allow', Action: 'cloudformation:CreateChangeSet', Resource: ['arn:aws:cloudformation:us-east-1:aws:transform/Serverless-2016-10-31', 'arn:aws:cloudformation:us-east-1:123456789012:stack/app/*'] });
    assert.deepEqual(lint(text).diagnostics.map((d) => `${d.code} ${messageText(d)}`), []);
  });

  it('no IAM303 for a key of the statement\'s own service that the data attaches to no action', () => {
    // apigateway:Request/RoutingMode is listed for API Gateway but attached to none of its actions in the data
    const text = policy({ Effect: 'Allow', Action: 'apigateway:PATCH', Resource: 'arn:aws:apigateway:us-east-1::/domainnames/example.com', Condition: { StringEquals: { 'apigateway:Request/RoutingMode': 'ROUTING_RULE_ONLY' } } });
    assert.deepEqual(findings(text, 'identity', 'IAM303'), []);
  });
});

describe('IAM403 star-only-action: service-wide patterns work', () => {
  it('accepts s3:ListAllMyBuckets on arn:aws:s3:::*', () => {
    assert.deepEqual(findings(policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: 'arn:aws:s3:::*' }), 'identity', 'IAM403'), []);
  });
  it('accepts logs:DescribeLogGroups on arn:aws:logs:*:*:log-group:*', () => {
    assert.deepEqual(findings(policy({ Effect: 'Allow', Action: 'logs:DescribeLogGroups', Resource: 'arn:aws:logs:*:*:log-group:*' }), 'identity', 'IAM403'), []);
  });
  it('still flags a star-only action on one bucket, or on a named log group', () => {
    assert.equal(findings(policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: 'arn:aws:s3:::bucket/*' }), 'identity', 'IAM403').length, 1);
    assert.equal(findings(policy({ Effect: 'Allow', Action: 'logs:DescribeLogGroups', Resource: 'arn:aws:logs:*:*:log-group:/aws/lambda/*' }), 'identity', 'IAM403').length, 1);
    assert.equal(findings(policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: 'arn:aws:logs:*:*:log-group:*' }), 'identity', 'IAM403').length, 1);
  });
});

describe('IAM303 condition-key-not-applicable: keys filed under another service, negated operators', () => {
  const deny = (key: string, op = 'StringEquals') => policy({ Effect: 'Deny', Action: 's3:GetObject', Resource: '*', Condition: { [op]: { [key]: 'x' } } });
  // the catalog files each of these under the first service that declares it (codestar, arc-zonal-shift, cases,
  // ec2-instance-connect), not under its own prefix
  for (const key of ['iam:ResourceTag/team', 'elasticloadbalancing:ResourceTag/team', 'connect:UserArn', 'ec2:osuser']) {
    it(`checks ${key} like any other key`, () => {
      const hits = findings(deny(key), 'identity', 'IAM303');
      assert.equal(hits.length, 1, key);
      assert.match(hits[0], new RegExp(`"${key.replace('/', '\\/')}"`));
    });
  }

  it('accepts ec2:osuser with the EC2 Instance Connect action that supports it', () => {
    const text = policy({ Effect: 'Allow', Action: 'ec2-instance-connect:SendSSHPublicKey', Resource: 'arn:aws:ec2:us-east-1:123456789012:instance/i-1234567890abcdef0', Condition: { StringEquals: { 'ec2:osuser': 'ec2-user' } } });
    assert.deepEqual(findings(text, 'identity', 'IAM303'), []);
  });

  it('says a negated operator makes the condition always true, not "never met"', () => {
    const [msg] = findings(deny('ec2:Vpc', 'StringNotEquals'), 'identity', 'IAM303');
    assert.match(msg, /always true/);
    assert.doesNotMatch(msg, /never (met|matches)/);
    const [plain] = findings(deny('ec2:Vpc'), 'identity', 'IAM303');
    assert.match(plain, /never matches \(the Deny has no effect\)/);
  });
});

describe('IAM806 oidc-missing-conditions: audience pinned, shared audiences, trust policies only', () => {
  const provider = (host: string) => `arn:aws:iam::111122223333:oidc-provider/${host}`;
  const trust = (host: string, condition?: object) => policy({ Effect: 'Allow', Principal: { Federated: provider(host) }, Action: 'sts:AssumeRoleWithWebIdentity', ...(condition ? { Condition: condition } : {}) });

  it('accepts a provider whose aud is pinned, without sub', () => {
    assert.deepEqual(findings(trust('oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE', { StringEquals: { 'oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE:aud': 'sts.amazonaws.com' } }), 'trust', 'IAM806'), []);
    assert.deepEqual(findings(trust('auth.example.com', { StringEquals: { 'auth.example.com:aud': 'my-client-id' } }), 'trust', 'IAM806'), []);
  });

  it('still asks for aud when it is missing', () => {
    const [msg] = findings(trust('auth.example.com'), 'trust', 'IAM806');
    assert.match(msg, /"auth\.example\.com:aud"/);
  });

  it('asks GitHub trust for sub even with aud pinned: sts.amazonaws.com is every GitHub user\'s audience', () => {
    const hits = findings(trust('token.actions.githubusercontent.com', { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } }), 'trust', 'IAM806');
    assert.equal(hits.length, 1);
    assert.match(hits[0], /"token\.actions\.githubusercontent\.com:sub"/);
    assert.doesNotMatch(hits[0], /:aud"/);
  });

  it('applies to role trust policies only', () => {
    const text = policy({ Effect: 'Allow', Principal: { Federated: provider('auth.example.com') }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' });
    assert.deepEqual(findings(text, 'resource', 'IAM806'), []);
  });

  // IAM Access Analyzer policy validation, "Federated principal not supported":
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html
  it('reports a Federated principal in a bucket policy as an error (IAM501)', () => {
    const text = policy({ Effect: 'Allow', Principal: { Federated: provider('auth.example.com') }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' });
    const r = lint(text, 'resource');
    const hits = r.diagnostics.filter((d) => d.code === 'IAM501');
    assert.equal(hits.length, 1);
    assert.equal(hits[0].severity, 1);
    assert.match(messageText(hits[0]), /only in role trust policies/);
    assert.deepEqual(findings(trust('auth.example.com', { StringEquals: { 'auth.example.com:aud': 'x' } }), 'trust', 'IAM501'), []);
  });
});

describe('IAM312 mfa-present-false', () => {
  const deny = (op: string, extra: object = {}) => policy({ Effect: 'Deny', NotAction: ['iam:ChangePassword', 'sts:GetSessionToken'], Resource: '*', Condition: { [op]: { 'aws:MultiFactorAuthPresent': 'false' }, ...extra } });

  it('flags "Bool" ... "false" in a Deny and offers "BoolIfExists" as the preferred quick fix', () => {
    const r = lint(deny('Bool'));
    const hits = r.diagnostics.filter((d) => d.code === 'IAM312');
    assert.equal(hits.length, 1);
    const fix = (hits[0].data as { fixes: { title: string; preferred?: boolean; edits: { newText: string }[] }[] }).fixes[0];
    assert.equal(fix.title, 'Change "Bool" to "BoolIfExists"');
    assert.equal(fix.preferred, true);
    assert.equal(fix.edits[0].newText, '"BoolIfExists"');
  });

  it('flags it in an Allow too, without the BoolIfExists fix (it would widen the Allow)', () => {
    const r = lint(policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } }));
    const hits = r.diagnostics.filter((d) => d.code === 'IAM312');
    assert.equal(hits.length, 1);
    assert.equal(hits[0].data, undefined);
  });

  it('accepts BoolIfExists, and Bool "true"', () => {
    assert.deepEqual(findings(deny('BoolIfExists'), 'identity', 'IAM312'), []);
    assert.deepEqual(findings(policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }), 'identity', 'IAM312'), []);
  });

  it('offers no rename when the statement already has a BoolIfExists block (it would duplicate the key)', () => {
    const r = lint(deny('Bool', { BoolIfExists: { 'aws:ViaAWSService': 'false' } }));
    const hits = r.diagnostics.filter((d) => d.code === 'IAM312');
    assert.equal(hits.length, 1);
    assert.equal(hits[0].data, undefined);
  });
});

describe('policy type from content: Principal statements with Resource are not a trust policy', () => {
  const decide = (text: string) => decidePolicyType('file:///work/policy.json', parsePolicy(text), DEFAULT_SETTINGS).type;
  // The shape of AWS's data perimeter RCP examples (aws-samples/data-perimeter-policy-examples, "EnforceOrgIdentities"):
  // https://github.com/aws-samples/data-perimeter-policy-examples/tree/main/resource_control_policies
  const RCP = policy({
    Sid: 'EnforceOrgIdentities', Effect: 'Deny', Principal: '*',
    Action: ['s3:*', 'sqs:*', 'kms:*', 'secretsmanager:*', 'sts:AssumeRole', 'sts:DecodeAuthorizationMessage', 'sts:GetAccessKeyInfo', 'sts:GetFederationToken', 'sts:GetServiceBearerToken', 'sts:GetSessionToken', 'sts:SetContext'],
    Resource: '*',
    Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5', 'aws:ResourceTag/dp:exclude:identity': 'true' }, BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' } },
  });

  it('takes an RCP that names sts:AssumeRole for an RCP, and it lints without errors', () => {
    assert.equal(decide(RCP), 'rcp');
    assert.deepEqual(lint(RCP, 'rcp').diagnostics.filter((d) => d.severity === 1).map((d) => `${d.code} ${messageText(d)}`), []);
  });

  it('takes a single-service resource policy that names sts:AssumeRole with a Resource for a resource policy', () => {
    const text = policy({ Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole', Resource: '*', Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } });
    assert.equal(decide(text), 'resource');
  });

  it('still takes a role trust policy for a trust policy', () => {
    assert.equal(decide(policy({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' })), 'trust');
  });

  it('keeps a one-service Deny for everyone (a bucket policy) a resource policy', () => {
    const text = policy({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::bucket', 'arn:aws:s3:::bucket/*'], Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
    assert.equal(decide(text), 'resource');
  });
});

describe('IAM701 policy-size for SCPs and RCPs: severity by minified size', () => {
  // https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html: the console removes white
  // space outside quotation marks before saving; the API and CLI save the text as given.
  const stmt = (i: number) => ({ Sid: `Deny${i}`, Effect: 'Deny', Action: ['s3:DeleteBucket', 's3:PutBucketPolicy'], Resource: `arn:aws:s3:::bucket-${i}` });
  const compact = (n: number) => JSON.stringify({ Version: '2012-10-17', Statement: Array.from({ length: n }, (_, i) => stmt(i)) });

  for (const type of ['scp', 'rcp'] as const) {
    it(`${type}: a warning with the minified size when only white space puts it over`, () => {
      const pretty = JSON.stringify(JSON.parse(compact(30)), null, 8);
      assert.ok(compact(30).length < 5120 && pretty.length > 5120);
      const hits = lint(pretty, type).diagnostics.filter((d) => d.code === 'IAM701');
      assert.equal(hits.length, 1);
      assert.equal(hits[0].severity, 2);
      assert.match(messageText(hits[0]), new RegExp(`minified it has ${compact(30).length.toLocaleString('en-US')}`));
    });

    it(`${type}: an error when it is over the quota even without white space`, () => {
      const big = compact(80);
      assert.ok(big.length > 5120);
      const hits = lint(big, type).diagnostics.filter((d) => d.code === 'IAM701');
      assert.equal(hits.length, 1);
      assert.equal(hits[0].severity, 1);
    });
  }
});

describe('one problem, one diagnostic (IAM001)', () => {
  const withResource = (raw: string) => `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource": ${raw}}]}`;

  for (const token of ['${BucketArn}', '{{BucketArn}}', '<BUCKET_ARN>', 'arn:aws:s3:::bucket/*']) {
    it(`an unquoted ${token} gives one IAM001 over the token, and nothing else`, () => {
      const r = lint(withResource(token));
      assert.deepEqual(r.diagnostics.map((d) => [d.code, r.textOf(d)]), [['IAM001', token]]);
      assert.doesNotMatch(messageText(r.diagnostics[0]), /trailing comma/);
      assert.match(messageText(r.diagnostics[0]), /double quotes/);
    });
  }

  it('"not json" gives one IAM001', () => {
    const r = lint('not json');
    assert.deepEqual(r.diagnostics.map((d) => [d.code, r.textOf(d)]), [['IAM001', 'not json']]);
  });

  it('mentions a trailing comma only when there is one', () => {
    const r = lint('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*",}]}');
    assert.deepEqual(r.diagnostics.map((d) => d.code), ['IAM001']);
    assert.match(messageText(r.diagnostics[0]), /trailing comma/);
    const missing = lint('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":}]}');
    assert.ok(missing.diagnostics.some((d) => d.code === 'IAM001'));
    assert.ok(missing.diagnostics.every((d) => !/trailing comma/.test(messageText(d))));
  });

  it('an unquoted property name is one problem', () => {
    const r = lint('{"Version":"2012-10-17","Statement":[{Effect:"Allow","Action":"s3:GetObject","Resource":"*"}]}');
    const syntax = r.diagnostics.filter((d) => d.code === 'IAM001');
    assert.deepEqual(syntax.map((d) => r.textOf(d)), ['Effect']);
  });
});

describe('comments: one diagnostic per comment, "Remove all comments" (issue 14 item 17)', () => {
  // The kind of example a newcomer opens: a short policy annotated with `//` comments in Japanese.
  const JAPANESE = readFileSync(join(__dirname, '..', '..', 'fixtures', 'commented', 'japanese-comments.json'), 'utf8');

  it('gives one IAM001 per comment and no IAM015 inside comments', () => {
    const r = lint(JAPANESE);
    assert.deepEqual(r.diagnostics.map((d) => d.code), ['IAM001', 'IAM001', 'IAM001', 'IAM001']);
    assert.deepEqual(r.diagnostics.map((d) => r.textOf(d)), ['// ポリシー言語のバージョン', '// 許可する', '// ロールを渡す', '// 渡せるロール (サービス用)']);
  });

  it('offers "Remove this comment" and "Remove all comments"; removing all leaves a valid policy', () => {
    const r = lint(JAPANESE);
    const fixes = (r.diagnostics[1].data as { fixes: { title: string; edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[] }[] }).fixes;
    assert.deepEqual(fixes.map((f) => f.title), ['Remove this comment', 'Remove all comments']);
    const all = fixes[1];
    const edits = all.edits.map((e) => ({ start: r.doc.offsetAt(e.range.start), end: r.doc.offsetAt(e.range.end), newText: e.newText })).sort((a, b) => b.start - a.start);
    let text = JAPANESE;
    for (const e of edits) text = text.slice(0, e.start) + e.newText + text.slice(e.end);
    assert.doesNotThrow(() => JSON.parse(text));
    assert.deepEqual(lint(text).diagnostics.map((d) => `${d.code} ${messageText(d)}`), []);
    assert.ok(!/[^\x00-\xff]/.test(text), 'no character IAM rejects is left');
  });

  it('removes a comment on a line of its own with its line', () => {
    const text = '{\n  // 説明\n  "Version": "2012-10-17",\n  "Statement": []\n}\n';
    const r = lint(text);
    const fix = (r.diagnostics.find((d) => d.code === 'IAM001')!.data as { fixes: { edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } } }[] }[] }).fixes[0];
    const e = fix.edits[0];
    assert.deepEqual([e.range.start, e.range.end], [{ line: 1, character: 0 }, { line: 2, character: 0 }]);
  });

  it('still reports characters IAM rejects outside comments', () => {
    const r = lint('{\n  "Version": "2012-10-17", // 説明\n  "Statement": [{"Sid": "A\u2019s", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]\n}');
    assert.equal(r.diagnostics.filter((d) => d.code === 'IAM001').length, 1);
    assert.deepEqual(r.diagnostics.filter((d) => d.code === 'IAM015').map((d) => r.textOf(d)), ['\u2019']);
  });
});
