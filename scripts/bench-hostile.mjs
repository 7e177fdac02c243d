// Hostile-input benchmark (issue 16), from outside on the user's path: the CLI as a process and a fresh language
// server over stdio per probe. Each probe has a timeout; a probe that hangs is reported as "timeout" and its process
// is killed. Baselines from the same run: linting a small valid policy (CLI) and a hover on a small policy (LSP).
// For the LSP probes "hover after" is the latency of a hover on another document sent right after the hostile
// request: it shows whether the server keeps answering.
// usage: node scripts/bench-hostile.mjs [--dist DIR] [--timeout SECONDS] [--only SUBSTRING]
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : def; };
const DIST = resolve(opt('--dist', join(root, 'dist')));
const TIMEOUT_MS = Number(opt('--timeout', 15)) * 1000;
const ONLY = opt('--only', '');
const CLI = join(DIST, 'cli.js');
const SERVER = join(DIST, 'server.js');
if (!existsSync(CLI) || !existsSync(SERVER)) { console.error(`${DIST} has no cli.js/server.js: run node scripts/build.mjs first`); process.exit(2); }

// ------------------------------------------------------------------------------------------ the hostile workspace

const ws = mkdtempSync(join(tmpdir(), 'iam-hostile-'));
const outside = mkdtempSync(join(tmpdir(), 'iam-outside-'));
const w = (name, text) => { const p = join(ws, name); mkdirSync(dirname(p), { recursive: true }); writeFileSync(p, text); return p; };
const policy = (statements) => JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
const allow = (Action, Resource = '*', extra = {}) => ({ Effect: 'Allow', Action, Resource, ...extra });

const A40 = 'a'.repeat(40);
const EVIL_ACTION = 's3:' + '*?'.repeat(30) + '*';
const EVIL_ARN = 'arn:aws:s3:::' + '*a'.repeat(8) + '*b';
const EVIL_LIKE = '*a'.repeat(8) + '*b';

w('small.policy.json', policy([allow('s3:GetObject', 'arn:aws:s3:::bucket/*')]));
w('action-glob.policy.json', policy([allow(EVIL_ACTION)]));
w('star-star.policy.json', policy(Array.from({ length: 100 }, (_, i) => allow('*:*', `arn:aws:s3:::bucket-${i}/*`))));
w('unclosed-vars.policy.json', policy([allow('s3:GetObject', 'arn:aws:s3:::b/' + '${'.repeat(100_000))]));
const longArn = 'arn:aws:s3:::' + 'x'.repeat(50_000);
w('long-arn.policy.json', policy([allow('s3:GetObject', longArn)]));
w('huge-wildcard.policy.json', policy([allow('s3:' + '*x'.repeat(30_000))]));
w('markdown.policy.json', policy([allow('s3:Get[x](https://example.com/phish)`` ` ``Object')]));
writeFileSync(join(outside, 'secret.json'), policy([allow('s3:GetObject')]));

const scenario = (policies, request, extra = {}) => JSON.stringify({ name: 'probe', identityPolicies: policies, request: { principal: 'arn:aws:iam::111122223333:user/alice', action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', ...request }, ...extra });
w('arn-glob.scenario.json', scenario([{ policy: JSON.parse(policy([allow('s3:GetObject', EVIL_ARN)])) }], { resource: 'arn:aws:s3:::' + A40 }));
w('like.scenario.json', scenario([{ policy: JSON.parse(policy([allow('s3:GetObject', '*', { Condition: { StringLike: { 'aws:PrincipalTag/x': EVIL_LIKE } } })])) }], { context: { 'aws:PrincipalTag/x': A40 } }));
w('fifo.scenario.json', scenario([{ file: 'fifo.json' }], {}));
w('devzero.scenario.json', scenario([{ file: 'zero-link.json' }], {}));
w('dir.scenario.json', scenario([{ file: 'adir' }], {}));
w('huge.scenario.json', scenario([{ file: 'huge.json' }], {}));
w('escape.scenario.json', scenario([{ file: '../' + outside.split('/').pop() + '/secret.json' }], {}));
w('absolute.scenario.json', scenario([{ file: join(outside, 'secret.json') }], {}));
w('deep.scenario.json', '['.repeat(200_000) + ']'.repeat(200_000));
w('many.scenario.json', JSON.stringify({ scenarios: Array.from({ length: 2000 }, (_, i) => JSON.parse(scenario([{ policy: JSON.parse(policy([allow('s3:*')])) }], { resource: `arn:aws:s3:::b/${i}` }))) }));
execFileSync('mkfifo', [join(ws, 'fifo.json')]);
symlinkSync('/dev/zero', join(ws, 'zero-link.json'));
mkdirSync(join(ws, 'adir'));
writeFileSync(join(ws, 'huge.json'), Buffer.alloc(64 * 1024 * 1024, 0x20));

// ------------------------------------------------------------------------------------------ CLI probes

function runCli(cliArgs, { pipeToHead = false } = {}) {
  return new Promise((res) => {
    const t0 = performance.now();
    const cmd = pipeToHead ? '/bin/sh' : process.execPath;
    const argv = pipeToHead ? ['-c', `"${process.execPath}" "${CLI}" ${cliArgs.map((a) => `'${a}'`).join(' ')} | head -1 >/dev/null`] : [CLI, ...cliArgs];
    const p = spawn(cmd, argv, { cwd: ws, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = 0, err = '';
    p.stdout.on('data', (d) => { out += d.length; });
    p.stderr.on('data', (d) => { if (err.length < 4000) err += d.toString(); });
    const timer = setTimeout(() => { try { process.kill(-p.pid, 'SIGKILL'); } catch { /* gone */ } }, TIMEOUT_MS);
    p.on('close', (code, signal) => {
      clearTimeout(timer);
      const ms = performance.now() - t0;
      res({ ms, timeout: signal === 'SIGKILL' && ms >= TIMEOUT_MS - 50, code, out, err });
    });
  });
}

// ------------------------------------------------------------------------------------------ LSP probes

class Rpc {
  constructor(proc, settings) {
    this.proc = proc; this.settings = settings; this.nextId = 1; this.pending = new Map(); this.buf = Buffer.alloc(0); this.diags = new Map(); this.diagWaiters = [];
    proc.stdout.on('data', (d) => { this.buf = Buffer.concat([this.buf, d]); this.drain(); });
    proc.stderr.on('data', () => undefined);
    proc.stdin.on('error', () => undefined);
  }
  drain() {
    for (;;) {
      const sep = this.buf.indexOf('\r\n\r\n');
      if (sep < 0) return;
      const len = Number(/Content-Length: (\d+)/i.exec(this.buf.subarray(0, sep).toString())[1]);
      if (this.buf.length < sep + 4 + len) return;
      const msg = JSON.parse(this.buf.subarray(sep + 4, sep + 4 + len).toString());
      this.buf = this.buf.subarray(sep + 4 + len);
      if (msg.id !== undefined && msg.method) {
        const result = msg.method === 'workspace/configuration' ? msg.params.items.map((i) => (i.section === 'iamPolicy' ? this.settings : null)) : null;
        this.send({ jsonrpc: '2.0', id: msg.id, result });
      } else if (msg.id !== undefined && this.pending.has(msg.id)) {
        const { res } = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        res(msg.error ? { error: msg.error.message } : msg.result);
      } else if (msg.method === 'textDocument/publishDiagnostics') {
        this.diags.set(msg.params.uri, msg.params.diagnostics);
        for (const wt of this.diagWaiters.filter((x) => x.uri === msg.params.uri)) wt.res(msg.params.diagnostics);
        this.diagWaiters = this.diagWaiters.filter((x) => x.uri !== msg.params.uri);
      }
    }
  }
  send(msg) { const body = Buffer.from(JSON.stringify(msg)); this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`); this.proc.stdin.write(body); }
  request(method, params) { const id = this.nextId++; return new Promise((res) => { this.pending.set(id, { res }); this.send({ jsonrpc: '2.0', id, method, params }); }); }
  notify(method, params) { this.send({ jsonrpc: '2.0', method, params }); }
  diagnostics(uri) { return new Promise((res) => this.diagWaiters.push({ uri, res })); }
}

const withTimeout = (p, ms = TIMEOUT_MS) => Promise.race([p.then((v) => ({ v })), new Promise((r) => setTimeout(() => r({ timeout: true }), ms))]);

async function startServer(settings = {}) {
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const rpc = new Rpc(proc, settings);
  await rpc.request('initialize', {
    processId: process.pid, rootUri: pathToFileURL(ws).href, workspaceFolders: [{ uri: pathToFileURL(ws).href, name: 'ws' }],
    capabilities: { workspace: { configuration: true }, textDocument: { hover: { contentFormat: ['markdown'] } } },
  });
  rpc.notify('initialized', {});
  return { proc, rpc };
}

const SMALL = policy([allow('s3:GetObject', 'arn:aws:s3:::bucket/*')]);
function openDoc(rpc, name, text) {
  const uri = pathToFileURL(join(ws, name)).href;
  rpc.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'iam-policy', version: 1, text } });
  return uri;
}
function hoverOn(rpc, uri, text, needle, delta = 3) {
  const off = text.indexOf(needle) + delta;
  const before = text.slice(0, off);
  const line = before.split('\n').length - 1;
  return rpc.request('textDocument/hover', { textDocument: { uri }, position: { line, character: off - before.lastIndexOf('\n') - 1 } });
}

/** Runs `hostile(rpc)` (which returns a promise of its answer), then a hover on a small policy right after. */
async function lspProbe(hostile, settings) {
  const s = await startServer(settings);
  const okUri = openDoc(s.rpc, 'ok.policy.json', SMALL);
  await withTimeout(s.rpc.diagnostics(okUri));
  const t0 = performance.now();
  const answer = withTimeout(hostile(s.rpc));
  const tH = performance.now();
  const hover = withTimeout(hoverOn(s.rpc, okUri, SMALL, 's3:GetObject'));
  const h = await hover;
  const hoverMs = performance.now() - tH;
  const a = await answer;
  const ms = performance.now() - t0;
  s.proc.kill('SIGKILL');
  return { ms, timeout: !!a.timeout, value: a.v, hoverMs, hoverTimeout: !!h.timeout };
}

// ------------------------------------------------------------------------------------------ the probes

const fileUri = (name) => pathToFileURL(join(ws, name)).href;
const simulateParams = (policies, request) => ({
  identityPolicies: policies, permissionBoundaries: [], scps: [], rcps: [],
  request: { principal: 'arn:aws:iam::111122223333:user/alice', action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', ...request },
});
const openAndDiagnose = (name, text) => (rpc) => { const uri = openDoc(rpc, name, text); return rpc.diagnostics(uri); };
const read = (name) => execFileSync('cat', [join(ws, name)]).toString();

const probes = [
  ['baseline', 'CLI lint small policy', () => runCli(['lint', 'small.policy.json'])],
  ['baseline', 'LSP hover (small policy)', () => lspProbe((rpc) => { const t = SMALL; const u = openDoc(rpc, 'b.policy.json', t); return hoverOn(rpc, u, t, 's3:GetObject'); })],
  ['1 wildcards', 'CLI lint Action s3:*?*?…* (30 pairs)', () => runCli(['lint', 'action-glob.policy.json'])],
  ['1 wildcards', 'LSP diagnostics Action s3:*?*?…*', () => lspProbe(openAndDiagnose('action-glob2.policy.json', read('action-glob.policy.json')))],
  ['1 wildcards', 'CLI simulate Resource *a*a…*b vs 40 a', () => runCli(['simulate', 'arn-glob.scenario.json'])],
  ['1 wildcards', 'LSP iamPolicy/simulate Resource *a*a…*b', () => lspProbe((rpc) => rpc.request('iamPolicy/simulate', simulateParams([{ policy: JSON.parse(policy([allow('s3:GetObject', EVIL_ARN)])) }], { resource: 'arn:aws:s3:::' + A40 })))],
  ['1 wildcards', 'CLI simulate StringLike *a*a…*b vs 40 a', () => runCli(['simulate', 'like.scenario.json'])],
  ['1 wildcards', 'LSP policyTypes glob *a*a…*b on a 40-a name', () => lspProbe(openAndDiagnose(`${A40}.json`, SMALL), { policyTypes: { ['*a'.repeat(8) + '*b.json']: 'scp' } })],
  ['2 files', 'CLI lint FIFO', () => runCli(['lint', 'fifo.json'])],
  ['2 files', 'CLI lint symlink to /dev/zero', () => runCli(['lint', 'zero-link.json'])],
  ['2 files', 'CLI lint /dev/zero', () => runCli(['lint', '/dev/zero'])],
  ['2 files', 'CLI lint 64 MB file', () => runCli(['lint', 'huge.json'])],
  ['2 files', 'CLI test scenario -> FIFO', () => runCli(['test', 'fifo.scenario.json'])],
  ['2 files', 'CLI test scenario -> symlink to /dev/zero', () => runCli(['test', 'devzero.scenario.json'])],
  ['2 files', 'CLI test scenario -> directory', () => runCli(['test', 'dir.scenario.json'])],
  ['2 files', 'CLI test scenario -> 64 MB file', () => runCli(['test', 'huge.scenario.json'])],
  ['2 files', 'CLI simulate scenario -> ../outside', () => runCli(['simulate', 'escape.scenario.json'])],
  ['2 files', 'CLI simulate scenario -> /absolute', () => runCli(['simulate', 'absolute.scenario.json'])],
  ['2 files', 'LSP iamPolicy/simulate uri -> FIFO', () => lspProbe((rpc) => rpc.request('iamPolicy/simulate', simulateParams([{ uri: fileUri('fifo.json') }], {})))],
  ['2 files', 'LSP iamPolicy/simulate uri -> /dev/zero link', () => lspProbe((rpc) => rpc.request('iamPolicy/simulate', simulateParams([{ uri: fileUri('zero-link.json') }], {})))],
  ['2 files', 'LSP iamPolicy/simulate uri -> outside workspace', () => lspProbe((rpc) => rpc.request('iamPolicy/simulate', simulateParams([{ uri: pathToFileURL(join(outside, 'secret.json')).href }], {})))],
  ['2 files', 'LSP iamPolicy/scenarioResults -> FIFO', () => lspProbe((rpc) => rpc.request('iamPolicy/scenarioResults', { uri: fileUri('fifo.scenario.json') }))],
  ['3 work', 'CLI lint 100 x "*:*" with ARN resources', () => runCli(['lint', 'star-star.policy.json'])],
  ['3 work', 'LSP diagnostics 100 x "*:*"', () => lspProbe(openAndDiagnose('star-star2.policy.json', read('star-star.policy.json')))],
  ['3 work', 'LSP hover on a 50 KB ARN', () => lspProbe((rpc) => { const t = read('long-arn.policy.json'); const u = openDoc(rpc, 'long2.policy.json', t); return hoverOn(rpc, u, t, 'arn:aws:s3:::xx', 20); })],
  ['3 work', 'CLI lint 100k unclosed ${', () => runCli(['lint', '--format', 'json', 'unclosed-vars.policy.json'])],
  ['3 work', 'CLI test 2,000 scenarios in one file', () => runCli(['simulate', '--format', 'json', 'many.scenario.json'])],
  ['4 markdown', 'LSP hover on an action holding a link and backticks', () => lspProbe((rpc) => { const t = read('markdown.policy.json'); const u = openDoc(rpc, 'md2.policy.json', t); return hoverOn(rpc, u, t, 's3:Get[', 5); })],
  ['5 cli', 'CLI test 200k-deep nesting', () => runCli(['test', 'deep.scenario.json'])],
  ['5 cli', 'CLI lint 60 KB wildcard', () => runCli(['lint', 'huge-wildcard.policy.json'])],
  ['5 cli', 'CLI simulate … | head -1 (EPIPE)', () => runCli(['simulate', 'many.scenario.json'], { pipeToHead: true })],
];

/** Markdown with its code spans removed (CommonMark: a backtick run is closed by a run of the same length). */
function outsideCodeSpans(md) {
  let out = '', i = 0;
  while (i < md.length) {
    if (md[i] !== '`') { out += md[i++]; continue; }
    let n = 0;
    while (md[i + n] === '`') n++;
    let j = i + n, close = -1;
    while (j < md.length) {
      if (md[j] !== '`') { j++; continue; }
      let m = 0;
      while (md[j + m] === '`') m++;
      if (m === n) { close = j; break; }
      j += m;
    }
    if (close < 0) { out += md.slice(i, i + n); i += n; } else i = close + n;
  }
  return out;
}

function note(kind, r) {
  if (r.timeout) return '';
  if (r.err !== undefined) {
    const first = r.err.split('\n').find((l) => l.trim()) ?? '';
    const flags = [];
    if (/EPIPE/.test(r.err)) flags.push('EPIPE on stderr');
    if (/RangeError|internal error/.test(r.err)) flags.push('internal error');
    if (/\\\*|\.\*|\[\^:\]/.test(r.err)) flags.push('regex source in message');
    return `exit ${r.code}, ${r.out} B out${flags.length ? ', ' + flags.join(', ') : ''}${first ? `; ${first.slice(0, 110)}` : ''}`;
  }
  const v = r.value;
  if (Array.isArray(v)) return `${v.length} diagnostics`;
  if (v && v.contents) {
    const md = typeof v.contents === 'string' ? v.contents : v.contents.value ?? JSON.stringify(v.contents);
    if (/\]\(https:\/\/example\.com/.test(outsideCodeSpans(md))) return 'hover has a live link';
    return `hover ${md.length} chars${md.includes('example.com') ? ', link only inside a code span' : ''}`;
  }
  if (v && Array.isArray(v.errors)) {
    const errs = [...v.errors, ...(v.scenarios ?? []).flatMap((x) => x.errors)].map((e) => (typeof e === 'string' ? e : e.message));
    return errs.length ? `error: ${errs[0].slice(0, 110)}` : `decision ${v.result?.decision ?? '-'}`;
  }
  return v === null ? 'null' : '';
}

const rows = [];
let cliBase = 0, lspBase = 0;
for (const [kind, name, run] of probes) {
  if (ONLY && !name.includes(ONLY) && kind !== 'baseline') continue;
  const r = await run();
  if (name === 'CLI lint small policy') cliBase = r.ms;
  if (name === 'LSP hover (small policy)') lspBase = r.hoverMs;
  const base = name.startsWith('CLI') ? cliBase : lspBase;
  const ms = r.timeout ? `> ${TIMEOUT_MS / 1000} s (timeout)` : `${r.ms.toFixed(0)} ms`;
  const hover = r.hoverMs === undefined ? '' : r.hoverTimeout ? `> ${TIMEOUT_MS / 1000} s` : `${r.hoverMs.toFixed(0)} ms`;
  rows.push({ kind, name, ms, ratio: r.timeout || !base ? '' : `${(r.ms / base).toFixed(1)}x`, hover, note: note(kind, r) });
  process.stderr.write(`${name}: ${ms}\n`);
}
console.log(`dist: ${DIST}\n`);
console.log('| class | probe | answer | vs baseline | hover after | result |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.kind} | ${r.name} | ${r.ms} | ${r.ratio} | ${r.hover} | ${r.note.replace(/\|/g, '\\|')} |`);
rmSync(ws, { recursive: true, force: true });
rmSync(outside, { recursive: true, force: true });
