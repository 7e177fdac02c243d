// IAM model benchmark (issue 11), from outside on the user's path: the CLI as a process (`iam-policy access`) and a
// fresh language server over stdio (iamPolicy/modelList, iamPolicy/effectivePermissions). Targets: load an export of
// 1,000 users and 1,000 roles in ≤ 300 ms; effective permissions of one principal over the whole catalog in ≤ 1 s.
// Baselines from the same run: `iam-policy --version` (process start, catalog and managed policies read) for the CLI,
// and the same request on the small seed-world model for the server. Also the loader in-process, for reference.
// Run: npm run bench:model (builds nothing: run `node scripts/build.mjs` first).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadModel } from '../server/src/core/model/load';
import { loadManagedPolicies } from '../server/src/node/modelFiles';
import type { EffectivePermissionsResult, ModelListResult } from '../server/src/protocol';
import { generateExport } from '../test/fixtures/authzExport';
import { LspClient } from '../test/server/lspClient';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const root = join(__dirname, '..');
const CLI = join(root, 'dist', 'cli.js');
const SEED = join(root, 'examples', 'model', 'seed-world.iam-model.json');
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const ms = (x: number) => `${x.toFixed(0)} ms`;

function timeCli(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const t = performance.now() - t0;
  if (r.status !== 0) throw new Error(`iam-policy ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return t;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'iam-model-bench-'));
  const exportFile = join(dir, 'big.authz.json');
  const exportText = JSON.stringify(generateExport({ users: 1000, roles: 1000 }), null, 2);
  writeFileSync(exportFile, exportText);
  const adminFile = join(dir, 'admin.iam-model.json');
  writeFileSync(adminFile, JSON.stringify({ id: '123456789012', users: { admin: { policies: ['arn:aws:iam::aws:policy/AdministratorAccess'] } } }));
  const lines: string[] = [];
  const row = (what: string, value: number, baseline: number, target: string) =>
    lines.push(`| ${what} | ${ms(value)} | ${ms(baseline)} | ${(value / baseline).toFixed(2)}× | ${ms(value - baseline)} | ${target} |`);

  // ---- CLI as a process, interleaved rounds
  const version: number[] = [], seedAccess: number[] = [], bigAccess: number[] = [], admin: number[] = [];
  timeCli(['--version']);
  for (let i = 0; i < RUNS; i++) {
    version.push(timeCli(['--version']));
    seedAccess.push(timeCli(['access', 'user/Hoge', '--model', SEED, '--service', 'sts']));
    bigAccess.push(timeCli(['access', 'user/user7', '--model', exportFile, '--service', 'sts']));
    admin.push(timeCli(['access', 'user/admin', '--model', adminFile, '--format', 'json']));
  }

  // ---- a fresh language server per round
  const listBig: number[] = [], listSeed: number[] = [], permsAdmin: number[] = [], permsSeed: number[] = [];
  const bigUri = pathToFileURL(exportFile).toString(), seedUri = pathToFileURL(SEED).toString(), adminUri = pathToFileURL(adminFile).toString();
  let users = 0, actions = 0;
  for (let i = 0; i < RUNS; i++) {
    // the generated exports and the seed model are workspace files, as in VS Code (the server reads model files only
    // inside the workspace folders)
    const lsp = await LspClient.start({ workspaceFolders: [pathToFileURL(dir).toString(), pathToFileURL(join(root, 'examples')).toString()] });
    let t0 = performance.now();
    await lsp.request<ModelListResult>('iamPolicy/modelList', { uris: [seedUri] });
    listSeed.push(performance.now() - t0);
    t0 = performance.now();
    const big = await lsp.request<ModelListResult>('iamPolicy/modelList', { uris: [bigUri] });
    listBig.push(performance.now() - t0);
    users = big.accounts[0].users.length + big.accounts[0].roles.length;
    t0 = performance.now();
    await lsp.request<EffectivePermissionsResult>('iamPolicy/effectivePermissions', { model: { uris: [seedUri] }, principal: 'user/Hoge', service: 'sts' });
    permsSeed.push(performance.now() - t0);
    t0 = performance.now();
    const all = await lsp.request<EffectivePermissionsResult>('iamPolicy/effectivePermissions', { model: { uris: [adminUri] }, principal: 'user/admin' });
    permsAdmin.push(performance.now() - t0);
    actions = all.actions.length;
    await lsp.stop();
  }

  // ---- the loader in-process (no process start, no listing): for reference
  const managed = loadManagedPolicies(join(root, 'server', 'data'));
  const seedText = readFileSync(SEED, 'utf8');
  const loadBig: number[] = [], loadSeed: number[] = [];
  for (let i = 0; i < RUNS + 3; i++) {
    let t0 = performance.now();
    loadModel([{ name: 'seed', text: seedText }], { managed });
    loadSeed.push(performance.now() - t0);
    t0 = performance.now();
    loadModel([{ name: 'big', text: exportText }], { managed });
    loadBig.push(performance.now() - t0);
  }

  console.log(`Generated export: 1,000 users + 1,000 roles (${users} principals listed), ${(exportText.length / 1024 / 1024).toFixed(1)} MB; whole catalog for AdministratorAccess: ${actions.toLocaleString('en-US')} actions. Medians of ${RUNS} interleaved rounds.`);
  console.log('');
  console.log('| measurement | time | baseline | ratio | difference | target |');
  console.log('|---|---|---|---|---|---|');
  row('CLI `access user7 --model export --service sts` (process, load 1k+1k export) vs `--version`', median(bigAccess), median(version), 'load ≤ 300 ms');
  row('CLI `access user7 --model export` vs the same on the seed model', median(bigAccess), median(seedAccess), 'load ≤ 300 ms');
  row('LSP `iamPolicy/modelList` on the 1k+1k export (fresh server) vs on the seed model', median(listBig), median(listSeed), 'load ≤ 300 ms');
  row('loadModel in-process: 1k+1k export vs seed model', median(loadBig), median(loadSeed), 'load ≤ 300 ms');
  row('CLI `access admin --format json` (AdministratorAccess, whole catalog) vs `--version`', median(admin), median(version), '≤ 1 s');
  row('LSP `iamPolicy/effectivePermissions` AdministratorAccess vs seed user, sts only (fresh server)', median(permsAdmin), median(permsSeed), '≤ 1 s');
  for (const l of lines) console.log(l);
}

main().catch((e) => { console.error(e); process.exit(1); });
