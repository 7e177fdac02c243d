// Non-policy JSON stays silent: the service does not serve it, so no diagnostics, completion or hover.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isPolicyDocument } from '../../../server/src/service/documents';
import { DEFAULT_SETTINGS } from '../../../server/src/service/settings';
import { doc } from '../helpers';

const dir = join(__dirname, '..', '..', 'fixtures', 'non-policy');

describe('non-policy JSON gets no IAM features', () => {
  for (const f of readdirSync(dir)) {
    for (const languageId of ['json', 'jsonc']) {
      it(`${f} as ${languageId}`, () => {
        const d = doc(readFileSync(join(dir, f), 'utf8'), languageId, `file:///ws/${f}`);
        assert.equal(isPolicyDocument(d, DEFAULT_SETTINGS), false);
      });
    }
  }

  it('a policy in plain JSON is served, unless detection is off', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}';
    assert.equal(isPolicyDocument(doc(text, 'json', 'file:///ws/p.json'), DEFAULT_SETTINGS), true);
    assert.equal(isPolicyDocument(doc(text, 'json', 'file:///ws/p.json'), { ...DEFAULT_SETTINGS, detectInJson: false }), false);
  });

  it('the iam-policy language is always served, even empty', () => {
    assert.equal(isPolicyDocument(doc('', 'iam-policy'), DEFAULT_SETTINGS), true);
  });

  it('other languages are never served', () => {
    assert.equal(isPolicyDocument(doc('{"Statement":[]}', 'yaml'), DEFAULT_SETTINGS), false);
  });
});
