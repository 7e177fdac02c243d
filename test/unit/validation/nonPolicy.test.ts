// JSON files that are not policies get no diagnostics: package.json, tsconfig.json, CloudFormation templates.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isPolicyDocument } from '../../../server/src/service/documents';
import { DEFAULT_SETTINGS } from '../../../server/src/service/settings';
import { validate } from '../../../server/src/service/validation';
import { catalog, doc } from '../helpers';

const root = join(__dirname, '..', '..', '..');
const cfn = JSON.stringify({
  AWSTemplateFormatVersion: '2010-09-09',
  Resources: { Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] } } } },
}, null, 2);

/** What the server does for a document: diagnostics only when it serves the document. */
function served(text: string, languageId: string, uri: string) {
  const d = doc(text, languageId, uri);
  return isPolicyDocument(d, DEFAULT_SETTINGS) ? validate(d, catalog, 'identity', DEFAULT_SETTINGS) : [];
}

describe('non-policy JSON', () => {
  for (const [name, text] of [
    ['package.json', readFileSync(join(root, 'package.json'), 'utf8')],
    ['tsconfig.json', readFileSync(join(root, 'tsconfig.json'), 'utf8')],
    ['template.json (CloudFormation)', cfn],
  ] as const) {
    it(`${name} as json gets no diagnostics`, () => {
      assert.equal(isPolicyDocument(doc(text, 'json', `file:///w/${name}`), DEFAULT_SETTINGS), false);
      assert.deepEqual(served(text, 'json', `file:///w/${name}`), []);
      assert.deepEqual(served(text, 'jsonc', `file:///w/${name}`), []);
    });
  }

  it('a policy opened as json is served and validated', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObjekt","Resource":"*"}]}';
    assert.ok(served(text, 'json', 'file:///w/p.json').some((d) => d.code === 'IAM202'));
  });

  it('detection can be turned off', () => {
    const text = '{"Version":"2012-10-17","Statement":[]}';
    assert.equal(isPolicyDocument(doc(text, 'json', 'file:///w/q.json'), { ...DEFAULT_SETTINGS, detectInJson: false }), false);
  });

  it('severities are configurable per code and per slug', () => {
    const text = '{"Statement":[{"Effect":"Allow","Action":"s3:GetObjekt","Resource":"*"}]}';
    const d = doc(text);
    const off = validate(d, catalog, 'identity', { ...DEFAULT_SETTINGS, rules: { IAM202: 'off', 'missing-version': 'error' } });
    assert.ok(!off.some((x) => x.code === 'IAM202'));
    assert.equal(off.find((x) => x.code === 'IAM010')?.severity, 1);
  });
});
