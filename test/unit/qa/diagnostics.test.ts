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

describe('QA: IAM402 suggests ARNs a user can copy', () => {
  it('the simplest formats first, with the partition filled in', () => {
    const r = lint('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:dynamodb:us-east-1:111122223333:table/T"}]}');
    const d = r.diagnostics.find((x) => x.code === 'IAM402')!;
    assert.match(String(d.message), /Expected ARNs like "arn:aws:s3:::\$\{BucketName\}\/\$\{ObjectName\}", "arn:aws:s3:\$\{Region\}/);
    const cn = lint('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws-cn:dynamodb:cn-north-1:111122223333:table/T"}]}');
    assert.match(String(cn.diagnostics.find((x) => x.code === 'IAM402')!.message), /"arn:aws-cn:s3:::\$\{BucketName\}/);
  });
});

describe('QA: no false positives on realistic resource policies', () => {
  it('an ECR repository policy without Resource is fine; an S3 statement without one still warns', () => {
    const ecr = '{"Version":"2012-10-17","Statement":[{"Sid":"Pull","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":["ecr:BatchGetImage","ecr:GetDownloadUrlForLayer"]}]}';
    assert.deepEqual(lint(ecr, 'resource').diagnostics.map((d) => d.code), []);
    const s3 = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":["ecr:BatchGetImage","s3:GetObject"]}]}';
    assert.deepEqual(lint(s3, 'resource').diagnostics.map((d) => d.code), ['IAM007']);
  });
});
