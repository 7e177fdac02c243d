// Entry point the VS Code extension host loads through extensionTestsPath (code-server runner and
// @vscode/test-electron alike). Runs the mocha suite and prints the closing line `N passed, N failed`.
// IAM_TEST_LOCALE=ja runs japanese.locale.ts instead (a host started with --locale ja). IAM_TEST_NEGATIVE_CONTROL=1 adds a spec that must fail, to prove a failure makes the run exit non-zero.
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  const locale = process.env.IAM_TEST_LOCALE;
  // a host in another display language (run-integration.mjs --locale ja) runs that locale's suite: the others assert English
  if (locale) mocha.addFile(path.resolve(__dirname, `${locale === 'ja' ? 'japanese' : locale}.locale.js`));
  else {
    mocha.addFile(path.resolve(__dirname, 'extension.test.js'));
    // further spec files (simulate*.test.js, ...) are picked up by name
    for (const f of readdirSync(__dirname).sort()) if (f.endsWith('.test.js') && f !== 'extension.test.js') mocha.addFile(path.resolve(__dirname, f));
  }
  if (process.env.IAM_TEST_NEGATIVE_CONTROL === '1') mocha.addFile(path.resolve(__dirname, 'negativeControl.js'));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const s = runner.stats!;
      console.log(`${s.passes} passed, ${s.failures} failed`);
      if (failures) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
  });
}
