import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LARGE_DOCUMENT_CHARS } from '../../../server/src/service/validation/rules/largeDocument';
import { lint } from './lint';

function bigPolicy(extraStatement: string): string {
  const s = '{"Effect":"Allow","Action":"dyanmodb:GetItem","Resource":"*"}';
  const parts: string[] = [];
  for (let n = 0; n < LARGE_DOCUMENT_CHARS + 1000; n += s.length + 1) parts.push(s);
  return `{"Version":"2012-10-17","Statement":[${extraStatement}${parts.join(',')}]}`;
}

describe('IAM702 document-too-large', () => {
  it('checks only syntax and size above the limit, and says so', () => {
    const d = lint(bigPolicy('')).diagnostics;
    const codes = new Set(d.map((x) => x.code));
    assert.ok(codes.has('IAM702'), [...codes].join(' '));
    assert.ok(codes.has('IAM701'), 'size still checked');
    assert.ok(!codes.has('IAM201'), 'per-element rules skipped');
  });

  it('still reports syntax errors in a large document', () => {
    const d = lint(bigPolicy('{"Effect":"Allow",},')).diagnostics;
    assert.ok(d.some((x) => x.code === 'IAM001'));
  });

  it('stays silent below the limit, where every rule runs', () => {
    const d = lint('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"dyanmodb:GetItem","Resource":"*"}]}').diagnostics;
    assert.ok(!d.some((x) => x.code === 'IAM702'));
    assert.ok(d.some((x) => x.code === 'IAM201'));
  });
});
