// Every rule, flagged and not flagged, with the range it reports.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../../server/src/service/validation/rules';
import { CASES } from './cases';
import { lint, policy, S } from './lint';
import { messageText } from '../helpers';

describe('validation rules', () => {
  for (const c of CASES) {
    it(`${c.code} ${c.flagged ? 'flags' : 'accepts'}: ${c.name}`, () => {
      const r = lint(c.text, c.type, undefined, c.model);
      const hits = r.diagnostics.filter((d) => d.code === c.code);
      if (!c.flagged) { assert.deepEqual(hits.map((d) => d.message), []); return; }
      assert.ok(hits.length > 0, `expected ${c.code}; got ${r.diagnostics.map((d) => `${d.code} ${d.message}`).join(' | ') || 'nothing'}`);
      if (c.at) assert.ok(hits.some((d) => r.textOf(d) === c.at), `expected range ${c.at}, got ${hits.map((d) => r.textOf(d)).join(', ')}`);
      if (c.message) assert.ok(hits.some((d) => c.message!.test(messageText(d))), `message ${hits.map((d) => d.message).join(' | ')} does not match ${c.message}`);
      for (const d of hits) {
        assert.match(String(d.codeDescription?.href), new RegExp(`rules\\.md#${c.code.toLowerCase()}-`));
        assert.equal(d.source, 'iam-policy');
      }
    });
  }

  it('covers every rule with a flagged and an accepted case', () => {
    for (const rule of RULES) {
      assert.ok(CASES.some((c) => c.code === rule.code && c.flagged), `${rule.code} has no flagged case`);
      assert.ok(CASES.some((c) => c.code === rule.code && !c.flagged), `${rule.code} has no accepted case`);
    }
  });

  it('documents every rule in docs/rules.md under the anchor its diagnostics link to', () => {
    const md = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'rules.md'), 'utf8');
    for (const rule of RULES) assert.ok(md.includes(`\n### ${rule.code} ${rule.slug}\n`), `docs/rules.md lacks "### ${rule.code} ${rule.slug}"`);
  });

  it('flags operators named like Object.prototype members as unknown, without an internal error', () => {
    for (const op of ['toString', 'constructor', 'valueOfIfExists', 'ForAnyValue:hasOwnProperty', '__proto__']) {
      const r = lint(policy(S({ Condition: { [op]: { 'aws:SourceIp': '203.0.113.0/24' } } })));
      assert.deepEqual(r.diagnostics.map((d) => d.code), ['IAM301'], `${op}: ${r.diagnostics.map((d) => `${d.code} ${d.message}`).join(' | ')}`);
      assert.match(messageText(r.diagnostics[0]), /Unknown condition operator/);
    }
  });

  it('reports a policy variable after a JSON escape on the whole value, not on a shifted span', () => {
    // the raw `\\` is one character once decoded, so indexes into the value no longer line up with the document
    const r = lint('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b\\\\x/${aws:usrname}"}]}');
    const hits = r.diagnostics.filter((d) => d.code === 'IAM604');
    assert.equal(hits.length, 1);
    assert.equal(r.textOf(hits[0]), '"arn:aws:s3:::b\\\\x/${aws:usrname}"');
  });

  it('gives every rule a unique code and slug', () => {
    assert.equal(new Set(RULES.map((r) => r.code)).size, RULES.length);
    assert.equal(new Set(RULES.map((r) => r.slug)).size, RULES.length);
  });
});
