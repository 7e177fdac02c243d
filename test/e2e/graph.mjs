// UI test of "IAM: Show Who Can Become Whom" in the real workbench: code-server in headless Debian Chromium with the
// extension loaded from this checkout (development mode, dist/ as built), on a copy of examples/ (the seed world:
// ci-deployer may pass LambdaServiceRole to Lambda, an escalation path; Hoge may assume ReadOnlyRole, none).
// Runs the command from the Command Palette and checks, in the webview: the nodes are laid out by dagre (distinct
// positions, no two overlapping, several ranks and rows), the accounts are boxes of their own, the escalation path is
// drawn in the theme's error colour and the plain edge is not, choosing the finding highlights its path; Tab reaches a
// node and Enter opens the model file at that principal, a click on a node does too; the light theme recolours it;
// the webview broke no Content-Security-Policy rule; closed, it opens again from the IAM view's title bar. A model file
// with a Lambda function added to the workspace is drawn at once: the function is a node between the user who may update
// its code and its role, and choosing that finding highlights both segments and the three nodes. After "Developer:
// Reload Window" VS Code restores the panel (the extension's serializer), redrawn with the function and the finding
// still chosen. Saves role-graph.png (the README's, with --shots docs/screenshots) and role-graph-function.png (docs/iam-model.md's).
// usage: node test/e2e/graph.mjs [--shots DIR]      (needs node scripts/build.mjs and bash scripts/host/install.sh)
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSteps, shotsDir } from './steps.mjs';
import { USER_SETTINGS } from '../../scripts/host/codeServer.mjs';

const root = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
const shots = shotsDir(root);
const S = createSteps(shots, 'fail-graph-');
const { step, until } = S;
const MODEL = 'seed-world.iam-model.json';
// a user who may update the code of a Lambda function that runs as a role allowed everything
const FUNCTIONS = readFileSync(join(root, 'test/fixtures/graph/nightly-function.iam-model.json'), 'utf8');
const BUILDER = 'arn:aws:iam::444444444444:user/builder';
const NIGHTLY = 'arn:aws:lambda:us-east-1:444444444444:function:nightly';
const FN_ADMIN = 'arn:aws:iam::444444444444:role/FnAdmin';

await S.finish(async () => {
  if (!existsSync(join(root, 'dist/webview/graph.js'))) throw new Error('dist/webview/graph.js is missing: run `node scripts/build.mjs` first');
  const t0 = Date.now();
  const { folder, page, close, profile, webview } = await S.openOnExamples(root, 'graph', { width: 1500, height: 900 });
  const modelLines = readFileSync(join(folder, 'model', MODEL), 'utf8').split('\n');
  const lineOf = (name) => modelLines.findIndex((l) => l.includes(`"${name}": {`)) + 1;
  try {
    const cspViolations = [];
    page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text()); });
    const nodes = webview.locator('#canvas g.node');

    await step('"IAM: Show Who Can Become Whom" from the Command Palette opens the graph', async () => {
      await page.locator('.explorer-folders-view').waitFor({ timeout: 60_000 });
      // room for the graph: no side bar (layout only)
      await page.keyboard.press('Control+B');
      if (await page.locator('.part.auxiliarybar').isVisible()) {
        await page.keyboard.press('Control+Alt+B');
        await page.locator('.part.auxiliarybar').waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
      }
      await S.runCommand('IAM: Show Who Can Become Whom');
      await until(async () => assert.ok(await nodes.count() >= 8, `${await nodes.count()} nodes drawn`), 60_000, 500);
      await webview.locator('#canvas g.node[data-node="arn:aws:iam::111111111111:user/ci-deployer"]').waitFor();
    });

    await step('the nodes are laid out by the library: distinct positions, none overlapping, in several ranks and rows', async () => {
      const boxes = await nodes.evaluateAll((els) => els.map((el) => { const r = el.querySelector('rect').getBoundingClientRect(); return { id: el.getAttribute('data-node'), x: r.x, y: r.y, w: r.width, h: r.height }; }));
      assert.ok(boxes.length >= 8);
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i], b = boxes[j];
          const overlap = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > 0.5 && Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > 0.5;
          assert.ok(!overlap, `${a.id} ${JSON.stringify(a)} overlaps ${b.id} ${JSON.stringify(b)}`);
        }
      }
      const xs = new Set(boxes.map((b) => Math.round(b.x + b.w / 2)));
      const ys = new Set(boxes.map((b) => Math.round(b.y)));
      assert.ok(xs.size >= 3 && ys.size >= 3, `ranks ${[...xs]} rows ${[...ys]}`);
      // the path ci-deployer → lambda.amazonaws.com → LambdaServiceRole runs left to right, rank after rank
      const at = (id) => boxes.find((b) => b.id === id || b.id.startsWith(id));
      const ci = at('arn:aws:iam::111111111111:user/ci-deployer'), svc = at('service:lambda.amazonaws.com'), role = at('arn:aws:iam::111111111111:role/service-role/LambdaServiceRole');
      assert.ok(ci.x + ci.w < svc.x && svc.x + svc.w < role.x, `not in rank order: ${JSON.stringify([ci, svc, role])}`);
      // each account is a box of its own, labelled
      const accounts = await webview.locator('#canvas g.account text').evaluateAll((els) => els.map((el) => el.textContent));
      assert.deepEqual(accounts.sort(), ['main (111111111111)', 'partner (222222222222)']);
    });

    const stroke = (sel) => webview.locator(sel).first().evaluate((el) => getComputedStyle(el).stroke);
    const themeColour = (name) => webview.locator('body').evaluate((body, n) => {
      const probe = document.createElement('span');
      probe.style.color = `var(${n})`; // CSSOM, which the CSP allows; no style attribute in the markup
      body.append(probe);
      const c = getComputedStyle(probe).color;
      probe.remove();
      return c;
    }, name);

    await step('the escalation path is drawn in the theme\'s error colour, the AssumeRole edge of Hoge is not', async () => {
      assert.equal(await webview.locator('#canvas g.edge.escalation').count(), 2);
      const error = await themeColour('--vscode-errorForeground');
      assert.equal(await stroke('#canvas g.edge.escalation path'), error);
      assert.notEqual(await stroke('#canvas g.edge[data-from="arn:aws:iam::111111111111:user/Hoge"] path'), error);
      assert.equal(await webview.locator('#canvas g.node.escalates').count(), 1);
      assert.match(await webview.locator('#canvas g.node.escalates').getAttribute('aria-label'), /ci-deployer.*may escalate its permissions/);
    });

    await step('choosing the finding highlights its path in the focus colour and shows its steps and statements', async () => {
      const finding = webview.locator('#findings button.finding');
      assert.equal(await finding.count(), 1);
      assert.match(await finding.innerText(), /user\/ci-deployer → role\/LambdaServiceRole: iam:PassRole/);
      await finding.click();
      await webview.locator('#canvas svg.has-selection').waitFor();
      assert.equal(await webview.locator('#canvas g.edge.selected').count(), 2);
      assert.equal(await webview.locator('#canvas g.node.selected').count(), 3);
      assert.equal(await stroke('#canvas g.edge.selected path'), await themeColour('--vscode-focusBorder'));
      await webview.locator('#details ul.statements li', { hasText: 'iam:PassRole: Allow statement "PassTheServiceRole" of DeployLambda' }).waitFor();
      await webview.locator('#details', { hasText: 'lambda.amazonaws.com receives the role' }).waitFor();
      await page.screenshot({ path: join(shots, 'role-graph.png') });
    });

    await step('the webview broke no Content-Security-Policy rule', async () => {
      assert.equal(await webview.locator('body').getAttribute('data-csp-violations'), null, 'the webview counted a CSP violation');
      assert.deepEqual(cspViolations, []);
    });

    await step('keyboard: Tab reaches a node, Enter opens the model file at that principal', async () => {
      await webview.locator('#canvas').focus();
      await page.keyboard.press('Tab');
      const focused = await webview.locator(':focus').getAttribute('data-node');
      assert.match(focused ?? '', /^arn:aws:iam::\d{12}:(user|role)\//, `Tab focused ${focused}`);
      const name = focused.replace(/^.*\//, '');
      await page.keyboard.press('Enter');
      await page.locator('.tab.active', { hasText: MODEL }).waitFor();
      await until(async () => {
        const pos = await page.locator('.statusbar-item', { hasText: /Ln \d+, Col \d+/ }).first().innerText();
        assert.match(pos, new RegExp(`Ln ${lineOf(name)},`), `${name} is on line ${lineOf(name)}; the cursor: ${pos}`);
      }, 10_000, 300);
    });

    await step('a click on ci-deployer opens the model file at him, and the side pane shows his path', async () => {
      await S.runCommand('IAM: Show Who Can Become Whom');
      const ci = webview.locator('#canvas g.node[data-node="arn:aws:iam::111111111111:user/ci-deployer"]');
      await ci.click();
      await webview.locator('#details h2', { hasText: 'user/ci-deployer' }).waitFor();
      await page.locator('.tab.active', { hasText: MODEL }).waitFor();
      await until(async () => {
        const pos = await page.locator('.statusbar-item', { hasText: /Ln \d+, Col \d+/ }).first().innerText();
        assert.match(pos, new RegExp(`Ln ${lineOf('ci-deployer')},`), pos);
      }, 10_000, 300);
    });

    await step('in the light theme the graph takes the light theme\'s colours', async () => {
      await S.runCommand('IAM: Show Who Can Become Whom');
      const darkBg = await webview.locator('body').evaluate((b) => getComputedStyle(b).backgroundColor);
      writeFileSync(join(profile.userDataDir, 'User/settings.json'), JSON.stringify({ ...USER_SETTINGS, 'workbench.colorTheme': 'Default Light Modern' }, null, 2));
      await until(async () => {
        const bg = await webview.locator('body').evaluate((b) => getComputedStyle(b).backgroundColor);
        const [r, g, b] = bg.match(/\d+/g).map(Number);
        assert.ok(r + g + b > 600, `background ${bg} (dark was ${darkBg})`);
      }, 30_000, 500);
      assert.equal(await stroke('#canvas g.edge[data-from="arn:aws:iam::111111111111:user/Hoge"] path'), await themeColour('--vscode-descriptionForeground'));
      // not a README picture: it stays with the test's results
      mkdirSync(join(root, 'test-results/screenshots'), { recursive: true });
      await page.screenshot({ path: join(root, 'test-results/screenshots/role-graph-light.png') });
    });

    await step('the IAM view\'s title bar has the command: closed, the graph opens again from there', async () => {
      await S.runCommand('View: Close All Editors');
      await webview.locator('#canvas').waitFor({ state: 'detached', timeout: 10_000 }).catch(() => {});
      assert.equal(await page.locator('.tab', { hasText: 'Who Can Become Whom' }).count(), 0, 'the panel is still open');
      await page.keyboard.press('Control+Shift+E');
      const header = page.locator('.pane-header[aria-label^="IAM"]');
      await header.waitFor({ timeout: 30_000 });
      if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
      await header.hover();
      await header.locator('.action-label[aria-label="Show Who Can Become Whom"]').click();
      await until(async () => assert.ok(await nodes.count() >= 8, `${await nodes.count()} nodes drawn`), 30_000, 500);
    });

    const functionsFile = join(folder, 'model', 'nightly-functions.iam-model.json');
    const fnNode = webview.locator(`#canvas g.node[data-node="${NIGHTLY}"]`);
    const nodeBox = (id) => webview.locator(`#canvas g.node[data-node="${id}"] rect`).evaluate((el) => { const r = el.getBoundingClientRect(); return { x: r.x, w: r.width }; });
    const builderFinding = webview.locator('#findings button.finding', { hasText: 'user/builder → role/FnAdmin' });

    await step('a model file with a Lambda function appears: the function is a node between the caller and its role, styled as a resource', async () => {
      writeFileSync(functionsFile, FUNCTIONS);
      await fnNode.waitFor({ timeout: 30_000 });
      assert.match(await fnNode.getAttribute('class'), /\bfunction\b.*\bresource\b/);
      assert.match(await fnNode.textContent(), /Lambda function[\s\S]*nightly/);
      // its kind and name fit inside its box
      const fits = await fnNode.evaluate((g) => { const r = g.querySelector('rect').getBoundingClientRect(); return [...g.querySelectorAll('text')].map((t) => t.getBoundingClientRect()).every((t) => t.right <= r.right + 0.5 && t.left >= r.left - 0.5); });
      assert.ok(fits, 'a text of the function node overflows its box');
      const [b, f, r] = [await nodeBox(BUILDER), await nodeBox(NIGHTLY), await nodeBox(FN_ADMIN)];
      assert.ok(b.x + b.w < f.x && f.x + f.w < r.x, `not caller → function → role: ${JSON.stringify([b, f, r])}`);
      // the action is on the caller's segment, what the function does on the role's; no edge from the caller to the role
      assert.equal(await webview.locator(`#canvas g.edge[data-from="${BUILDER}"][data-to="${NIGHTLY}"] text`).textContent(), 'lambda:UpdateFunctionCode');
      assert.equal(await webview.locator(`#canvas g.edge[data-from="${NIGHTLY}"][data-to="${FN_ADMIN}"] text`).textContent(), 'runs code as the role');
      assert.equal(await webview.locator(`#canvas g.edge[data-from="${BUILDER}"][data-to="${FN_ADMIN}"]`).count(), 0);
      // a resource is drawn apart from the principals: its box is dotted
      assert.notEqual(await webview.locator(`#canvas g.node[data-node="${NIGHTLY}"] rect`).evaluate((el) => getComputedStyle(el).strokeDasharray), 'none');
    });

    await step('choosing the finding through the function highlights both segments and the three nodes', async () => {
      await builderFinding.click();
      await webview.locator('#canvas svg.has-selection').waitFor();
      const selectedEdges = await webview.locator('#canvas g.edge.selected').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-from')} > ${e.getAttribute('data-to')}`).sort());
      assert.deepEqual(selectedEdges, [`${BUILDER} > ${NIGHTLY}`, `${NIGHTLY} > ${FN_ADMIN}`].sort());
      const selectedNodes = await webview.locator('#canvas g.node.selected').evaluateAll((els) => els.map((e) => e.getAttribute('data-node')).sort());
      assert.deepEqual(selectedNodes, [BUILDER, NIGHTLY, FN_ADMIN].sort());
      assert.equal(await stroke(`#canvas g.edge.selected[data-from="${NIGHTLY}"] path`), await themeColour('--vscode-focusBorder'));
      await webview.locator('#details', { hasText: 'through function/nightly' }).waitFor();
      // room for the graph in the picture: no side bar (layout only; the graph refits to the wider panel)
      if (await page.locator('.part.sidebar').isVisible()) {
        await S.runCommand('View: Close Primary Side Bar');
        await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
        await page.waitForTimeout(300);
      }
      await page.screenshot({ path: join(shots, 'role-graph-function.png') });
    });

    await step('after "Developer: Reload Window" the panel is restored, drawn from the model files, the finding still chosen', async () => {
      await S.runCommand('Developer: Reload Window');
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      await page.locator('.tab', { hasText: 'Who Can Become Whom' }).waitFor({ timeout: 60_000 });
      await until(async () => {
        assert.equal(await fnNode.count(), 1, 'the function node is drawn again');
        assert.equal(await webview.locator('#canvas g.node.selected').count(), 3);
      }, 60_000, 500);
      assert.equal(await webview.locator('#findings button.finding.selected').innerText(), await builderFinding.innerText());
      assert.equal(await webview.locator('body').getAttribute('data-csp-violations'), null);
    });

    await step('the restored panel follows the model files: the function file deleted, its nodes go and nothing stale stays', async () => {
      rmSync(functionsFile);
      await until(async () => assert.equal(await fnNode.count(), 0), 30_000, 500);
      assert.equal(await builderFinding.count(), 0);
      assert.ok(await webview.locator('#canvas g.node[data-node="arn:aws:iam::111111111111:user/ci-deployer"]').count() === 1);
    });
  } finally {
    await close();
    console.log(`graph UI run took ${Date.now() - t0} ms`);
  }
});
