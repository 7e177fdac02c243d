// Over real LSP (stdio): one problem gives one diagnostic, and comments can be removed in one go (issue 14 items 16, 17).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeAction, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient } from './lspClient';

// A short policy annotated with `//` comments in Japanese, opened as a plain .json file, as a newcomer does.
const JAPANESE = readFileSync(join(__dirname, '..', 'fixtures', 'commented', 'japanese-comments.json'), 'utf8');

describe('one problem, one diagnostic (LSP over stdio)', () => {
  let lsp: LspClient;
  before(async () => { lsp = await LspClient.start(); });
  after(async () => { await lsp?.stop(); });

  it('a .json policy with four Japanese comments gets four diagnostics, and "Remove all comments" leaves a clean policy', async () => {
    const uri = lsp.open('annotated.json', JAPANESE, 'json');
    const diags = await lsp.diagnostics(uri);
    assert.deepEqual(diags.map((d) => d.code), ['IAM001', 'IAM001', 'IAM001', 'IAM001'], JSON.stringify(diags.map((d) => [d.code, d.message])));
    const at = diags[2];
    const actions = await lsp.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: at.range, context: { diagnostics: [at] } });
    assert.deepEqual(actions.map((a) => a.title), ['Remove this comment', 'Remove all comments']);
    const edits = actions[1].edit!.changes![uri] as TextEdit[];
    const cleaned = TextDocument.applyEdits(TextDocument.create(uri, 'json', 1, JAPANESE), edits);
    assert.doesNotThrow(() => JSON.parse(cleaned));
    lsp.change(uri, cleaned);
    assert.deepEqual(await lsp.diagnostics(uri), []);
    lsp.close(uri);
  });

  it('an unquoted template placeholder gets one IAM001 and nothing else', async () => {
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": ${BucketArn} }]\n}\n';
    const uri = lsp.open('template.policy.json', text);
    const diags = await lsp.diagnostics(uri);
    assert.deepEqual(diags.map((d) => d.code), ['IAM001']);
    const d = TextDocument.create(uri, 'iam-policy', 1, text);
    assert.equal(d.getText(diags[0].range), '${BucketArn}');
    lsp.close(uri);
  });
});
