// The npm package as a CI user gets it: `npm pack` (prepack builds dist/), the tarball installed into an empty project
// with no network and an empty npm cache, then `npx iam-policy lint` and `test` there, and the pre-commit hooks' entries
// run the way pre-commit runs them (entry + matching file names). Also checks the tarball against the `files`
// whitelist and reports its size. Runs in the `cli-package` layer of scripts/test-all.mjs.
import { strict as assert } from 'node:assert';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse as load } from 'yaml';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; files: string[]; bin: Record<string, string> };
/** What the tarball must hold, no more: the bundles that run, the data they load, README, LICENSE, notices. */
const EXPECTED = ['LICENSE', 'README.ja.md', 'README.md', 'THIRD_PARTY_NOTICES.md', 'dist/cli.js', 'dist/data/aws-managed-policies.json', 'dist/data/iam-catalog.descriptions.json',
  'dist/data/iam-catalog.json', 'dist/data/tree-sitter-terraform.wasm', 'dist/data/web-tree-sitter.wasm', 'dist/server.js', 'l10n/bundle.l10n.ja.json', 'package.json'];
// the bundles, the catalog with its descriptions, every AWS managed policy and the Terraform parser (WASM) come to
// about 1.5 MB packed; the limit leaves room for docs, not for another data set added by accident
const MAX_TARBALL_BYTES = 2 * 1024 * 1024;

const work = mkdtempSync(join(tmpdir(), 'iam-npm-'));
const project = join(work, 'consumer');
// an npm cache of its own, empty: whatever the install needs must come from the tarball
const npmEnv = { ...process.env, npm_config_cache: join(work, 'npm-cache'), npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', GITHUB_ACTIONS: '' };
let packed: { filename: string; size: number; unpackedSize: number; entryCount: number; files: { path: string; size: number }[] };

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = npmEnv): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: 120_000 });
}

const globToRegExp = (g: string) => new RegExp('^' + g.replace(/[.+^$()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*') + '$');

describe('the npm package', () => {
  before(() => {
    const p = run('npm', ['pack', '--json', '--pack-destination', work], root);
    assert.equal(p.status, 0, p.stderr);
    // prepack's build prints its line first; the JSON array follows
    [packed] = JSON.parse(p.stdout.slice(p.stdout.indexOf('['))) as (typeof packed)[];
    cpSync(join(root, 'examples'), join(project, 'examples'), { recursive: true });
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
    const i = run('npm', ['install', '--offline', '--no-audit', '--no-fund', join(work, packed.filename)], project);
    assert.equal(i.status, 0, `offline install of the tarball failed:\n${i.stdout}${i.stderr}`);
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('holds exactly the whitelisted files, within the size limit', (t) => {
    const files = packed.files.map((f) => f.path).sort();
    t.diagnostic(`${packed.filename}: ${(packed.size / 1024).toFixed(0)} KiB packed, ${(packed.unpackedSize / 1024).toFixed(0)} KiB unpacked, ${packed.entryCount} files`);
    assert.deepEqual(files, EXPECTED, 'the tarball differs from the whitelist; change package.json "files" (and this list) on purpose only');
    const allowed = [...pkg.files, 'package.json'].map(globToRegExp);
    for (const f of files) assert.ok(allowed.some((re) => re.test(f)), `${f} is not named by package.json "files"`);
    for (const pattern of pkg.files) assert.ok(files.some((f) => globToRegExp(pattern).test(f)), `"files" entry ${pattern} matches nothing in the tarball`);
    assert.ok(packed.size < MAX_TARBALL_BYTES, `tarball is ${packed.size} bytes, over ${MAX_TARBALL_BYTES}`);
  });

  it('installs offline with nothing but itself: no dependencies', () => {
    const installed = JSON.parse(readFileSync(join(project, 'node_modules', pkg.name, 'package.json'), 'utf8')) as { dependencies?: object };
    assert.equal(installed.dependencies, undefined, 'the bundles carry their dependencies; the package must declare none');
    assert.deepEqual(readdirSync(join(project, 'node_modules')).filter((d) => !d.startsWith('.')), [pkg.name]);
    assert.deepEqual(Object.keys(pkg.bin), ['iam-policy']);
  });

  it('runs `npx iam-policy lint` in the new project: findings, exit 1, --quiet and --fail-on', () => {
    const r = run('npx', ['--offline', 'iam-policy', 'lint', 'examples/policies/app-read-s3.policy.json', 'examples/policies/region-guard.scp.json'], project);
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /^examples\/policies\/app-read-s3\.policy\.json:22:17: error IAM201: Unknown service "dyanmodb"/m);
    assert.match(r.stdout, /^2 file\(s\) checked: 1 error\(s\), 0 warning\(s\)$/m);
    const clean = run('npx', ['--offline', 'iam-policy', 'lint', '--quiet', '--fail-on', 'warning', 'examples/policies/region-guard.scp.json'], project);
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);
    assert.equal(clean.stdout, '1 file(s) checked: 0 error(s), 0 warning(s)\n');
    const version = run('npx', ['--offline', 'iam-policy', '--version'], project);
    assert.match(version.stdout, /^iam-policy, /);
  });

  it('runs `npx iam-policy test` in the new project', () => {
    const r = run('npx', ['--offline', 'iam-policy', 'test', 'examples/scenarios/app-reads-reports.scenario.json'], project);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^3 passed, 0 failed$/m);
  });

  it('runs the pre-commit hooks as pre-commit does: the entry on PATH, the staged files its `files` regex selects', () => {
    const hooks = load(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string }[];
    assert.deepEqual(hooks.map((h) => h.id), ['iam-policy-lint', 'iam-policy-test']);
    const staged = [...readdirSync(join(project, 'examples', 'policies')).map((f) => `examples/policies/${f}`), 'examples/scenarios/app-reads-reports.scenario.json', 'package.json'];
    // `npm install -g` of the tarball puts the bin on PATH; the local install's .bin stands in for it
    const env = { ...npmEnv, PATH: `${join(project, 'node_modules', '.bin')}${delimiter}${process.env.PATH}` };
    const runHook = (id: string) => {
      const hook = hooks.find((h) => h.id === id)!;
      assert.equal(hook.language, 'node');
      const files = staged.filter((f) => new RegExp(hook.files).test(f));
      const [cmd, ...args] = hook.entry.split(' ');
      return { files, r: run(cmd, [...args, ...files], project, env) };
    };
    const lint = runHook('iam-policy-lint');
    assert.deepEqual(lint.files, staged.filter((f) => f.startsWith('examples/policies/')), 'every example policy, no scenario, no package.json');
    assert.equal(lint.r.status, 1, 'the example with the typo fails the commit');
    assert.match(lint.r.stdout, /5 file\(s\) checked: 1 error\(s\)/);
    const test = runHook('iam-policy-test');
    assert.deepEqual(test.files, ['examples/scenarios/app-reads-reports.scenario.json']);
    assert.equal(test.r.status, 0, test.r.stdout + test.r.stderr);
  });
});
