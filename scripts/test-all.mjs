// npm test: every test layer in order, each layer's time, and ONE closing line `N passed, N failed` (the sum over
// layers) as the last line; exits non-zero when anything failed. No layer is skipped silently: a host that cannot
// be installed is a failure.
//
// Layers: typecheck, catalog (catalog:check), managed-policies (managed-policies:check), build, unit (test/unit), server (test/server, LSP over stdio),
// package (.vsix), cli-package (the npm package packed, installed offline into a temp project and run there; the
// pre-commit hooks and the GitHub Action's entry as processes), host (idempotent code-server install), integration
// (mocha in code-server's extension host), integration-ja (the same in a Japanese host), ui (headless Chromium on code-server with the installed .vsix), ui-simulate, ui-templates, ui-roles, ui-graph and ui-ja
// (headless Chromium, extension from dist/ in development mode).
//
// usage: node scripts/test-all.mjs                       everything (what CI runs)
//        node scripts/test-all.mjs --only unit,server    chosen layers, plus the layers they need
//                                                        (server needs build; integration needs build, host;
//                                                         ui needs package, host)
//        npm test -- --only integration
import { spawn } from 'node:child_process';

const LAYERS = [
  { name: 'typecheck', cmd: ['npx', 'tsc', '--noEmit', '-p', '.'] },
  { name: 'catalog', cmd: ['node', 'scripts/build-catalog.mjs', '--check'] },
  { name: 'managed-policies', cmd: ['node', 'scripts/build-managed-policies.mjs', '--check'] },
  { name: 'build', cmd: ['node', 'scripts/build.mjs'] },
  { name: 'unit', cmd: ['node', 'scripts/run-node-tests.mjs', 'test/unit'], counts: 'node:test' },
  { name: 'server', cmd: ['node', 'scripts/run-node-tests.mjs', 'test/server'], counts: 'node:test', needs: ['build'] },
  { name: 'package', cmd: ['node', 'scripts/package.mjs'] },
  // one file at a time: npm pack's prepack rebuilds dist/, which the other file runs
  { name: 'cli-package', cmd: ['node', 'scripts/run-node-tests.mjs', 'test/cli-package', '--', '--test-concurrency=1'], counts: 'node:test', needs: ['build'] },
  { name: 'host', cmd: ['bash', 'scripts/host/install.sh'] },
  { name: 'integration', cmd: ['node', 'scripts/host/run-integration.mjs', '--host', 'code-server'], counts: 'summary', needs: ['build', 'host'] },
  // the same host with VS Code's display language set to Japanese (issue 15): test/integration/japanese.locale.ts
  { name: 'integration-ja', cmd: ['node', 'scripts/host/run-integration.mjs', '--host', 'code-server', '--locale', 'ja'], counts: 'summary', needs: ['build', 'host'] },
  { name: 'ui', cmd: ['node', 'test/e2e/ui-smoke.mjs'], counts: 'summary', needs: ['package', 'host'] },
  { name: 'ui-simulate', cmd: ['node', 'test/e2e/simulate.mjs'], counts: 'summary', needs: ['build', 'host'] },
  { name: 'ui-ja', cmd: ['node', 'test/e2e/ui-ja.mjs'], counts: 'summary', needs: ['build', 'host'] },
  { name: 'ui-templates', cmd: ['node', 'test/e2e/templates.mjs'], counts: 'summary', needs: ['build', 'host'] },
  // AssumeRole vs PassRole (issue 12): the hovers, the who-can-assume report and a flow in the panel; the README's screenshots
  { name: 'ui-roles', cmd: ['node', 'test/e2e/roles.mjs'], counts: 'summary', needs: ['build', 'host'] },
  { name: 'ui-graph', cmd: ['node', 'test/e2e/graph.mjs'], counts: 'summary', needs: ['build', 'host'] },
];

const root = new URL('..', import.meta.url).pathname;
const argv = process.argv.slice(2);
const onlyArg = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : argv.find((a) => a.startsWith('--only='))?.slice(7);
let selected = LAYERS;
if (onlyArg) {
  const wanted = new Set(onlyArg.split(',').map((s) => s.trim()).filter(Boolean));
  const unknown = [...wanted].filter((w) => !LAYERS.some((l) => l.name === w));
  if (unknown.length) {
    console.error(`unknown layer(s): ${unknown.join(', ')}; layers: ${LAYERS.map((l) => l.name).join(', ')}`);
    process.exit(2);
  }
  for (const l of LAYERS) if (wanted.has(l.name)) for (const n of l.needs ?? []) wanted.add(n);
  selected = LAYERS.filter((l) => wanted.has(l.name));
  console.log(`test-all: layers ${selected.map((l) => l.name).join(', ')} (--only ${onlyArg} and what it needs)`);
}

const SUMMARY = /^\s*(\d+) passed, (\d+) failed\s*$/;

/** Runs one layer, echoing its output; a child's own summary line is reworded so the closing line stays unique. */
function runLayer(layer) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(layer.cmd[0], layer.cmd.slice(1), { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let pass = 0, fail = 0, sawCount = false, buf = '';
    const onLine = (line) => {
      const m = SUMMARY.exec(line);
      if (m && layer.counts === 'summary') {
        pass = Number(m[1]); fail = Number(m[2]); sawCount = true;
        console.log(`[${layer.name}] result: passed=${pass} failed=${fail}`);
        return;
      }
      if (layer.counts === 'node:test') {
        const p = /^# pass (\d+)$/.exec(line), f = /^# fail (\d+)$/.exec(line);
        if (p) { pass += Number(p[1]); sawCount = true; }
        if (f) { fail += Number(f[1]); sawCount = true; }
      }
      console.log(line);
    };
    const feed = (d) => {
      buf += d.toString();
      const lines = buf.split('\n');
      buf = lines.pop();
      for (const l of lines) onLine(l);
    };
    child.stdout.on('data', feed);
    child.stderr.on('data', feed);
    child.on('error', (e) => { console.log(`[${layer.name}] could not start ${layer.cmd[0]}: ${e.message}`); });
    child.on('close', (code) => {
      if (buf) onLine(buf);
      const ok = code === 0;
      if (!layer.counts) { pass = ok ? 1 : 0; fail = ok ? 0 : 1; }
      // a crash or a non-zero exit without counted failures still fails the layer
      else if (!ok && fail === 0) fail = 1;
      else if (ok && !sawCount) { fail = 1; console.log(`[${layer.name}] exited 0 but printed no test counts`); }
      resolve({ name: layer.name, code, pass, fail, ms: Date.now() - t0 });
    });
  });
}

const results = [];
const t0 = Date.now();
for (const layer of selected) {
  console.log(`\n=== ${layer.name}: ${layer.cmd.join(' ')}`);
  const r = await runLayer(layer);
  results.push(r);
  console.log(`=== ${layer.name}: ${r.fail ? 'FAILED' : 'ok'} (${r.pass} passed, ${r.fail} failed) in ${(r.ms / 1000).toFixed(1)} s`);
}

console.log('\n=== summary');
for (const r of results) {
  console.log(`  ${r.name.padEnd(12)} ${r.fail ? 'FAIL' : 'ok  '} ${String(r.pass).padStart(5)} passed ${String(r.fail).padStart(3)} failed ${(r.ms / 1000).toFixed(1).padStart(7)} s`);
}
console.log(`  total ${((Date.now() - t0) / 1000).toFixed(1)} s`);
const pass = results.reduce((s, r) => s + r.pass, 0);
const fail = results.reduce((s, r) => s + r.fail, 0);
console.log(`${pass} passed, ${fail} failed`);
process.exit(fail ? 1 : 0);
