// Only added to the run when IAM_TEST_NEGATIVE_CONTROL=1 (see index.ts): proves that a failing test makes the
// host runner exit non-zero.
import * as assert from 'node:assert/strict';

suite('negative control', () => {
  test('fails on purpose', () => {
    assert.fail('forced failure (IAM_TEST_NEGATIVE_CONTROL=1)');
  });
});
