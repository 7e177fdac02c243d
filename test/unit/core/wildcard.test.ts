// globMatch rejects on the literal text before the first wildcard without building a RegExp (issue 13: validating
// ReadOnlyAccess matched thousands of patterns against iam:PassRole). It must answer exactly what the RegExp answers.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { globMatch, globToRegExp } from '../../../server/src/core/wildcard';

const chars = ['s', 'S', '3', ':', 'g', 'G', 'e', 'E', 't', '*', '?', '/', '-', 'i', 'I', 'ı', 'İ', 'ſ', 'K', 'K', 'ß', 'é', 'É', '[', '@', '`', '{', '~'];
const text = fc.array(fc.constantFrom(...chars), { maxLength: 8 }).map((xs) => xs.join(''));

describe('globMatch', () => {
  it('answers what the glob RegExp answers, case-sensitive and not, ASCII and not', () => {
    fc.assert(fc.property(text, text, fc.boolean(), (pattern, value, ci) => {
      assert.equal(globMatch(pattern, value, ci), globToRegExp(pattern, ci).test(value), `${pattern} ~ ${value} ci=${ci}`);
    }), { numRuns: 20000 });
  });

  it('matches IAM action patterns as before', () => {
    assert.equal(globMatch('iam:Pass*', 'iam:PassRole', true), true);
    assert.equal(globMatch('IAM:pass*', 'iam:PassRole', true), true);
    assert.equal(globMatch('s3:Get*', 'iam:PassRole', true), false);
    assert.equal(globMatch('iam:Get*', 'iam:PassRole', true), false);
    assert.equal(globMatch('arn:aws:s3:::b/*', 'arn:aws:s3:::B/k', false), false);
    assert.equal(globMatch('*:PassRole', 'iam:PassRole', true), true);
  });
});
