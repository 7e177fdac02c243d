// The built language server over real LSP (stdio): capabilities, hover, diagnostics, which documents it serves.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hoverText, LspClient } from './lspClient';

const root = join(__dirname, '..', '..');
const readRepo = (p: string) => readFileSync(join(root, p), 'utf8');

describe('language server over stdio', () => {
  let lsp: LspClient;
  before(async () => {
    lsp = await LspClient.start();
    console.log(`# cold start (spawn -> initialize answered): ${lsp.startupMs.toFixed(0)} ms`);
  });
  after(async () => { await lsp?.stop(); });

  it('answers initialize with completion and hover capabilities', () => {
    const caps = lsp.initializeResult.capabilities;
    assert.equal(caps.hoverProvider, true);
    assert.ok(caps.completionProvider, 'completionProvider is announced');
    assert.ok(caps.completionProvider.triggerCharacters?.includes('"') || caps.completionProvider.triggerCharacters?.includes(':'),
      `trigger characters: ${JSON.stringify(caps.completionProvider.triggerCharacters)}`);
    assert.ok(caps.textDocumentSync, 'textDocumentSync is announced');
  });

  it('hover on an action gives its description from the catalog', async () => {
    const text = readRepo('examples/policies/app-read-s3.policy.json');
    const uri = lsp.open('app-read-s3.policy.json', text);
    const h = await lsp.hover(uri, text.indexOf('s3:GetObject') + 4);
    const t = hoverText(h);
    assert.match(t, /s3:GetObject/);
    assert.match(t, /Grants permission to retrieve objects/);
    lsp.close(uri);
  });

  it('hover outside any policy element is empty', async () => {
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": []\n}\n';
    const uri = lsp.open('empty.policy.json', text);
    assert.equal(hoverText(await lsp.hover(uri, 0)), '');
    lsp.close(uri);
  });

  it('completion after "s3: in an Action offers s3:GetObject', async () => {
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "s3:", "Resource": "*" }]\n}\n';
    const uri = lsp.open('complete.policy.json', text);
    const items = await lsp.completion(uri, text.indexOf('"s3:') + 4);
    const labels = items.map((i) => (typeof i.label === 'string' ? i.label : ''));
    assert.ok(labels.some((l) => /s3:GetObject$|^GetObject$/.test(l)), `labels: ${labels.slice(0, 20).join(', ')}`);
    lsp.close(uri);
  });

  it('a JSON syntax error is reported as a diagnostic with source iam-policy', async () => {
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": [ { "Effect": "Allow" "Action": "s3:GetObject", "Resource": "*" } ]\n}\n';
    const uri = lsp.open('broken.policy.json', text);
    const diags = await lsp.diagnostics(uri);
    assert.ok(diags.length > 0, 'at least one diagnostic');
    assert.ok(diags.every((d) => d.source === 'iam-policy'), JSON.stringify(diags.map((d) => d.source)));
    const at = text.indexOf('"Action"');
    const line = lsp.doc(uri).positionAt(at).line;
    assert.ok(diags.some((d) => d.range.start.line === line), `a diagnostic on line ${line}: ${JSON.stringify(diags)}`);
    lsp.close(uri);
  });

  it('fixing the document clears the syntax diagnostics', async () => {
    const broken = '{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:GetObject" "Resource": "*" } ] }';
    const uri = lsp.open('fix-me.policy.json', broken);
    const errorAt = lsp.doc(uri).positionAt(broken.indexOf('"Resource"'));
    const syntax = (await lsp.diagnostics(uri)).find((d) => d.range.start.line === errorAt.line && d.range.start.character === errorAt.character);
    assert.ok(syntax, 'a diagnostic where the comma is missing');
    lsp.change(uri, broken.replace('"s3:GetObject" "Resource"', '"s3:GetObject", "Resource"'));
    const after = await lsp.diagnostics(uri);
    assert.deepEqual(after.filter((d) => d.code === syntax.code), [], 'the syntax diagnostic is gone');
    lsp.close(uri);
  });

  it('package.json and tsconfig.json opened as json get no diagnostics and no hover, a policy in plain .json does', async () => {
    const pkg = lsp.open('package.json', readRepo('package.json'), 'json');
    const tsc = lsp.open('tsconfig.json', readRepo('tsconfig.json'), 'json');
    // a plain .json whose content is a policy, with an error; opened last, so its diagnostics arrive after any for the others
    const policyText = '{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:GetObject" "Resource": "*" } ] }';
    const plain = lsp.open('plain-policy.json', policyText, 'json');
    const diags = await lsp.diagnostics(plain);
    assert.ok(diags.length > 0, 'a plain .json policy is served');
    for (const uri of [pkg, tsc]) {
      const nonEmpty = lsp.publishedFor(uri).filter((p) => p.diagnostics.length > 0);
      assert.deepEqual(nonEmpty, [], `${uri} got IAM diagnostics`);
    }
    const pkgText = readRepo('package.json');
    assert.equal(hoverText(await lsp.hover(pkg, pkgText.indexOf('"version"') + 2)), '');
    assert.equal(hoverText(await lsp.hover(tsc, readRepo('tsconfig.json').indexOf('"strict"') + 2)), '');
    for (const u of [pkg, tsc, plain]) lsp.close(u);
  });

  it('survives malformed input: empty text, binary-ish text, deep nesting', async () => {
    const texts = ['', '\u0000\u0001{{{', '['.repeat(5000), '{"Statement": ' + '{"a":'.repeat(2000)];
    for (const [i, t] of texts.entries()) {
      const uri = lsp.open(`weird-${i}.policy.json`, t);
      await lsp.diagnostics(uri);
      await lsp.hover(uri, Math.min(3, t.length));
      lsp.close(uri);
    }
    assert.equal(lsp.proc.exitCode, null, `server is still running; stderr:\n${lsp.stderr}`);
  });
});
