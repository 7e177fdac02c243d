// UI test in a Japanese workbench (issue 15): code-server started with --locale ja (the display language made
// available by the empty locale pack test/fixtures/locale-pack-ja, as in `run-integration.mjs --locale ja`), the
// extension loaded from this checkout, headless Debian Chromium. The command palette shows the Japanese command
// titles, the hover, the Problems panel and the quick fix are Japanese; codes and action names stay as they are.
// VS Code's own UI stays English: the Marketplace's Japanese language pack cannot be downloaded here.
// Screenshots: ja-*.png in test-results/screenshots (or --shots DIR; README.ja.md's come from --shots docs/screenshots).
// usage: node test/e2e/ui-ja.mjs [--shots DIR]      (needs node scripts/build.mjs and bash scripts/host/install.sh)
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSteps, shotsDir } from './steps.mjs';
import { freshProfile, installLocalePack, launchChromium, startCodeServer } from '../../scripts/host/codeServer.mjs';

const root = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
const shots = shotsDir(root, process.argv.slice(2));
const S = createSteps(shots, 'fail-ja-');
const { step, until } = S;
let page;

async function main() {
  if (!existsSync(join(root, 'dist/extension.js'))) throw new Error('dist/extension.js is missing: run `node scripts/build.mjs` first');
  mkdirSync(shots, { recursive: true });
  const profile = freshProfile('ui-ja-');
  const folder = join(profile.dir, 'examples');
  cpSync(join(root, 'examples'), folder, { recursive: true });
  const policyText = readFileSync(join(folder, 'policies/app-read-s3.policy.json'), 'utf8');
  let server, browser;
  const t0 = Date.now();
  try {
    installLocalePack(profile, 'ja');
    server = await startCodeServer({ folder, profile, smokeTestDriver: true, locale: 'ja' });
    browser = await launchChromium();
    page = await S.openDevWorkbench(browser, server, root, folder, { width: 1400, height: 900 });
    console.log(`  workbench up after ${Date.now() - t0} ms`);

    await step('open policies/app-read-s3.policy.json', async () => {
      await S.quickOpen('app-read-s3.policy.json', 's3:GetObject');
    });

    await step('the command palette lists "IAM ポリシー: リクエストをシミュレート…"', async () => {
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'IAM ポリシー: リクエストをシミュレート…' });
      await until(async () => {
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+Shift+P');
        await page.locator('.quick-input-widget input').fill('>IAM ポリシー', { timeout: 5000 });
        await row.first().waitFor({ timeout: 5000 });
      }, 45_000);
      const rows = await page.locator('.quick-input-list .monaco-list-row').allInnerTexts();
      console.log(`       commands: ${rows.map((r) => r.split('\n')[0]).join(' | ')}`);
      await page.screenshot({ path: join(shots, 'ja-commands.png') });
      await page.keyboard.press('Escape');
    });

    await step('hover on s3:GetObject: Japanese headings and the Japanese Service Authorization Reference link', async () => {
      const hover = await S.hoverToken('s3:GetObject', 'サービス認証リファレンス (日本語)');
      const text = await hover.innerText();
      assert.match(text, /リソースタイプ/);
      assert.match(text, /Grants permission to retrieve objects/, 'AWS\'s description stays English');
      await page.screenshot({ path: join(shots, 'ja-hover.png') });
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
    });

    await step('the Problems panel shows the "dyanmodb" finding in Japanese', async () => {
      const entry = await S.problemEntry('dyanmodb');
      console.log(`       problem: ${entry.replace(/\s+/g, ' ').slice(0, 160)}`);
      assert.match(entry, /は不明です/);
      assert.match(entry, /IAM201/);
      await page.screenshot({ path: join(shots, 'ja-problems.png') });
    });

    await step('Ctrl+. offers the quick fix "\\"dynamodb:GetItem\\" に変更"', async () => {
      await S.quickFix(policyText, policyText.indexOf('"dyanmodb:GetItem"') + 3, '"dynamodb:GetItem" に変更');
      await page.screenshot({ path: join(shots, 'ja-quickfix.png') });
      await page.keyboard.press('Escape');
    });

    await step('"IAM ポリシー: リクエストをシミュレート…" opens the panel with Japanese labels; the decision reads 許可', async () => {
      const webview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      await page.keyboard.press('Control+Shift+M'); // close the Problems panel: room for the simulator
      await until(async () => {
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+Shift+P');
        await page.locator('.quick-input-widget input').fill('>IAM ポリシー: リクエストをシミュレート', { timeout: 5000 });
        await page.locator('.quick-input-list .monaco-list-row', { hasText: 'リクエストをシミュレート' }).first().waitFor({ timeout: 5000 });
      });
      await page.keyboard.press('Enter');
      await webview.locator('h1', { hasText: 'リクエストのシミュレート' }).waitFor({ timeout: 45_000 });
      await webview.locator('fieldset.slot', { hasText: 'アイデンティティベースのポリシー' }).locator('button.link', { hasText: 'app-read-s3.policy.json' }).waitFor({ timeout: 45_000 });
      // the panel re-renders once the extension has sent its state: fill again until the evaluation shows
      await until(async () => {
        await webview.locator('vscode-textfield#principal input').fill('arn:aws:sts::111122223333:assumed-role/app-role/session-1');
        await webview.locator('vscode-textfield#action input').fill('s3:GetObject');
        await webview.locator('vscode-textfield#resource input').fill('arn:aws:s3:::acme-reports/2026/q3.csv');
        await webview.locator('#decision', { hasText: '許可' }).waitFor({ timeout: 5000 });
      });
      await webview.locator('h3', { hasText: '判定を決めたステートメント' }).first().waitFor();
      await webview.locator('#decision').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shots, 'ja-simulate.png') });
    });
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    if (!S.failed) profile.cleanup();
    else console.log(`  (code-server profile and log kept in ${profile.dir})`);
  }
  console.log(`  ui-ja run took ${((Date.now() - t0) / 1000).toFixed(1)} s; screenshots in ${shots}`);
}

await S.finish(main);
