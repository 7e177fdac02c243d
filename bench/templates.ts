// Template benchmark (issue 18), from outside on the user's paths:
// - LSP over stdio (fresh `node dist/server.js --stdio`): open → publishDiagnostics for templates of ordinary size
//   (generated CloudFormation YAML, CDK JSON, Terraform, and a 30 KB CDK stack of 40 policies; bench/templateCorpus.ts)
//   and the two examples/infra files.
//   Baseline in the same run: open → diagnostics of examples/policies/app-read-s3.policy.json (a plain policy).
//   The first .tf file also loads the HCL parser (WASM): that open is reported apart.
// - The CLI as a process: `node dist/cli.js lint FILES…` over 170 generated templates. Baselines in the same run: the
//   same CLI over the 850 policies of those templates written as plain .json files (the cost of checking the
//   policies themselves), and `node dist/cli.js --version` (process start).
// Targets: open → diagnostics p95 ≤ 50 ms per template; the CLI over 170 templates ≤ 5 s.
// Run: npm run bench:templates (builds nothing: run `node scripts/build.mjs` first).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from '../server/src/node/catalogFiles';
import { loadTerraformParser } from '../server/src/node/terraformParser';
import { analyzeTemplate, analyzeTerraformFile, templateFormatOf } from '../server/src/service/embedded/templates';
import { DEFAULT_SETTINGS } from '../server/src/service/settings';
import { LspClient } from '../test/server/lspClient';
import { generatedTemplate, largeCdkTemplate } from './templateCorpus';

const root = join(__dirname, '..');
const CLI = join(root, 'dist/cli.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const CLI_TEMPLATES = 170;
const CLI_RUNS = Number(process.env.BENCH_CLI_RUNS ?? 5);
const q = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const ms = (x: number) => `${x.toFixed(1)} ms`;

interface Doc { label: string; name: string; languageId: string; text: string }

async function openToDiagnostics(lsp: LspClient, doc: Doc, i: number): Promise<[number, number]> {
  const dot = doc.name.indexOf('.');
  const name = `${doc.name.slice(0, dot)}-${i}${doc.name.slice(dot)}`;
  const t = performance.now();
  const u = lsp.open(name, doc.text, doc.languageId);
  const d = await lsp.nextDiagnostics(u, 30_000);
  const elapsed = performance.now() - t;
  lsp.close(u);
  return [elapsed, d.diagnostics.length];
}

async function lspPart(): Promise<string[]> {
  const example = (label: string, path: string, languageId: string): Doc =>
    ({ label, name: path.split('/').pop()!, languageId, text: readFileSync(join(root, path), 'utf8') });
  const baseline = example('baseline: examples/policies/app-read-s3.policy.json (plain policy)', 'examples/policies/app-read-s3.policy.json', 'iam-policy');
  const gen = [0, 1, 2].map((k) => generatedTemplate(k));
  const docs: Doc[] = [
    { label: 'generated CloudFormation YAML (5 policies)', ...gen[0] },
    { label: 'generated CDK JSON (5 policies)', ...gen[1] },
    { label: 'generated Terraform (5 policies)', ...gen[2] },
    { label: 'generated CDK JSON, 8 stacks in one (40 policies)', ...largeCdkTemplate(8) },
    example('examples/infra/worker.template.yaml', 'examples/infra/worker.template.yaml', 'yaml'),
    example('examples/infra/worker.tf', 'examples/infra/worker.tf', 'terraform'),
  ];
  const lsp = await LspClient.start();
  // the first open of each kind loads what it needs (the catalog, the YAML host, the HCL parser's WASM)
  const first: string[] = [];
  for (const d of [baseline, ...docs]) first.push(`${d.label.split(' (')[0]} ${ms((await openToDiagnostics(lsp, d, -1))[0])}`);
  const rows: string[] = [];
  const base: number[] = [];
  const times = docs.map(() => [] as number[]);
  const counts = docs.map(() => 0);
  // interleaved so every document and the baseline see the same machine load
  for (let i = 0; i < RUNS; i++) {
    base.push((await openToDiagnostics(lsp, baseline, i))[0]);
    for (let k = 0; k < docs.length; k++) {
      const [t, n] = await openToDiagnostics(lsp, docs[k], i);
      times[k].push(t);
      counts[k] = n;
    }
  }
  await lsp.stop();
  const b50 = q(base, 0.5);
  rows.push(`| ${baseline.label}, ${(baseline.text.length / 1024).toFixed(1)} KB | ${ms(b50)} | ${ms(q(base, 0.95))} | 1.0x | |`);
  for (let k = 0; k < docs.length; k++) {
    const p95 = q(times[k], 0.95);
    rows.push(`| ${docs[k].label}, ${(docs[k].text.length / 1024).toFixed(1)} KB, ${counts[k]} diagnostics | ${ms(q(times[k], 0.5))} | ${ms(p95)} | ${(q(times[k], 0.5) / b50).toFixed(1)}x | ${p95 <= 50 ? 'ok' : '**over**'} (≤ 50 ms) |`);
  }
  return [
    `Open → diagnostics over LSP stdio, one fresh server, ${RUNS} opens of each document (new URI each time), interleaved with the baseline.`,
    '',
    '| document | p50 | p95 | p50 / baseline p50 | target p95 |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    `First open of each (loads catalog, YAML host, HCL parser WASM): ${first.join('; ')}.`,
  ];
}

function timeCli(args: string[]): { ms: number; out: string; status: number | null } {
  const t = performance.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { ms: performance.now() - t, out: r.stdout + r.stderr, status: r.status };
}

async function cliPart(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'iam-bench-templates-'));
  const plain = mkdtempSync(join(tmpdir(), 'iam-bench-policies-'));
  try {
    let bytes = 0, policies = 0;
    const files: string[] = [];
    for (let i = 0; i < CLI_TEMPLATES; i++) {
      const t = generatedTemplate(i);
      writeFileSync(join(dir, t.name), t.text);
      files.push(join(dir, t.name));
      bytes += t.text.length;
      policies += t.policies;
    }
    // the same policies as plain files, as the CLI extracts them (so the baseline checks the same statements)
    const extracted = JSON.parse(timeCli(['lint', '--format', 'json', ...files]).out) as { file: string; policies?: { id: string }[] }[];
    const found = extracted.reduce((s, f) => s + (f.policies?.length ?? 0), 0);
    const plainFiles = await plainPolicies(files, plain);
    const lint: number[] = [], base: number[] = [], start: number[] = [];
    let summary = '';
    for (let r = 0; r < CLI_RUNS; r++) {
      start.push(timeCli(['--version']).ms);
      const b = timeCli(['lint', ...plainFiles]);
      base.push(b.ms);
      const l = timeCli(['lint', ...files]);
      lint.push(l.ms);
      summary = l.out.trim().split('\n').pop() ?? '';
    }
    const l50 = q(lint, 0.5), lmax = Math.max(...lint);
    return [
      `The CLI as a process over ${CLI_TEMPLATES} generated templates (${(bytes / 1024).toFixed(0)} KB; ${Math.ceil(CLI_TEMPLATES / 3)} CloudFormation YAML, ${Math.floor(CLI_TEMPLATES / 3)} CDK JSON, ${Math.floor(CLI_TEMPLATES / 3)} Terraform; ${policies} policies present, ${found} found), ${CLI_RUNS} runs each, interleaved.`,
      '',
      '| run | p50 | max | p50 / baseline p50 | target |',
      '|---|---|---|---|---|',
      `| baseline: \`node dist/cli.js --version\` (process start) | ${ms(q(start, 0.5))} | ${ms(Math.max(...start))} | | |`,
      `| baseline: \`lint\` over the same ${plainFiles.length} policies as plain .json files | ${ms(q(base, 0.5))} | ${ms(Math.max(...base))} | 1.0x | |`,
      `| \`lint\` over the ${CLI_TEMPLATES} templates | ${ms(l50)} | ${ms(lmax)} | ${(l50 / q(base, 0.5)).toFixed(2)}x | ${lmax <= 5000 ? 'ok' : '**over**'} (≤ 5 s) |`,
      '',
      `CLI summary: ${summary}`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(plain, { recursive: true, force: true });
  }
}

/** Writes each policy of `files` as a plain policy file in `dir` (its text as the checks see it, intrinsics resolved). */
async function plainPolicies(files: string[], dir: string): Promise<string[]> {
  const catalog = loadCatalog();
  const parse = await loadTerraformParser();
  const out: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const analysis = file.endsWith('.tf')
      ? analyzeTerraformFile(file, text, parse, catalog, DEFAULT_SETTINGS)
      : analyzeTemplate(file, text, templateFormatOf(file, text), catalog, DEFAULT_SETTINGS);
    for (const p of analysis?.policies ?? []) {
      const path = join(dir, `p${out.length}.${p.policyType}.json`);
      writeFileSync(path, p.virtual.text);
      out.push(path);
    }
  }
  return out;
}

async function main() {
  if (!existsSync(CLI)) throw new Error(`${CLI} not found: run node scripts/build.mjs first`);
  const lines = [`node ${process.version}; ${new Date().toISOString().slice(0, 10)}`, '', ...(await lspPart()), '', ...(await cliPart())];
  console.log(lines.join('\n'));
}

main().catch((e) => { console.error(e); process.exit(1); });
