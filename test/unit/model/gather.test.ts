// Requests against a model (shared/spec/iam-model.md §2): resolving the principal and gathering its policies, each
// with where it came from; and the decisions the evaluator then reaches on the seed world.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { simulate, type Scenario } from '../../../server/src/core/evaluator';
import { applyModel, isNotFound, resolvePrincipal } from '../../../server/src/core/model/gather';
import { loadModel } from '../../../server/src/core/model/load';
import { loadModelFiles } from '../../../server/src/node/modelFiles';
import { catalog } from '../helpers';

const root = join(__dirname, '..', '..', '..');
const { model } = loadModelFiles([join(root, 'examples', 'model', 'seed-world.iam-model.json')]);
const scenario = (principal: string, action: string, resource: string, extra: Partial<Scenario> = {}): Scenario => ({
  identityPolicies: [], permissionBoundaries: [], scps: [], rcps: [], request: { principal, action, resource }, ...extra,
});
const ALLOW = (action: string) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });

describe('resolving the principal of a request against a model', () => {
  it('user/NAME is the user ARN; role/NAME a session of the role, issued by the role ARN with its path', () => {
    const u = resolvePrincipal(model, 'user/Hoge');
    assert.ok(u && !isNotFound(u));
    assert.equal(u.principal, 'arn:aws:iam::111111111111:user/Hoge');
    const r = resolvePrincipal(model, 'role/LambdaServiceRole');
    assert.ok(r && !isNotFound(r));
    assert.equal(r.principal, 'arn:aws:sts::111111111111:assumed-role/LambdaServiceRole/session');
    assert.equal(r.sessionIssuer, 'arn:aws:iam::111111111111:role/service-role/LambdaServiceRole');
  });

  it('a full user, role or assumed-role ARN', () => {
    const s = resolvePrincipal(model, 'arn:aws:sts::111111111111:assumed-role/ReadOnlyRole/alice');
    assert.ok(s && !isNotFound(s));
    assert.equal(s.principal, 'arn:aws:sts::111111111111:assumed-role/ReadOnlyRole/alice');
    assert.equal(s.entity.name, 'ReadOnlyRole');
    const u = resolvePrincipal(model, 'arn:aws:iam::222222222222:user/analyst');
    assert.ok(u && !isNotFound(u) && u.entity.account === '222222222222');
  });

  it('a service principal stays as it is (nothing to gather)', () => {
    assert.equal(resolvePrincipal(model, 'lambda.amazonaws.com'), undefined);
  });

  it('an unknown name is an error with did-you-mean; an unknown account says so', () => {
    const r = resolvePrincipal(model, 'user/hoeg');
    assert.ok(isNotFound(r));
    assert.match(r.error, /no user "hoeg" in the model\. Did you mean "user\/Hoge"\?/);
    const a = resolvePrincipal(model, 'arn:aws:iam::333333333333:user/x');
    assert.ok(isNotFound(a));
    assert.match(a.error, /account 333333333333 is not in the model/);
  });

  it('a short name found in several accounts lists the full ARNs to choose from', () => {
    const m = loadModel([{ name: 'm.iam-model.json', text: JSON.stringify({ accounts: [{ id: '111111111111', users: { bob: {} } }, { id: '222222222222', users: { bob: {} } }] }) }]).model;
    const r = resolvePrincipal(m, 'user/bob');
    assert.ok(isNotFound(r));
    assert.match(r.error, /in several accounts of the model; give the full ARN: arn:aws:iam::111111111111:user\/bob, arn:aws:iam::222222222222:user\/bob/);
  });
});

describe('gathering the policies of a request', () => {
  it('a user: own and group policies (inline and managed), SCP levels, the bucket policy of an object, the resource account', () => {
    const { scenario: s, gathered, errors } = applyModel(model, scenario('user/Hoge', 's3:GetObject', 'arn:aws:s3:::example-shared-bucket/a.csv'));
    assert.deepEqual(errors, []);
    assert.deepEqual(gathered.map((g) => `${g.policyType} ${g.origin.kind} ${g.origin.label}`), [
      'identity aws-managed arn:aws:iam::aws:policy/ReadOnlyAccess via group Developers',
      'identity group-inline inline policy AssumeReadOnlyRole of group Developers',
      'scp scp SCP FullAWSAccess at account',
      'scp scp SCP ProtectCloudTrail at account',
      'resource resource resource policy of arn:aws:s3:::example-shared-bucket (account 111111111111)',
    ]);
    assert.equal(s.request.resourceAccount, '111111111111');
    assert.equal(s.identityPolicies.length, 2);
    assert.equal(gathered[1].origin.group, 'Developers');
    assert.equal(gathered[0].origin.arn, 'arn:aws:iam::aws:policy/ReadOnlyAccess');
    assert.equal(simulate(s, catalog).decision, 'Allowed');
  });

  it('sts:AssumeRole on a role takes that role\'s trust policy as the resource policy', () => {
    const { scenario: s, gathered } = applyModel(model, scenario('user/Hoge', 'sts:AssumeRole', 'arn:aws:iam::111111111111:role/ReadOnlyRole'));
    const trust = gathered.find((g) => g.policyType === 'resource')!;
    assert.equal(trust.origin.kind, 'trust');
    assert.equal(trust.origin.label, 'trust policy of role ReadOnlyRole');
    assert.equal(simulate(s, catalog).decision, 'Allowed');
  });

  it('a role: its own policies and boundary; the user\'s boundary limits AdministratorAccess', () => {
    const fuga = applyModel(model, scenario('user/Fuga', 'ec2:RunInstances', '*'));
    assert.deepEqual(fuga.gathered.filter((g) => g.policyType !== 'scp').map((g) => `${g.policyType} ${g.source.name}`), ['identity AdministratorAccess', 'boundary S3OnlyBoundary']);
    assert.equal(simulate(fuga.scenario, catalog).decision, 'ImplicitlyDenied');
  });

  it('what the scenario gives is added (identity) or replaces (boundary, SCPs)', () => {
    const extra = { name: 'extra', policy: ALLOW('ec2:RunInstances') };
    const own = applyModel(model, scenario('user/Fuga', 'ec2:RunInstances', '*', {
      identityPolicies: [extra], permissionBoundaries: [{ name: 'wide', policy: ALLOW('*') }], scps: [{ orgIdentifier: 'account', policies: [{ name: 'all', policy: ALLOW('*') }] }],
    }));
    assert.equal(own.scenario.identityPolicies.length, 2);
    assert.deepEqual(own.scenario.permissionBoundaries.map((p) => p.name), ['wide']);
    assert.deepEqual(own.scenario.scps.map((l) => l.policies.map((p) => p.name)), [['all']]);
    assert.ok(!own.gathered.some((g) => g.policyType === 'boundary' || g.policyType === 'scp'));
    assert.equal(simulate(own.scenario, catalog).decision, 'Allowed');
  });

  it('cross-account: the partner\'s analyst is named by the bucket policy, the intern is not', () => {
    const analyst = applyModel(model, scenario('user/analyst', 's3:GetObject', 'arn:aws:s3:::example-shared-bucket/a.csv'));
    assert.equal(analyst.scenario.request.resourceAccount, '111111111111');
    assert.equal(simulate(analyst.scenario, catalog).decision, 'Allowed');
    const intern = applyModel(model, scenario('user/intern', 's3:GetObject', 'arn:aws:s3:::example-shared-bucket/a.csv'));
    assert.equal(simulate(intern.scenario, catalog).decision, 'ImplicitlyDenied');
  });

  it('an unknown principal is an error, not a silent empty gathering', () => {
    const r = applyModel(model, scenario('user/Nobody', 's3:GetObject', '*'));
    assert.match(r.errors[0], /request\.principal: no user "Nobody"/);
  });
});
