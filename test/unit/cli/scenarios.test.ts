// The CLI as users run it: node cli.js simulate / test, for what issue 14 (evaluator fidelity, scenario naming) and
// issue 17 (PassRole, federation kinds) changed in its output. The CLI is bundled from the sources into a temporary
// folder (with the catalog next to it, as in dist/), so this file never races lint.test.ts rebuilding dist/.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = join(__dirname, '..', '..', '..');
const bundleDir = mkdtempSync(join(tmpdir(), 'iam-cli-bundle-'));
const cli = (...args: string[]) => spawnSync(process.execPath, [join(bundleDir, 'cli.js'), ...args], { encoding: 'utf8' });
const A = '111122223333';
const B = '444455556666';
const USER = `arn:aws:iam::${A}:user/alice`;
const doc = (...Statement: unknown[]) => ({ Version: '2012-10-17', Statement });
let dir = '';
const write = (name: string, content: unknown) => {
  const p = join(dir, name);
  writeFileSync(p, JSON.stringify(content, null, 2));
  return p;
};

describe('iam-policy test and simulate, as a process', () => {
  before(async () => {
    await build({
      entryPoints: [join(root, 'server', 'src', 'cli.ts')], outfile: join(bundleDir, 'cli.js'), absWorkingDir: root,
      bundle: true, platform: 'node', target: 'node20', format: 'cjs', mainFields: ['module', 'main'], logLevel: 'error',
    });
    symlinkSync(join(root, 'server', 'data'), join(bundleDir, 'data'));
    dir = mkdtempSync(join(tmpdir(), 'iam-cli-scenarios-'));
  });

  it('test names a malformed scenario by its "name", with the JSON path', () => {
    const file = write('named.scenario.json', [
      { name: 'reads', identityPolicies: [doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' })], request: { principal: USER, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' }, expected: 'Allowed' },
      { name: 'wildcard action by mistake', request: { principal: USER, action: 's3:Get*', resource: 'arn:aws:s3:::b/k' }, expected: 'Allowed' },
      { request: { principal: USER, action: 's3:Get*', resource: 'arn:aws:s3:::b/k' }, expected: 'Allowed' },
    ]);
    const r = cli('test', file);
    assert.equal(r.status, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /named\.scenario\.json, scenario "wildcard action by mistake" at \$\[1\]\.request\.action: "s3:Get\*" is not one action/);
    // without a name, the JSON path alone
    assert.match(r.stderr, /named\.scenario\.json at \$\[2\]\.request\.action: /);
    assert.match(r.stdout, /pass {2}.*reads: Allowed/);
  });

  it('simulate reports a bare-string Principal among the problems', () => {
    const file = write('bare.scenario.json', {
      name: 'bare principal',
      resourcePolicy: doc({ Sid: 'Bare', Effect: 'Allow', Principal: USER, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }),
      request: { principal: USER, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', resourceAccount: A },
    });
    const r = cli('simulate', file);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^bare principal: ImplicitlyDenied/m);
    assert.match(r.stdout, /problem: policy "resource policy", statement "Bare": Principal is the bare string "arn:aws:iam::111122223333:user\/alice", which IAM rejects/);
  });

  it('test rejects a resourceAccount that contradicts the resource ARN', () => {
    const file = write('contradiction.scenario.json', [{
      name: 'queue in B said to be in A', identityPolicies: [doc({ Effect: 'Allow', Action: 'sqs:*', Resource: '*' })],
      request: { principal: USER, action: 'sqs:SendMessage', resource: `arn:aws:sqs:eu-west-1:${B}:q`, resourceAccount: A }, expected: 'Allowed',
    }]);
    const r = cli('test', file);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /scenario "queue in B said to be in A" at \$\[0\]\.request\.resourceAccount: request\.resourceAccount "111122223333" contradicts the account "444455556666"/);
  });

  it('test: GetCallerIdentity, KMS aliases, AWS managed policies and PassRole decide as AWS documents', () => {
    const allowAll = doc({ Effect: 'Allow', Action: '*', Resource: '*' });
    const file = write('action-rules.scenario.json', [
      { name: 'GetCallerIdentity under a deny', identityPolicies: [doc({ Effect: 'Deny', Action: 'sts:*', Resource: '*' })], request: { principal: USER, action: 'sts:GetCallerIdentity', resource: '*' }, expected: 'Allowed' },
      { name: 'alias by identity policy', identityPolicies: [allowAll], request: { principal: USER, action: 'kms:CreateAlias', resource: `arn:aws:kms:eu-west-1:${A}:alias/app` }, expected: 'Allowed' },
      { name: 'alias/aws/ is reserved', identityPolicies: [allowAll], request: { principal: USER, action: 'kms:CreateAlias', resource: `arn:aws:kms:eu-west-1:${A}:alias/aws/s3` }, expected: 'ImplicitlyDenied' },
      { name: 'AWS managed policy', identityPolicies: [allowAll], request: { principal: USER, action: 'iam:CreatePolicyVersion', resource: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }, expected: 'ImplicitlyDenied' },
      { name: 'PassRole by trust policy only', resourcePolicy: doc({ Effect: 'Allow', Principal: { AWS: USER }, Action: 'iam:PassRole', Resource: '*' }), request: { principal: USER, action: 'iam:PassRole', resource: `arn:aws:iam::${A}:role/r` }, expected: 'ImplicitlyDenied' },
      { name: 'PassRole across accounts', identityPolicies: [allowAll], resourcePolicy: doc({ Effect: 'Allow', Principal: { AWS: USER }, Action: 'iam:PassRole', Resource: '*' }), request: { principal: USER, action: 'iam:PassRole', resource: `arn:aws:iam::${B}:role/r` }, expected: 'ImplicitlyDenied' },
    ]);
    const r = cli('test', file);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.equal(r.stdout.trim().split('\n').at(-1), '6 passed, 0 failed');
    const s = cli('simulate', file);
    assert.match(s.stdout, /sts:GetCallerIdentity needs no permission/);
    assert.match(s.stdout, /the account segment "aws" names AWS, not a missing account/);
    assert.match(s.stdout, /a role can only be passed to a service in its own account/);
  });

  it('simulate names a SAML provider as such', () => {
    const saml = `arn:aws:iam::${A}:saml-provider/Okta`;
    const file = write('saml.scenario.json', {
      name: 'saml', resourcePolicy: doc({ Effect: 'Allow', Principal: { Federated: saml }, Action: 'sts:AssumeRoleWithSAML' }),
      request: { principal: saml, action: 'sts:AssumeRoleWithSAML', resource: `arn:aws:iam::${A}:role/fed` },
    });
    const r = cli('simulate', file);
    assert.match(r.stdout, /^saml: Allowed/m);
    assert.match(r.stdout, /SAML 2\.0 identity provider/);
    assert.doesNotMatch(r.stdout, /web-identity/);
  });

  // issue 13: consecutive scenarios naming the same policy files share one compiled set, and the summaries share one
  // matched-statement entry per statement, printed from a kept text. Neighbours that differ in a name, a boundary or
  // a level must not inherit each other's set, names or texts.
  it('consecutive scenarios over the same files keep their own policy names, boundaries and SCP levels', () => {
    write('read.json', doc({ Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }));
    write('deny.json', doc({ Sid: 'NoGet', Effect: 'Deny', Action: 's3:GetObject', Resource: '*' }));
    write('all.json', doc({ Effect: 'Allow', Action: '*', Resource: '*' }));
    const request = { principal: USER, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' };
    const file = write('neighbours.scenario.json', { scenarios: [
      { name: 'plain', identityPolicies: [{ file: 'read.json' }], request, expected: 'Allowed' },
      { name: 'renamed', identityPolicies: [{ file: 'read.json', name: 'team-read' }], request, expected: 'Allowed' },
      { name: 'with a denying boundary', identityPolicies: [{ file: 'read.json' }], permissionBoundaries: [{ file: 'deny.json' }], request, expected: 'ExplicitlyDenied' },
      { name: 'plain again', identityPolicies: [{ file: 'read.json' }], request, expected: 'Allowed' },
      { name: 'an SCP level that denies', identityPolicies: [{ file: 'read.json' }], scps: [{ orgIdentifier: 'r-root', policies: [{ file: 'all.json' }] }, { orgIdentifier: 'ou-x', policies: [{ file: 'deny.json' }] }], request, expected: 'ExplicitlyDenied' },
      { name: 'the same files at the other level', identityPolicies: [{ file: 'read.json' }], scps: [{ orgIdentifier: 'r-root', policies: [{ file: 'deny.json' }] }, { orgIdentifier: 'ou-x', policies: [{ file: 'all.json' }] }], request, expected: 'ExplicitlyDenied' },
    ] });
    for (const format of ['json', 'text']) {
      const r = cli('test', file, '--format', format);
      assert.equal(r.status, 0, r.stdout + r.stderr);
    }
    const results = JSON.parse(cli('simulate', file, '--format', 'json').stdout) as { name: string; decision: string; matchedStatements: { policy: string; policyType: string; sid: string }[]; explanation: string[] }[];
    assert.deepEqual(results.map((r) => r.matchedStatements.map((m) => `${m.policyType} ${m.policy} ${m.sid}`)), [
      ['identity read Read'], ['identity team-read Read'], ['boundary deny NoGet'], ['identity read Read'], ['scp deny NoGet'], ['scp deny NoGet'],
    ]);
    assert.match(results[1].explanation.at(-1)!, /"Read" of identity policy "team-read"/);
    assert.match(results[0].explanation.at(-1)!, /"Read" of identity policy "read"/);
    assert.match(results[4].explanation[0], /SCP "deny"/);
  });
});
