// nestingTooDeepAt (issue 13): strings are skipped a whole string at a time when no backslash or line break comes
// before the closing quote; the answer must be what the character-by-character scan gives, on any text.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { nestingTooDeepAt } from '../../../server/src/core/policy/model';

/** The scan as it was: one character at a time, a string ending at its closing quote or at a line break. */
function reference(text: string, limit: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34 || d === 10) break;
      }
    } else if (c === 91 || c === 123) {
      if (++depth > limit) return i;
    } else if (c === 93 || c === 125) depth--;
  }
  return -1;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32; };
}

describe('nestingTooDeepAt', () => {
  it('answers what the character scan answers on 30,000 random texts of brackets, quotes, escapes and line breaks', () => {
    const r = rng(13);
    const alphabet = ['[', '[', '{', ']', '}', '"', '"', '\\', '\n', 'a', ' ', ':', ','];
    for (let k = 0; k < 30000; k++) {
      const n = Math.floor(r() * 40);
      let text = '';
      for (let i = 0; i < n; i++) text += alphabet[Math.floor(r() * alphabet.length)];
      const limit = 1 + Math.floor(r() * 4);
      assert.equal(nestingTooDeepAt(text, limit), reference(text, limit), `${JSON.stringify(text)} limit ${limit}`);
    }
  });

  it('finds the same offset in deep documents with strings at every level, escaped quotes and brackets inside strings', () => {
    const level = (i: number) => (i % 2 ? `{"k${i}": "a [\\"{ ${i}", "v":` : `["s\\\\", "[[", `);
    for (const depth of [255, 256, 257, 400]) {
      const text = Array.from({ length: depth }, (_, i) => level(i)).join('\n') + ' 1';
      assert.equal(nestingTooDeepAt(text, 256), reference(text, 256), `depth ${depth}`);
      assert.equal(nestingTooDeepAt(text, 256) >= 0, depth > 256);
    }
  });
});
