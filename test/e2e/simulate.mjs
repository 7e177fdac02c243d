// UI test of the Simulate Request panel in the real workbench: code-server in headless Debian Chromium with the
// extension loaded from this checkout (development mode, dist/ as built). Opens an example policy, runs
// "IAM Policy: Simulate Request…", fills the request in the webview, sees Allowed, types a Deny statement into the
// policy and sees ExplicitlyDenied naming that statement; then opens the IAM view in the Explorer, runs "Simulate
// as…" on the user Hoge of examples/model and sees the policies gathered from the model (his group's ReadOnlyAccess).
// Works on a copy of examples/, so nothing in the repo changes.
// Then runs a flow (Hoge assumes ReadOnlyRole) and expands its first step in the chain.
// Screenshots: simulate-allowed.png, simulate-denied.png, iam-view.png, simulate-as-user.png, simulate-flow.png in test-results/screenshots (or --shots DIR; the README's
// come from --shots docs/screenshots).
// usage: node test/e2e/simulate.mjs [--shots DIR]      (needs node scripts/build.mjs and bash scripts/host/install.sh)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSteps, shotsDir } from './steps.mjs';

const root = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
const argv = process.argv.slice(2);
const shots = shotsDir(root, argv);

const S = createSteps(shots, 'fail-simulate-');
const { step, until } = S;
let page;

async function main() {
  const t0 = Date.now();
  const ui = await S.openOnExamples(root, 'simulate', { width: 1500, height: 950 });
  const { webview } = ui;
  page = ui.page;
  try {
    // the webview runs under default-src 'none' with a nonce: any resource or style it needs beyond that shows here
    const cspViolations = [];
    page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text()); });

    await step('open policies/app-read-s3.policy.json', async () => {
      await S.quickOpen('app-read-s3.policy.json', 's3:GetObject');
    });
    // room for the editor and the panel: no primary and no secondary side bar (layout only, not a test step)
    await page.keyboard.press('Control+B').catch(() => {});
    if (await page.locator('.part.auxiliarybar').isVisible()) {
      await page.keyboard.press('Control+Alt+B');
      await page.locator('.part.auxiliarybar').waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
    }

    await step('a "Simulate" CodeLens shows above each statement', async () => {
      await page.locator('.monaco-editor .codelens-decoration', { hasText: 'Simulate s3:GetObject' }).first().waitFor({ timeout: 45_000 });
    });

    await step('"IAM Policy: Simulate Request…" opens the panel with the policy as an identity policy', async () => {
      await S.runCommand('IAM Policy: Simulate Request');
      await webview.locator('fieldset.slot', { hasText: 'Identity policies' }).locator('button.link', { hasText: 'app-read-s3.policy.json' }).waitFor({ timeout: 45_000 });
    });

    await step('fill the request: the panel shows Allowed and the deciding statement', async () => {
      // the fields are vscode-textfield components: fill the <input> in their shadow roots
      await webview.locator('vscode-textfield#principal input').fill('arn:aws:sts::111122223333:assumed-role/app-role/session-1');
      await webview.locator('vscode-textfield#action input').fill('s3:GetObject');
      await webview.locator('vscode-textfield#resource input').fill('arn:aws:s3:::acme-reports/2026/q3.csv');
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

    await step('the panel\'s controls are @vscode-elements components, and the webview broke no CSP rule', async () => {
      assert.equal(await webview.locator('vscode-button', { hasText: 'Save Scenario' }).count(), 1);
      assert.ok(await webview.locator('vscode-checkbox').count() >= 1, 'the policy rows have vscode-checkbox toggles');
      // the components style themselves through adopted style sheets: a styled button has the theme's background
      const bg = await webview.locator('vscode-button', { hasText: 'Save Scenario' }).locator('.base').evaluate((el) => getComputedStyle(el).backgroundColor);
      assert.notEqual(bg, 'rgba(0, 0, 0, 0)', 'vscode-button has no background: its styles did not apply');
      assert.deepEqual(cspViolations, []);
    });

    await step('clicking the deciding statement reveals it in the editor', async () => {
      await webview.locator('#deciding button', { hasText: '"DenyReportReads"' }).click();
      await until(async () => {
        const sel = await page.locator('.statusbar-item', { hasText: /Ln \d+, Col \d+/ }).first().innerText();
        assert.match(sel, /Ln 4, Col \d+/, sel);
      }, 10_000, 500);
    });

    await step('revert the edited policy and open the model file beside the panel', async () => {
      // the screenshots of the IAM view should not show this test's Deny edit in the editor
      const lines = readFileSync(join(root, 'examples/policies/app-read-s3.policy.json'), 'utf8').split('\n').length;
      await page.locator('.monaco-editor .view-line', { hasText: '"Version"' }).first().click();
      await until(async () => {
        const deny = await page.locator('.monaco-editor .view-line', { hasText: 'DenyReportReads' }).count();
        const now = await page.locator('.monaco-editor .view-lines .view-line').count();
        if (deny || now !== lines) {
          await page.keyboard.press('Control+Z');
          throw new Error(`the policy still has the test's edit (${now} lines, ${lines} in the example)`);
        }
      }, 10_000, 300);
      await page.keyboard.press('Control+S');
      await page.keyboard.press('Control+1'); // the policy's editor group, so the panel stays open beside it
      await until(async () => {
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+P');
        await page.locator('.quick-input-widget input').fill('seed-world.iam-model.json', { timeout: 5000 });
        await page.locator('.quick-input-list .monaco-list-row', { hasText: 'seed-world.iam-model.json' }).first().waitFor({ timeout: 5000 });
      });
      await page.keyboard.press('Enter');
      await page.locator('.monaco-editor .view-line', { hasText: '"Hoge"' }).waitFor();
    });

    await step('the IAM view in the Explorer lists the model: Hoge with his group, ReadOnlyRole with who may assume it', async () => {
      await page.keyboard.press('Control+Shift+E');
      const header = page.locator('.pane-header[aria-label^="IAM"]');
      await header.waitFor({ timeout: 30_000 });
      if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
      // room for the IAM view: the folder tree above it collapsed (layout only)
      const folders = page.locator('.pane-header[aria-label^="Explorer Section"]');
      if ((await folders.getAttribute('aria-expanded').catch(() => null)) === 'true') await folders.click();
      const tree = page.locator('.pane', { has: header });
      await tree.locator('.monaco-list-row', { hasText: 'main (111111111111)' }).waitFor({ timeout: 30_000 });
      await tree.locator('.monaco-list-row', { hasText: 'Hoge' }).filter({ hasText: 'Developers' }).waitFor();
      await tree.locator('.monaco-list-row', { hasText: 'ReadOnlyRole' }).filter({ hasText: 'assumable by arn:aws:iam::111111111111:user/Hoge' }).waitFor();
    });

    await step('"Simulate as…" on Hoge: the panel simulates as him and shows the policies gathered from the model', async () => {
      const tree = page.locator('.pane', { has: page.locator('.pane-header[aria-label^="IAM"]') });
      const hoge = tree.locator('.monaco-list-row', { hasText: 'Hoge' }).filter({ hasText: 'Developers' });
      await hoge.hover();
      await hoge.locator('.action-label[aria-label="Simulate as…"]').click();
      // the principal picker shows once the panel runs against a model
      await webview.locator('vscode-single-select#model-principal').waitFor({ timeout: 30_000 });
      await until(async () => assert.equal(await webview.locator('vscode-textfield#principal input').inputValue(), 'arn:aws:iam::111111111111:user/Hoge'), 10_000, 200);
      await webview.locator('vscode-textfield#action input').fill('s3:GetObject');
      await webview.locator('vscode-textfield#resource input').fill('arn:aws:s3:::example-shared-bucket/report.csv');
      await webview.locator('#decision', { hasText: 'Allowed' }).waitFor();
      await webview.locator('#deciding', { hasText: 'example-shared-bucket/report.csv' }).waitFor();
      const gathered = webview.locator('#gathered');
      await gathered.locator('li', { hasText: 'ReadOnlyAccess' }).filter({ hasText: 'Developers' }).waitFor();
      await gathered.locator('li', { hasText: 'AssumeReadOnlyRole' }).waitFor();
      // the deciding statement of a gathered policy opens where the model has it
      await webview.locator('#deciding button', { hasText: 'in ReadOnlyAccess' }).first().waitFor();
      await until(async () => assert.equal(await webview.locator('vscode-single-select#model-principal').evaluate((el) => el.value), 'arn:aws:iam::111111111111:user/Hoge'), 10_000, 200);
      assert.match(await webview.locator('vscode-single-select#model-files').evaluate((el) => el.value), /seed-world\.iam-model\.json$/);
      await page.screenshot({ path: join(shots, 'iam-view.png') });
      await webview.locator('fieldset.model').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shots, 'simulate-as-user.png') });
    });

    await step('the result never covers the model pickers: narrow, normal, wide and short panels', async () => {
      // the workbench window at these sizes puts the panel (half of the editor area) at about 400, 580 and 1040 px
      // wide; 1500 x 400 leaves the panel too short for two panes, so it is one page that scrolls
      const sizes = [
        { width: 1100, height: 700, layout: 'narrow' }, { width: 1500, height: 950, layout: 'narrow' },
        { width: 2400, height: 1000, layout: 'wide' }, { width: 1500, height: 400, layout: 'short' },
      ];
      try {
        for (const size of sizes) {
          await page.setViewportSize({ width: size.width, height: size.height });
          await until(async () => {
            const inner = await webview.locator('body').evaluate(() => ({ w: innerWidth, h: innerHeight }));
            if (size.layout === 'narrow') assert.ok(inner.w <= 760, `panel ${inner.w} px wide at ${size.width} px`);
            if (size.layout === 'wide') assert.ok(inner.w > 760, `panel ${inner.w} px wide at ${size.width} px`);
            if (size.layout === 'short') assert.ok(inner.h <= 420, `panel ${inner.h} px high at ${size.height} px`);
            if (size.width === 1100) assert.ok(inner.w <= 460, `panel ${inner.w} px wide at ${size.width} px`);
          }, 10_000, 300);
          for (const picker of ['fieldset.model', 'vscode-single-select#model-files', 'vscode-single-select#model-principal']) {
            for (const block of ['start', 'end']) {
              // scrolled so the picker is at the top (where a sticky result would sit) or at the bottom of the view
              await webview.locator(picker).evaluate((el, b) => el.scrollIntoView({ block: b }), block);
              const where = `${picker} scrolled to the ${block} at ${size.width} x ${size.height}`;
              const r = await webview.locator('#result').boundingBox();
              const p = await webview.locator(picker).boundingBox();
              assert.ok(r && p, `no box for #result or ${picker}`);
              const overlap = Math.min(r.x + r.width, p.x + p.width) - Math.max(r.x, p.x) > 0.5
                && Math.min(r.y + r.height, p.y + p.height) - Math.max(r.y, p.y) > 0.5;
              assert.ok(!overlap, `#result ${JSON.stringify(r)} overlaps ${where} ${JSON.stringify(p)}`);
              // and nothing else is drawn on it: the picker is what a click at its centre reaches
              const hit = await webview.locator(picker).evaluate((el) => {
                const b = el.getBoundingClientRect();
                const top = document.elementFromPoint(b.left + b.width / 2, (Math.max(b.top, 0) + Math.min(b.bottom, innerHeight)) / 2);
                return !!top && el.contains(top);
              });
              assert.ok(hit, `something is drawn over ${where}`);
              if (size.layout !== 'short') {
                // the decision stays in view while the form scrolls
                const d = await webview.locator('#decision').evaluate((el) => { const b = el.getBoundingClientRect(); return b.top >= 0 && b.bottom <= innerHeight; });
                assert.ok(d, `the decision is out of view with ${where}`);
              }
            }
          }
        }
      } finally {
        await page.setViewportSize({ width: 1500, height: 950 });
      }
    });

    await step('a gathered AWS managed policy opens read-only from the bundled data', async () => {
      await webview.locator('#gathered button', { hasText: 'ReadOnlyAccess' }).first().click();
      await page.locator('.tab', { hasText: 'ReadOnlyAccess.json' }).waitFor();
      await page.locator('.monaco-editor .view-line', { hasText: '"Statement"' }).first().waitFor();
    });

    await step('a flow: Hoge assumes ReadOnlyRole, then reads; the panel shows the steps as a chain, each expands', async () => {
      await webview.locator('vscode-textfield#assume-role input').fill('arn:aws:iam::111111111111:role/ReadOnlyRole');
      const chain = webview.locator('#flow > li.flow-step');
      await until(async () => assert.equal(await chain.count(), 2), 30_000, 300);
      const first = chain.nth(0).locator('vscode-collapsible');
      const heading = (i) => chain.nth(i).locator('vscode-collapsible').evaluate((el) => el.heading);
      assert.match(await heading(0), /^1\. AssumeRole: sts:AssumeRole — Allowed$/);
      assert.match(await heading(1), /^2\. the request: s3:GetObject — Allowed$/);
      assert.equal(await first.evaluate((el) => el.open), false, 'an allowed step starts folded');
      await first.scrollIntoViewIfNeeded();
      await first.evaluate((el) => { el.open = false; });
      await first.click({ position: { x: 40, y: 10 } });
      await until(async () => assert.equal(await first.evaluate((el) => el.open), true), 5000, 200);
      await chain.nth(0).locator('ol.explanation li').first().waitFor({ state: 'visible' });
      await chain.nth(0).locator('ul.statements li', { hasText: 'trust policy' }).first().waitFor({ state: 'visible' });
      await page.screenshot({ path: join(shots, 'simulate-flow.png') });
    });
  } finally {
    await ui.close();
  }
  console.log(`${S.passed} passed, ${S.failed} failed`);
  console.log(`simulate UI run took ${Date.now() - t0} ms`);
  return S.failed ? 1 : 0;
}

main().then((code) => process.exit(code), (e) => { console.error(e); console.log(`${S.passed} passed, ${S.failed + 1} failed`); process.exit(1); });
