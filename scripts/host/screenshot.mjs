// Opens a URL (e.g. the one `bash scripts/start-host.sh` prints) in headless Debian Chromium, waits for the VS Code
// workbench and, when given, opens a file via Quick Open; saves a screenshot.
// usage: node scripts/host/screenshot.mjs URL OUT.png [FILE-TO-OPEN]
import { launchChromium } from './codeServer.mjs';

const [url, out, file] = process.argv.slice(2);
if (!url || !out) { console.error('usage: node scripts/host/screenshot.mjs URL OUT.png [FILE-TO-OPEN]'); process.exit(2); }
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(60_000);
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor();
  await page.locator('.explorer-folders-view').waitFor();
  if (file) {
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').fill(file);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: file }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.statusbar-item', { hasText: 'IAM' }).first().waitFor();
    await page.waitForTimeout(2000);
  }
  await page.screenshot({ path: out });
  console.log(`saved ${out}`);
} finally {
  await browser.close();
}
