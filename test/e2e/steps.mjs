// Shared by the UI tests: named steps that count passes and failures (screenshot on failure), and retries for UI
// elements that appear late (the workbench, the extension and the language server all start asynchronously).
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { freshProfile, launchChromium, startCodeServer } from '../../scripts/host/codeServer.mjs';

/** Screenshots go to test-results/ (ignored) unless --shots names a folder, e.g. docs/screenshots for the README. */
export function shotsDir(root, argv = process.argv.slice(2)) {
  return argv.includes('--shots') ? argv[argv.indexOf('--shots') + 1] : join(root, 'test-results/screenshots');
}

export function createSteps(shots, failPrefix) {
  const s = { passed: 0, failed: 0, page: undefined };
  s.step = async (name, fn) => {
    const t = Date.now();
    try {
      await fn();
      s.passed++;
      console.log(`  ok   ${name} (${Date.now() - t} ms)`);
    } catch (e) {
      s.failed++;
      console.log(`  FAIL ${name}: ${String(e.message).split('\n').slice(0, 3).join(' | ')}`);
      if (s.page) await s.page.screenshot({ path: join(shots, `${failPrefix}${s.passed + s.failed}.png`) }).catch(() => {});
    }
  };
  /** Runs a UI test's main, then prints the closing `N passed, N failed` line and exits with its status. */
  s.finish = async (main) => {
    try {
      await main();
    } catch (e) {
      s.failed++;
      console.log(`  FAIL ${e.stack ?? e}`);
    }
    console.log(`${s.passed} passed, ${s.failed} failed`);
    process.exit(s.failed ? 1 : 0);
  };
  /** Opens the workbench at url in a new page of browser (the page failures are screenshot from). */
  s.openWorkbench = async (browser, url, viewport) => {
    const page = await browser.newPage({ viewport });
    s.page = page;
    page.setDefaultTimeout(30_000);
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor();
    return page;
  };
  /**
   * The workbench of a code-server started with `smokeTestDriver`, with the extension loaded in development mode from
   * the checkout at `root` (dist/ as built), on `folder`.
   */
  s.openDevWorkbench = (browser, server, root, folder, viewport) => {
    const payload = [['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${server.port}${root}`]];
    return s.openWorkbench(browser, `${server.url}?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`, viewport);
  };
  /**
   * code-server on a fresh copy of examples/ (nothing in the repo changes), headless Chromium, and the workbench with the
   * extension loaded from the checkout at `root` (dist/ as built). `close()` stops both and removes the copy.
   */
  s.openOnExamples = async (root, name, viewport) => {
    if (!existsSync(join(root, 'dist/extension.js'))) throw new Error('dist/extension.js is missing: run `node scripts/build.mjs` first');
    mkdirSync(shots, { recursive: true });
    const profile = freshProfile(`ui-${name}-`);
    const folder = join(profile.dir, 'examples');
    cpSync(join(root, 'examples'), folder, { recursive: true });
    let server, browser;
    const close = async () => { await browser?.close().catch(() => {}); await server?.stop(); profile.cleanup(); };
    const t0 = Date.now();
    try {
      server = await startCodeServer({ folder, profile, smokeTestDriver: true });
      browser = await launchChromium();
      const page = await s.openDevWorkbench(browser, server, root, folder, viewport);
      console.log(`  workbench up after ${Date.now() - t0} ms`);
      return { folder, page, close, profile, webview: page.frameLocator('iframe.webview.ready').frameLocator('#active-frame') };
    } catch (e) {
      await close();
      throw e;
    }
  };
  /** Puts the cursor at offset `at` of the open editor's text with Go to Line/Column (closing any widget first). */
  s.goTo = async (text, at) => {
    const line = text.slice(0, at).split('\n').length;
    const column = at - text.lastIndexOf('\n', at - 1);
    await s.page.keyboard.press('Escape');
    await s.page.keyboard.press('Control+G');
    await s.page.keyboard.type(`${line}:${column}`);
    await s.page.keyboard.press('Enter');
    // keys pressed while Go to Line is still closing land in the quick input, not the editor: wait until the editor
    // has the caret where it should be
    await s.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 5000 });
    await s.page.locator('.statusbar-item', { hasText: `Ln ${line}, Col ${column}` }).first().waitFor({ timeout: 5000 });
  };
  /** Moves the mouse onto the first editor token showing `token` until a hover containing `hoverText` appears; returns it. */
  s.hoverToken = async (token, hoverText) => {
    const at = s.page.locator('.monaco-editor .view-line span span', { hasText: token }).first();
    const hover = s.page.locator('.monaco-hover-content', { hasText: hoverText });
    await s.until(async () => {
      const b = await at.boundingBox();
      if (!b) throw new Error('the token is not laid out yet');
      await s.page.mouse.move(b.x + 2, b.y + b.height / 2);
      await s.page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
      await hover.waitFor({ timeout: 2500 });
    }, 45_000, 500);
    return hover;
  };
  /** Opens the Problems panel (Ctrl+Shift+M) and returns the text of the first entry that mentions `text`. */
  s.problemEntry = async (text) => {
    await s.page.keyboard.press('Control+Shift+M');
    const panel = s.page.locator('.markers-panel');
    await panel.waitFor();
    await s.until(async () => {
      await panel.locator('.monaco-list-row', { hasText: text }).first().waitFor({ timeout: 3000 });
    }, 30_000, 500);
    return (await panel.locator('.monaco-list-row').allInnerTexts()).find((r) => r.includes(text));
  };
  /** Ctrl+. at offset `at` of the open editor's `text` until the quick fix titled `title` is offered; returns its row. */
  s.quickFix = async (text, at, title) => {
    const fix = s.page.locator('.action-widget .monaco-list-row', { hasText: title });
    await s.until(async () => {
      await s.goTo(text, at);
      await s.page.keyboard.press('Control+.');
      await fix.first().waitFor({ timeout: 3000 });
    });
    return fix.first();
  };
  /** retries fn (which throws until the UI is ready) for up to ms */
  s.until = async (fn, ms = 30_000, pause = 1000) => {
    const end = Date.now() + ms;
    for (;;) {
      try { return await fn(); } catch (e) { if (Date.now() > end) throw e; }
      await s.page.waitForTimeout(pause);
    }
  };
  /** Runs a command from the Command Palette, by its title. */
  s.runCommand = async (title) => {
    await s.until(async () => {
      await s.page.keyboard.press('Escape');
      await s.page.keyboard.press('Control+Shift+P');
      await s.page.locator('.quick-input-widget input').fill(`>${title}`, { timeout: 5000 });
      await s.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 5000 });
    });
    await s.page.keyboard.press('Enter');
  };
  /** Quick Open (Ctrl+P) a workspace file and wait until the editor shows `visibleText` */
  s.quickOpen = async (fileName, visibleText) => {
    await s.page.locator('.explorer-folders-view').waitFor(); // remote file system connected
    await s.until(async () => {
      await s.page.keyboard.press('Escape');
      await s.page.keyboard.press('Control+P');
      await s.page.locator('.quick-input-widget input').fill(fileName, { timeout: 5000 });
      await s.page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor({ timeout: 5000 });
    }, 60_000);
    await s.page.keyboard.press('Enter');
    await s.page.locator('.monaco-editor .view-line', { hasText: visibleText }).waitFor();
  };
  return s;
}
