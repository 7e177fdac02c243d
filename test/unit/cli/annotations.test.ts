// GitHub workflow annotations: the command syntax and escaping of
// https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands, and `iam-policy test` inside an
// Action (GITHUB_ACTIONS=true) with --quiet.
import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { catalog } from '../helpers';
import { repositoryPath, workflowCommand } from '../../../server/src/cli/annotations';
import { runScenarioCommand } from '../../../server/src/cli/scenarios';

describe('workflowCommand', () => {
  it('writes ::level with file, line, endLine, col, endColumn and title', () => {
    assert.equal(workflowCommand({ level: 'warning', file: 'p.json', line: 3, col: 5, endLine: 3, endColumn: 9, title: 'IAM201', message: 'm' }),
      '::warning file=p.json,line=3,endLine=3,col=5,endColumn=9,title=IAM201::m');
    assert.equal(workflowCommand({ level: 'notice', file: 'p.json', message: 'm' }), '::notice file=p.json::m');
  });

  it('leaves out columns when the range spans lines (the runner rejects them then)', () => {
    assert.equal(workflowCommand({ level: 'error', file: 'p.json', line: 3, col: 5, endLine: 7, endColumn: 2, message: 'm' }),
      '::error file=p.json,line=3,endLine=7::m');
  });

  it('escapes % CR LF in the message and also : and , in properties', () => {
    assert.equal(workflowCommand({ level: 'error', file: 'a,b:c.json', title: '100%', message: 'x: 50%, y\r\nz' }),
      '::error file=a%2Cb%3Ac.json,title=100%25::x: 50%25, y%0D%0Az');
  });

  it('names files relative to GITHUB_WORKSPACE, and leaves files outside it as given', () => {
    assert.equal(repositoryPath('/repo/policies/a.json', { GITHUB_WORKSPACE: '/repo' }), 'policies/a.json');
    assert.equal(repositoryPath('/elsewhere/a.json', { GITHUB_WORKSPACE: '/repo' }), '/elsewhere/a.json');
  });
});

describe('iam-policy test in a GitHub Action', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iam-annot-'));
  const policy = join(dir, 'read.json');
  writeFileSync(policy, JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }] }));
  const request = (action: string) => ({ principal: 'arn:aws:iam::111122223333:user/alice', action, resource: 'arn:aws:s3:::b/k' });
  const scenarios = join(dir, 'read.scenario.json');
  writeFileSync(scenarios, JSON.stringify([
    { name: 'reads', identityPolicies: [{ file: 'read.json' }], request: request('s3:GetObject'), expected: 'Allowed' },
    { name: 'writes', identityPolicies: [{ file: 'read.json' }], request: request('s3:PutObject'), expected: 'Allowed' },
  ]));
  const broken = join(dir, 'broken.scenario.json');
  writeFileSync(broken, '{"scenarios": [');

  async function run(env: Record<string, string>, ...args: string[]) {
    const saved = { GITHUB_ACTIONS: process.env.GITHUB_ACTIONS, GITHUB_WORKSPACE: process.env.GITHUB_WORKSPACE };
    Object.assign(process.env, env);
    const out: string[] = [], err: string[] = [];
    try {
      const code = await runScenarioCommand('test', args, catalog, (s) => out.push(s), (s) => err.push(s));
      return { code, out, err };
    } finally {
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
    }
  }
  const action = { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: dir };

  it('annotates a failed scenario on its file and exits 1', async () => {
    const r = await run(action, scenarios);
    assert.equal(r.code, 1);
    assert.ok(r.out.includes('::error file=read.scenario.json,title=iam-policy test::writes: ImplicitlyDenied, expected Allowed'), r.out.join('\n'));
    assert.equal(r.out.filter((l) => l.startsWith('::')).length, 1, 'a passing scenario is not annotated');
  });

  it('--quiet keeps only the summary line (and the annotations)', async () => {
    const r = await run(action, '--quiet', scenarios);
    assert.equal(r.code, 1);
    assert.deepEqual(r.out.filter((l) => !l.startsWith('::')), ['1 passed, 1 failed']);
    const outside = await run({ GITHUB_ACTIONS: '' }, '-q', scenarios);
    assert.deepEqual(outside.out, ['1 passed, 1 failed']);
  });

  it('annotates a scenario file that cannot be parsed and exits 2; next to JSON output the annotations go to stderr', async () => {
    const r = await run(action, '--format', 'json', broken, scenarios);
    assert.equal(r.code, 2);
    const json = JSON.parse(r.out.join('\n')) as { passed: number; failed: number };
    assert.deepEqual([json.passed, json.failed], [1, 1]);
    assert.ok(r.err.some((l) => l.startsWith('::error file=broken.scenario.json,title=iam-policy%3A bad scenario file::')), r.err.join('\n'));
    assert.ok(r.err.some((l) => l.startsWith('::error file=read.scenario.json,title=iam-policy test::writes')));
  });

  it('--quiet is an option of test only, not of simulate', async () => {
    const out: string[] = [], err: string[] = [];
    assert.equal(await runScenarioCommand('simulate', ['--quiet', scenarios], catalog, (s) => out.push(s), (s) => err.push(s)), 2);
    assert.match(err.join('\n'), /unknown option --quiet/);
  });
});
