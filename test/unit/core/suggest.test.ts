// editDistance reuses three typed rows instead of allocating a table per call (issue 13: a first validation measures
// thousands of candidates); it must give what the textbook optimal-string-alignment distance gives, cut-off included.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { editDistance, suggest } from '../../../server/src/core/suggest';
import { rng } from '../helpers';

/** The plain full-table distance (case-insensitive), and the cut-off as editDistance defines it: over max -> max + 1. */
function reference(a: string, b: string, max = Infinity): number {
  a = a.toLowerCase(); b = b.toLowerCase();
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  const v = d[a.length][b.length];
  return v > max ? max + 1 : v;
}

describe('editDistance', () => {
  it('equals the full-table distance on 20,000 random pairs (short and long, with swaps and non-ASCII letters)', () => {
    const r = rng(77);
    const alpha = 'abcAB-:İı\u212a';
    for (let k = 0; k < 20000; k++) {
      const len = k % 20 ? 9 : 90;
      const x = Array.from({ length: Math.floor(r() * len) }, () => alpha[Math.floor(r() * alpha.length)]).join('');
      const y = r() < 0.5 ? x.slice(0, -1) + x.slice(-1).toUpperCase() : Array.from({ length: Math.floor(r() * len) }, () => alpha[Math.floor(r() * alpha.length)]).join('');
      for (const max of [Infinity, 0, 1, 2, 3]) {
        const want = reference(x, y);
        const got = editDistance(x, y, max);
        // within the cut-off the distance itself, past it anything over max
        if (want <= max) assert.equal(got, want, `${JSON.stringify(x)} ${JSON.stringify(y)} max ${max}`);
        else assert.ok(got > max, `${JSON.stringify(x)} ${JSON.stringify(y)} max ${max}`);
      }
    }
  });

  it('counts a swap of neighbours as one edit and ignores case', () => {
    assert.equal(editDistance('GetObjcet', 'getobject'), 1);
    assert.equal(editDistance('dyanmodb', 'dynamodb', 2), 1);
    assert.deepEqual(suggest('dyanmodb', ['dynamodb', 'ec2', 'dax']), ['dynamodb']);
  });
});
