// UI test of policies inside infrastructure code in the real workbench: code-server in headless Debian Chromium with
// the extension loaded from this checkout (development mode, dist/ as built). Works on a copy of examples/ in which
// one action of examples/infra/worker.template.yaml and of examples/infra/worker.tf is misspelt
// (sqs:DeleteMessage → sqs:DeleteMesage), so nothing in the repo changes. For each file: the Problems panel lists the
// typo at its line and column, the editor underlines exactly the misspelt scalar, hover on a computed value
// (`!GetAtt Jobs.Arn`, `aws_sqs_queue.jobs.arn`) says where it came from, and Ctrl+. applies the did-you-mean fix.
// Screenshots: template-problems.png, template-hover.png, template-quickfix.png, terraform-hover.png,
// terraform-quickfix.png in test-results/screenshots (or --shots DIR; the README's come from --shots docs/screenshots).
// usage: node test/e2e/templates.mjs [--shots DIR]      (needs node scripts/build.mjs and bash scripts/host/install.sh)
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSteps, shotsDir } from './steps.mjs';
import { freshProfile, launchChromium, startCodeServer } from '../../scripts/host/codeServer.mjs';

const root = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
const argv = process.argv.slice(2);
const shots = shotsDir(root, argv);

const S = createSteps(shots, 'fail-templates-');
const { step, until, goTo } = S;
let page;

const TYPO = 'sqs:DeleteMesage';
const FIXED = 'sqs:DeleteMessage';

/** 1-based line and column of offset `at` in text, as the status bar and the Problems panel show them. */
function lineCol(text, at) {
  return { line: text.slice(0, at).split('\n').length, column: at - text.lastIndexOf('\n', at - 1) };
}

/** Hovers the first rendered token containing `tokenText` until a hover containing `expect` shows; returns its text. */
async function hoverToken(tokenText, expect) {
  const token = page.locator('.monaco-editor .view-line span span', { hasText: tokenText }).first();
  const hover = page.locator('.monaco-hover-content', { hasText: expect });
  await until(async () => {
    const b = await token.boundingBox();
    if (!b) throw new Error(`the token ${tokenText} is not laid out yet`);
    // the middle of the token's text, not of a span that may hold more than it
    const text = await token.innerText();
    const x = b.x + (b.width * (text.indexOf(tokenText) + tokenText.length / 2)) / Math.max(text.length, 1);
    await page.mouse.move(x - 3, b.y + b.height / 2);
    await page.mouse.move(x, b.y + b.height / 2);
    await hover.first().waitFor({ timeout: 2500 });
  }, 45_000, 500);
  return hover.first().innerText();
}

/**
 * The Problems panel row for the typo in `file`; asserts it names the line and column where the typo is written: the
 * scalar's first character in YAML, the string literal's opening quote in HCL (a finding covers the whole literal).
 */
async function problemRow(file, text, at) {
  const { line, column } = lineCol(text, at);
  const panel = page.locator('.markers-panel');
  await until(async () => {
    if (!(await panel.isVisible())) await page.keyboard.press('Control+Shift+M');
    await panel.locator('.monaco-list-row', { hasText: TYPO }).first().waitFor({ timeout: 3000 });
  }, 45_000, 500);
  const rows = await panel.locator('.monaco-list-row').allInnerTexts();
  const entry = rows.find((r) => r.includes(TYPO));
  console.log(`       ${file}: ${entry.replace(/\s+/g, ' ').slice(0, 180)}`);
  assert.match(entry, /iam-policy/, 'the entry names its source iam-policy');
  assert.match(entry, new RegExp(`\\[Ln ${line}, Col ${column}\\]`), `the entry is at Ln ${line}, Col ${column}`);
  return entry;
}

/** The editor's error squiggle lies over the typo's characters (give or take the quotes of an HCL string). */
async function squiggleOverTypo() {
  const squiggle = page.locator('.monaco-editor .squiggly-error').first();
  const token = page.locator('.monaco-editor .view-line span span', { hasText: TYPO }).first();
  await until(async () => {
    const [s, t] = [await squiggle.boundingBox(), await token.boundingBox()];
    if (!s || !t) throw new Error('no error squiggle or no typo token laid out');
    assert.ok(Math.abs(s.y - t.y) < t.height, `squiggle at y=${s.y}, typo at y=${t.y}`);
    const quote = (t.width / TYPO.length) * 1.5;
    assert.ok(s.x >= t.x - quote && s.x + s.width <= t.x + t.width + quote, `squiggle x=${s.x}+${s.width}, typo x=${t.x}+${t.width}`);
  }, 30_000, 500);
}

async function applyFix(text, shot) {
  const fix = page.locator('.action-widget .monaco-list-row', { hasText: `Change to "${FIXED}"` });
  await until(async () => {
    await goTo(text, text.indexOf(TYPO) + 6);
    await page.keyboard.press('Control+.');
    await fix.first().waitFor({ timeout: 3000 });
  });
  await page.screenshot({ path: join(shots, shot) });
  await fix.first().click();
  await page.locator('.monaco-editor .view-line', { hasText: FIXED }).first().waitFor();
  // the diagnostic goes away once the server has checked the edited text (the copy is edited, never saved; each
  // file's typo is fixed before the next file is opened, so no other row names it)
  await page.locator('.markers-panel .monaco-list-row', { hasText: TYPO }).first().waitFor({ state: 'detached', timeout: 30_000 });
}

async function main() {
  if (!existsSync(join(root, 'dist/extension.js'))) throw new Error('dist/extension.js is missing: run `node scripts/build.mjs` first');
  mkdirSync(shots, { recursive: true });
  const profile = freshProfile('ui-templates-');
  const folder = join(profile.dir, 'examples');
  cpSync(join(root, 'examples'), folder, { recursive: true });
  const texts = {};
  for (const f of ['worker.template.yaml', 'worker.tf']) {
    const path = join(folder, 'infra', f);
    const original = readFileSync(path, 'utf8');
    assert.ok(original.includes(`"${FIXED}"`) || original.includes(FIXED), `${f} holds ${FIXED}`);
    texts[f] = original.replace(FIXED, TYPO);
    writeFileSync(path, texts[f]);
  }
  let server, browser;
  const t0 = Date.now();
  try {
    server = await startCodeServer({ folder, profile, smokeTestDriver: true });
    browser = await launchChromium();
    page = await S.openDevWorkbench(browser, server, root, folder, { width: 1400, height: 900 });
    console.log(`  workbench up after ${Date.now() - t0} ms`);

    const yaml = texts['worker.template.yaml'];
    await step('open infra/worker.template.yaml: the Problems panel lists the typo at its line and column', async () => {
      await S.quickOpen('worker.template.yaml', 'AWSTemplateFormatVersion');
      // room for the editor: the (empty) secondary side bar closed (layout only)
      if (await page.locator('.part.auxiliarybar').isVisible()) await page.keyboard.press('Control+Alt+B').catch(() => {});
      await problemRow('worker.template.yaml', yaml, yaml.indexOf(TYPO));
    });

    await step('the editor underlines exactly the misspelt YAML scalar', async () => {
      await goTo(yaml, yaml.indexOf(TYPO));
      await squiggleOverTypo();
      await page.screenshot({ path: join(shots, 'template-problems.png') });
    });

    await step('hover on !GetAtt Jobs.Arn says where the value came from', async () => {
      await goTo(yaml, yaml.indexOf('Jobs.Arn'));
      const text = await hoverToken('Jobs.Arn', 'In this template');
      console.log(`       hover: ${text.replace(/\s+/g, ' ').slice(0, 200)}`);
      assert.match(text, /Fn::GetAtt Jobs\.Arn/);
      assert.match(text, /AWS::SQS::Queue/);
      await page.screenshot({ path: join(shots, 'template-hover.png') });
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
    });

    await step('hover on !Sub ${AWS::Partition} says what was assumed', async () => {
      await goTo(yaml, yaml.indexOf('AWS::Partition'));
      const text = await hoverToken('AWS::Partition', 'assumed');
      assert.match(text, /AWS::Partition.{0,4} assumed .{0,2}aws/);
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
    });

    await step(`Ctrl+. on ${TYPO} in the template applies "Change to ${FIXED}"`, async () => {
      await applyFix(yaml, 'template-quickfix.png');
    });

    const tf = texts['worker.tf'];
    await step('open infra/worker.tf: the Problems panel lists the typo at its line and column', async () => {
      await S.quickOpen('worker.tf', 'variable "env"');
      await problemRow('worker.tf', tf, tf.indexOf(`"${TYPO}"`));
      await goTo(tf, tf.indexOf(TYPO));
      await squiggleOverTypo();
    });

    await step('hover on aws_sqs_queue.jobs.arn says where the value came from', async () => {
      await goTo(tf, tf.indexOf('aws_sqs_queue.jobs.arn'));
      const text = await hoverToken('jobs', 'In this template');
      console.log(`       hover: ${text.replace(/\s+/g, ' ').slice(0, 200)}`);
      assert.match(text, /aws_sqs_queue\.jobs/);
      await page.screenshot({ path: join(shots, 'terraform-hover.png') });
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
    });

    await step(`Ctrl+. on ${TYPO} in the .tf file applies "Change to ${FIXED}"`, async () => {
      await applyFix(tf, 'terraform-quickfix.png');
    });
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    if (!S.failed) profile.cleanup();
    else console.log(`  (code-server profile and log kept in ${profile.dir})`);
  }
  console.log(`  templates UI run took ${((Date.now() - t0) / 1000).toFixed(1)} s; screenshots in ${shots}`);
}

await S.finish(main);
