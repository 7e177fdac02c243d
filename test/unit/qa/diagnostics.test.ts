// Findings of the QA pass on diagnostics: one diagnostic per problem.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../validation/lint';

const codes = (text: string, type?: Parameters<typeof lint>[1]) => lint(text, type).diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}`);

describe('QA: a wrongly cased element is one problem, not two', () => {
  it('"effect" and "action" get IAM002 only, not also "no Effect" / "no Action"', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"effect":"Allow","action":"s3:ListBucket","Resource":"arn:aws:s3:::b"}]}';
    const r = lint(text);
    assert.deepEqual(r.diagnostics.map((d) => `${d.code} ${r.textOf(d)}`), ['IAM002 "effect"', 'IAM002 "action"']);
  });

  it('"resource" in an identity policy and "principal" in a trust policy', () => {
    assert.deepEqual(codes('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","resource":"*"}]}'), ['IAM002 0:80']);
    const trust = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}';
    assert.deepEqual(lint(trust, 'trust').diagnostics.map((d) => d.code), ['IAM002']);
  });

  it('"statement" and "version" at the top level', () => {
    const r = lint('{"version":"2012-10-17","statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}]}');
    assert.deepEqual(r.diagnostics.map((d) => `${d.code} ${r.textOf(d)}`), ['IAM002 "version"', 'IAM002 "statement"']);
  });

  it('a really missing element is still reported', () => {
    assert.deepEqual(lint('{"Version":"2012-10-17","Statement":[{"Action":"s3:ListBucket","Resource":"*"}]}').diagnostics.map((d) => d.code), ['IAM005']);
    assert.deepEqual(lint('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Acton":"s3:ListBucket","Resource":"*"}]}').diagnostics.map((d) => d.code).sort(), ['IAM002', 'IAM006']);
  });
});
