// Compiles the integration suite (test/integration/*.ts) with esbuild to out/test/integration/*.js, the
// extensionTestsPath the VS Code extension host loads. `vscode` and `mocha` stay external (host / node_modules).
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
export const OUT_DIR = join(root, 'out/test/integration');

export async function buildIntegrationTests() {
  const entryPoints = readdirSync(join(root, 'test/integration')).filter((f) => f.endsWith('.ts')).map((f) => `test/integration/${f}`);
  await esbuild.build({
    absWorkingDir: root, entryPoints, outdir: 'out/test/integration', bundle: true, platform: 'node', target: 'node20',
    format: 'cjs', sourcemap: 'inline', external: ['vscode', 'mocha'], logLevel: 'warning',
  });
  return join(OUT_DIR, 'index.js');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`built ${await buildIntegrationTests()}`);
}
