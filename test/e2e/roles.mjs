// UI test of AssumeRole vs PassRole in the real workbench (issue 12): code-server in headless Debian Chromium with the
// extension loaded from this checkout, on a copy of examples/. In the seed world's model file: the hover on
// sts:AssumeRole (two policies must allow it), the hover on iam:PassRole (checked when a service receives the role),
// the "Who can assume this role?" report of ReadOnlyRole (rendered in the Markdown preview); in its scenario file, the
// CodeLens of the scenario "Hoge assumes ReadOnlyRole, then reads" opens the Simulate Request panel with the chain
// Hoge → ReadOnlyRole → s3:GetObject in its form and result, and the PassRole scenario shows request → PassRole → the
// service assumes the role.
// Screenshots (README "AssumeRole vs PassRole"): roles-assume-hover.png, roles-passrole-hover.png, roles-who-can-assume.png,
// roles-flow.png in test-results/screenshots (or --shots DIR; the README's come from --shots docs/screenshots).
// usage: node test/e2e/roles.mjs [--shots DIR]      (needs node scripts/build.mjs and bash scripts/host/install.sh)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSteps, shotsDir } from './steps.mjs';

const root = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
const shots = shotsDir(root, process.argv.slice(2));
const S = createSteps(shots, 'fail-roles-');
const { step, until } = S;
let page;

async function main() {
  const t0 = Date.now();
  const ui = await S.openOnExamples(root, 'roles', { width: 1500, height: 950 });
  const { folder, webview } = ui;
  page = ui.page;
  try {
    const modelText = readFileSync(join(folder, 'model/seed-world.iam-model.json'), 'utf8');
    await step('open model/seed-world.iam-model.json', async () => {
      await S.quickOpen('seed-world.iam-model.json', '"Hoge"');
    });
    // room for the editor: no side bars (layout only, not a test step)
    await page.keyboard.press('Control+B').catch(() => {});
    if (await page.locator('.part.auxiliarybar').isVisible()) await page.keyboard.press('Control+Alt+B');

    await step('hover on sts:AssumeRole: the caller\'s identity policy and the role\'s trust policy must both allow it', async () => {
      await S.goTo(modelText, modelText.indexOf('"sts:AssumeRole"') + 2);
      const hover = await S.hoverToken('sts:AssumeRole', 'Two policies must allow it');
      const text = await hover.innerText();
      assert.match(text, /trust policy/);
      assert.match(text, /Not to be confused with iam:PassRole/);
      await page.screenshot({ path: join(shots, 'roles-assume-hover.png') });
      await page.mouse.move(5, 5);
    });

    await step('hover on iam:PassRole: checked when a service API receives the role, narrowed by iam:PassedToService', async () => {
      await S.goTo(modelText, modelText.indexOf('"iam:PassRole"') + 2);
      const hover = await S.hoverToken('iam:PassRole', 'Checked when a service API receives a role');
      const text = await hover.innerText();
      assert.match(text, /aws lambda create-function --role/);
      assert.match(text, /iam:PassedToService/);
      await page.screenshot({ path: join(shots, 'roles-passrole-hover.png') });
      await page.mouse.move(5, 5);
    });

    await step('"Who can assume this role?" above ReadOnlyRole: the report opens rendered, in the Markdown preview, and names Hoge', async () => {
      await S.goTo(modelText, modelText.indexOf('"ReadOnlyRole": {'));
      const lenses = page.locator('.monaco-editor .codelens-decoration a', { hasText: 'Who can assume this role?' });
      await lenses.first().waitFor({ timeout: 45_000 });
      // every role has this lens, and the DOM does not list them in line order: take the one nearest above the role
      const lensAboveReadOnlyRole = async () => {
        const line = await page.locator('.monaco-editor .view-line', { hasText: '"ReadOnlyRole"' }).first().boundingBox();
        let nearest, nearestY = -Infinity;
        for (const l of await lenses.all()) {
          const b = await l.boundingBox();
          if (line && b && b.y < line.y && b.y > nearestY) { nearest = l; nearestY = b.y; }
        }
        assert.ok(nearest, 'no "Who can assume this role?" lens above ReadOnlyRole');
        return nearest;
      };
      // a lens clicked while the editor still lays it out can miss: click until the report's tab is there, going
      // back to the model file when another report took its place
      await until(async () => {
        await page.keyboard.press('Escape');
        if (!(await page.locator('.tab.active', { hasText: 'seed-world.iam-model.json' }).count())) {
          const other = page.locator('.tab.active', { hasText: 'who-can-assume-' });
          if (await other.count()) await other.first().click({ button: 'middle' });
          await page.locator('.tab', { hasText: 'seed-world.iam-model.json' }).first().click();
          await S.goTo(modelText, modelText.indexOf('"ReadOnlyRole": {'));
        }
        await (await lensAboveReadOnlyRole()).click({ timeout: 5000 });
        await page.locator('.tab', { hasText: 'who-can-assume-ReadOnlyRole' }).first().waitFor({ timeout: 5000 });
      }, 45_000);
      const tab = page.locator('.tab.active', { hasText: 'who-can-assume-ReadOnlyRole' });
      assert.match(await tab.innerText(), /^Preview who-can-assume-ReadOnlyRole\.md/);
      // rendered, not Markdown source: a heading and the ARN as code in the preview's webview
      const preview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      await preview.locator('h1', { hasText: 'Who can assume arn:aws:iam::111111111111:role/ReadOnlyRole?' }).waitFor({ timeout: 30_000 });
      await preview.locator('li code', { hasText: 'arn:aws:iam::111111111111:user/Hoge' }).first().waitFor();
      assert.equal(await page.locator('.monaco-editor .view-line', { hasText: '# Who can assume' }).count(), 0, 'no Markdown source on screen');
      await page.screenshot({ path: join(shots, 'roles-who-can-assume.png') });
      // closed, so that the Simulate Request panel is the only webview the next steps look into (layout only)
      await tab.click({ button: 'middle' });
      await page.locator('.tab', { hasText: 'who-can-assume-ReadOnlyRole' }).waitFor({ state: 'detached' });
    });

    /** opens the scenario whose name contains `name` from the CodeLens above it in the open scenario file */
    const openScenario = async (scenarioText, name, reveal = true) => {
      if (reveal) await S.goTo(scenarioText, scenarioText.indexOf(name));
      await until(async () => {
        const line = await page.locator('.monaco-editor .view-line', { hasText: name }).first().boundingBox();
        const lenses = page.locator('.monaco-editor .codelens-decoration');
        let best = -1, bestY = -Infinity;
        for (let i = 0; i < await lenses.count(); i++) {
          const b = await lenses.nth(i).boundingBox();
          if (b && line && b.y < line.y && b.y > bestY) { best = i; bestY = b.y; }
        }
        if (best < 0) throw new Error('no CodeLens above the scenario yet');
        await lenses.nth(best).locator('a').first().click();
        await webview.locator('vscode-textfield#action input').waitFor({ timeout: 5000 });
      }, 45_000);
    };

    await step('the scenario "Hoge assumes ReadOnlyRole, then reads": its CodeLens opens the panel with the chain in the form and the result', async () => {
      await page.keyboard.press('Control+1');
      const scenarioText = readFileSync(join(folder, 'model/seed-world.scenario.json'), 'utf8');
      // Quick Open waits for the Explorer's folder view: shown for it, hidden again for room (layout only)
      await page.keyboard.press('Control+Shift+E');
      await S.quickOpen('seed-world.scenario.json', '"scenarios"');
      await page.keyboard.press('Control+B');
      await openScenario(scenarioText, 'Hoge assumes ReadOnlyRole');
      await until(async () => assert.equal(await webview.locator('vscode-textfield#assume-role input').inputValue(), 'role/ReadOnlyRole'), 10_000, 200);
      const chain = webview.locator('#flow > li.flow-step');
      await until(async () => assert.equal(await chain.count(), 2), 30_000, 300);
      const heading = (i) => chain.nth(i).locator('vscode-collapsible').evaluate((el) => el.heading);
      assert.match(await heading(0), /^1\. AssumeRole: sts:AssumeRole — Allowed$/);
      assert.match(await heading(1), /^2\. the request: s3:GetObject — Allowed$/);
      const first = chain.nth(0).locator('vscode-collapsible');
      await first.scrollIntoViewIfNeeded();
      await first.click({ position: { x: 40, y: 10 } });
      await until(async () => assert.equal(await first.evaluate((el) => el.open), true), 5000, 200);
      await chain.nth(0).locator('ul.statements li', { hasText: 'trust policy' }).first().waitFor({ state: 'visible' });
      await webview.locator('#decision', { hasText: 'Allowed' }).waitFor();
      // the model picker shows the principal the scenario names short ("user/Hoge")
      await until(async () => assert.equal(await webview.locator('vscode-single-select#model-principal').evaluate((el) => el.value), 'arn:aws:iam::111111111111:user/Hoge'), 10_000, 200);
      // a wide panel shows the form beside the whole chain (layout only)
      await page.setViewportSize({ width: 2000, height: 1000 });
      await until(async () => assert.ok(await webview.locator('body').evaluate(() => innerWidth > 760)), 10_000, 200);
      await chain.nth(1).scrollIntoViewIfNeeded();
      await webview.locator('vscode-textfield#assume-role').evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await page.screenshot({ path: join(shots, 'roles-flow.png') });
      await page.setViewportSize({ width: 1500, height: 950 });
    });

    await step('the PassRole scenario: the request, PassRole to Lambda, and Lambda assuming the role, each allowed', async () => {
      // its CodeLens is on screen, just below the one just used
      const scenarioText = readFileSync(join(folder, 'model/seed-world.scenario.json'), 'utf8');
      await openScenario(scenarioText, 'ci-deployer creates a function', false);
      await until(async () => assert.equal(await webview.locator('vscode-textfield#pass-role input').inputValue(), 'role/LambdaServiceRole'), 10_000, 200);
      const chain = webview.locator('#flow > li.flow-step');
      await until(async () => {
        const headings = await chain.locator('vscode-collapsible').evaluateAll((els) => els.map((el) => el.heading));
        assert.deepEqual(headings.map((h) => h.replace(/:.*— /, ' ')), ['1. the request Allowed', '2. PassRole Allowed', '3. the service assumes the role Allowed']);
      }, 30_000, 300);
    });
  } finally {
    await ui.close();
  }
  console.log(`roles UI run took ${Date.now() - t0} ms`);
}

await S.finish(main);
