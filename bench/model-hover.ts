// Hover and re-validation with a large workspace model (issue 13), on the path an editor takes: a fresh language
// server over stdio, the client names a generated authorization-details export of thousands of users and roles
// (tens of MB) as the workspace model (iamPolicy/workspaceModel), a policy is open that names principals of it and
// passes a role that trusts no service (IAM810). Measured: hovers on a principal ARN after the first (which loads the
// model), and an edit → diagnostics (minus the debounce) in that policy, whose IAM810 asks the model again.
// Baselines from the same run and server: a hover on an action of the same policy (asks no model) and an edit of a
// policy that asks no model. On Linux also the bytes the server reads per request (/proc/PID/io rchar) and its
// main-thread CPU per edit (/proc/PID/schedstat).
// BASELINE_SERVER=path/to/dist/server.js runs the same measures against that build too, interleaved, for a before /
// after table (e.g. main's build: `git worktree add /tmp/base main && (cd /tmp/base && npm ci && node scripts/build.mjs)`).
// Run: npm run bench:model-hover (builds nothing: run `node scripts/build.mjs` first). BENCH_RUNS sets the number of
// fresh servers per build (3); BENCH_USERS the users and roles of the export (2,500 each, about 50 MB as the AWS CLI prints it).
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateExport } from '../test/fixtures/authzExport';
import { LspClient, SERVER_JS } from '../test/server/lspClient';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const USERS = Number(process.env.BENCH_USERS ?? 2500);
const HOVERS = 100;
const EDITS = 15;
const DEBOUNCE_MS = 150;
/** the server keeps a file's text once its last change is old enough: at most 3 s (COARSE_SETTLE_MS in server/src/node/fileTextCache.ts) */
const SETTLED_MS = 3100;
const ACCOUNT = '111111111111';
const q = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const cpuMs = (pid: number) => existsSync(`/proc/${pid}/schedstat`) ? Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6 : NaN;
/** bytes the process has read through read(2) and friends, or NaN where /proc is missing */
const readBytes = (pid: number) => existsSync(`/proc/${pid}/io`) ? Number(/rchar:\s*(\d+)/.exec(readFileSync(`/proc/${pid}/io`, 'utf8'))?.[1]) : NaN;

const policy = (...statements: object[]) => `${JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2)}\n`;

interface Measures { load: number[]; firstHover: number[]; hover: number[]; hoverBase: number[]; hoverRead: number[]; edit: number[]; editBase: number[]; editCpu: number[]; editBaseCpu: number[]; editRead: number[] }
const empty = (): Measures => ({ load: [], firstHover: [], hover: [], hoverBase: [], hoverRead: [], edit: [], editBase: [], editCpu: [], editBaseCpu: [], editRead: [] });

async function run(serverJs: string, dir: string, modelUri: string, m: Measures, run: number): Promise<void> {
  // role0 trusts the account (no service): IAM810 on PassRole; user7 and role42 are hovered
  const text = policy(
    { Sid: 'Pass', Effect: 'Allow', Action: 'iam:PassRole', Resource: `arn:aws:iam::${ACCOUNT}:role/role0` },
    { Sid: 'Assume', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: [`arn:aws:iam::${ACCOUNT}:role/role42`, `arn:aws:iam::${ACCOUNT}:user/user7`] },
  );
  const other = policy({ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: 'arn:aws:s3:::b/*' });
  const principals = [text.indexOf('role/role42') + 2, text.indexOf('user/user7') + 2];
  const actionAt = text.indexOf('sts:AssumeRole') + 4;
  const lsp = await LspClient.start({ serverJs, workspaceFolders: [pathToFileURL(dir).toString()] });
  try {
    const pid = lsp.proc.pid!;
    const uri = lsp.open(`pass${run}.policy.json`, text);
    const base = lsp.open(`plain${run}.policy.json`, other);
    await lsp.diagnostics(uri, 60_000);
    await lsp.diagnostics(base, 60_000);
    // the catalog's descriptions are read 500 ms after start: not counted in the reads below
    await sleep(700);
    let t = performance.now();
    const next = lsp.nextDiagnostics(uri, 120_000);
    await lsp.connection.sendNotification('iamPolicy/workspaceModel', { uris: [modelUri] });
    const withModel = await next;
    m.load.push(performance.now() - t);
    if (!withModel.diagnostics.some((d) => d.code === 'IAM810')) throw new Error(`${serverJs}: no IAM810 with the model: ${JSON.stringify(withModel.diagnostics)}`);
    t = performance.now();
    const first = await lsp.hover(uri, principals[0]);
    m.firstHover.push(performance.now() - t);
    if (!JSON.stringify(first).includes('In the IAM model')) throw new Error(`${serverJs}: the principal hover does not show the model: ${JSON.stringify(first)}`);
    for (let i = 0; i < HOVERS; i++) {
      const r0 = readBytes(pid);
      t = performance.now(); await lsp.hover(uri, principals[i % 2]); m.hover.push(performance.now() - t);
      m.hoverRead.push(readBytes(pid) - r0);
      t = performance.now(); await lsp.hover(uri, actionAt); m.hoverBase.push(performance.now() - t);
    }
    for (let i = 0; i < EDITS; i++) {
      // a Sid renamed as a user types: the document is validated again, IAM810 asks the model
      const r0 = readBytes(pid);
      let c = cpuMs(pid);
      t = performance.now();
      lsp.change(uri, text.replace('"Pass"', `"Pass${i}"`));
      const d = await lsp.nextDiagnostics(uri, 60_000);
      m.edit.push(performance.now() - t - DEBOUNCE_MS);
      m.editCpu.push(cpuMs(pid) - c);
      m.editRead.push(readBytes(pid) - r0);
      if (!d.diagnostics.some((x) => x.code === 'IAM810')) throw new Error(`${serverJs}: IAM810 lost after an edit`);
      c = cpuMs(pid);
      t = performance.now();
      lsp.change(base, other.replace('b/*', `b${i}/*`));
      await lsp.nextDiagnostics(base, 60_000);
      m.editBase.push(performance.now() - t - DEBOUNCE_MS);
      m.editBaseCpu.push(cpuMs(pid) - c);
    }
  } finally {
    await lsp.stop();
  }
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'iam-model-hover-'));
  const file = join(dir, 'big.authz.json');
  writeFileSync(file, JSON.stringify(generateExport({ account: ACCOUNT, users: USERS, roles: USERS, statements: 24 }), null, 2));
  const size = statSync(file).size;
  const wait = statSync(file).ctimeMs + SETTLED_MS - Date.now();
  if (wait > 0) await sleep(wait);
  const modelUri = pathToFileURL(file).toString();
  const builds: [string, string][] = [['this build', SERVER_JS]];
  if (process.env.BASELINE_SERVER) builds.unshift(['baseline build', process.env.BASELINE_SERVER]);
  const results = new Map(builds.map(([name]) => [name, empty()]));
  try {
    for (let i = 0; i < RUNS; i++) for (const [name, js] of builds) await run(js, dir, modelUri, results.get(name)!, i);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const f = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
  const mb = (x: number) => (Number.isNaN(x) ? 'n/a' : x >= 1e6 ? `${(x / 1e6).toFixed(1)} MB` : `${(x / 1e3).toFixed(1)} KB`);
  console.log(`Fresh server per run, LSP over stdio; ${RUNS} run(s) per build; generated export of ${USERS.toLocaleString('en-US')} users and ${USERS.toLocaleString('en-US')} roles, ${(size / 1e6).toFixed(1)} MB; ${HOVERS} principal hovers and ${EDITS} edits per run; node ${process.version}\n`);
  console.log('| build | measure | p50 | p95 | p50 / baseline p50 | bytes read p50 | target |');
  console.log('|---|---|---|---|---|---|---|');
  for (const [name] of builds) {
    const m = results.get(name)!;
    const line = (what: string, xs: number[], base: number[] | undefined, read: number[] | undefined, target: string) =>
      console.log(`| ${name} | ${what} | ${f(q(xs, 0.5))} ms | ${f(q(xs, 0.95))} ms | ${base ? `${(q(xs, 0.5) / q(base, 0.5)).toFixed(1)}x` : ''} | ${read ? mb(q(read, 0.5)) : ''} | ${target} |`);
    line('workspace model named → diagnostics with IAM810 (loads the model)', m.load, undefined, undefined, '');
    line('first hover on a principal ARN', m.firstHover, undefined, undefined, '');
    line('baseline: hover on an action of the same policy', m.hoverBase, undefined, undefined, '');
    line('hover on a principal ARN, after the first', m.hover, m.hoverBase, m.hoverRead, `≤ 10 ms (p95): ${q(m.hover, 0.95) <= 10 ? 'ok' : '**over**'}`);
    line(`baseline: edit → diagnostics of a policy that asks no model, after the ${DEBOUNCE_MS} ms debounce`, m.editBase, undefined, undefined, '');
    line(`edit → diagnostics with IAM810, after the ${DEBOUNCE_MS} ms debounce`, m.edit, m.editBase, m.editRead, `no model read: ${q(m.editRead, 0.95) < size / 10 ? 'ok' : '**read**'}`);
    if (!m.editCpu.some(Number.isNaN)) {
      line('baseline: that edit, server main-thread CPU', m.editBaseCpu, undefined, undefined, '');
      line('edit with IAM810, server main-thread CPU', m.editCpu, m.editBaseCpu, undefined, '');
    }
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
