// The wildcard matchers (issue 16): same answers as the regular expressions they replace, on random patterns and
// values, and bounded CPU time on patterns built to make a backtracking matcher take minutes.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { arnPatternMatcher } from '../../../server/src/core/arn';
import { compileGlob, globMatch, MAX_PATTERN_LENGTH, PatternBuilder } from '../../../server/src/core/wildcard';
import { globMatches } from '../../../server/src/service/policyType';

/** CPU milliseconds (user + system) spent by `f`. */
function cpuMs(f: () => void): number {
  const t0 = process.cpuUsage();
  f();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
}

/** A small deterministic random generator, so a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32; };
}
const pick = (r: () => number, alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[Math.floor(r() * alphabet.length)]).join('');
const esc = (s: string) => s.replace(/[.+^${}()|[\]\\/]/g, '\\$&');

// the reference semantics, as regular expressions (safe here: short random inputs)
const refGlob = (p: string, i: boolean) => new RegExp(`^${[...p].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : esc(c))).join('')}$`, i ? 'is' : 's');
function refArn(p: string, condition: boolean): RegExp {
  let src = '', colons = 0;
  for (let i = 0; i < p.length; i++) {
    const ch = p[i];
    if (ch === ':') { colons++; src += ':'; continue; }
    const inResource = colons >= 5;
    if (ch === '*') src += inResource || ((i + 1 === p.length || p[i + 1] === ':') && !condition) ? '.*' : '[^:]*';
    else if (ch === '?') src += inResource ? '.' : '[^:]';
    else src += esc(ch);
  }
  return new RegExp(`^${src}$`, 's');
}

describe('wildcard matching agrees with the glob semantics [R16]', () => {
  // globMatch first rejects on the literal text before the first wildcard (issue 13: validating ReadOnlyAccess
  // matched thousands of patterns against iam:PassRole); that shortcut must not change an answer, ASCII or not
  it('globMatch (with its literal-head shortcut) answers what the glob semantics answer, on 20,000 random pairs', () => {
    const chars = ['s', 'S', '3', ':', 'g', 'G', 'e', 'E', 't', '*', '?', '/', '-', 'i', 'I', 'ı', 'İ', 'ſ', 'K', 'K', 'ß', 'é', 'É', '[', '@', '`', '{', '~'];
    const text = fc.array(fc.constantFrom(...chars), { maxLength: 8 }).map((xs) => xs.join(''));
    fc.assert(fc.property(text, text, fc.boolean(), (pattern, value, ci) => {
      assert.equal(globMatch(pattern, value, ci), refGlob(pattern, ci).test(value), `${pattern} ~ ${value} ci=${ci}`);
    }), { numRuns: 20000, seed: 13 });
  });

  it('globMatch matches IAM action patterns as before', () => {
    assert.equal(globMatch('iam:Pass*', 'iam:PassRole', true), true);
    assert.equal(globMatch('IAM:pass*', 'iam:PassRole', true), true);
    assert.equal(globMatch('s3:Get*', 'iam:PassRole', true), false);
    assert.equal(globMatch('iam:Get*', 'iam:PassRole', true), false);
    assert.equal(globMatch('arn:aws:s3:::b/*', 'arn:aws:s3:::B/k', false), false);
    assert.equal(globMatch('*:PassRole', 'iam:PassRole', true), true);
  });

  it('plain globs, case-sensitive and -insensitive, on 20,000 random pairs', () => {
    const r = rng(1);
    for (let k = 0; k < 20000; k++) {
      const p = pick(r, 'aAb*?:', 1 + Math.floor(r() * 8));
      const v = pick(r, 'aAb:', Math.floor(r() * 9));
      const i = k % 2 === 0;
      assert.equal(compileGlob(p, i).test(v), refGlob(p, i).test(v), `pattern ${JSON.stringify(p)} value ${JSON.stringify(v)} ci=${i}`);
    }
  });

  it('ARN patterns segment by segment (Resource and ArnLike rules) on 20,000 random pairs', () => {
    const r = rng(2);
    for (let k = 0; k < 20000; k++) {
      const p = 'arn:' + pick(r, 'ab*?::/', Math.floor(r() * 14));
      const v = 'arn:' + pick(r, 'ab::/', Math.floor(r() * 12));
      const condition = k % 2 === 1;
      assert.equal(arnPatternMatcher(p, condition).test(v), refArn(p, condition).test(v), `pattern ${JSON.stringify(p)} value ${JSON.stringify(v)} condition=${condition}`);
    }
  });

  // issue 13: literal text, or literal text and one trailing *, is compared as a head instead of scanned; ARN parts
  // between colons let a colon-bound wildcard match like a free one. Values start like the pattern (the case that
  // reaches the comparison), with letters whose case folding is not ASCII's
  it('literal and "head*" patterns (the head comparison) answer what the glob semantics answer, on 20,000 random pairs', () => {
    const r = rng(3);
    const chars = 'sS3:gGkK\u212Aı\u0130ſß/-';
    for (let k = 0; k < 20000; k++) {
      const head = pick(r, chars, Math.floor(r() * 6));
      const p = head + (k % 3 === 0 ? '' : '*');
      const v = (r() < 0.7 ? [...head].map((c) => (r() < 0.5 ? c : pick(r, chars, 1))).join('') : '') + pick(r, chars, Math.floor(r() * 4));
      const i = k % 2 === 0;
      assert.equal(compileGlob(p, i).test(v), refGlob(p, i).test(v), `pattern ${JSON.stringify(p)} value ${JSON.stringify(v)} ci=${i}`);
    }
  });

  it('ARN patterns with wildcards inside colon-separated fields, on 20,000 random pairs', () => {
    const r = rng(4);
    const field = () => pick(r, 'ab*?', Math.floor(r() * 3));
    for (let k = 0; k < 20000; k++) {
      const p = `arn:${field()}:${field()}:${field()}:${field()}:${pick(r, 'ab*?:/', Math.floor(r() * 5))}`;
      const v = `arn:${pick(r, 'ab', Math.floor(r() * 3))}:${pick(r, 'ab:', Math.floor(r() * 3))}:${pick(r, 'ab', Math.floor(r() * 3))}:${pick(r, 'ab', 2)}:${pick(r, 'ab:/', Math.floor(r() * 5))}`;
      const condition = k % 2 === 1;
      assert.equal(arnPatternMatcher(p, condition).test(v), refArn(p, condition).test(v), `pattern ${JSON.stringify(p)} value ${JSON.stringify(v)} condition=${condition}`);
    }
  });

  it('resolved policy variables are literal: their * and ? match only themselves', () => {
    const m = arnPatternMatcher([{ text: 'arn:aws:s3:::b/' }, { text: 'x*y', literal: true }, { text: '/*' }]);
    assert.equal(m.test('arn:aws:s3:::b/x*y/k'), true);
    assert.equal(m.test('arn:aws:s3:::b/xzzy/k'), false);
  });

  it('settings globs: ** spans folders, * and ? stay inside a name', () => {
    assert.equal(globMatches('**/trust/*.json', '/w/a/trust/x.json'), true);
    assert.equal(globMatches('org/*.json', '/w/org/a.json'), true);
    assert.equal(globMatches('org/*.json', '/w/org/sub/a.json'), false);
    assert.equal(globMatches('*.scp.json', '/w/a/b.scp.json'), true);
    assert.equal(globMatches('?.json', '/w/ab.json'), false);
  });

  it('runs of * collapse and classed stars stay distinct', () => {
    assert.equal(compileGlob('a***b', false).test('a:x/b'), true);
    const m = new PatternBuilder(false).star(58).star(47).literal('z').build();
    assert.equal(m.test('a:b/z'), false, '[^:]*[^/]* cannot match a : before a /');
    assert.equal(m.test('a/b:z'), true);
  });

  it('patterns and ARNs over 2,048 characters never match (AWS caps ARNs at 2,048: ARN fields of the AWS APIs have "Maximum length of 2048", e.g. https://docs.aws.amazon.com/STS/latest/APIReference/API_PolicyDescriptorType.html)', () => {
    const long = 'arn:aws:s3:::' + 'x'.repeat(MAX_PATTERN_LENGTH);
    assert.equal(arnPatternMatcher('arn:aws:s3:::*').test(long), false);
    assert.equal(arnPatternMatcher(long).test(long), false);
    assert.equal(arnPatternMatcher('arn:aws:s3:::*').test('arn:aws:s3:::' + 'x'.repeat(100)), true);
    assert.equal(compileGlob('*' + 'a'.repeat(MAX_PATTERN_LENGTH), true).test('a'.repeat(MAX_PATTERN_LENGTH + 1)), false);
  });
});

describe('adversarial patterns stay within CPU bounds', () => {
  const a40 = 'a'.repeat(40);
  const cases: [string, () => void, number][] = [
    ['Action s3:*?*?…* (30 pairs) against every S3-like name', () => { const m = compileGlob('s3:' + '*?'.repeat(30) + '*', true); for (let i = 0; i < 1000; i++) m.test('s3:' + a40 + i); }, 100],
    ['Resource *a*a…*b against 40 a', () => { const m = arnPatternMatcher('arn:aws:s3:::' + '*a'.repeat(8) + '*b'); for (let i = 0; i < 1000; i++) m.test('arn:aws:s3:::' + a40); }, 100],
    ['StringLike *a*a…*b against 40 a', () => { for (let i = 0; i < 1000; i++) globMatch('*a'.repeat(8) + '*b', a40, false); }, 100],
    ['settings glob *a*a…*b on a 40-a file name', () => { for (let i = 0; i < 1000; i++) globMatches('*a'.repeat(8) + '*b.json', `/w/${a40}.json`); }, 100],
    ['ARN-condition pattern with colon-bound stars', () => { const m = arnPatternMatcher('arn:' + '*a'.repeat(200) + ':x', true); for (let i = 0; i < 100; i++) m.test('arn:' + 'a'.repeat(400) + ':y'); }, 100],
    ['largest: a 2,048-character pattern against a 65,536-character value', () => { compileGlob('*' + 'ab'.repeat(1000) + '*c', false).test('ab'.repeat(32768)); }, 2000],
    ['largest: a 2,048-character classed ARN pattern against a 2,048-character ARN', () => { arnPatternMatcher('arn:' + '*a'.repeat(1020) + ':x').test('arn:' + 'a'.repeat(2040) + ':y'); }, 2000],
  ];
  for (const [name, run, bound] of cases) {
    it(`${name}: ≤ ${bound} ms CPU`, () => {
      run(); // warm up the JIT once
      const ms = cpuMs(run);
      assert.ok(ms <= bound, `${ms.toFixed(1)} ms CPU`);
    });
  }
});
