// Policies inside CloudFormation/SAM templates over real LSP: diagnostics at the scalar the user wrote, hover with
// where a computed value came from, quick fixes that edit the template, and silence for ordinary YAML and JSON.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeAction, DocumentSymbol } from 'vscode-languageserver-types';
import { hoverText, LspClient } from './lspClient';

const fixtures = join(__dirname, '..', 'fixtures', 'templates');
const read = (name: string) => readFileSync(join(fixtures, name), 'utf8');

describe('templates over LSP', () => {
  let lsp: LspClient;
  before(async () => { lsp = await LspClient.start(); });
  after(async () => { await lsp?.stop(); });

  it('a YAML template gets diagnostics at the scalar, hover on embedded actions and on computed values, and the quick fix', async () => {
    const text = read('app.template.yaml').replace('                  - s3:PutObject\n', '                  - s3:PutObjcet\n');
    const uri = lsp.open('app.template.yaml', text, 'yaml');
    const diags = await lsp.diagnostics(uri);
    const typo = diags.find((d) => d.code === 'IAM202');
    assert.ok(typo, JSON.stringify(diags));
    const doc = lsp.doc(uri);
    assert.equal(text.slice(doc.offsetAt(typo.range.start), doc.offsetAt(typo.range.end)), 's3:PutObjcet');

    const actions = await lsp.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: typo.range, context: { diagnostics: [typo] } });
    const edit = actions[0]?.edit?.changes?.[uri]?.[0];
    assert.ok(edit, JSON.stringify(actions));
    assert.equal(edit.newText, 's3:PutObject');
    assert.equal(text.slice(doc.offsetAt(edit.range.start), doc.offsetAt(edit.range.end)), 's3:PutObjcet');

    assert.match(hoverText(await lsp.hover(uri, text.indexOf('sqs:ReceiveMessage') + 5)), /sqs:ReceiveMessage/);
    const sub = text.indexOf('${AWS::Partition}');
    assert.match(hoverText(await lsp.hover(uri, sub + 4)), /`AWS::Partition` assumed `aws`/);
    assert.match(hoverText(await lsp.hover(uri, text.indexOf('Queue.Arn') + 2)), /Fn::GetAtt Queue\.Arn/);
    lsp.close(uri);
  });

  it('the outline of a template lists each embedded policy with its type and statements', async () => {
    const text = read('app.template.yaml');
    const uri = lsp.open('outline.template.yaml', text, 'yaml');
    const symbols = await lsp.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => `${s.name} (${s.detail})`), [
      'Resources/WorkerRole/Properties/AssumeRolePolicyDocument (Role trust policy)',
      'Resources/WorkerRole/Properties/Policies/0/PolicyDocument (Identity-based policy)',
      'Resources/BucketPolicy/Properties/PolicyDocument (Resource-based policy)',
      'Resources/Guard/Properties/Content (Service control policy (SCP))',
    ]);
    const doc = lsp.doc(uri);
    const consume = symbols[1].children!.find((c) => /Consume/.test(c.name))!;
    assert.ok(consume, JSON.stringify(symbols[1].children));
    assert.match(text.slice(doc.offsetAt(consume.selectionRange.start), doc.offsetAt(consume.selectionRange.end)), /Consume|Sid/);
    lsp.close(uri);
  });

  it('completion in a YAML template edits only the scalar', async () => {
    const text = read('app.template.yaml').replace('                  - s3:PutObject\n', '                  - s3:PutObj\n');
    const uri = lsp.open('complete.template.yaml', text, 'yaml');
    const items = await lsp.completion(uri, text.indexOf('s3:PutObj') + 9);
    const item = items.find((i) => /PutObject$/.test(i.label));
    assert.ok(item, JSON.stringify(items.slice(0, 5).map((i) => i.label)));
    lsp.close(uri);
  });

  it('a CloudFormation JSON template opened as json is checked; its typos are found where they were written', async () => {
    const text = read('bucket-role.template.json');
    const uri = lsp.open('bucket-role.template.json', text, 'json');
    const diags = await lsp.diagnostics(uri);
    const doc = lsp.doc(uri);
    const at = (c: string) => diags.filter((d) => d.code === c).map((d) => text.slice(doc.offsetAt(d.range.start), doc.offsetAt(d.range.end)));
    assert.ok(at('IAM201').some((t) => t.includes('dyanmodb')), JSON.stringify(diags));
    assert.ok(diags.some((d) => /Alow/.test(text.slice(doc.offsetAt(d.range.start), doc.offsetAt(d.range.end)))), JSON.stringify(diags));
    lsp.close(uri);
  });

  it('a .tf file (no Terraform extension: plaintext) gets its policies checked once the parser has loaded, and hover', async () => {
    const text = readFileSync(join(fixtures, 'terraform', 'main.tf'), 'utf8').replace('"sqs:DeleteMessage"]', '"sqs:DeleteMesage"]');
    const uri = lsp.open('main.tf', text, 'plaintext');
    const doc = lsp.doc(uri);
    let diags = await lsp.diagnostics(uri);
    // the first answer may come before the WASM parser is loaded; the server publishes again once it is
    for (let i = 0; i < 20 && !diags.some((d) => d.code === 'IAM202'); i++) diags = (await lsp.nextDiagnostics(uri)).diagnostics;
    const typo = diags.find((d) => d.code === 'IAM202')!;
    assert.equal(text.slice(doc.offsetAt(typo.range.start), doc.offsetAt(typo.range.end)), '"sqs:DeleteMesage"');
    assert.ok(diags.some((d) => d.code === 'IAM704'), 'templatefile is reported as not analysed');
    assert.match(hoverText(await lsp.hover(uri, text.indexOf('aws_sqs_queue.jobs.arn') + 3)), /aws_sqs_queue\.jobs\.arn/);
    assert.match(hoverText(await lsp.hover(uri, text.indexOf('"s3:ListBucket"') + 4)), /s3:ListBucket/);
    lsp.close(uri);
  });

  it('ordinary YAML gets nothing: Kubernetes, workflows, docker-compose, OpenAPI', async () => {
    const dir = join(fixtures, 'non-template');
    for (const f of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n))) {
      const body = readFileSync(join(dir, f), 'utf8');
      const u = lsp.open(`nt-${f}`, body, 'yaml');
      await new Promise((r) => setTimeout(r, 300));
      assert.deepEqual(lsp.publishedFor(u).flatMap((p) => p.diagnostics), [], f);
      assert.equal(await lsp.hover(u, body.indexOf(':') + 2), null, f);
      lsp.close(u);
    }
  });

  it('detectInTemplates off leaves templates alone', async () => {
    const off = await LspClient.start({ settings: { iamPolicy: { detectInTemplates: false } } });
    try {
      const u = off.open('off.template.json', read('bucket-role.template.json'), 'json');
      await new Promise((r) => setTimeout(r, 400));
      assert.deepEqual(off.publishedFor(u).flatMap((p) => p.diagnostics), []);
    } finally {
      await off.stop();
    }
  });
});
