// The translator core's texts go through (node/l10nTranslate.ts) gives @vscode/l10n's strings: every message of the
// English and Japanese bundles with arguments, and the corner cases of @vscode/l10n's placeholder replacement.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as l10n from '@vscode/l10n';
import { bundleTranslator, type BundleContents } from '../../../server/src/node/l10nTranslate';

const root = join(__dirname, '..', '..', '..');
const bundle = (name: string) => JSON.parse(readFileSync(join(root, 'l10n', name), 'utf8')) as BundleContents;

function same(contents: BundleContents, messages: string[], argLists: (string | number | boolean)[][]): number {
  l10n.config({ contents });
  const ours = bundleTranslator(contents);
  let n = 0;
  for (const m of messages) {
    for (const args of argLists) {
      // twice: the second call takes the split message from the cache
      assert.equal(ours(m, ...args), l10n.t(m, ...args), `${JSON.stringify(m)} with ${JSON.stringify(args)}`);
      assert.equal(ours(m, ...args), l10n.t(m, ...args));
      n++;
    }
  }
  return n;
}

const ARGS: (string | number | boolean)[][] = [[], ['a'], ['x', 2, true], ['{1}', '$&', '$1', ''], [0, false, 'z', 'w', 'v', 'u']];

test('every message of the Japanese bundle, in Japanese, as @vscode/l10n gives it', () => {
  const ja = bundle('bundle.l10n.ja.json');
  const n = same(ja, Object.keys(ja), ARGS);
  assert.ok(n > 3000, `${n} comparisons`);
});

test('every message without a bundle (English), as @vscode/l10n gives it', () => {
  const en = bundle('bundle.l10n.json');
  same({}, Object.keys(en), ARGS);
});

test('placeholder corner cases: names that are not indexes, missing arguments, braces that are not placeholders', () => {
  const messages = ['{0}{0}{1}', '{length} of {0}', '{ 0 }', '{}', '{0', '0}', '{{0}}', '{0}}', 'no placeholders', '', '{map}', '{-1}', '{1e0}', 'a {0} b {9} c'];
  same({}, messages, ARGS);
  // bundle entries with a comment, without one, and keys that name Object.prototype properties
  const contents = { '{0} x': { message: 'translated {0}', comment: ['c'] }, 'no comment {0}': { message: 'unused {0}' }, 'plain {0}': 'は {0}' } as unknown as BundleContents;
  same(contents, ['{0} x', 'no comment {0}', 'plain {0}', 'constructor', 'toString', '__proto__', 'hasOwnProperty {0}'], ARGS);
});

test('a placeholder argument is not itself searched for placeholders (negative control: a second pass would change it)', () => {
  const t = bundleTranslator({});
  assert.equal(t('{0} and {1}', '{1}', 'B'), '{1} and B');
  assert.notEqual(t('{0} and {1}', '{1}', 'B'), 'B and B');
});
