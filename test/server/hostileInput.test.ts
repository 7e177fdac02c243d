// Hostile input over real LSP (issue 16): special files, paths that leave the workspace, deep nesting, backtracking
// bait and Markdown payloads, through the requests the editor and the Simulate Request panel send
// (iamPolicy/simulate is the panel's request path). Each probe's server CPU time is read from /proc, and a hover
// sent right behind a hostile request must answer promptly.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { hoverText, LspClient } from './lspClient';

const TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
/** user + system CPU time of a process in ms (10 ms resolution at 100 ticks per second) */
function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS;
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until the server is idle (the catalog preload after startup has finished). */
async function settle(lsp: LspClient): Promise<void> {
  let last = cpuMsOf(lsp.proc.pid!);
  for (let i = 0; i < 50; i++) {
    await sleep(200);
    const now = cpuMsOf(lsp.proc.pid!);
    if (now - last <= 10) return;
    last = now;
  }
}

/** Server CPU ms spent answering `run`. */
async function serverCpu<T>(lsp: LspClient, run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const before = cpuMsOf(lsp.proc.pid!);
  const value = await run();
  return { ms: cpuMsOf(lsp.proc.pid!) - before, value };
}

const ws = mkdtempSync(join(tmpdir(), 'iam-hostile-ws-'));
const outside = mkdtempSync(join(tmpdir(), 'iam-hostile-out-'));
const fileUri = (p: string) => pathToFileURL(p).href;
const policy = (statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
const SMALL = policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' }]);
const simulateParams = (policies: object[], request: object = {}) => ({
  identityPolicies: policies, permissionBoundaries: [], scps: [], rcps: [],
  request: { principal: 'arn:aws:iam::111122223333:user/alice', action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/k', ...request },
});
interface SimulateAnswer { result: { decision: string } | null; errors: string[] }
interface ScenarioAnswer { scenarios: { errors: string[] }[]; errors: { message: string }[] }

before(() => {
  writeFileSync(join(ws, 'ok.policy.json'), SMALL);
  writeFileSync(join(outside, 'secret.json'), SMALL);
  execFileSync('mkfifo', [join(ws, 'fifo.json')]);
  symlinkSync('/dev/zero', join(ws, 'zero.json'));
  symlinkSync(join(outside, 'secret.json'), join(ws, 'link-out.json'));
  mkdirSync(join(ws, 'adir.json'));
  writeFileSync(join(ws, 'huge.json'), '');
  truncateSync(join(ws, 'huge.json'), 64 * 1024 * 1024);
});
after(() => {
  rmSync(ws, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('hostile files through iamPolicy/simulate and iamPolicy/scenarioResults', () => {
  let lsp: LspClient;
  let okUri: string;
  before(async () => {
    lsp = await LspClient.start({ workspaceFolders: [fileUri(ws)] });
    okUri = lsp.open(fileUri(join(ws, 'open.policy.json')), SMALL);
    await lsp.diagnostics(okUri);
    await settle(lsp);
  });
  after(() => lsp.stop());

  const cases: [string, string, RegExp][] = [
    ['a FIFO', join(ws, 'fifo.json'), /fifo\.json: is a named pipe \(FIFO\), not a file, so it is not read/],
    ['a symlink to /dev/zero', join(ws, 'zero.json'), /zero\.json: is outside the workspace folders \(it leads to \/dev\/zero\), so it is not read\. .*allowFilesOutsideWorkspace/],
    ['a directory', join(ws, 'adir.json'), /adir\.json: is a directory/],
    ['a 64 MB file', join(ws, 'huge.json'), /huge\.json: is 67,108,864 bytes; files over 1,048,576 bytes are not read/],
    ['a file outside the workspace', join(outside, 'secret.json'), /secret\.json: is outside the workspace folders, so it is not read\. Open it in the editor, move it into the workspace, or set "iamPolicy\.simulate\.allowFilesOutsideWorkspace": true\./],
    ['a symlink leading outside the workspace', join(ws, 'link-out.json'), /link-out\.json: is outside the workspace folders \(it leads to .*secret\.json\)/],
    ['a missing file', join(ws, 'nope.json'), /nope\.json: no such file; check the path\./],
  ];
  for (const [what, path, message] of cases) {
    it(`refuses ${what} with a clear message in ≤ 100 ms CPU, and a hover sent right behind answers at once`, async () => {
      const t0 = performance.now();
      const { ms, value } = await serverCpu(lsp, async () => {
        const sim = lsp.request<SimulateAnswer>('iamPolicy/simulate', simulateParams([{ uri: fileUri(path) }]));
        const hov = lsp.hover(okUri, SMALL.indexOf('s3:GetObject') + 3).then((h) => ({ h, at: performance.now() - t0 }));
        return { sim: await sim, hov: await hov };
      });
      assert.ok(ms <= 100, `${ms} ms server CPU`);
      assert.match(value.sim.errors.join('\n'), message);
      assert.match(hoverText(value.hov.h), /s3:GetObject/);
      assert.ok(value.hov.at < 2000, `hover after ${value.hov.at.toFixed(0)} ms`);
    });
  }

  it('names files workspace-relative in messages', async () => {
    mkdirSync(join(ws, 'sub'), { recursive: true });
    execFileSync('mkfifo', [join(ws, 'sub', 'pipe.json')]);
    const r = await lsp.request<SimulateAnswer>('iamPolicy/simulate', simulateParams([{ uri: fileUri(join(ws, 'sub', 'pipe.json')) }]));
    assert.match(r.errors[0], /^identity policy 1: sub\/pipe\.json: is a named pipe/);
  });

  it('a scenario file naming a FIFO, ../ outside and a deep nesting: errors, no hang', async () => {
    const rel = `../${outside.split('/').pop()}/secret.json`;
    const text = JSON.stringify({ scenarios: [
      { name: 'fifo', identityPolicies: [{ file: 'fifo.json' }], request: { principal: 'arn:aws:iam::111122223333:user/a', action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/k' } },
      { name: 'escape', identityPolicies: [{ file: rel }], request: { principal: 'arn:aws:iam::111122223333:user/a', action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/k' } },
    ] });
    const uri = lsp.open(fileUri(join(ws, 'h.scenario.json')), text, 'json');
    const { ms, value } = await serverCpu(lsp, () => lsp.request<ScenarioAnswer>('iamPolicy/scenarioResults', { uri }));
    assert.ok(ms <= 100, `${ms} ms server CPU`);
    const all = [...value.errors.map((e) => e.message), ...value.scenarios.flatMap((s) => s.errors)].join('\n');
    assert.match(all, /cannot read policy file "fifo\.json": is a named pipe/);
    assert.match(all, /secret\.json": is outside the workspace folders/);

    const deep = lsp.open(fileUri(join(ws, 'deep.scenario.json')), '['.repeat(200_000) + ']'.repeat(200_000), 'json');
    const d = await serverCpu(lsp, () => lsp.request<ScenarioAnswer>('iamPolicy/scenarioResults', { uri: deep }));
    assert.ok(d.ms <= 100, `${d.ms} ms server CPU`);
    assert.match(d.value.errors[0].message, /deep\.scenario\.json nests deeper than 256 levels \(at line 1, column 257\)/);
  });
});

describe('the allowFilesOutsideWorkspace setting', () => {
  it('reads files outside the workspace when set, and still refuses devices', async () => {
    const lsp = await LspClient.start({ workspaceFolders: [fileUri(ws)], settings: { iamPolicy: { simulate: { allowFilesOutsideWorkspace: true } } } });
    try {
      await lsp.diagnostics(lsp.open(fileUri(join(ws, 'c.policy.json')), SMALL)); // the settings have arrived
      const out = await lsp.request<SimulateAnswer>('iamPolicy/simulate', simulateParams([{ uri: fileUri(join(outside, 'secret.json')) }]));
      assert.deepEqual(out.errors, []);
      assert.equal(out.result?.decision, 'Allowed');
      const zero = await lsp.request<SimulateAnswer>('iamPolicy/simulate', simulateParams([{ uri: fileUri(join(ws, 'zero.json')) }]));
      assert.match(zero.errors.join('\n'), /zero\.json: is a device, not a file, so it is not read/);
    } finally {
      await lsp.stop();
    }
  });
});

describe('backtracking bait and Markdown payloads over LSP', () => {
  let lsp: LspClient;
  const a40 = 'a'.repeat(40);
  const glob = '*a'.repeat(8) + '*b';
  before(async () => {
    lsp = await LspClient.start({ workspaceFolders: [fileUri(ws)], settings: { iamPolicy: { policyTypes: { [`${glob}.json`]: 'scp' } } } });
    await settle(lsp);
  });
  after(() => lsp.stop());

  it('Resource *a*a…*b against 40 a in iamPolicy/simulate: ≤ 100 ms CPU, and a hover right behind answers', async () => {
    const okUri = lsp.open(fileUri(join(ws, 'b.policy.json')), SMALL);
    await lsp.diagnostics(okUri);
    const t0 = performance.now();
    const { ms, value } = await serverCpu(lsp, async () => {
      const sim = lsp.request<SimulateAnswer>('iamPolicy/simulate', simulateParams(
        [{ policy: JSON.parse(policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${glob}`, Condition: { StringLike: { 'aws:PrincipalTag/x': glob } } }])) }],
        { resource: `arn:aws:s3:::${a40}`, context: { 'aws:PrincipalTag/x': a40 } },
      ));
      const hov = lsp.hover(okUri, SMALL.indexOf('s3:GetObject') + 3).then(() => performance.now() - t0);
      return { sim: await sim, hoverMs: await hov };
    });
    assert.ok(ms <= 100, `${ms} ms server CPU`);
    assert.equal(value.sim.result?.decision, 'ImplicitlyDenied');
    assert.ok(value.hoverMs < 2000, `hover after ${value.hoverMs.toFixed(0)} ms`);
  });

  it('Action s3:*?*?…* and a policyTypes glob *a*a…*b on a 40-a file name: diagnostics in ≤ 100 ms CPU', async () => {
    const text = policy([{ Effect: 'Allow', Action: 's3:' + '*?'.repeat(30) + '*', Resource: '*' }]);
    const { ms, value } = await serverCpu(lsp, async () => {
      const uri = lsp.open(fileUri(join(ws, `${a40}.json`)), text);
      return lsp.diagnostics(uri);
    });
    assert.ok(ms <= 100, `${ms} ms server CPU`);
    assert.ok(Array.isArray(value));
  });

  it('a hover on an action holding a Markdown link and backticks shows it inside a code span', async () => {
    const text = policy([{ Effect: 'Allow', Action: 's3:Get[x](https://example.com/phish)`` ` ``Object', Resource: '*' }]);
    const uri = lsp.open(fileUri(join(ws, 'md.policy.json')), text);
    const md = hoverText(await lsp.hover(uri, text.indexOf('s3:Get') + 3));
    assert.ok(md.startsWith('**```s3:Get[x](https://example.com/phish)`` ` ``Object```**'), md);
  });
});
