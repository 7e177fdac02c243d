// Bundles the client, the server, the CLI, the GitHub Action's entry and the webview script with esbuild; copies the
// catalog data next to them.
// usage: node scripts/build.mjs [--watch] [--dev]
import * as esbuild from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

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
  // web-tree-sitter's ESM build needs import.meta.url, which a CommonJS bundle lacks: take its CommonJS build
  alias: { 'web-tree-sitter': './node_modules/web-tree-sitter/web-tree-sitter.cjs' },
};
const configs = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // the GitHub Action's entry (action.yml); neither the .vsix nor the npm package ships it
  { ...common, entryPoints: ['server/src/action.ts'], outfile: 'dist/action.js' },
  // the Simulate Request webview: its script with @vscode-elements/elements bundled in, and its stylesheet
  {
    ...common, platform: 'browser', target: 'chrome120', format: 'iife', mainFields: ['browser', 'module', 'main'],
    entryPoints: ['client/webview/simulator/main.ts'], outfile: 'dist/webview/simulator.js',
  },
  // the graph of who can become whom: its script with dagre (the layout) bundled in, and its stylesheet
  {
    ...common, platform: 'browser', target: 'chrome120', format: 'iife', mainFields: ['browser', 'module', 'main'],
    entryPoints: ['client/webview/graph/main.ts'], outfile: 'dist/webview/graph.js',
  },
];

// the Terraform parser: tree-sitter's WASM runtime and the HCL/Terraform grammar, loaded at run time
const WASM = [
  'node_modules/web-tree-sitter/web-tree-sitter.wasm',
  'node_modules/@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm',
];

/**
 * Writes through a temporary file and a rename, so a process that runs dist/ while another build (tests build in
 * parallel) rewrites it sees the old file or the new one, never half of one.
 */
function writeAtomically(path, contents) {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, path);
}

function copyData() {
  mkdirSync(join(root, 'dist/data'), { recursive: true });
  for (const f of readdirSync(join(root, 'server/data'))) {
    if (f.endsWith('.json')) writeAtomically(join(root, 'dist/data', f), readFileSync(join(root, 'server/data', f)));
  }
  for (const w of WASM) writeAtomically(join(root, 'dist/data', w.split('/').pop()), readFileSync(join(root, w)));
  // the licences of what the webview bundle contains travel with it (the .vsix ships it; the npm package does not)
  mkdirSync(join(root, 'dist/webview'), { recursive: true });
  writeAtomically(join(root, 'dist/webview/THIRD_PARTY_NOTICES.md'), readFileSync(join(root, 'client/webview/THIRD_PARTY_NOTICES.md')));
}

copyData();
if (watch) {
  for (const c of configs) await (await esbuild.context(c)).watch();
  console.log('watching client/, server/ ...');
} else {
  const t0 = Date.now();
  const built = await Promise.all(configs.map((c) => esbuild.build({ ...c, write: false })));
  for (const r of built) for (const f of r.outputFiles) { mkdirSync(dirname(f.path), { recursive: true }); writeAtomically(f.path, f.contents); }
  console.log(`bundled dist/extension.js, dist/server.js, dist/cli.js, dist/action.js, dist/webview/simulator.js, dist/webview/graph.js in ${Date.now() - t0} ms`);
}
