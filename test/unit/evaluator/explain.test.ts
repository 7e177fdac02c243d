// The explanation of simulate(): matched statements with source ranges, per-statement reasons, per-type results,
// derived and missing context keys; the compiled form; decide() building no explanation.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { catalog } from '../helpers';
import {
  compilePolicySet, decide, explanationStats, referencedContextKeys, simulate, type Scenario,
} from '../../../server/src/core/evaluator';
import { A, allow, deny, doc, FED, FED_ISSUER, NOW, OBJ, pol, scenario, SESSION, USER } from './fixtures';

const identityText = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Read",
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "*"
    },
    {
      "Sid": "NoHttp",
      "Effect": "Deny",
      "Action": "s3:*",
      "Resource": "*",
      "Condition": { "Bool": { "aws:SecureTransport": "false" } }
    }
  ]
}`;

function withText(context?: Record<string, unknown>): Scenario {
  return {
    name: 'ranges',
    identityPolicies: [{ name: 'app', file: 'app.policy.json', text: identityText, policy: JSON.parse(identityText) }],
    permissionBoundaries: [], scps: [], rcps: [],
    request: { principal: USER, action: 's3:GetObject', resource: OBJ, context },
  };
}

describe('simulate() explanation', () => {
  it('lists the allowing statement with policy, file, Sid, index and source range', () => {
    const r = simulate(withText(), catalog, { now: NOW });
    assert.equal(r.decision, 'Allowed');
    assert.deepEqual(r.matchedStatements, [{
      policyType: 'identity', policy: 'app', file: 'app.policy.json', sid: 'Read', index: 0, effect: 'Allow',
      range: { start: { line: 3, character: 4 }, end: { line: 8, character: 5 } },
    }]);
    assert.match(r.explanation[0], /^Allowed: an identity policy allows the request/);
    assert.match(r.explanation[0], /\[R5, R8\]/);
  });

  it('for an explicit deny lists only the deny, with its range, and names R1', () => {
    const r = simulate(withText({ 'aws:SecureTransport': false }), catalog, { now: NOW });
    assert.equal(r.decision, 'ExplicitlyDenied');
    assert.equal(r.matchedStatements.length, 1);
    assert.equal(r.matchedStatements[0].sid, 'NoHttp');
    assert.deepEqual(r.matchedStatements[0].range!.start, { line: 9, character: 4 });
    assert.match(r.explanation[0], /"NoHttp" of identity policy "app" applies.*\[R1\]/);
  });

  it('explains each condition with the resolved request value and the policy values', () => {
    const r = simulate(withText({ 'aws:SecureTransport': 'true' }), catalog, { now: NOW });
    const noHttp = r.statements.find((s) => s.sid === 'NoHttp')!;
    assert.equal(noHttp.applies, false);
    assert.deepEqual(noHttp.conditions[0].requestValues, ['true']);
    assert.equal(noHttp.conditions[0].policyValues[0].value, 'false');
    assert.equal(noHttp.conditions[0].result, false);
    assert.match(noHttp.reason, /condition not met: aws:SecureTransport = "true" does not satisfy Bool/);
  });

  it('says why a statement did not apply: action, resource, principal', () => {
    const s = scenario({
      identity: [allow('s3:PutObject'), allow('s3:GetObject', 'arn:aws:s3:::other/*')],
      resource: [{ ...allow('s3:GetObject', 'arn:aws:s3:::reports/*'), Principal: { AWS: `arn:aws:iam::${A}:user/bob` } }],
    });
    const r = simulate(s, catalog, { now: NOW });
    assert.equal(r.decision, 'ImplicitlyDenied');
    const [put, other] = r.statements.filter((d) => d.policyType === 'identity');
    assert.match(put.reason, /s3:GetObject is not in Action/);
    assert.equal(put.action.values[0].matches, false);
    assert.match(other.reason, /does not match Resource \[R16\]/);
    const res = r.statements.find((d) => d.policyType === 'resource')!;
    assert.equal(res.principal!.matched, false);
    assert.match(res.reason, /does not name the caller/);
    assert.deepEqual(r.policyTypes, { identity: 'ImplicitlyDenied', resource: 'ImplicitlyDenied', boundary: 'NotApplicable', session: 'NotApplicable', scp: 'NotApplicable', rcp: 'NotApplicable' });
  });

  it('reports AllowedForAccount when the resource policy names the account, and which SCP level lacked an Allow', () => {
    const s = scenario({
      identity: [allow('s3:*')],
      resource: [{ ...allow('s3:GetObject', 'arn:aws:s3:::reports/*'), Principal: { AWS: A } }],
      scps: [{ orgIdentifier: 'r-root', policies: [pol('full', allow('*'))] }, { orgIdentifier: 'ou-dev', policies: [pol('ec2', allow('ec2:*'))] }],
    });
    const r = simulate(s, catalog, { now: NOW });
    assert.equal(r.decision, 'ImplicitlyDenied');
    assert.equal(r.policyTypes.resource, 'AllowedForAccount');
    assert.equal(r.policyTypes.scp, 'ImplicitlyDenied');
    assert.match(r.explanation[0], /no SCP at level "ou-dev" allows s3:GetObject.*\[R3\]/);
  });

  it('fills derived keys and lists referenced keys nothing supplies', () => {
    const s = scenario({ principal: SESSION, identity: [allow('s3:GetObject', '*', { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' }, StringEquals: { 'aws:PrincipalAccount': A } } })] });
    const r = simulate(s, catalog, { now: NOW });
    assert.equal(r.decision, 'ImplicitlyDenied');
    assert.equal(r.derivedContext['aws:PrincipalArn'], `arn:aws:iam::${A}:role/app`);
    assert.equal(r.derivedContext['aws:PrincipalType'], 'AssumedRole');
    assert.equal(r.derivedContext['aws:CurrentTime'], '2026-06-01T00:00:00Z');
    assert.equal(r.derivedContext['aws:EpochTime'], String(NOW / 1000));
    assert.deepEqual(r.missingContextKeys, ['aws:MultiFactorAuthPresent']);
    assert.ok(r.explanation.some((e) => e.includes('aws:MultiFactorAuthPresent') && e.includes('[R17]')));
  });

  it('does not derive a key the request sets', () => {
    const r = simulate(scenario({ identity: [allow('*')], context: { 'aws:PrincipalAccount': A } }), catalog, { now: NOW });
    assert.equal('aws:PrincipalAccount' in r.derivedContext, false);
  });

  it('turns bad input into an error and ImplicitlyDenied, naming R22', () => {
    const r = simulate(scenario({ principal: 'alice', identity: [allow('*')] }), catalog, { now: NOW });
    assert.equal(r.decision, 'ImplicitlyDenied');
    assert.match(r.errors[0], /"alice" is not a principal/);
    assert.match(r.explanation[0], /\[R22\]/);
  });

  it('R6: names the IAM user who created the federated session and says the boundary and session policy still apply', () => {
    const grant = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Principal: { AWS: FED_ISSUER } };
    const base = { principal: FED, sessionIssuer: FED_ISSUER, resource: [grant] };
    const limited = simulate(scenario({ ...base, session: [allow('s3:GetObject')], boundary: [allow('ec2:*')] }), catalog, { now: NOW });
    assert.equal(limited.decision, 'ImplicitlyDenied');
    assert.match(limited.explanation[0], /grants the IAM user arn:aws:iam::111122223333:user\/federation-proxy who created this federated user session, not the session itself, so the boundary and session policy still apply/);
    assert.match(limited.explanation[0], /implicit deny in the permissions boundary \[R6\]/);
    assert.match(limited.explanation[1], /federated user session created by the IAM user arn:aws:iam::111122223333:user\/federation-proxy/);
    const detail = limited.statements.find((d) => d.policyType === 'resource')!;
    assert.match(detail.principal!.how, /names the IAM user .*federation-proxy who created this federated user session .*\[R6\]/);
    assert.equal(limited.derivedContext['aws:PrincipalArn'], FED);

    const noSession = simulate(scenario(base), catalog, { now: NOW });
    assert.equal(noSession.decision, 'ImplicitlyDenied');
    assert.match(noSession.explanation[0], /no permissions \(STS GetFederationToken\) \[R7\] \[R6\]/);

    const allowed = simulate(scenario({ ...base, session: [allow('s3:*')] }), catalog, { now: NOW });
    assert.equal(allowed.decision, 'Allowed');
    assert.match(allowed.explanation[0], /^Allowed: .*who created this federated user session.*the session policy allows it \[R6\]/);
    assert.deepEqual(allowed.matchedStatements.map((m) => m.policyType).sort(), ['resource', 'session']);
  });

  it('R6: a role session issuer with a path is the derived aws:PrincipalArn', () => {
    const r = simulate(scenario({ principal: SESSION, sessionIssuer: `arn:aws:iam::${A}:role/team/app` }), catalog, { now: NOW });
    assert.equal(r.derivedContext['aws:PrincipalArn'], `arn:aws:iam::${A}:role/team/app`);
    const bad = simulate(scenario({ principal: USER, sessionIssuer: USER }), catalog, { now: NOW });
    assert.equal(bad.decision, 'ImplicitlyDenied');
    assert.match(bad.errors.join(' '), /sessionIssuer applies only to role sessions and federated users/);
    assert.match(bad.explanation[0], /\[R22\]/);
  });

  it('sets expected and pass', () => {
    const s = { ...scenario({ identity: [allow('*')] }), expected: 'ImplicitlyDenied' as const };
    const r = simulate(s, catalog, { now: NOW });
    assert.equal(r.expected, 'ImplicitlyDenied');
    assert.equal(r.pass, false);
  });
});

describe('referencedContextKeys', () => {
  it('lists condition keys and variable keys of statements that cover the action only', () => {
    const s = scenario({
      identityDoc: doc(
        allow('s3:GetObject', 'arn:aws:s3:::b/${aws:username}/*', { Condition: { StringEquals: { 's3:ExistingObjectTag/team': 'x' } } }),
        allow('ec2:RunInstances', '*', { Condition: { StringEquals: { 'ec2:InstanceType': 't3.micro' } } }),
      ),
      scps: [{ orgIdentifier: 'root', policies: [pol('region', deny('*', '*', { Condition: { StringNotEquals: { 'aws:RequestedRegion': 'eu-west-1' } } }))] }],
    });
    assert.deepEqual(referencedContextKeys(s, catalog), ['s3:ExistingObjectTag/team', 'aws:username', 'aws:RequestedRegion']);
  });
});

describe('compilePolicySet: compile once, evaluate many', () => {
  it('gives the same decisions as decide() and simulate() for many requests', () => {
    const policies = scenario({ identity: [allow('s3:Get*', 'arn:aws:s3:::reports/*'), deny('s3:GetObject', 'arn:aws:s3:::reports/secret/*'), allow('ec2:Describe*')] });
    const set = compilePolicySet(policies, catalog);
    const requests = [
      ['s3:GetObject', 'arn:aws:s3:::reports/a', 'Allowed'], ['s3:GetObject', 'arn:aws:s3:::reports/secret/a', 'ExplicitlyDenied'],
      ['s3:PutObject', 'arn:aws:s3:::reports/a', 'ImplicitlyDenied'], ['ec2:DescribeInstances', '*', 'Allowed'], ['iam:ListUsers', '*', 'ImplicitlyDenied'],
    ];
    for (const [action, resource, expected] of requests) {
      const request = { principal: USER, action, resource };
      assert.equal(set.decide(request, { now: NOW }), expected, action);
      assert.equal(set.simulate(request, { now: NOW }).decision, expected, action);
      assert.equal(decide({ ...policies, request }, catalog, { now: NOW }), expected, action);
    }
  });

  it('decide() builds no explanation objects; simulate() does', () => {
    const s = withText({ 'aws:SecureTransport': 'false' });
    const before = explanationStats.statements;
    for (let i = 0; i < 100; i++) decide(s, catalog, { now: NOW });
    compilePolicySet(s, catalog).decide(s.request);
    assert.equal(explanationStats.statements, before);
    simulate(s, catalog, { now: NOW });
    assert.equal(explanationStats.statements, before + 2);
  });
});
