// npm run package: production bundles, then a .vsix with @vscode/vsce (offline). The bundles already contain every
// runtime dependency, so node_modules stays out (--no-dependencies); .vscodeignore whitelists what ships.
// package.json's `files` is the npm package's whitelist (the CLI), and vsce refuses a folder that has both, so vsce runs
// in a staging folder holding what .vscodeignore names and a package.json without `files`.
// Fails when the .vsix is over 3 MB or holds sources, tests, maps or node_modules (the webview's script and styles
// ship as dist/webview/, bundled).
// usage: node scripts/package.mjs [--out FILE]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const argv = process.argv.slice(2);
const out = resolve(argv.includes('--out') ? argv[argv.indexOf('--out') + 1] : join(root, `${pkg.name}-${pkg.version}.vsix`));
const MAX_BYTES = 3 * 1024 * 1024;
const FORBIDDEN = [/(^|\/)node_modules\//, /\.ts$/, /\.map$/, /^extension\/(client|server|test|scripts|examples|bench|out|docs)\//, /\.vsix$/];

function run(cmd, args, cwd = root) {
  const r = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(r.stdout + r.stderr);
    throw new Error(`${cmd} ${args.join(' ')} failed with ${r.status}`);
  }
  return r.stdout;
}

const t0 = Date.now();
process.stdout.write(run(process.execPath, ['scripts/build.mjs']));

/** A folder with the top-level entries that .vscodeignore lets through, .vscodeignore itself and package.json minus `files`. */
function stage() {
  const dir = mkdtempSync(join(tmpdir(), 'iam-vsix-'));
  const ignore = readFileSync(join(root, '.vscodeignore'), 'utf8');
  const tops = new Set(ignore.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('!')).map((l) => l.slice(1).split('/')[0]));
  for (const t of tops) if (t !== 'package.json' && existsSync(join(root, t))) cpSync(join(root, t), join(dir, t), { recursive: true });
  cpSync(join(root, '.vscodeignore'), join(dir, '.vscodeignore'));
  const { files: _npmFiles, ...manifest } = pkg;
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  return dir;
}
const vsce = join(root, 'node_modules/@vscode/vsce/vsce');
const staging = stage();
try {
  run(process.execPath, [vsce, 'package', '--no-dependencies', '--no-update-package-json', '--no-git-tag-version', '--out', out], staging);
} finally {
  rmSync(staging, { recursive: true, force: true });
}

// vsce ls would re-resolve the file list from the folder; reading the zip itself shows what really ships
const listing = run('python3', ['-c', 'import sys, zipfile; [print(i.file_size, i.filename) for i in zipfile.ZipFile(sys.argv[1]).infolist()]', out])
  .trim().split('\n').map((l) => { const i = l.indexOf(' '); return { size: Number(l.slice(0, i)), name: l.slice(i + 1) }; });
const size = statSync(out).size;
console.log(`${relative(process.cwd(), out) || out}: ${(size / 1024).toFixed(0)} KiB, ${listing.length} files, packaged in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
for (const f of listing) console.log(`  ${String(f.size).padStart(9)}  ${f.name}`);

const problems = [];
if (size > MAX_BYTES) problems.push(`the .vsix is ${(size / 1048576).toFixed(2)} MB, over the 3 MB limit`);
for (const f of listing) if (FORBIDDEN.some((re) => re.test(f.name))) problems.push(`ships a file that must not: ${f.name}`);
for (const needed of ['extension/package.json', 'extension/dist/extension.js', 'extension/dist/server.js', 'extension/dist/cli.js',
  'extension/package.nls.json', 'extension/package.nls.ja.json', 'extension/l10n/bundle.l10n.ja.json']) {
  if (!listing.some((f) => f.name === needed)) problems.push(`missing ${needed}`);
}
if (!listing.some((f) => /^extension\/dist\/data\/.+\.json$/.test(f.name))) problems.push('missing the catalog data (extension/dist/data/*.json)');
if (problems.length) {
  for (const p of problems) console.error(`package: ${p}`);
  console.error('fix .vscodeignore (a whitelist) or the build, then run `npm run package` again');
  process.exit(1);
}
console.log('package: ok (size limit 3 MB; no sources, tests, maps or node_modules)');
