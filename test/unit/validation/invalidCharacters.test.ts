// IAM015 finds rejected characters with a regular expression instead of a character loop (issue 13: the loop runs
// uncompiled in a fresh server). Its findings must stay those of the loop, kept here as the reference.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS } from '../../../server/src/service/settings';
import { validate } from '../../../server/src/service/validation';
import type { Rule } from '../../../server/src/service/validation/rule';
import { invalidCharacters } from '../../../server/src/service/validation/rules/invalidCharacters';
import * as l10n from '@vscode/l10n';
import { catalog, doc, rng } from '../helpers';

/** The rule as it was before issue 13. */
const reference: Rule = {
  ...invalidCharacters,
  check(ctx) {
    const t = ctx.doc.text;
    let reported = 0;
    for (let i = 0; i < t.length && reported < 20; i++) {
      const c = t.charCodeAt(i);
      if (c === 9 || c === 10 || c === 13 || (c >= 0x20 && c <= 0xff)) continue;
      let j = i + 1;
      while (j < t.length) { const d = t.charCodeAt(j); if (d === 9 || d === 10 || d === 13 || (d >= 0x20 && d <= 0xff)) break; j++; }
      const shown = t.slice(i, j);
      ctx.report({ span: { offset: i, length: j - i }, message: j - i > 1
        ? l10n.t('IAM rejects the characters "{0}" (U+{1}): policies allow only U+0020–U+00FF, tab and line breaks. Replace them (e.g. typographic quotes or dashes) with plain ASCII.', shown, c.toString(16).toUpperCase().padStart(4, '0'))
        : l10n.t('IAM rejects the character "{0}" (U+{1}): policies allow only U+0020–U+00FF, tab and line breaks. Replace it (e.g. typographic quotes or dashes) with plain ASCII.', shown, c.toString(16).toUpperCase().padStart(4, '0')) });
      reported++;
      i = j - 1;
    }
  },
};

describe('IAM015 invalid-characters', () => {
  it('reports exactly what the character loop reports on 3,000 random texts (runs, lone surrogates, more than 20 runs)', () => {
    const r = rng(15);
    const chars = ['a', ' ', '\t', '\n', '\r', '\u00ff', '\u0100', '\u2019', '\u0000', '\u001f', '\u007f', '\ud83d', '\ude00', '\ud83d\ude00', '\u3042', '\ufeff', '"'];
    let reported = 0;
    for (let k = 0; k < 3000; k++) {
      const n = k % 100 === 0 ? 400 : Math.floor(r() * 40);
      const text = Array.from({ length: n }, () => chars[Math.floor(r() * chars.length)]).join('');
      const d = doc(`{"Statement":[{"Sid":${JSON.stringify(text)}}], "x": "${text.replace(/["\\]/g, '')}"}`, 'iam-policy', `file:///test/ic${k}.json`);
      const got = validate(d, catalog, 'identity', DEFAULT_SETTINGS, [invalidCharacters]);
      assert.equal(JSON.stringify(got), JSON.stringify(validate(d, catalog, 'identity', DEFAULT_SETTINGS, [reference])), JSON.stringify(text));
      reported += got.length;
    }
    assert.ok(reported > 3000, `${reported} findings`);
  });
});
