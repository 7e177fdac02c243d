// The model loader (shared/spec/iam-model.md §1): both forms into one model, references resolved, and every kind of
// bad input reported with the file, the JSON path and what was expected.
import { strict as assert } from 'node:assert';
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { formatPath } from '../../../server/src/core/evaluator';
import { loadModel } from '../../../server/src/core/model/load';
import type { ModelProblem } from '../../../server/src/core/model/types';
import { loadManagedPolicies, loadModelFiles } from '../../../server/src/node/modelFiles';
import { generateExport } from '../../fixtures/authzExport';

const root = join(__dirname, '..', '..', '..');
const SEED = join(root, 'examples', 'model', 'seed-world.iam-model.json');
const managed = loadManagedPolicies(join(root, 'server', 'data'));
const load = (files: Record<string, unknown>) =>
  loadModel(Object.entries(files).map(([name, v]) => ({ name, text: typeof v === 'string' ? v : JSON.stringify(v, null, 2) })), { managed });
const errors = (ps: ModelProblem[]) => ps.filter((p) => p.severity === 'error');
const where = (p: ModelProblem) => `${p.file} ${formatPath(p.path)}`;
const ALLOW_ALL = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

describe('model loader: hand-written *.iam-model.json', () => {
  it('loads the seed world with users, groups, roles, managed policies, resources and the organization', () => {
    const { model, problems } = loadModelFiles([SEED]);
    assert.deepEqual(problems, []);
    const main = model.accounts.get('111111111111')!;
    const hoge = main.users.get('hoge')!;
    assert.equal(hoge.arn, 'arn:aws:iam::111111111111:user/Hoge');
    assert.deepEqual(hoge.groups.map((g) => g.name), ['Developers']);
    assert.deepEqual(main.groups.get('developers')!.members.map((u) => u.name), ['Hoge']);
    const ro = main.groups.get('developers')!.policies[0];
    assert.ok(ro.kind === 'managed' && ro.policy.awsManaged && ro.policy.arn === 'arn:aws:iam::aws:policy/ReadOnlyAccess');
    const lambda = main.roles.get('lambdaservicerole')!;
    assert.equal(lambda.arn, 'arn:aws:iam::111111111111:role/service-role/LambdaServiceRole');
    const basic = lambda.policies[0];
    // an AWS managed policy with a path resolves from the bundled data
    assert.ok(basic.kind === 'managed' && basic.policy.path === '/service-role/' && basic.policy.document);
    const fuga = main.users.get('fuga')!;
    assert.ok(fuga.boundary?.kind === 'managed' && fuga.boundary.policy.arn === 'arn:aws:iam::111111111111:policy/S3OnlyBoundary');
    assert.ok(main.resources.has('arn:aws:s3:::example-shared-bucket'));
    assert.equal(model.accounts.get('222222222222')!.name, 'partner');
    assert.deepEqual(model.scps.map((l) => l.policies.map((p) => p.name)), [['FullAWSAccess', 'ProtectCloudTrail']]);
  });

  it('a one-account model may leave out the accounts wrapper', () => {
    const { model, problems } = load({ 'one.iam-model.json': { id: '123456789012', users: { alice: { policies: [ALLOW_ALL] } } } });
    assert.deepEqual(problems, []);
    assert.equal(model.accounts.get('123456789012')!.users.get('alice')!.policies.length, 1);
  });

  it('a policy by {"file"} is read relative to the model file; a model file named as a policy is refused (a cycle)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iam-model-'));
    writeFileSync(join(dir, 'read.json'), JSON.stringify(ALLOW_ALL));
    writeFileSync(join(dir, 'm.iam-model.json'), JSON.stringify({ id: '123456789012', users: { a: { policies: [{ file: 'read.json' }, { file: 'm.iam-model.json' }] } } }));
    const { model, problems } = loadModelFiles([join(dir, 'm.iam-model.json')]);
    const user = model.accounts.get('123456789012')!.users.get('a')!;
    assert.equal(user.policies.length, 1);
    assert.ok(user.policies[0].kind === 'inline' && user.policies[0].doc.name === 'read');
    assert.equal(errors(problems).length, 1);
    assert.match(problems[0].message, /is a model file, not a policy/);
    assert.equal(formatPath(problems[0].path), '$.users.a.policies[1].file');
  });
});

describe('model loader: authorization-details exports', () => {
  const cli = generateExport({ users: 6, roles: 4 });
  const raw = generateExport({ users: 6, roles: 4, urlEncoded: true });

  it('reads the AWS CLI form: users with groups, inline and attached policies, roles with trust policies, default policy version', () => {
    const { model, problems } = load({ 'a.authz.json': cli });
    assert.deepEqual(problems, []);
    const acct = model.accounts.get('111111111111')!;
    assert.equal(acct.users.size, 6);
    assert.equal(acct.roles.size, 4);
    const u0 = acct.users.get('user0')!;
    assert.deepEqual(u0.groups.map((g) => g.name), ['Developers']);
    assert.deepEqual(u0.policies.map((p) => (p.kind === 'inline' ? 'inline' : p.policy.arn)), ['inline', 'arn:aws:iam::aws:policy/ReadOnlyAccess']);
    assert.equal(u0.tags.team, 't0');
    // the default version (v2) counts, not the first one
    const team = acct.policies.get('teamaccess')!;
    assert.deepEqual((team.document as { Statement: { Action: string }[] }).Statement[0].Action, 'cloudwatch:Get*');
    assert.equal(acct.roles.get('role1')!.arn, 'arn:aws:iam::111111111111:role/service-role/role1');
    assert.ok(acct.roles.get('role1')!.trustPolicy?.document);
  });

  it('reads the raw API form (URL-encoded documents) into the same model', () => {
    const a = load({ 'a.authz.json': cli }).model.accounts.get('111111111111')!;
    const { model, problems } = load({ 'b.authz.json': raw });
    assert.deepEqual(problems, []);
    const b = model.accounts.get('111111111111')!;
    const docOf = (m: typeof a) => { const p = m.users.get('user3')!.policies[0]; return p.kind === 'inline' ? p.doc.document : null; };
    assert.deepEqual(docOf(b), docOf(a));
    assert.deepEqual(b.roles.get('role0')!.trustPolicy!.document, a.roles.get('role0')!.trustPolicy!.document);
    assert.deepEqual(b.policies.get('teamaccess')!.document, a.policies.get('teamaccess')!.document);
  });

  it('several exports, one per account, make one model', () => {
    const { model, problems } = load({ 'a.authz.json': cli, 'b.authz.json': generateExport({ account: '222222222222', users: 2, roles: 1 }) });
    assert.deepEqual(problems, []);
    assert.deepEqual([...model.accounts.keys()], ['111111111111', '222222222222']);
  });

  it('an AWS managed policy given in the export wins over the bundled copy', () => {
    const e = generateExport({ users: 1, roles: 0 });
    (e.Policies as unknown[]).push({
      PolicyName: 'ReadOnlyAccess', Arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', Path: '/', DefaultVersionId: 'v999',
      PolicyVersionList: [{ Document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }, VersionId: 'v999', IsDefaultVersion: true }],
    });
    const { model } = load({ 'a.authz.json': e });
    const ro = model.accounts.get('111111111111')!.users.get('user0')!.policies[1];
    assert.ok(ro.kind === 'managed');
    assert.equal(ro.policy.versionId, 'v999');
  });
});

describe('model loader: bad input names the file, the JSON path and what was expected', () => {
  it('malformed JSON: the position, and that the rest of the model is used', () => {
    const { model, problems } = load({ 'bad.iam-model.json': '{ "id": "123456789012", "users": { "a": {} ', 'good.iam-model.json': { id: '222222222222', users: { b: {} } } });
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /bad\.iam-model\.json is not valid JSON: .* at line 1, column \d+ \(the file looks truncated\)/);
    assert.ok(model.accounts.get('222222222222'));
  });

  it('a truncated export is reported as truncated', () => {
    const text = JSON.stringify(generateExport({ users: 3, roles: 3 }), null, 2);
    const { problems } = load({ 'cut.authz.json': text.slice(0, Math.floor(text.length / 2)) });
    assert.match(problems[0].message, /not valid JSON.*looks truncated/);
  });

  it('a document that is neither form', () => {
    const { problems } = load({ 'x.json': { Version: '2012-10-17', Statement: [] } });
    assert.match(problems[0].message, /neither an IAM model nor an authorization-details export: expected the output of "aws iam get-account-authorization-details"/);
  });

  it('a URL-encoded document that does not decode', () => {
    const e = generateExport({ users: 1, roles: 0, urlEncoded: true });
    ((e.UserDetailList as Record<string, unknown>[])[0].UserPolicyList as Record<string, unknown>[])[0].PolicyDocument = '%7B%22Version%22%3A%ZZ';
    const { problems } = load({ 'raw.authz.json': e });
    assert.equal(problems.length, 1);
    assert.equal(where(problems[0]), 'raw.authz.json $.UserDetailList[0].UserPolicyList[0].PolicyDocument');
    assert.match(problems[0].message, /does not decode.*RFC 3986/);
  });

  it('a missing group, customer policy and AWS managed policy, each with did-you-mean', () => {
    const { problems } = load({
      'm.iam-model.json': {
        id: '123456789012',
        users: { a: { groups: ['Developrs'], policies: ['DeployLamda', 'arn:aws:iam::aws:policy/ReadOnlyAcess', 'ReadOnlyAccess'] } },
        groups: { Developers: {} },
        policies: { DeployLambda: ALLOW_ALL },
      },
    });
    const byPath = Object.fromEntries(problems.map((p) => [formatPath(p.path), p.message]));
    assert.match(byPath['$.users.a.groups[0]'], /unknown group "Developrs".*Did you mean "Developers"\?/);
    assert.match(byPath['$.users.a.policies[0]'], /unknown policy "DeployLamda".*Did you mean "DeployLambda"\?/);
    assert.match(byPath['$.users.a.policies[1]'], /unknown AWS managed policy "arn:aws:iam::aws:policy\/ReadOnlyAcess".*Did you mean "arn:aws:iam::aws:policy\/ReadOnlyAccess"\?/);
    // a bare AWS managed name: say how to write it
    assert.match(byPath['$.users.a.policies[2]'], /write its ARN: "arn:aws:iam::aws:policy\/ReadOnlyAccess"/);
  });

  it('an AWS managed policy under the wrong path suggests the right one', () => {
    const { problems } = load({ 'm.iam-model.json': { id: '123456789012', roles: { r: { trustPolicy: ALLOW_ALL, policies: ['arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole'] } } } });
    assert.match(problems[0].message, /Did you mean "arn:aws:iam::aws:policy\/service-role\/AWSLambdaBasicExecutionRole"\?/);
  });

  it('duplicate names (IAM names are unique regardless of case: https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateUser.html)', () => {
    const { problems } = load({
      'a.iam-model.json': { id: '123456789012', users: { Hoge: {} } },
      'b.iam-model.json': { id: '123456789012', users: { hoge: {} } },
    });
    assert.equal(problems.length, 1);
    assert.equal(where(problems[0]), 'b.iam-model.json $.users.hoge');
    assert.match(problems[0].message, /duplicate user "hoge" in account 123456789012: already defined in a\.iam-model\.json at \$\.users\.Hoge/);
  });

  it('unknown fields, a bad account id and a wrong shape', () => {
    const { problems } = load({ 'm.iam-model.json': { accounts: [{ id: '12345', users: {} }, { id: '123456789012', users: { a: { group: ['x'] } }, roles: [] }] } });
    const msgs = problems.map((p) => `${formatPath(p.path)} ${p.message}`);
    assert.ok(msgs.some((m) => /^\$\.accounts\[0\]\.id expected "id": the 12-digit account ID/.test(m)), msgs.join('\n'));
    assert.ok(msgs.some((m) => /^\$\.accounts\[1\]\.users\.a\.group unknown user field "group".*Did you mean "groups"\?/.test(m)), msgs.join('\n'));
    assert.ok(msgs.some((m) => /^\$\.accounts\[1\]\.roles expected an object of roles by name/.test(m)), msgs.join('\n'));
  });

  it('an export entry of another account, and an export without any ARN', () => {
    const e = generateExport({ users: 2, roles: 0 });
    (e.UserDetailList as Record<string, unknown>[])[1].Arn = 'arn:aws:iam::999999999999:user/user1';
    const { problems } = load({ 'a.authz.json': e, 'empty.authz.json': { UserDetailList: [{ UserName: 'x' }] } });
    assert.ok(problems.some((p) => where(p) === 'a.authz.json $.UserDetailList[1].Arn' && /export each account to its own file/.test(p.message)));
    assert.ok(problems.some((p) => p.file === 'empty.authz.json' && /no ARN in the export names the account/.test(p.message)));
  });

  it('deeply nested garbage is refused without a stack overflow', () => {
    const { problems } = load({ 'deep.json': '['.repeat(100000) });
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /nests JSON arrays\/objects too deeply|not valid JSON/);
  });

  it('a 50 MB export loads, with every entity', () => {
    const e = generateExport({ users: 2500, roles: 2500, statements: 64 });
    const text = JSON.stringify(e);
    assert.ok(text.length > 50 * 1024 * 1024, `${(text.length / 1024 / 1024).toFixed(1)} MB`);
    const { model, problems } = loadModel([{ name: 'big.authz.json', text }], { managed });
    assert.deepEqual(problems, []);
    assert.equal(model.accounts.get('111111111111')!.users.size, 2500);
    assert.equal(model.accounts.get('111111111111')!.roles.size, 2500);
  });

  it('the example model reads the same from the file and as text', () => {
    const text = readFileSync(SEED, 'utf8');
    const { problems } = loadModel([{ name: SEED, text }], { managed });
    assert.deepEqual(problems, []);
  });
});
