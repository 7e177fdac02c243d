// The hand-made table of known gaps in the reference data: each entry is still a gap, and the catalog fills it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACTION_GAPS, keyTypeGap } from '../../../server/src/core/catalog/referenceGaps';
import { catalog } from '../helpers';

const raw = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'server', 'data', 'iam-catalog.json'), 'utf8')) as {
  types: string[];
  services: Record<string, { x: string; a: string; c: Record<string, number> }>;
};

/** The action's row as the data has it (the names in `x`, the rows in `a` in the same order). */
function rawAction(full: string): [number, string[], string[]] {
  const [prefix, name] = full.split(':');
  const index = raw.services[prefix].x.split(',').indexOf(name);
  assert.ok(index >= 0, `${full} is not in the data`);
  return JSON.parse(raw.services[prefix].a)[index];
}

describe('reference data gaps (server/src/core/catalog/referenceGaps.ts)', () => {
  for (const [action, gap] of Object.entries(ACTION_GAPS)) {
    it(`${action}: the data still lacks what the table adds (remove the entry once it does not)`, () => {
      const [, rts, keys] = rawAction(action);
      for (const rt of gap.resourceTypes ?? []) assert.ok(!rts.map((r) => r.replace(/\*$/, '')).includes(rt.name), `${action} now lists ${rt.name}`);
      for (const k of gap.conditionKeys ?? []) assert.ok(!keys.includes(k), `${action} now lists ${k}`);
      assert.match(gap.source, /^https:\/\/docs\.aws\.amazon\.com\//);
    });
  }

  it('states:InvokeHTTPEndpoint takes the state machine ARN and the HTTP condition keys', () => {
    const info = catalog.action('states:InvokeHTTPEndpoint')!;
    assert.deepEqual(info.conditionKeys.filter((k) => k.startsWith('states:HTTP')).sort(), ['states:HTTPEndpoint', 'states:HTTPMethod']);
    assert.deepEqual(catalog.matchingResourceTypes('states:InvokeHTTPEndpoint', 'arn:aws:states:us-east-2:123456789012:stateMachine:myStateMachine').map((r) => r.name), ['statemachine']);
  });

  it('cloudformation:CreateChangeSet takes the AWS-owned transform ARN', () => {
    const rts = catalog.matchingResourceTypes('cloudformation:CreateChangeSet', 'arn:aws:cloudformation:us-east-1:aws:transform/Serverless-2016-10-31');
    assert.deepEqual(rts.map((r) => r.name), ['transform']);
    assert.ok(catalog.resourceTypesOfService('cloudformation').some((r) => r.name === 'transform'));
  });

  it('<provider>:amr is multivalued, also where the data files it as a String', () => {
    assert.equal(raw.types[raw.services.sts.c['cognito-identity.amazonaws.com:amr']], 'String');
    assert.equal(keyTypeGap('cognito-identity.amazonaws.com:amr'), 'ArrayOfString');
    assert.equal(catalog.conditionKey('cognito-identity.amazonaws.com:amr')?.multiValued, true);
    assert.equal(catalog.conditionKey('auth.example.com:amr')?.multiValued, true);
    assert.equal(catalog.conditionKey('cognito-identity.amazonaws.com:aud')?.multiValued, false);
  });
});
