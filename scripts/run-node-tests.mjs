// Runs node:test files (*.test.ts) under the given folders with tsx, in parallel processes.
// usage: node scripts/run-node-tests.mjs DIR|FILE ... [-- extra node --test flags]
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const sep = args.indexOf('--');
const targets = sep >= 0 ? args.slice(0, sep) : args;
const extra = sep >= 0 ? args.slice(sep + 1) : [];
const files = [];
const walk = (p) => {
  if (statSync(p).isDirectory()) for (const f of readdirSync(p).sort()) walk(join(p, f));
  else if (/\.test\.ts$/.test(p)) files.push(p);
};
for (const t of targets.length ? targets : ['test/unit']) walk(t);
if (!files.length) { console.error(`no test files under ${targets.join(' ')}`); process.exit(1); }
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...extra, ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
