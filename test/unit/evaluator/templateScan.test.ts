// Policy variables in values [R19] are found in one pass (issue 16): a run of unclosed `${` must not cost a scan
// per `${`, and the parts stay what they were.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parseTemplate } from '../../../server/src/core/evaluator/values';

describe('R19 policy variables: template scanning', () => {
  it('splits keys, defaults, escapes and literal text as before', () => {
    assert.deepEqual(parseTemplate("arn:aws:s3:::b/${aws:username}/${aws:PrincipalTag/team, 'none'}/${*}"), [
      { lit: 'arn:aws:s3:::b/' }, { key: 'aws:username', keyLower: 'aws:username', def: undefined }, { lit: '/' },
      { key: 'aws:PrincipalTag/team', keyLower: 'aws:principaltag/team', def: 'none' }, { lit: '/' }, { esc: '*' },
    ]);
    // a variable runs to the first `}`; a key with white space is literal text
    assert.deepEqual(parseTemplate('${a${b}c'), [{ key: 'a${b', keyLower: 'a${b', def: undefined }, { lit: 'c' }]);
    assert.equal(parseTemplate('${a b}'), undefined);
    assert.equal(parseTemplate('${k, x}'), undefined, 'a default must be quoted');
  });

  it('100,000 unclosed "${" are scanned in ≤ 100 ms CPU', () => {
    const t0 = process.cpuUsage();
    assert.equal(parseTemplate('arn:aws:s3:::b/' + '${'.repeat(100_000)), undefined);
    const d = process.cpuUsage(t0);
    assert.ok((d.user + d.system) / 1000 <= 100, `${(d.user + d.system) / 1000} ms CPU`);
  });
});
