// Runs the CLI over a folder of real infrastructure code (CloudFormation/SAM YAML or JSON, CDK output, Terraform)
// and reports what a user would see: files read as templates, policies found by type, errors and warnings by code,
// each error and warning with the text it points at (so the ones caused by intrinsics or placeholders can be told
// apart), and timings (one `lint` process over the folder, and `--version` as the same-run process-start baseline).
// The corpus itself stays outside the repository (public code is not committed).
//
// Recall needs someone to count the policies by reading the files: put them in <folder>/expected.json as
// { "relative/path.yaml": 3, ... } and the report gives found / expected per file and in total.
//
// usage: node bench/iac-corpus.mjs FOLDER [--runs N] [--json] [--cli OTHER/dist/cli.js]   (needs node scripts/build.mjs;
//        --cli measures another build, e.g. the branch before a fix, on the same corpus)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const argv = process.argv.slice(2);
const CLI = argv.includes('--cli') ? argv[argv.indexOf('--cli') + 1] : join(root, 'dist/cli.js');
const folder = argv.find((a, i) => !a.startsWith('--') && !['--runs', '--cli'].includes(argv[i - 1]));
const RUNS = Number(argv.includes('--runs') ? argv[argv.indexOf('--runs') + 1] : 3);
if (!folder || !existsSync(folder)) { console.error('usage: node bench/iac-corpus.mjs FOLDER [--runs N] [--json] [--cli PATH]'); process.exit(2); }
if (!existsSync(CLI)) { console.error(`${CLI} is missing: run node scripts/build.mjs first`); process.exit(2); }

const INFRA = /\.(ya?ml|json|template|tf)$/i;
function filesUnder(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    else if (INFRA.test(name) && name !== 'expected.json') out.push(p);
  }
  return out;
}

function cli(args) {
  const t = performance.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { ms: performance.now() - t, stdout: r.stdout, stderr: r.stderr, status: r.status };
}

const files = filesUnder(folder);
const report = JSON.parse(cli(['lint', '--format', 'json', ...files]).stdout);
const lint = [], start = [];
for (let i = 0; i < RUNS; i++) {
  start.push(cli(['--version']).ms);
  lint.push(cli(['lint', ...files]).ms);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The host text a diagnostic range covers (one line at most), to judge it by. */
function textAt(file, range) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const { start: s, end: e } = range;
  const line = lines[s.line] ?? '';
  return (s.line === e.line ? line.slice(s.character, e.character) : line.slice(s.character)).trim().slice(0, 100);
}

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };
const byType = {}, byCode = {}, findings = [];
let templates = 0, policies = 0;
for (const f of report) {
  if (f.policies) templates++;
  for (const p of f.policies ?? []) { policies++; byType[p.policyType] = (byType[p.policyType] ?? 0) + 1; }
  for (const d of f.diagnostics ?? []) {
    const sev = typeof d.severity === 'number' ? SEVERITY[d.severity] : d.severity;
    byCode[`${sev} ${d.code}`] = (byCode[`${sev} ${d.code}`] ?? 0) + 1;
    if (sev === 'error' || sev === 'warning') {
      findings.push({ file: relative(folder, f.file), line: d.range.start.line + 1, col: d.range.start.character + 1, severity: sev, code: d.code, text: textAt(f.file, d.range), message: d.message });
    }
  }
}

let recall;
const expectedFile = join(folder, 'expected.json');
if (existsSync(expectedFile)) {
  const expected = JSON.parse(readFileSync(expectedFile, 'utf8'));
  const rows = Object.entries(expected).map(([file, want]) => {
    const entry = report.find((f) => relative(folder, f.file) === file);
    return { file, expected: want, found: entry?.policies?.length ?? 0 };
  });
  const want = rows.reduce((s, r) => s + r.expected, 0);
  const got = rows.reduce((s, r) => s + Math.min(r.found, r.expected), 0);
  recall = { files: rows.length, expected: want, found: got, ratio: want ? got / want : 1, misses: rows.filter((r) => r.found < r.expected), extra: rows.filter((r) => r.found > r.expected) };
}

const summary = {
  folder, files: files.length, templates, policies, byType, byCode,
  errors: findings.filter((f) => f.severity === 'error').length,
  warnings: findings.filter((f) => f.severity === 'warning').length,
  timing: { runs: RUNS, lintMs: median(lint), versionMs: median(start), ratio: median(lint) / median(start), perFileMs: median(lint) / Math.max(1, files.length) },
  recall, findings,
};

if (argv.includes('--json')) { console.log(JSON.stringify(summary, null, 2)); process.exit(0); }
const out = [
  `${files.length} files under ${folder}: ${templates} read as templates, ${policies} policies (${Object.entries(byType).map(([t, n]) => `${n} ${t}`).join(', ')})`,
  `diagnostics by severity and code: ${Object.entries(byCode).sort().map(([c, n]) => `${c} ×${n}`).join(', ') || 'none'}`,
  `lint over the folder: ${summary.timing.lintMs.toFixed(0)} ms median of ${RUNS} (${summary.timing.perFileMs.toFixed(1)} ms a file); baseline \`--version\` ${summary.timing.versionMs.toFixed(0)} ms; ratio ${summary.timing.ratio.toFixed(2)}x`,
];
if (recall) {
  out.push(`recall against ${expectedFile}: ${recall.found}/${recall.expected} policies (${(recall.ratio * 100).toFixed(1)}%) in ${recall.files} files`);
  for (const m of recall.misses) out.push(`  missed: ${m.file}: found ${m.found} of ${m.expected}`);
  for (const m of recall.extra) out.push(`  more than counted: ${m.file}: found ${m.found}, counted ${m.expected}`);
}
out.push(`${summary.errors} error(s), ${summary.warnings} warning(s):`);
for (const f of findings) out.push(`  ${f.file}:${f.line}:${f.col} ${f.severity} ${f.code} at \`${f.text}\`: ${f.message.slice(0, 140)}`);
console.log(out.join('\n'));
