// Hostile-input benchmark (issue 16), from outside on the user's path: the CLI as a process and a fresh language
// server over stdio per probe (test/server/lspClient.ts). Each probe has a timeout; a probe that hangs is reported as
// "timeout" and its process is killed. Baselines from the same run: linting a small valid policy (CLI) and a hover
// on a small policy (LSP). For the LSP probes "hover after" is the latency of a hover on another document sent right
// after the hostile request: it shows whether the server keeps answering. docs/security.md keeps the results.
// usage: node --import tsx bench/hostile.ts [--dist DIR] [--timeout SECONDS] [--only SUBSTRING]   (npm run bench:hostile)
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { hoverText, LspClient } from '../test/server/lspClient';
import { outsideCodeSpans } from '../test/unit/hover/codeSpans';

const root = resolve(__dirname, '..');
const args = process.argv.slice(2);
const opt = (name: string, def: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : def; };
const DIST = resolve(opt('--dist', join(root, 'dist')));
const TIMEOUT_MS = Number(opt('--timeout', '15')) * 1000;
const ONLY = opt('--only', '');
const CLI = join(DIST, 'cli.js');
const SERVER = join(DIST, 'server.js');
if (!existsSync(CLI) || !existsSync(SERVER)) { console.error(`${DIST} has no cli.js/server.js: run node scripts/build.mjs first`); process.exit(2); }

// ------------------------------------------------------------------------------------------ the hostile workspace

const ws = mkdtempSync(join(tmpdir(), 'iam-hostile-'));
const outside = mkdtempSync(join(tmpdir(), 'iam-outside-'));
const w = (name: string, text: string) => { const p = join(ws, name); mkdirSync(dirname(p), { recursive: true }); writeFileSync(p, text); return p; };
const policy = (statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
const allow = (Action: string, Resource = '*', extra: object = {}) => ({ Effect: 'Allow', Action, Resource, ...extra });

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

const scenario = (policies: object[], request: object, extra: object = {}) => JSON.stringify({ name: 'probe', identityPolicies: policies, request: { principal: 'arn:aws:iam::111122223333:user/alice', action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', ...request }, ...extra });
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

interface Outcome { ms: number; timeout: boolean; code?: number | null; out?: number; err?: string; value?: unknown; hoverMs?: number; hoverTimeout?: boolean }

function runCli(cliArgs: string[], { pipeToHead = false } = {}): Promise<Outcome> {
  return new Promise((res) => {
    const t0 = performance.now();
    const cmd = pipeToHead ? '/bin/sh' : process.execPath;
    const argv = pipeToHead ? ['-c', `"${process.execPath}" "${CLI}" ${cliArgs.map((a) => `'${a}'`).join(' ')} | head -1 >/dev/null`] : [CLI, ...cliArgs];
    const p = spawn(cmd, argv, { cwd: ws, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = 0, err = '';
    p.stdout.on('data', (d: Buffer) => { out += d.length; });
    p.stderr.on('data', (d: Buffer) => { if (err.length < 4000) err += d.toString(); });
    const timer = setTimeout(() => { try { process.kill(-p.pid!, 'SIGKILL'); } catch { /* gone */ } }, TIMEOUT_MS);
    p.on('close', (code, signal) => {
      clearTimeout(timer);
      const ms = performance.now() - t0;
      res({ ms, timeout: signal === 'SIGKILL' && ms >= TIMEOUT_MS - 50, code, out, err });
    });
  });
}

// ------------------------------------------------------------------------------------------ LSP probes

const withTimeout = <T>(p: Promise<T>, ms = TIMEOUT_MS): Promise<{ v?: T; timeout?: boolean }> =>
  Promise.race([p.then((v) => ({ v }), () => ({ timeout: true })), new Promise<{ timeout: boolean }>((r) => setTimeout(() => r({ timeout: true }), ms))]);

const SMALL = policy([allow('s3:GetObject', 'arn:aws:s3:::bucket/*')]);
const fileUri = (name: string) => pathToFileURL(join(ws, name)).href;
const openDoc = (lsp: LspClient, name: string, text: string) => lsp.open(fileUri(name), text);
const hoverOn = (lsp: LspClient, uri: string, text: string, needle: string, delta = 3) => lsp.hover(uri, text.indexOf(needle) + delta);

/** Runs `hostile(lsp)` (a promise of its answer), then a hover on a small policy right after, on a fresh server. */
async function lspProbe(hostile: (lsp: LspClient) => Promise<unknown>, settings: Record<string, unknown> = {}): Promise<Outcome> {
  const lsp = await LspClient.start({ serverJs: SERVER, workspaceFolders: [pathToFileURL(ws).href], settings: { iamPolicy: settings } });
  const okUri = openDoc(lsp, 'ok.policy.json', SMALL);
  await withTimeout(lsp.diagnostics(okUri, TIMEOUT_MS));
  const t0 = performance.now();
  const answer = withTimeout(hostile(lsp));
  const tH = performance.now();
  const h = await withTimeout(hoverOn(lsp, okUri, SMALL, 's3:GetObject'));
  const hoverMs = performance.now() - tH;
  const a = await answer;
  const ms = performance.now() - t0;
  lsp.proc.kill('SIGKILL');
  lsp.connection.dispose();
  return { ms, timeout: !!a.timeout, value: a.v, hoverMs, hoverTimeout: !!h.timeout };
}

// ------------------------------------------------------------------------------------------ the probes

const simulateParams = (policies: object[], request: object) => ({
  identityPolicies: policies, permissionBoundaries: [], scps: [], rcps: [],
  request: { principal: 'arn:aws:iam::111122223333:user/alice', action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', ...request },
});
const openAndDiagnose = (name: string, text: string) => (lsp: LspClient) => lsp.diagnostics(openDoc(lsp, name, text), TIMEOUT_MS);
const read = (name: string) => readFileSync(join(ws, name), 'utf8');

const probes: [string, string, () => Promise<Outcome>][] = [
  ['baseline', 'CLI lint small policy', () => runCli(['lint', 'small.policy.json'])],
  ['baseline', 'LSP hover (small policy)', () => lspProbe((lsp) => { const t = SMALL; const u = openDoc(lsp, 'b.policy.json', t); return hoverOn(lsp, u, t, 's3:GetObject'); })],
  ['1 wildcards', 'CLI lint Action s3:*?*?…* (30 pairs)', () => runCli(['lint', 'action-glob.policy.json'])],
  ['1 wildcards', 'LSP diagnostics Action s3:*?*?…*', () => lspProbe(openAndDiagnose('action-glob2.policy.json', read('action-glob.policy.json')))],
  ['1 wildcards', 'CLI simulate Resource *a*a…*b vs 40 a', () => runCli(['simulate', 'arn-glob.scenario.json'])],
  ['1 wildcards', 'LSP iamPolicy/simulate Resource *a*a…*b', () => lspProbe((lsp) => lsp.request('iamPolicy/simulate', simulateParams([{ policy: JSON.parse(policy([allow('s3:GetObject', EVIL_ARN)])) }], { resource: 'arn:aws:s3:::' + A40 })))],
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
  ['2 files', 'LSP iamPolicy/simulate uri -> FIFO', () => lspProbe((lsp) => lsp.request('iamPolicy/simulate', simulateParams([{ uri: fileUri('fifo.json') }], {})))],
  ['2 files', 'LSP iamPolicy/simulate uri -> /dev/zero link', () => lspProbe((lsp) => lsp.request('iamPolicy/simulate', simulateParams([{ uri: fileUri('zero-link.json') }], {})))],
  ['2 files', 'LSP iamPolicy/simulate uri -> outside workspace', () => lspProbe((lsp) => lsp.request('iamPolicy/simulate', simulateParams([{ uri: pathToFileURL(join(outside, 'secret.json')).href }], {})))],
  ['2 files', 'LSP iamPolicy/scenarioResults -> FIFO', () => lspProbe((lsp) => lsp.request('iamPolicy/scenarioResults', { uri: fileUri('fifo.scenario.json') }))],
  ['3 work', 'CLI lint 100 x "*:*" with ARN resources', () => runCli(['lint', 'star-star.policy.json'])],
  ['3 work', 'LSP diagnostics 100 x "*:*"', () => lspProbe(openAndDiagnose('star-star2.policy.json', read('star-star.policy.json')))],
  ['3 work', 'LSP hover on a 50 KB ARN', () => lspProbe((lsp) => { const t = read('long-arn.policy.json'); const u = openDoc(lsp, 'long2.policy.json', t); return hoverOn(lsp, u, t, 'arn:aws:s3:::xx', 20); })],
  ['3 work', 'CLI lint 100k unclosed ${', () => runCli(['lint', '--format', 'json', 'unclosed-vars.policy.json'])],
  ['3 work', 'CLI test 2,000 scenarios in one file', () => runCli(['simulate', '--format', 'json', 'many.scenario.json'])],
  ['4 markdown', 'LSP hover on an action holding a link and backticks', () => lspProbe((lsp) => { const t = read('markdown.policy.json'); const u = openDoc(lsp, 'md2.policy.json', t); return hoverOn(lsp, u, t, 's3:Get[', 5); })],
  ['5 cli', 'CLI test 200k-deep nesting', () => runCli(['test', 'deep.scenario.json'])],
  ['5 cli', 'CLI lint 60 KB wildcard', () => runCli(['lint', 'huge-wildcard.policy.json'])],
  ['5 cli', 'CLI simulate … | head -1 (EPIPE)', () => runCli(['simulate', 'many.scenario.json'], { pipeToHead: true })],
];

function note(r: Outcome): string {
  if (r.timeout) return '';
  if (r.err !== undefined) {
    const first = r.err.split('\n').find((l) => l.trim()) ?? '';
    const flags: string[] = [];
    if (/EPIPE/.test(r.err)) flags.push('EPIPE on stderr');
    if (/RangeError|internal error/.test(r.err)) flags.push('internal error');
    if (/\\\*|\.\*|\[\^:\]/.test(r.err)) flags.push('regex source in message');
    return `exit ${r.code}, ${r.out} B out${flags.length ? ', ' + flags.join(', ') : ''}${first ? `; ${first.slice(0, 110)}` : ''}`;
  }
  const v = r.value as { contents?: unknown; errors?: unknown[]; scenarios?: { errors: string[] }[]; result?: { decision?: string } } | unknown[] | null | undefined;
  if (Array.isArray(v)) return `${v.length} diagnostics`;
  if (v && v.contents) {
    const md = hoverText(v as Parameters<typeof hoverText>[0]);
    if (/\]\(https:\/\/example\.com/.test(outsideCodeSpans(md))) return 'hover has a live link';
    return `hover ${md.length} chars${md.includes('example.com') ? ', link only inside a code span' : ''}`;
  }
  if (v && Array.isArray(v.errors)) {
    const errs = [...v.errors, ...(v.scenarios ?? []).flatMap((x) => x.errors)].map((e) => (typeof e === 'string' ? e : (e as { message: string }).message));
    return errs.length ? `error: ${errs[0].slice(0, 110)}` : `decision ${v.result?.decision ?? '-'}`;
  }
  return v === null ? 'null' : '';
}

async function main(): Promise<void> {
  const rows: { kind: string; name: string; ms: string; ratio: string; hover: string; note: string }[] = [];
  let cliBase = 0, lspBase = 0;
  for (const [kind, name, run] of probes) {
    if (ONLY && !name.includes(ONLY) && kind !== 'baseline') continue;
    const r = await run();
    if (name === 'CLI lint small policy') cliBase = r.ms;
    if (name === 'LSP hover (small policy)') lspBase = r.hoverMs ?? 0;
    const base = name.startsWith('CLI') ? cliBase : lspBase;
    const ms = r.timeout ? `> ${TIMEOUT_MS / 1000} s (timeout)` : `${r.ms.toFixed(0)} ms`;
    const hover = r.hoverMs === undefined ? '' : r.hoverTimeout ? `> ${TIMEOUT_MS / 1000} s` : `${r.hoverMs.toFixed(0)} ms`;
    rows.push({ kind, name, ms, ratio: r.timeout || !base ? '' : `${(r.ms / base).toFixed(1)}x`, hover, note: note(r) });
    process.stderr.write(`${name}: ${ms}\n`);
  }
  console.log(`dist: ${DIST}\n`);
  console.log('| class | probe | answer | vs baseline | hover after | result |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.kind} | ${r.name} | ${r.ms} | ${r.ratio} | ${r.hover} | ${r.note.replace(/\|/g, '\\|')} |`);
  rmSync(ws, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
}

void main();
