import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { looksLikePolicy, parsePolicy, pathOf } from '../../../server/src/core/policy/model';

describe('policy model', () => {
  it('reads statements, elements and spans', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"*"}]}';
    const p = parsePolicy(text);
    assert.equal(p.hasStatement, true);
    assert.equal(p.version?.value, '2012-10-17');
    assert.equal(p.statements.length, 1);
    const s = p.statements[0];
    assert.equal(s.sid?.value, 'A');
    assert.deepEqual(s.action?.values.map((v) => v.value), ['s3:GetObject', 's3:PutObject']);
    const v = s.action!.values[1];
    assert.equal(text.slice(v.span.offset, v.span.offset + v.span.length), '"s3:PutObject"');
    assert.deepEqual(pathOf(v.node), ['Statement', 0, 'Action', 1]);
    assert.equal(s.resource?.isArray, false);
  });

  it('accepts a single statement object and keeps going through broken JSON', () => {
    const p = parsePolicy('{"Statement":{"Effect":"Allow","Action":"s3:Get');
    assert.equal(p.statementIsObject, true);
    assert.ok(p.syntaxErrors.length > 0);
    assert.equal(p.statements[0].effect?.value, 'Allow');
  });

  it('records duplicate keys, comments and trailing commas', () => {
    const p = parsePolicy('{"Statement":[{"Sid":"a","Sid":"b", /* c */ "Effect":"Allow",}]}');
    assert.deepEqual(p.duplicateKeys.map((d) => d.key), ['Sid']);
    assert.equal(p.statements[0].sid?.value, 'b');
    assert.ok(p.syntaxErrors.length >= 2);
  });

  it('reads principals and conditions with non-string values', () => {
    const p = parsePolicy('{"Statement":[{"Principal":{"AWS":["arn:aws:iam::111122223333:root"],"Service":"ec2.amazonaws.com"},"Condition":{"Bool":{"aws:SecureTransport":false},"NumericLessThan":{"s3:max-keys":["10"]}}}]}');
    const s = p.statements[0];
    assert.deepEqual(s.principal?.types.map((t) => t.type), ['AWS', 'Service']);
    assert.equal(s.conditions.length, 2);
    assert.equal(s.conditions[0].keys[0].values[0].kind, 'boolean');
    assert.equal(s.conditions[0].keys[0].values[0].value, 'false');
  });

  it('tells policies from other JSON', () => {
    assert.equal(looksLikePolicy('{"Version":"2012-10-17","Statement":[]}'), true);
    assert.equal(looksLikePolicy('{"name":"x","version":"1.0.0","scripts":{}}'), false);
    assert.equal(looksLikePolicy('[1,2]'), false);
    assert.equal(looksLikePolicy(''), false);
  });
});
