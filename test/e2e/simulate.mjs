// UI test of the Simulate Request panel in the real workbench: code-server in headless Debian Chromium with the
// extension loaded from this checkout (development mode, dist/ as built). Opens an example policy, runs
// "IAM Policy: Simulate Request…", fills the request in the webview, sees Allowed, types a Deny statement into the
// policy and sees ExplicitlyDenied naming that statement. Works on a copy of examples/, so nothing in the repo changes.
// Screenshots: simulate-allowed.png, simulate-denied.png in test-results/screenshots (or --shots DIR; the README's
// come from --shots docs/screenshots).
// usage: node test/e2e/simulate.mjs [--shots DIR]      (needs node scripts/build.mjs and bash scripts/host/install.sh)
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createSteps, shotsDir } from './steps.mjs';
import { freshProfile, launchChromium, startCodeServer } from '../../scripts/host/codeServer.mjs';

const root = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
const argv = process.argv.slice(2);
const shots = shotsDir(root, argv);

const S = createSteps(shots, 'fail-simulate-');
const { step, until } = S;
let page;

async function main() {
  if (!existsSync(join(root, 'dist/extension.js'))) throw new Error('dist/extension.js is missing: run `node scripts/build.mjs` first');
  mkdirSync(shots, { recursive: true });
  const profile = freshProfile('ui-simulate-');
  const folder = join(profile.dir, 'examples');
  cpSync(join(root, 'examples'), folder, { recursive: true });
  let server, browser;
  const t0 = Date.now();
  try {
    server = await startCodeServer({ folder, profile, smokeTestDriver: true });
    browser = await launchChromium();
    page = await S.openDevWorkbench(browser, server, root, folder, { width: 1500, height: 950 });
    console.log(`  workbench up after ${Date.now() - t0} ms`);
    const webview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');

    await step('open policies/app-read-s3.policy.json', async () => {
      await S.quickOpen('app-read-s3.policy.json', 's3:GetObject');
    });
    // room for the editor and the panel: no primary side bar (layout only, not a test step)
    await page.keyboard.press('Control+B').catch(() => {});

    await step('a "Simulate" CodeLens shows above each statement', async () => {
      await page.locator('.monaco-editor .codelens-decoration', { hasText: 'Simulate s3:GetObject' }).first().waitFor({ timeout: 45_000 });
    });

    await step('"IAM Policy: Simulate Request…" opens the panel with the policy as an identity policy', async () => {
      await until(async () => {
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+Shift+P');
        await page.locator('.quick-input-widget input').fill('>IAM Policy: Simulate Request', { timeout: 5000 });
        await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Simulate Request' }).first().waitFor({ timeout: 5000 });
      });
      await page.keyboard.press('Enter');
      await webview.locator('fieldset.slot', { hasText: 'Identity policies' }).locator('text=app-read-s3.policy.json').waitFor({ timeout: 45_000 });
    });

    await step('fill the request: the panel shows Allowed and the deciding statement', async () => {
      await webview.locator('#principal').fill('arn:aws:sts::111122223333:assumed-role/app-role/session-1');
      await webview.locator('#action').fill('s3:GetObject');
      await webview.locator('#resource').fill('arn:aws:s3:::acme-reports/2026/q3.csv');
      await webview.locator('#decision', { hasText: 'Allowed' }).waitFor();
      await webview.locator('#deciding', { hasText: '"ReadReports"' }).waitFor();
      assert.equal(await webview.locator('#decision').innerText(), 'Allowed');
      await webview.locator('#decision').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shots, 'simulate-allowed.png') });
    });

    await step('type a Deny statement into the policy: the panel shows ExplicitlyDenied naming it', async () => {
      await page.locator('.monaco-editor .view-line', { hasText: '"Statement": [' }).first().click();
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      // insertText bypasses auto-closing of quotes and brackets
      await page.keyboard.insertText('{ "Sid": "DenyReportReads", "Effect": "Deny", "Action": "s3:Get*", "Resource": "*" },');
      await page.keyboard.press('Home');
      await webview.locator('#decision', { hasText: 'Explicitly denied' }).waitFor();
      await webview.locator('#deciding', { hasText: '"DenyReportReads"' }).waitFor();
      await webview.locator('#decision').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shots, 'simulate-denied.png') });
    });

    await step('clicking the deciding statement reveals it in the editor', async () => {
      await webview.locator('#deciding button', { hasText: '"DenyReportReads"' }).click();
      await until(async () => {
        const sel = await page.locator('.statusbar-item', { hasText: /Ln \d+, Col \d+/ }).first().innerText();
        assert.match(sel, /Ln 4, Col \d+/, sel);
      }, 10_000, 500);
    });
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    profile.cleanup();
  }
  console.log(`${S.passed} passed, ${S.failed} failed`);
  console.log(`simulate UI run took ${Date.now() - t0} ms`);
  return S.failed ? 1 : 0;
}

main().then((code) => process.exit(code), (e) => { console.error(e); console.log(`${S.passed} passed, ${S.failed + 1} failed`); process.exit(1); });
