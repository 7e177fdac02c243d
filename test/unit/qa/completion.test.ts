// Findings of the QA pass on completion: a word typed without quotes is replaced, not appended to.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyItem, completeAt, item } from '../completion/support';
import { validate } from '../../../server/src/service/validation';
import { DEFAULT_SETTINGS } from '../../../server/src/service/settings';
import { catalog, doc } from '../helpers';

function accept(text: string, label: string, type?: Parameters<typeof completeAt>[1]) {
  const { doc, items } = completeAt(text, type);
  const it = item(items, label);
  return { text: applyItem(doc, it), filterText: it.filterText };
}

describe('QA: completing a bare word (typed before any quote)', () => {
  it('replaces a bare top-level key', () => {
    const r = accept('{V|}', 'Version');
    assert.equal(r.text, '{"Version": "2012-10-17"}');
    assert.equal(r.filterText, 'Version');
  });

  it('replaces a bare statement key on its own line', () => {
    assert.equal(accept('{"Statement": [{"Effect": "Allow",\n Act|\n}]}', 'Action').text, '{"Statement": [{"Effect": "Allow",\n "Action": ""\n}]}');
  });

  it('replaces a bare Effect value with the quoted value, filtered without quotes', () => {
    const r = accept('{"Statement": [{"Effect": Al|}]}', 'Allow');
    assert.equal(r.text, '{"Statement": [{"Effect": "Allow"}]}');
    assert.equal(r.filterText, 'Allow');
  });

  it('completes actions after a bare service prefix, in a string and in an array', () => {
    assert.equal(accept('{"Statement": [{"Effect": "Allow", "Action": s3:Get|}]}', 's3:GetObject').text, '{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject"}]}');
    assert.equal(accept('{"Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", s3:Put|]}]}', 's3:PutObject').text,
      '{"Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"]}]}');
  });

  it('replaces a bare condition operator and a bare condition key', () => {
    assert.equal(accept('{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {Bo|}}]}', 'Bool').text,
      '{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"Bool": {\n\t"": ""\n}}}]}');
    assert.equal(accept('{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"Bool": {aws:Sec|}}}]}', 'aws:SecureTransport').text,
      '{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": ""}}}]}');
  });

  it('still inserts at the cursor when nothing was typed, and keeps a following comma', () => {
    assert.equal(accept('{"Statement": [{"Effect": |}]}', 'Deny').text, '{"Statement": [{"Effect": "Deny"}]}');
    assert.equal(accept('{"Statement": [{|"Effect": "Allow"}]}', 'Action').text, '{"Statement": [{"Action": "","Effect": "Allow"}]}');
  });
});

describe('QA: an empty new policy file', () => {
  it('offers the whole policy skeleton, which expands to a valid policy', () => {
    for (const [type, fill] of [['identity', { '"Action": ""': '"Action": "s3:GetObject"', '"Resource": ""': '"Resource": "*"' }], ['trust', { '"AWS": ""': '"AWS": "111122223333"' }]] as const) {
      const r = accept('\n|\n', `New ${type} policy`, type);
      let text = r.text;
      assert.match(text, /^\{\n\t"Version": "2012-10-17",\n\t"Statement": \[\n\t\t\{\n\t\t\t"Sid": ""/);
      for (const [from, to] of Object.entries(fill)) text = text.replace(from, to);
      text = text.replace('"Sid": ""', '"Sid": "S1"');
      const diags = validate(doc(text, 'iam-policy', `file:///qa/new-${type}.json`), catalog, type, DEFAULT_SETTINGS).filter((d) => d.severity === 1);
      assert.deepEqual(diags.map((d) => d.message), [], text);
    }
  });

  it('a trust statement starts with sts:AssumeRole as its action', () => {
    assert.match(accept('{"Version": "2012-10-17", "Statement": [|]}', 'New statement', 'trust').text, /"Action": "sts:AssumeRole"/);
  });
});

describe('QA: Action in a role trust policy', () => {
  const sorted = (text: string) => completeAt(text, 'trust').items.slice().sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((i) => i.label);
  it('offers the assume action that fits the principal first, before the service list', () => {
    assert.deepEqual(sorted('{"Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "|"}]}').slice(0, 4),
      ['sts:AssumeRole', 'sts:AssumeRoleWithWebIdentity', 'sts:AssumeRoleWithSAML', 'sts:TagSession']);
    const oidc = '{"Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"}, "Action": "|"}]}';
    assert.equal(sorted(oidc)[0], 'sts:AssumeRoleWithWebIdentity');
    assert.equal(sorted('{"Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:saml-provider/Okta"}, "Action": ["|"]}]}')[0], 'sts:AssumeRoleWithSAML');
    assert.equal(accept(oidc, 'sts:AssumeRoleWithWebIdentity', 'trust').text, oidc.replace('"|"', '"sts:AssumeRoleWithWebIdentity"'));
  });

  it('an identity policy still starts with the services', () => {
    assert.equal(completeAt('{"Statement": [{"Effect": "Allow", "Action": "|"}]}', 'identity').items.some((i) => i.label === 'sts:AssumeRole'), false);
  });
});

describe('QA: statement snippets tab through the elements in reading order', () => {
  it('Sid, Effect, Principal, Action, Resource', () => {
    for (const [text, label, type] of [['|', 'New identity policy', 'identity'], ['|', 'New resource policy', 'resource'], ['{"Statement": [|]}', 'New statement', 'identity'], ['{"Statement": [|]}', 'New statement', 'resource']] as const) {
      const { items } = completeAt(text, type);
      const snippet = (item(items, label).textEdit as { newText: string }).newText;
      const stops = [...snippet.matchAll(/\$\{?(\d+)/g)].map((m) => Number(m[1]));
      assert.deepEqual(stops, [...stops].sort((a, b) => a - b), `${label} (${type}): ${snippet}`);
    }
  });
});

describe('QA: resource ARNs for the statement actions', () => {
  it('s3:GetObject offers the bucket object ARN before the access point object ARN', () => {
    const { items } = completeAt('{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "|"}]}');
    const labels = items.slice().sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((i) => i.label);
    assert.equal(labels[0], 'arn:aws:s3:::${BucketName}/${ObjectName}');
  });
});
