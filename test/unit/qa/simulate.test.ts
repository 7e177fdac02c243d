// Findings of the QA pass on the Simulate Request panel.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { policyStatements } from '../../../server/src/service/simulate';
import { parsePolicy } from '../../../server/src/core/policy/model';
import { catalog } from '../helpers';

describe('QA: the statement CodeLens simulates a resource the action acts on', () => {
  it('s3:GetObject with a bucket and its objects gets the object ARN', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],"Resource":["arn:aws:s3:::acme-reports","arn:aws:s3:::acme-reports/*"]},{"Effect":"Allow","Action":"s3:ListBucket","Resource":["arn:aws:s3:::acme-reports","arn:aws:s3:::acme-reports/*"]},{"Effect":"Allow","Action":"s3:Get*","Resource":["arn:aws:s3:::x","arn:aws:s3:::x/*"]}]}';
    const st = policyStatements(parsePolicy(text), catalog);
    assert.deepEqual(st.map((s) => [s.action, s.resource]), [['s3:GetObject', 'arn:aws:s3:::acme-reports/*'], ['s3:ListBucket', 'arn:aws:s3:::acme-reports'], ['s3:Get*', 'arn:aws:s3:::x']]);
  });
});
