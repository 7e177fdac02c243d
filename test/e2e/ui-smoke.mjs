// UI smoke test: the packaged extension (.vsix from `npm run package`) installed into code-server, the workbench
// rendered by headless Debian Chromium (playwright-core). Opens examples/policies/app-read-s3.policy.json via Quick
// Open, hovers s3:GetObject, triggers completion, reads the Problems panel, applies the quick fix for the typo.
// Screenshots go to test-results/screenshots/ (--shots docs/screenshots refreshes the README's).
// Every UI step retries until its element appears: the editor and the language server come up late.
// usage: node test/e2e/ui-smoke.mjs [--vsix FILE] [--shots DIR]     (needs bash scripts/host/install.sh)
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSteps, shotsDir } from './steps.mjs';
import { freshProfile, installVsix, launchChromium, startCodeServer } from '../../scripts/host/codeServer.mjs';

const root = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
const argv = process.argv.slice(2);
const opt = (name, dflt) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : dflt);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const vsix = opt('--vsix', join(root, `${pkg.name}-${pkg.version}.vsix`));
const shots = shotsDir(root, argv);
const folder = join(root, 'examples');
const EXTENSION_ID = `${pkg.publisher}.${pkg.name}`;

const S = createSteps(shots, 'fail-');
const { step, until, goTo } = S;
let page;

async function main() {
  if (!existsSync(vsix)) throw new Error(`${vsix} is missing: run \`npm run package\` first`);
  mkdirSync(shots, { recursive: true });
  const t0 = Date.now();
  const profile = freshProfile('ui-');
  let server, browser;
  try {
    await step(`install ${vsix.slice(root.length + 1)} into code-server`, async () => {
      const installed = installVsix(profile, vsix);
      assert.ok(installed.includes(`${EXTENSION_ID}@${pkg.version}`), `installed: ${installed.join(', ')}`);
    });
    server = await startCodeServer({ folder, profile });
    browser = await launchChromium();
    page = await S.openWorkbench(browser, `${server.url}?folder=${encodeURIComponent(folder)}`, { width: 1400, height: 900 });
    console.log(`  workbench up after ${Date.now() - t0} ms`);

    await step('Quick Open app-read-s3.policy.json: the editor shows it as IAM Policy', async () => {
      await S.quickOpen('app-read-s3.policy.json', 's3:GetObject');
      // the status bar language indicator shows the contributed language name
      await page.locator('.statusbar-item', { hasText: 'IAM Policy' }).first().waitFor();
    });

    await step('hover on s3:GetObject shows "Grants permission to retrieve objects"', async () => {
      const hover = await S.hoverToken('s3:GetObject', 'Grants permission to retrieve objects');
      console.log(`       hover: ${(await hover.innerText()).split('\n').slice(0, 2).join(' / ')}`);
      await page.screenshot({ path: join(shots, 'hover.png') });
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
    });

    await step('Ctrl+Space in an Action after "s3:GetObj offers s3:GetObject', async () => {
      // Go to Line/Column just after `"s3:GetObj` (the list filters on the typed prefix; a long unfiltered list
      // would not render GetObject). No mouse click: it stole the suggest trigger.
      const text = readFileSync(join(folder, 'policies/app-read-s3.policy.json'), 'utf8');
      const at = text.indexOf('"s3:GetObject"') + '"s3:GetObj'.length;
      const row = page.locator('.suggest-widget .monaco-list-row', { hasText: /GetObject/ });
      await until(async () => {
        await goTo(text, at);
        await page.keyboard.press('Control+Space');
        await row.first().waitFor({ timeout: 3000 });
      });
      const labels = await page.locator('.suggest-widget .monaco-list-row .label-name').allInnerTexts();
      console.log(`       suggestions: ${labels.slice(0, 8).join(', ')}`);
      assert.ok(labels.some((l) => /^(s3:)?GetObject$/.test(l)), `labels: ${labels.join(', ')}`);
      await page.screenshot({ path: join(shots, 'completion.png') });
      await page.keyboard.press('Escape');
    });

    await step('Problems panel lists the iam-policy diagnostic for the "dyanmodb" typo', async () => {
      const entry = await S.problemEntry('dyanmodb');
      console.log(`       problem: ${entry.replace(/\s+/g, ' ').slice(0, 160)}`);
      assert.match(entry, /iam-policy/, 'the entry names its source iam-policy');
      await page.screenshot({ path: join(shots, 'problems.png') });
    });

    await step('Ctrl+. on "dyanmodb:GetItem" offers and applies the quick fix "dynamodb:GetItem"', async () => {
      const text = readFileSync(join(folder, 'policies/app-read-s3.policy.json'), 'utf8');
      const fix = await S.quickFix(text, text.indexOf('"dyanmodb:GetItem"') + 3, 'Change to "dynamodb:GetItem"');
      await page.screenshot({ path: join(shots, 'quickfix.png') });
      await fix.click();
      await page.locator('.monaco-editor .view-line', { hasText: '"dynamodb:GetItem"' }).first().waitFor();
      await page.keyboard.press('Control+Z'); // leave the example as it was (nothing is saved)
      await page.locator('.monaco-editor .view-line', { hasText: '"dyanmodb:GetItem"' }).first().waitFor();
    });
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    if (!S.failed) profile.cleanup();
    else console.log(`  (code-server profile and log kept in ${profile.dir})`);
  }
  console.log(`  ui run took ${((Date.now() - t0) / 1000).toFixed(1)} s; screenshots in ${shots}`);
}

await S.finish(main);
