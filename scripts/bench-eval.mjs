// npm run bench:eval: our evaluator's decide() against @cloud-copilot/iam-simulate's runSimulation (installed only in
// bench/oracle), same scenarios, one run. Starts node with tsx (to load the TypeScript sources), --expose-gc and a
// large young generation so heap bytes per call can be measured without a collection in between.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(root, 'bench', 'oracle', 'node_modules', '@cloud-copilot', 'iam-simulate'))) {
  console.error('note: the peer is not installed; run `(cd bench/oracle && npm ci)` to compare against it. Measuring ours only.');
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', '--max-semi-space-size=256', join(root, 'bench', 'eval.bench.ts')], { stdio: 'inherit', cwd: root });
process.exit(r.status ?? 1);
