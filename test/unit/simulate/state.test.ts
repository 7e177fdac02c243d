// The panel state: its translation to iamPolicy/simulate parameters and to and from scenario files.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { fromScenario, scenarioNames, toScenario, type PathMapping } from '../../../client/src/simulator/scenarioFile';
import { addPolicy, contextOf, DEFAULT_PRINCIPAL, emptyState, policyUris, principalForResource, toSimulateParams, validatePanelState, type PanelState } from '../../../client/src/simulator/state';

const map: PathMapping = {
  toPath: (u) => (u.startsWith('file:') ? fileURLToPath(u) : undefined),
  toUri: (p) => pathToFileURL(p).toString(),
  inlinePolicy: (u) => (u === 'untitled:Untitled-1' ? { Version: '2012-10-17', Statement: [] } : undefined),
};
const f = (p: string) => pathToFileURL(p).toString();

function sample(): PanelState {
  let s = emptyState();
  s = addPolicy(s, 'identity', { uri: f('/w/policies/read.policy.json'), enabled: true });
  s = addPolicy(s, 'identity', { uri: f('/w/policies/off.policy.json'), enabled: false });
  s = addPolicy(s, 'resource', { uri: f('/w/policies/bucket.resource.json'), enabled: true });
  s = addPolicy(s, 'scp', { uri: f('/w/org/guard.scp.json'), enabled: true });
  s = addPolicy(s, 'session', { uri: 'untitled:Untitled-1', enabled: true });
  return {
    ...s, name: 'reads', expected: 'Allowed',
    request: { principal: 'arn:aws:iam::111122223333:user/alice', action: ' s3:GetObject ', resource: 'arn:aws:s3:::b/k', resourceAccount: '', sessionIssuer: '', assumeRole: '', passRole: '' },
    context: [
      { key: 'aws:SecureTransport', type: 'Bool', value: 'true', enabled: true },
      { key: 'aws:TagKeys', type: 'ArrayOfString', value: 'team, env,', enabled: true },
      { key: 'aws:SourceIp', type: 'IPAddress', value: '203.0.113.1', enabled: false },
    ],
  };
}

describe('panel state to the server', () => {
  it('sends enabled context rows typed by the catalog: lists split on commas', () => {
    assert.deepEqual(contextOf(sample().context), { 'aws:SecureTransport': 'true', 'aws:TagKeys': ['team', 'env'] });
  });

  it('keeps disabled policies as switched off, trims the request, omits an empty resource account', () => {
    const p = toSimulateParams(sample());
    assert.deepEqual(p.identityPolicies.map((x) => x.enabled), [true, false]);
    assert.equal(p.request.action, 's3:GetObject');
    assert.equal('resourceAccount' in p.request, false);
    assert.equal(p.scps[0].orgIdentifier, 'account');
    assert.equal(p.expected, 'Allowed');
  });

  it('adds a policy to a list once, replaces single slots, and lists every URI it names', () => {
    let s = addPolicy(sample(), 'identity', { uri: f('/w/policies/read.policy.json'), enabled: true });
    assert.equal(s.identityPolicies.length, 2);
    s = addPolicy(s, 'resource', { uri: f('/w/policies/other.resource.json'), enabled: true });
    assert.equal(s.resourcePolicy?.uri, f('/w/policies/other.resource.json'));
    assert.equal(policyUris(s).length, 5);
  });

  it('an embedded policy is one reference per policy, and an edit of its template re-evaluates it', () => {
    const template = f('/w/infra/app.yaml');
    const role = `${template}#iam-embedded=${encodeURIComponent('Resources/Role/Properties/Policies/0/PolicyDocument')}`;
    const bucket = `${template}#iam-embedded%3D${encodeURIComponent('Resources/BucketPolicy/Properties/PolicyDocument')}`;
    let s = addPolicy(emptyState(), 'identity', { uri: role, enabled: true });
    s = addPolicy(s, 'identity', { uri: role, enabled: true });
    s = addPolicy(s, 'resource', { uri: bucket, enabled: true });
    assert.deepEqual(s.identityPolicies.map((p) => p.uri), [role]);
    assert.deepEqual(policyUris(s), [template]);
    assert.equal(validatePanelState(s).identityPolicies[0].uri, role);
  });
});

describe('scenario files', () => {
  it('writes policies as paths relative to the scenario file, drops switched-off ones, inlines untitled ones', () => {
    const out = toScenario(sample(), '/w/scenarios/reads.scenario.json', map);
    assert.deepEqual(out.identityPolicies, [{ file: '../policies/read.policy.json' }]);
    assert.deepEqual(out.resourcePolicy, { file: '../policies/bucket.resource.json' });
    assert.deepEqual(out.scps, [{ orgIdentifier: 'account', policies: [{ file: '../org/guard.scp.json' }] }]);
    assert.deepEqual(out.sessionPolicy, { policy: { Version: '2012-10-17', Statement: [] } });
    assert.deepEqual(out.request, { principal: 'arn:aws:iam::111122223333:user/alice', action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', context: { 'aws:SecureTransport': 'true', 'aws:TagKeys': ['team', 'env'] } });
    assert.equal(out.expected, 'Allowed');
    assert.equal(toScenario(sample(), '/w/policies/x.scenario.json', map).identityPolicies instanceof Array, true);
    assert.deepEqual((toScenario(sample(), '/w/policies/x.scenario.json', map).identityPolicies as unknown[])[0], { file: './read.policy.json' });
  });

  it('opens a saved scenario back to the same policies and request', () => {
    const saved = JSON.parse(JSON.stringify(toScenario(sample(), '/w/scenarios/reads.scenario.json', map)));
    const s = fromScenario({ scenarios: [saved] }, 0, '/w/scenarios/reads.scenario.json', map);
    assert.deepEqual(s.identityPolicies, [{ uri: f('/w/policies/read.policy.json'), enabled: true }]);
    assert.equal(s.resourcePolicy?.uri, f('/w/policies/bucket.resource.json'));
    assert.equal(s.scps[0].policies[0].uri, f('/w/org/guard.scp.json'));
    assert.deepEqual(s.sessionPolicy, { policy: { Version: '2012-10-17', Statement: [] }, enabled: true });
    assert.equal(s.request.action, 's3:GetObject');
    assert.deepEqual(contextOf(s.context), { 'aws:SecureTransport': 'true', 'aws:TagKeys': ['team', 'env'] });
    assert.equal(s.expected, 'Allowed');
  });

  it('keeps the session issuer of a federated-user request through save, open and simulate', () => {
    const withIssuer: PanelState = { ...sample(), request: { ...sample().request, principal: 'arn:aws:sts::111122223333:federated-user/bob', sessionIssuer: ' arn:aws:iam::111122223333:user/bob ' } };
    const saved = JSON.parse(JSON.stringify(toScenario(withIssuer, '/w/scenarios/fed.scenario.json', map)));
    assert.equal(saved.request.sessionIssuer, 'arn:aws:iam::111122223333:user/bob');
    const back = fromScenario({ scenarios: [saved] }, 0, '/w/scenarios/fed.scenario.json', map);
    assert.equal(back.request.sessionIssuer, 'arn:aws:iam::111122223333:user/bob');
    assert.equal(toSimulateParams(back).request.sessionIssuer, 'arn:aws:iam::111122223333:user/bob');
    assert.equal('sessionIssuer' in toSimulateParams(sample()).request, false, 'omitted when empty');
  });

  it('reads the three file shapes, flat and levelled SCP lists, and inline policy documents', () => {
    const one = { identityPolicies: [{ Version: '2012-10-17', Statement: [] }], scps: [{ orgIdentifier: 'r-root', policies: [{ file: 'a.json' }] }, { orgIdentifier: 'ou-1', policies: [] }], request: { principal: 'anonymous', action: 's3:GetObject', resource: '*' } };
    assert.deepEqual(scenarioNames(one), ['scenario 1']);
    assert.deepEqual(scenarioNames([{ name: 'a' }, {}]), ['a', 'scenario 2']);
    const s = fromScenario(one, 0, '/w/x.scenario.json', map);
    assert.deepEqual(s.scps.map((l) => l.orgIdentifier), ['r-root', 'ou-1']);
    assert.equal(s.scps[0].policies[0].uri, f('/w/a.json'));
    assert.ok(s.identityPolicies[0].policy);
  });

  it('says which scenario and field is wrong', () => {
    assert.throws(() => fromScenario([{ identityPolicies: [42] }], 0, '/w/x.scenario.json', map), /scenario 1 identityPolicies\[0\]: expected a policy/);
    assert.throws(() => fromScenario([], 3, '/w/x.scenario.json', map), /scenario 4: expected a scenario object \(the file holds 0 scenario/);
  });
});

describe('the Simulate CodeLens default principal', () => {
  it('moves the placeholder user to the account of the resource ARN', () => {
    assert.equal(principalForResource(DEFAULT_PRINCIPAL, 'arn:aws:iam::123456789012:role/MyServiceRole'), 'arn:aws:iam::123456789012:user/alice');
    assert.equal(principalForResource('arn:aws:iam::123456789012:user/alice', 'arn:aws-cn:sqs:cn-north-1:444455556666:q'), 'arn:aws-cn:iam::444455556666:user/alice');
  });

  it('keeps it for ARNs without a 12-digit account (S3, AWS managed policies, wildcards, "*")', () => {
    for (const r of ['arn:aws:s3:::bucket/*', 'arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::*:role/x', '*', '']) {
      assert.equal(principalForResource(DEFAULT_PRINCIPAL, r), DEFAULT_PRINCIPAL, r);
    }
  });

  it('keeps a principal the user chose', () => {
    const mine = 'arn:aws:sts::111122223333:assumed-role/app/s1';
    assert.equal(principalForResource(mine, 'arn:aws:iam::123456789012:role/MyServiceRole'), mine);
  });
});

describe('panel state with an IAM model', () => {
  const model = f('/w/acme.iam-model.json');
  const withModel = (): PanelState => ({ ...sample(), model: [model], request: { ...sample().request, principal: 'arn:aws:iam::111111111111:user/Hoge' } });

  it('sends the model files, so the server gathers the principal\'s policies; without files no model is sent', () => {
    const p = toSimulateParams(withModel());
    assert.deepEqual('model' in p ? p.model : undefined, { uris: [model] });
    assert.equal('model' in toSimulateParams(sample()), false);
  });

  it('re-evaluates when a model file changes (its URI is watched like a policy)', () => {
    assert.ok(policyUris(withModel()).includes(model));
  });

  it('writes the model as a path relative to the scenario file and reads it back', () => {
    const out = toScenario(withModel(), '/w/scenarios/hoge.scenario.json', map);
    assert.deepEqual(out.model, { file: '../acme.iam-model.json' });
    const back = fromScenario(out, 0, '/w/scenarios/hoge.scenario.json', map);
    assert.deepEqual(back.model, [model]);
    assert.equal(back.request.principal, 'arn:aws:iam::111111111111:user/Hoge');
    assert.deepEqual(fromScenario({ ...out, model: [{ file: 'a.authz.json' }, { file: 'b.authz.json' }] }, 0, '/w/s.scenario.json', map).model, [f('/w/a.authz.json'), f('/w/b.authz.json')]);
  });

  it('a model that is not {"file"} is an error naming where', () => {
    assert.throws(() => fromScenario({ request: {}, model: 'acme.json' }, 0, '/w/s.scenario.json', map), /scenario 1 model: expected \{"file"/);
    assert.throws(() => fromScenario({ request: {}, model: [{ file: 'a.json' }, 3] }, 0, '/w/s.scenario.json', map), /scenario 1 model\[1\]/);
  });

  it('a restored state without "model" (saved before models existed) gets none; a bad model entry is rejected', () => {
    const old: Record<string, unknown> = JSON.parse(JSON.stringify(sample()));
    delete old.model;
    assert.deepEqual(validatePanelState(old).model, []);
    assert.throws(() => validatePanelState({ ...old, model: ['https://evil.example/m.json'] }), /state\.model\[0\]/);
  });
});
