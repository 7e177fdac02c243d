// Bundles the client, the server, the CLI and the GitHub Action's entry with esbuild; copies the catalog data next to them.
// usage: node scripts/build.mjs [--watch] [--dev]
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const watch = process.argv.includes('--watch');
const dev = watch || process.argv.includes('--dev');
const root = new URL('..', import.meta.url).pathname;

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: !dev,
  sourcemap: dev ? 'inline' : false,
  logLevel: 'warning',
  absWorkingDir: root,
  // jsonc-parser's UMD main build requires its internals dynamically; its ESM build bundles cleanly
  mainFields: ['module', 'main'],
};
const configs = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // the GitHub Action's entry (action.yml); neither the .vsix nor the npm package ships it
  { ...common, entryPoints: ['server/src/action.ts'], outfile: 'dist/action.js' },
];

function copyData() {
  mkdirSync(join(root, 'dist/data'), { recursive: true });
  for (const f of readdirSync(join(root, 'server/data'))) {
    if (f.endsWith('.json')) cpSync(join(root, 'server/data', f), join(root, 'dist/data', f));
  }
}

copyData();
if (watch) {
  for (const c of configs) await (await esbuild.context(c)).watch();
  console.log('watching client/, server/ ...');
} else {
  const t0 = Date.now();
  await Promise.all(configs.map((c) => esbuild.build(c)));
  console.log(`bundled dist/extension.js, dist/server.js, dist/cli.js, dist/action.js in ${Date.now() - t0} ms`);
}
