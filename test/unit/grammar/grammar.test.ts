// The TextMate grammar embeds JSON and adds scopes for actions, ARNs, policy variables, condition operators and
// element names; tokenized here with vscode-textmate, the engine VS Code uses.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { Registry, INITIAL, type IGrammar } from 'vscode-textmate';

const root = join(__dirname, '..', '..', '..');
let grammar: IGrammar;

/** [text, scopes] of every token of a one-line document. */
function tokens(line: string): [string, string[]][] {
  const r = grammar.tokenizeLine(line, INITIAL);
  return r.tokens.map((t) => [line.slice(t.startIndex, t.endIndex), t.scopes]);
}
function scopesOf(line: string, text: string): string[] {
  const t = tokens(line).find(([s]) => s === text);
  assert.ok(t, `no token "${text}" in ${JSON.stringify(tokens(line).map(([s]) => s))}`);
  return t[1];
}

describe('TextMate grammar', () => {
  before(async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
    await oniguruma.loadWASM(wasm);
    const registry = new Registry({
      onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
      loadGrammar: async (scope: string) => {
        const file = scope === 'source.iam-policy' ? join(root, 'syntaxes/iam-policy.tmLanguage.json')
          : scope === 'source.json' ? join(root, 'test/fixtures/grammars/JSON.tmLanguage.json') : undefined;
        return file ? JSON.parse(readFileSync(file, 'utf8')) : null;
      },
    });
    grammar = (await registry.loadGrammar('source.iam-policy'))!;
    assert.ok(grammar);
  });

  it('keeps JSON scopes underneath', () => {
    assert.ok(scopesOf('{"Effect": "Allow"}', 'Allow').includes('string.quoted.double.json'));
  });

  it('scopes actions, including wildcards', () => {
    assert.ok(scopesOf('{"Action": ["s3:GetObject"]}', 's3:GetObject').includes('entity.name.function.action.iam'));
    assert.ok(scopesOf('{"Action": "ec2:Describe*"}', 'ec2:Describe*').includes('entity.name.function.action.iam'));
  });

  it('scopes ARNs and the policy variables inside them', () => {
    const line = '{"Resource": "arn:aws:s3:::home/${aws:username}/*"}';
    assert.ok(tokens(line).some(([, s]) => s.includes('constant.other.arn.iam')));
    assert.ok(scopesOf(line, '${aws:username}').includes('variable.other.policy-variable.iam'));
  });

  it('scopes condition operators and element names in keys', () => {
    const line = '{"Condition": {"ForAnyValue:StringLikeIfExists": {"aws:TagKeys": "x"}}}';
    assert.ok(scopesOf(line, 'ForAnyValue:StringLikeIfExists').includes('keyword.operator.condition.iam'));
    assert.ok(scopesOf(line, 'Condition').includes('keyword.other.element.iam'));
    assert.ok(!scopesOf(line, 'aws:TagKeys').includes('keyword.operator.condition.iam'));
  });

  it('does not scope ordinary strings as actions or ARNs', () => {
    const s = scopesOf('{"Sid": "ReadReports"}', 'ReadReports');
    assert.ok(!s.some((x) => x.endsWith('.iam')), s.join(' '));
  });
});
