import type { Rule } from '../rule';
import * as l10n from '@vscode/l10n';

/** One UTF-16 code unit IAM rejects (no `u` flag: a lone surrogate is a code unit like any other). */
const REJECTED = /[^\t\n\r\x20-\xff]/g;

/** IAM accepts only tab, line feed, carriage return and U+0020–U+00FF in a policy. */
export const invalidCharacters: Rule = {
  code: 'IAM015',
  slug: 'invalid-characters',
  defaultSeverity: 'error',
  description: 'A policy may contain only tab, line feed, carriage return and the characters U+0020 to U+00FF.',
  check(ctx) {
    const t = ctx.doc.text;
    // a pasted binary or non-Latin text would otherwise flood the Problems view: the first 20 runs say enough
    let reported = 0;
    // the search for the next rejected character runs in the regular expression engine, not character by character
    // in JavaScript that a fresh server has not compiled yet (a 115 KB policy is validated on its first open)
    REJECTED.lastIndex = 0;
    for (let m = REJECTED.exec(t); m && reported < 20; m = REJECTED.exec(t)) {
      const i = m.index;
      const c = t.charCodeAt(i);
      let j = i + 1;
      while (j < t.length) { const d = t.charCodeAt(j); if (d === 9 || d === 10 || d === 13 || (d >= 0x20 && d <= 0xff)) break; j++; }
      const shown = t.slice(i, j);
      ctx.report({ span: { offset: i, length: j - i }, message: j - i > 1
        ? l10n.t('IAM rejects the characters "{0}" (U+{1}): policies allow only U+0020–U+00FF, tab and line breaks. Replace them (e.g. typographic quotes or dashes) with plain ASCII.', shown, c.toString(16).toUpperCase().padStart(4, '0'))
        : l10n.t('IAM rejects the character "{0}" (U+{1}): policies allow only U+0020–U+00FF, tab and line breaks. Replace it (e.g. typographic quotes or dashes) with plain ASCII.', shown, c.toString(16).toUpperCase().padStart(4, '0')) });
      reported++;
      REJECTED.lastIndex = j;
    }
  },
};
