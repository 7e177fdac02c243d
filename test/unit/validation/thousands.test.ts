// IAM701 and the large-document notice write counts as toLocaleString('en-US') does, without loading ICU data.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { withThousands } from '../../../server/src/service/validation/thousands';

describe('withThousands', () => {
  it("writes every count as toLocaleString('en-US')", () => {
    const counts = [0, 7, 42, 999, 1000, 5120, 6144, 20480, 117697, 999999, 1000000, 5864123, 123456789012];
    for (let i = 0; i < 5000; i++) counts.push(Math.floor(Math.random() ** 3 * 1e9));
    for (const n of counts) assert.equal(withThousands(n), n.toLocaleString('en-US'), String(n));
  });
});
