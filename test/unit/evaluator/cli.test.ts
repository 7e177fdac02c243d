// iam-policy simulate / test, run in-process through runScenarioCommand (what dist/cli.js calls): output, exit codes,
// bad input.
import { strict as assert } from 'node:assert';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { catalog } from '../helpers';
import { runScenarioCommand } from '../../../server/src/cli/scenarios';
import { cachedPolicyReader } from '../../../server/src/cli/policyFileCache';
import { loadScenarioFile, readPolicyFile } from '../../../server/src/node/scenarioFiles';
import { explanationStats } from '../../../server/src/core/evaluator';

const EXAMPLE = join(__dirname, '..', '..', '..', 'examples', 'scenarios', 'app-reads-reports.scenario.json');

async function run(cmd: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runScenarioCommand(cmd, args, catalog, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n'), lines: out };
}

const dir = mkdtempSync(join(tmpdir(), 'iam-scenarios-'));
mkdirSync(join(dir, 'policies'));
writeFileSync(join(dir, 'policies', 'read.json'), JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }] }, null, 2));
const req = (action: string) => ({ principal: 'arn:aws:iam::111122223333:user/alice', action, resource: 'arn:aws:s3:::b/k' });
const file = (name: string, content: unknown) => {
  const p = join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return p;
};
const passing = file('pass.json', [
  { name: 'read', identityPolicies: [{ file: 'policies/read.json' }], request: req('s3:GetObject'), expected: 'Allowed' },
  { name: 'write', identityPolicies: [{ file: 'policies/read.json' }], request: req('s3:PutObject'), expected: 'ImplicitlyDenied' },
]);
const failing = file('fail.json', { scenarios: [
  { name: 'wrong expectation', identityPolicies: [{ file: 'policies/read.json' }], request: req('s3:PutObject'), expected: 'Allowed' },
  { name: 'right one', identityPolicies: [{ file: 'policies/read.json' }], request: req('s3:GetObject'), expected: 'Allowed' },
] });
const bad = file('bad.json', { scenarios: [
  { name: 'fine', identityPolicies: [{ file: 'policies/read.json' }], request: req('s3:GetObject'), expected: 'Allowed' },
  { name: 'missing policy file', identityPolicies: [{ file: 'policies/nope.json' }], request: req('s3:GetObject'), expected: 'Allowed' },
] });

describe('iam-policy test', () => {
  it('passes the example scenarios and ends with the summary line', async () => {
    const r = await run('test', EXAMPLE);
    assert.equal(r.code, 0, r.out + r.err);
    assert.equal(r.lines.at(-1), '3 passed, 0 failed');
    assert.equal(r.lines.filter((l) => l.startsWith('pass ')).length, 3);
  });

  it('runs several files and exits 1 on a failure, with the explanation of the failure', async () => {
    const r = await run('test', passing, failing);
    assert.equal(r.code, 1);
    assert.equal(r.lines.at(-1), '3 passed, 1 failed');
    assert.match(r.out, /FAIL {2}.*fail\.json: wrong expectation: ImplicitlyDenied \(expected Allowed\)/);
    assert.match(r.out, /ImplicitlyDenied: no identity policy allows it/);
  });

  it('exits 2 on bad input, naming the file and JSON path, and still runs the good scenario', async () => {
    const r = await run('test', bad);
    assert.equal(r.code, 2);
    assert.match(r.err, /bad\.json, scenario "missing policy file" at \$\.scenarios\[1\]\.identityPolicies\[0\]\.file: cannot read policy file "policies\/nope\.json"/);
    assert.match(r.out, /pass {2}.*fine: Allowed/);
    assert.equal(r.lines.at(-1), '1 passed, 0 failed');
  });

  it('reports a scenario that breaks the evaluator and still runs the others (exit 2)', async () => {
    // a catalog that fails for one service stands in for an evaluator bug
    const broken = new Proxy(catalog, {
      get: (target, prop, receiver) => (prop === 'supportsRcp'
        ? (svc: string) => { if (svc === 'kms') throw new Error('boom'); return target.supportsRcp(svc); }
        : Reflect.get(target, prop, receiver)),
    });
    const rcps = [{ orgIdentifier: 'root', policies: [{ policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Principal: '*' }] } }] }];
    const f = file('broken.json', [
      { name: 'kms breaks', identityPolicies: [{ file: 'policies/read.json' }], rcps, request: { ...req('kms:Decrypt'), resource: 'arn:aws:kms:us-east-1:111122223333:key/k' }, expected: 'Allowed' },
      { name: 'read', identityPolicies: [{ file: 'policies/read.json' }], rcps, request: req('s3:GetObject'), expected: 'Allowed' },
    ]);
    const out: string[] = [], err: string[] = [];
    const code = await runScenarioCommand('test', [f], broken, (x) => out.push(x), (x) => err.push(x));
    assert.equal(code, 2);
    assert.match(err.join('\n'), /broken\.json: kms breaks: could not be evaluated: boom/);
    assert.match(out.join('\n'), /pass {2}.*broken\.json: read: Allowed/);
  });

  it('exits 2 for a missing file and for usage errors', async () => {
    const missing = await run('test', join(dir, 'none.json'));
    assert.equal(missing.code, 2);
    assert.match(missing.err, /none\.json: no such file; check the path/);
    assert.equal((await run('test')).code, 2);
    assert.equal((await run('test', passing, '--format', 'xml')).code, 2);
    assert.equal((await run('test', passing, '--bogus')).code, 2);
  });

  it('runs R6 federated-user scenarios with request.sessionIssuer and names a bad issuer by JSON path', async () => {
    const fedReq = { principal: 'arn:aws:sts::111122223333:federated-user/bob', sessionIssuer: 'arn:aws:iam::111122223333:user/federation-proxy', action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' };
    const bucket = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:user/federation-proxy' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }] };
    const session = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] };
    const boundary = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }] };
    const fedFile = file('federated.json', [
      { name: 'grant to the user who federated', resourcePolicy: bucket, sessionPolicy: session, request: fedReq, expected: 'Allowed' },
      { name: 'limited by the boundary', resourcePolicy: bucket, sessionPolicy: session, permissionBoundaries: [boundary], request: fedReq, expected: 'ImplicitlyDenied' },
    ]);
    const r = await run('test', fedFile);
    assert.equal(r.code, 0, r.out + r.err);
    assert.equal(r.lines.at(-1), '2 passed, 0 failed');
    const badFile = file('federated-bad.json', [{ resourcePolicy: bucket, sessionPolicy: session, request: { ...fedReq, sessionIssuer: 'arn:aws:iam::444455556666:user/federation-proxy' }, expected: 'Allowed' }]);
    const bad = await run('test', badFile);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /federated-bad\.json at \$\[0\]\.request\.sessionIssuer: sessionIssuer .* is in account 444455556666/);
  });

  it('emits JSON results with --format json', async () => {
    const r = await run('test', passing, '--format', 'json');
    const j = JSON.parse(r.out);
    assert.equal(j.passed, 2);
    assert.equal(j.failed, 0);
    assert.equal(j.results[0].pass, true);
  });
});

describe('iam-policy simulate', () => {
  it('prints each result as text with the decision, explanation and matched statement location', async () => {
    const r = await run('simulate', passing);
    assert.equal(r.code, 0);
    assert.match(r.out, /^read: Allowed \(expected Allowed: pass\)/m);
    assert.match(r.out, /matched: Allow "Read" \(identity\) policies\/read\.json:4:5/);
    assert.match(r.out, /^write: ImplicitlyDenied/m);
  });

  it('prints the scenario.md result objects with --format json', async () => {
    const r = await run('simulate', EXAMPLE, '--format=json');
    assert.equal(r.code, 0);
    const results = JSON.parse(r.out);
    assert.equal(results.length, 3);
    const first = results[0];
    for (const k of ['name', 'decision', 'expected', 'pass', 'matchedStatements', 'policyTypes', 'derivedContext', 'missingContextKeys', 'explanation']) assert.ok(k in first, k);
    assert.equal(first.decision, 'Allowed');
    assert.equal(first.derivedContext['aws:PrincipalAccount'], '111122223333');
    assert.deepEqual(results.map((x: { decision: string }) => x.decision), ['Allowed', 'ExplicitlyDenied', 'ImplicitlyDenied']);
  });

  it('rejects more than one file and invalid JSON', async () => {
    assert.equal((await run('simulate', passing, failing)).code, 2);
    const broken = file('broken.json', '{"request": {');
    const r = await run('simulate', broken);
    assert.equal(r.code, 2);
    assert.match(r.err, /broken\.json: .*is not valid JSON/);
  });
});

describe('iam-policy simulate and test over many scenarios (issue 13)', () => {
  const many = (n: number, expected: (i: number) => string) => file(`many-${n}.json`, { scenarios: Array.from({ length: n }, (_, i) => ({
    name: `s${i}`, identityPolicies: [{ file: 'policies/read.json' }, { file: './policies/../policies/read.json', name: 'again' }],
    request: req(i % 2 ? 's3:GetObject' : 's3:PutObject'), expected: expected(i),
  })) });
  const right = (i: number) => (i % 2 ? 'Allowed' : 'ImplicitlyDenied');

  it('reads each policy file once per run, however many scenarios and files reference it', async () => {
    const reads = new Map<string, number>();
    const counting = (path: string) => { reads.set(path, (reads.get(path) ?? 0) + 1); return { text: readFileSync(path, 'utf8') }; };
    const out: string[] = [];
    const code = await runScenarioCommand('test', [many(40, right), passing], catalog, (s) => out.push(s), () => undefined, counting);
    assert.equal(code, 0, out.join('\n'));
    assert.deepEqual([...reads.values()], [1]);
    assert.equal(out.at(-1), '42 passed, 0 failed');
  });

  it('parses a policy file once, so every scenario holds the same policy object (compiled once by identity)', () => {
    const loaded = loadScenarioFile(many(5, right), cachedPolicyReader(readPolicyFile));
    const policies = loaded.scenarios.flatMap((s) => s.identityPolicies.map((p) => p.policy));
    assert.equal(policies.length, 10);
    assert.ok(policies.every((p) => p === policies[0]));
  });

  it('test and simulate explain what they print without explaining every statement (summarize, not simulate)', async () => {
    const before = explanationStats.statements;
    const ok = await run('test', many(30, right));
    assert.equal(ok.code, 0);
    const wrong = await run('test', many(30, (i) => (i === 7 ? 'ImplicitlyDenied' : right(i))));
    assert.equal(wrong.code, 1);
    assert.equal(wrong.lines.at(-1), '29 passed, 1 failed');
    assert.match(wrong.out, /FAIL {2}.*: s7: Allowed \(expected ImplicitlyDenied\)\n {6}Allowed: .*\n {6}Principal: .*\n {6}Allow: "Read" of identity policy "read" allows s3:GetObject on arn:aws:s3:::b\/k\.\n {6}Allow: "Read" of identity policy "again" /);
    const json = await run('simulate', many(30, right), '--format', 'json');
    assert.equal(JSON.parse(json.out).length, 30);
    assert.equal(explanationStats.statements - before, 0);
  });

  it('streams JSON that is byte for byte JSON.stringify(results, null, 2), for simulate and test, empty or not', async () => {
    for (const [cmd, n] of [['simulate', 3000], ['test', 3000], ['test', 1], ['simulate', 1]] as const) {
      const r = await run(cmd, many(n, right), '--format', 'json');
      assert.equal(r.out, JSON.stringify(JSON.parse(r.out), null, 2), `${cmd} ${n}`);
      const results = cmd === 'test' ? JSON.parse(r.out).results : JSON.parse(r.out);
      assert.equal(results.length, n);
      assert.ok(results.every((x: { explanation: string[] }) => x.explanation.length > 0));
    }
    const none = file('none-expected.json', [{ identityPolicies: [{ file: 'policies/read.json' }], request: req('s3:GetObject') }]);
    const empty = await run('test', none, '--format', 'json');
    assert.equal(empty.out, JSON.stringify({ results: [], passed: 0, failed: 0 }, null, 2));
  });
});
