// Runs the integration suite (test/integration, mocha) inside a real VS Code extension host.
//   --host code-server  (default here) code-server on Node 24 + headless Debian Chromium with the smoke-test driver;
//                       the suite's exit code arrives through window.codeAutomationExit.
//   --host electron     @vscode/test-electron runTests: VS Code desktop from VSCODE_EXECUTABLE, or downloaded by
//                       test-electron (needs internet; default when VSCODE_EXECUTABLE is set).
//   --negative-control  adds a spec that fails on purpose: the run must exit non-zero.
// Needs the bundles (node scripts/build.mjs) and, for code-server, the host (bash scripts/host/install.sh).
// usage: node scripts/host/run-integration.mjs [--host code-server|electron] [--negative-control]
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import util from 'node:util';
import { buildIntegrationTests } from './build-tests.mjs';
import { freshProfile, installLocalePack, launchChromium, startCodeServer } from './codeServer.mjs';

const root = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
const argv = process.argv.slice(2);
const hostArg = argv.includes('--host') ? argv[argv.indexOf('--host') + 1] : undefined;
const host = hostArg ?? (process.env.VSCODE_EXECUTABLE ? 'electron' : 'code-server');
const negative = argv.includes('--negative-control');
// --locale ja: code-server in Japanese, running only the suites for that locale (test/integration/japanese.test.ts)
const locale = argv.includes('--locale') ? argv[argv.indexOf('--locale') + 1] : undefined;
const workspace = join(root, 'test/fixtures/workspace');
const TIMEOUT_MS = Number(process.env.IAM_TEST_TIMEOUT_MS || 300_000);
const extensionEnv = { ...(negative ? { IAM_TEST_NEGATIVE_CONTROL: '1' } : {}), ...(locale ? { IAM_TEST_LOCALE: locale } : {}) };

if (!existsSync(join(root, 'dist/extension.js')) || !existsSync(join(root, 'dist/server.js'))) {
  console.error('dist/extension.js or dist/server.js is missing: run `node scripts/build.mjs` first');
  process.exit(2);
}
const testsPath = await buildIntegrationTests();
const t0 = Date.now();
let code;
if (host === 'electron') code = await runElectron();
else if (host === 'code-server') code = await runCodeServer();
else { console.error(`unknown --host ${hostArg}: use code-server or electron`); process.exit(2); }
console.log(`[integration] ${host}: exit ${code} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
process.exit(code);

async function runElectron() {
  const { runTests } = await import('@vscode/test-electron');
  try {
    await runTests({
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
      extensionDevelopmentPath: root,
      extensionTestsPath: testsPath,
      extensionTestsEnv: extensionEnv,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
    return 0;
  } catch (e) {
    console.error(`[integration] ${e.message ?? e}`);
    return 1;
  }
}

async function runCodeServer() {
  const profile = freshProfile('integration-');
  let server, browser, keep = false;
  // the profile (with code-server.log) is kept when the run did not produce a result
  const cleanup = async () => { await browser?.close().catch(() => {}); await server?.stop(); if (!keep) profile.cleanup(); };
  for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, () => void cleanup().then(() => process.exit(130)));
  try {
    if (locale) installLocalePack(profile, locale);
    server = await startCodeServer({ folder: workspace, profile, smokeTestDriver: true, locale });
    const authority = `127.0.0.1:${server.port}`;
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${authority}${root}`],
      ['extensionTestsPath', `vscode-remote://${authority}${testsPath}`],
    ];
    if (Object.keys(extensionEnv).length) payload.push(['extensionEnvironment', JSON.stringify(extensionEnv)]);
    const url = `${server.url}?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    browser = await launchChromium();
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
    let done;
    const exited = new Promise((r) => (done = r));
    // The workbench calls these (IAutomatedWindow) while it runs extension tests; workbench chatter is dropped.
    const NOISE = /^\[(AgentHost|ChatModelSelection|AccountPolicyGate|Service Worker)|^(Creating a socket|Resolv|Updating additional|Ignoring fetching additional builtin|\[reconnection-grace-time\])/;
    await page.exposeFunction('codeAutomationLog', (_type, args) => {
      const line = util.format(...args);
      if (process.env.VERBOSE || !NOISE.test(line)) console.log(line);
    });
    await page.exposeFunction('codeAutomationExit', (c) => done(c));
    await page.goto(url);
    const result = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), TIMEOUT_MS))]);
    if (result === 'timeout') {
      keep = true;
      const shot = join(profile.dir, '..', 'integration-timeout.png');
      await page.screenshot({ path: shot });
      console.log(`[integration] no result within ${TIMEOUT_MS / 1000} s (screenshot ${shot}, code-server log ${server.logFile})`);
      console.log('0 passed, 1 failed');
      return 1;
    }
    return result === 0 ? 0 : 1;
  } catch (e) {
    keep = true;
    console.error(`[integration] ${e.stack ?? e}`);
    console.log('0 passed, 1 failed');
    return 1;
  } finally {
    await cleanup();
  }
}
