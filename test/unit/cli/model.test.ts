// iam-policy access, and simulate/test with a model, in-process (what dist/cli.js calls): output shapes, origins of
// gathered policies, exit codes and bad input.
import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runAccess } from '../../../server/src/cli/access';
import { runScenarioCommand } from '../../../server/src/cli/scenarios';
import { catalog } from '../helpers';

const root = join(__dirname, '..', '..', '..');
const MODEL = join(root, 'examples', 'model', 'seed-world.iam-model.json');
const SCENARIOS = join(root, 'examples', 'model', 'seed-world.scenario.json');

function access(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runAccess(args, catalog, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}
async function scenarios(cmd: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runScenarioCommand(cmd, args, catalog, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('iam-policy access', () => {
  it('JSON: the principal as a full ARN and actions with access level, resources and conditional', () => {
    const r = access('user/Fuga', '--model', MODEL, '--format', 'json');
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(r.out);
    assert.equal(j.principal, 'arn:aws:iam::111111111111:user/Fuga');
    assert.ok(j.actions.length > 100 && j.actions.every((a: { action: string }) => a.action.startsWith('s3:')));
    assert.deepEqual(j.actions.find((a: { action: string }) => a.action === 's3:GetObject'), { action: 's3:GetObject', accessLevel: 'Read', resources: ['*'], conditional: false });
    assert.deepEqual(j.gathered.map((g: { origin: string }) => g.origin), ['aws-managed', 'customer-managed', 'scp', 'scp']);
  });

  it('text: grouped by service and access level, with where the policies came from', () => {
    const r = access('role/ReadOnlyRole', '--model', MODEL, '--service', 's3');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^arn:aws:iam::111111111111:role\/ReadOnlyRole: \d+ actions in 1 service/);
    assert.match(r.out, /from identity: arn:aws:iam::aws:policy\/ReadOnlyAccess attached to role ReadOnlyRole/);
    assert.match(r.out, /\ns3 \(Amazon S3\): \d+\n  List: .*ListBucket.* on \*/);
    assert.match(r.out, /\n  Read: .*GetObject.* on \*/);
    assert.doesNotMatch(r.out, /PutObject/);
  });

  it('an unknown principal: exit 2 with did-you-mean; missing --model: usage', () => {
    const r = access('user/Hgoe', '--model', MODEL);
    assert.equal(r.code, 2);
    assert.match(r.err, /no user "Hgoe" in the model\. Did you mean "user\/Hoge"\?/);
    const u = access('user/Hoge');
    assert.equal(u.code, 2);
    assert.match(u.err, /--model FILE is required/);
  });

  it('a missing model file is reported with its name; several --model files make one model', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iam-access-'));
    const other = join(dir, 'other.iam-model.json');
    writeFileSync(other, JSON.stringify({ id: '333333333333', users: { carol: { policies: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'] } } }));
    const r = access('user/carol', '--model', MODEL, other, '--format', 'json');
    assert.equal(r.code, 0, r.err);
    assert.equal(JSON.parse(r.out).principal, 'arn:aws:iam::333333333333:user/carol');
    const m = access('user/Hoge', '--model', join(dir, 'nope.json'), '--model', MODEL);
    assert.equal(m.code, 2);
    assert.match(m.err, /nope\.json: error: no such file/);
  });
});

describe('iam-policy simulate/test with a model', () => {
  it('the seed world scenarios all pass', async () => {
    const r = await scenarios('test', SCENARIOS);
    assert.equal(r.code, 0, r.err + r.out);
    assert.match(r.out, /12 passed, 0 failed/);
  });

  it('JSON lists every gathered policy with its origin and where the model writes it', async () => {
    const r = await scenarios('simulate', SCENARIOS, '--format', 'json');
    const first = JSON.parse(r.out)[0];
    assert.equal(first.principal, 'arn:aws:iam::111111111111:user/Hoge');
    assert.deepEqual(first.gathered[0], {
      policyType: 'identity', name: 'ReadOnlyAccess', origin: 'aws-managed', label: 'arn:aws:iam::aws:policy/ReadOnlyAccess via group Developers',
      arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', group: 'Developers',
    });
    assert.deepEqual(first.gathered[1].at, { file: MODEL, path: '$.accounts[0].groups.Developers.policies[1].policy' });
  });

  it('an unknown principal in one scenario is reported; the others still run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iam-model-scn-'));
    const file = join(dir, 's.scenario.json');
    writeFileSync(file, JSON.stringify([
      { name: 'bad', model: { file: MODEL }, request: { principal: 'user/Nobody', action: 's3:GetObject', resource: '*' }, expected: 'Allowed' },
      { name: 'good', model: { file: MODEL }, request: { principal: 'user/Hoge', action: 's3:GetObject', resource: 'arn:aws:s3:::x/y' }, expected: 'Allowed' },
    ]));
    const r = await scenarios('test', file);
    assert.equal(r.code, 2);
    assert.match(r.err, /at \$\[0\]\.request\.principal: no user "Nobody"/);
    assert.match(r.out, /1 passed, 0 failed/);
  });

  it('a model with errors is reported once, with file and JSON path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iam-model-bad-'));
    writeFileSync(join(dir, 'm.iam-model.json'), JSON.stringify({ id: '123456789012', users: { a: { groups: ['Devs'] } }, groups: { Dev: {} } }));
    writeFileSync(join(dir, 's.scenario.json'), JSON.stringify([1, 2].map((i) => ({ name: `n${i}`, model: { file: 'm.iam-model.json' }, request: { principal: 'user/a', action: 's3:GetObject', resource: '*' }, expected: 'ImplicitlyDenied' }))));
    const r = await scenarios('test', join(dir, 's.scenario.json'));
    assert.equal(r.code, 2);
    assert.equal(r.err.match(/unknown group "Devs"/g)?.length, 1);
    assert.match(r.err, /m\.iam-model\.json at \$\.users\.a\.groups\[0\]: error: unknown group "Devs".*Did you mean "Dev"\?/);
  });
});
