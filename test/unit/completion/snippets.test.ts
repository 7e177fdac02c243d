// The snippets in snippets/iam-policy.code-snippets expand (placeholders at their defaults) to valid policies.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePolicy, type PolicyDocument } from '../../../server/src/core/policy/model';
import { hasWildcard } from '../../../server/src/core/wildcard';
import { catalog, expandSnippet } from './support';

interface Snippet { prefix: string; body: string[]; description: string }
const file = join(__dirname, '..', '..', '..', 'snippets', 'iam-policy.code-snippets');
const snippets = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Snippet>;
const byPrefix = (p: string) => Object.values(snippets).find((s) => s.prefix === p)!;

/** Full policies parse as they are; statements are wrapped in a policy, property fragments in a statement. */
function expandToPolicy(s: Snippet): PolicyDocument {
  const body = expandSnippet(s.body.join('\n'));
  const text = body.startsWith('{"Version"') || body.includes('"Statement"') ? body
    : body.startsWith('{') ? `{"Version": "2012-10-17", "Statement": [${body}]}`
      : `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", ${body}}]}`;
  return parsePolicy(text);
}

function assertCatalogBacked(p: PolicyDocument, name: string): void {
  for (const s of p.statements) {
    for (const v of [...(s.action?.values ?? []), ...(s.notAction?.values ?? [])]) {
      assert.ok(hasWildcard(v.value) ? catalog.expandActions(v.value).length > 0 : catalog.hasAction(v.value), `${name}: ${v.value}`);
    }
    for (const c of s.conditions) for (const k of c.keys) assert.ok(catalog.conditionKey(k.key), `${name}: ${k.key}`);
  }
}

describe('snippets', () => {
  it('the file is valid JSON with a prefix, body and description for each', () => {
    assert.ok(Object.keys(snippets).length >= 10);
    for (const [name, s] of Object.entries(snippets)) assert.ok(s.prefix && s.body.length && s.description, name);
  });

  for (const [name, s] of Object.entries(snippets)) {
    it(`${name}: expands to valid JSON whose actions and keys the catalog knows`, () => {
      const p = expandToPolicy(s);
      assert.deepEqual(p.syntaxErrors, [], name);
      assert.ok(p.statements.length > 0, name);
      for (const st of p.statements) assert.match(st.effect?.value ?? '', /^(Allow|Deny)$/, name);
      assertCatalogBacked(p, name);
    });
  }

  it('trust policies have a principal, an sts action and no Resource', () => {
    for (const prefix of ['iam-trust-ec2', 'iam-trust-lambda', 'iam-trust-cross-account', 'iam-trust-github']) {
      const p = expandToPolicy(byPrefix(prefix));
      const st = p.statements[0];
      assert.ok(st.principal, prefix);
      assert.ok(!st.resource, prefix);
      assert.match(st.action!.values[0].value, /^sts:AssumeRole/, prefix);
    }
  });

  it('the GitHub trust policy pins aud and sub to a repository and branch', () => {
    const st = expandToPolicy(byPrefix('iam-trust-github')).statements[0];
    const keys = Object.fromEntries(st.conditions[0].keys.map((k) => [k.key, k.values[0].value]));
    assert.equal(st.conditions[0].operator, 'StringEquals');
    assert.equal(keys['token.actions.githubusercontent.com:aud'], 'sts.amazonaws.com');
    assert.equal(keys['token.actions.githubusercontent.com:sub'], 'repo:owner/repo:ref:refs/heads/main');
  });

  it('the bucket policy denies everyone when aws:SecureTransport is false', () => {
    const st = expandToPolicy(byPrefix('iam-bucket-tls')).statements[0];
    assert.equal(st.effect?.value, 'Deny');
    assert.equal(st.principal?.bare?.value, '*');
    assert.deepEqual(st.conditions.map((c) => [c.operator, c.keys[0].key, c.keys[0].values[0].value]), [['Bool', 'aws:SecureTransport', 'false']]);
    assert.deepEqual(st.resource?.values.map((v) => v.value), ['arn:aws:s3:::example-bucket', 'arn:aws:s3:::example-bucket/*']);
  });

  it('the SCP region guard denies other regions with NotAction for global services', () => {
    const st = expandToPolicy(byPrefix('iam-scp-region')).statements[0];
    assert.equal(st.effect?.value, 'Deny');
    assert.ok(st.notAction!.values.some((v) => v.value === 'iam:*'));
    const c = st.conditions[0];
    assert.equal(c.operator, 'StringNotEquals');
    assert.equal(c.keys[0].key, 'aws:RequestedRegion');
    for (const r of c.keys[0].values) assert.ok(catalog.isValidRegion(r.value), r.value);
  });

  it('the MFA snippets test aws:MultiFactorAuthPresent', () => {
    for (const prefix of ['iam-mfa', 'iam-deny-without-mfa']) {
      const st = expandToPolicy(byPrefix(prefix)).statements[0];
      assert.equal(st.conditions[0].keys[0].key, 'aws:MultiFactorAuthPresent', prefix);
    }
  });
});
