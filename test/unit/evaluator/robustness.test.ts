// Bad input never crashes the evaluator: arbitrary JSON as policies and arbitrary request strings give a decision,
// and decide() always agrees with simulate().
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { catalog } from '../helpers';
import { DECISIONS, decide, simulate, type Scenario } from '../../../server/src/core/evaluator';
import { NOW, USER } from './fixtures';

const str = fc.oneof(fc.constantFrom('*', 's3:GetObject', 's3:Get*', 'arn:aws:s3:::b/*', '${aws:username}', 'Allow', 'Deny', 'aws:SourceIp', USER, ''), fc.string());
const value = fc.oneof(str, fc.integer(), fc.boolean(), fc.constant(null), fc.array(str, { maxLength: 3 }));
const condition = fc.dictionary(fc.oneof(fc.constantFrom('StringEquals', 'ForAllValues:StringLike', 'IpAddress', 'DateLessThanIfExists', 'Null', 'ArnLike', 'BinaryEquals'), fc.string()),
  fc.oneof(fc.dictionary(str, value, { maxKeys: 2 }), value), { maxKeys: 2 });
const statement = fc.oneof(
  fc.record({ Effect: fc.constantFrom('Allow', 'Deny', 'allow'), Action: value, Resource: value, NotAction: value, NotResource: value, Principal: fc.oneof(value, fc.dictionary(fc.constantFrom('AWS', 'Service', 'Federated'), value)), Condition: condition }, { requiredKeys: [] }),
  value,
);
const policy = fc.oneof(fc.record({ Version: fc.constantFrom('2012-10-17', '2008-10-17'), Statement: fc.oneof(statement, fc.array(statement, { maxLength: 4 })) }, { requiredKeys: [] }), value);
const source = fc.record({ name: fc.string(), policy });
const request = fc.record({
  principal: fc.oneof(fc.constantFrom(USER, 'anonymous', 'lambda.amazonaws.com', 'arn:aws:sts::111122223333:assumed-role/r/s'), fc.string()),
  action: fc.oneof(fc.constantFrom('s3:GetObject', 'kms:Decrypt', 'sts:AssumeRole'), fc.string()),
  resource: fc.oneof(fc.constantFrom('*', 'arn:aws:s3:::b/k'), fc.string()),
  context: fc.dictionary(str, value, { maxKeys: 3 }),
});

describe('R22 robustness: arbitrary input', () => {
  it('never throws, returns a decision, and decide() agrees with simulate()', () => {
    fc.assert(fc.property(fc.array(source, { maxLength: 3 }), fc.option(source, { nil: undefined }), fc.array(source, { maxLength: 2 }), request,
      (identity, resource, scps, req) => {
        const s: Scenario = {
          identityPolicies: identity, permissionBoundaries: [], resourcePolicy: resource,
          scps: scps.length ? [{ orgIdentifier: 'r', policies: scps }] : [], rcps: [{ orgIdentifier: 'r', policies: scps }],
          request: req as Scenario['request'],
        };
        const full = simulate(s, catalog, { now: NOW });
        assert.ok(DECISIONS.includes(full.decision));
        assert.equal(decide(s, catalog, { now: NOW }), full.decision);
      }), { numRuns: 400, seed: 42 });
  });

  it('a 100,000-character principal is refused by its length at once (no regular expression scans it)', () => {
    const t0 = process.cpuUsage();
    const r = simulate({ identityPolicies: [], permissionBoundaries: [], scps: [], rcps: [], request: { principal: 'a.'.repeat(50_000) + '!', action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' } }, catalog, { now: NOW });
    const d = process.cpuUsage(t0);
    assert.ok((d.user + d.system) / 1000 <= 100, `${(d.user + d.system) / 1000} ms CPU`);
    assert.match(r.errors.join('\n'), /the principal has 100,001 characters; principal ARNs have at most 2,048/);
  });
});
