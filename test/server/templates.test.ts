// Policies inside CloudFormation/SAM templates over real LSP: diagnostics at the scalar the user wrote, hover with
// where a computed value came from, quick fixes that edit the template, and silence for ordinary YAML and JSON.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, DocumentSymbol, Range } from 'vscode-languageserver-types';
import type { PolicyStatementsResult, SimulateResult } from '../../server/src/protocol';
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

  it('Simulate in a YAML template: statements at their place, a decision on the embedded policy, ranges in the template, unknowns named', async () => {
    const text = read('app.template.yaml');
    const uri = lsp.open('simulate.template.yaml', text, 'yaml');
    const doc = lsp.doc(uri);
    const at = (r: Range) => text.slice(doc.offsetAt(r.start), doc.offsetAt(r.end));
    const { statements } = await lsp.request<PolicyStatementsResult>('iamPolicy/policyStatements', { uri });
    const consume = statements.find((s) => s.sid === 'Consume')!;
    assert.ok(consume, JSON.stringify(statements));
    assert.equal(consume.policyType, 'identity');
    assert.equal(consume.action, 'sqs:ReceiveMessage');
    assert.equal(consume.resource, 'arn:aws:sqs:us-east-1:123456789012:Queue');
    assert.match(at(consume.range), /^Sid: Consume\n/);
    const r = await lsp.request<SimulateResult>('iamPolicy/simulate', {
      identityPolicies: [{ uri: consume.policyUri }], permissionBoundaries: [], scps: [], rcps: [],
      request: { principal: 'arn:aws:iam::123456789012:role/worker', action: consume.action, resource: consume.resource },
    });
    assert.equal(r.result?.decision, 'Allowed', JSON.stringify(r));
    const decided = r.result!.matchedStatements[0];
    assert.equal(decided.file, uri);
    assert.match(at(decided.range!), /^Sid: Consume\n/);
    assert.equal(r.policyNames[consume.policyUri!], 'simulate.template.yaml › Resources/WorkerRole/Properties/Policies/0/PolicyDocument');

    // the bucket policy's principal is a parameter without a default: reported, not taken as a real principal
    const partner = statements.find((s) => s.sid === 'PartnerRead')!;
    assert.equal(partner.policyType, 'resource');
    const shared = await lsp.request<SimulateResult>('iamPolicy/simulate', {
      identityPolicies: [], permissionBoundaries: [], scps: [], rcps: [], resourcePolicy: { uri: partner.policyUri },
      request: { principal: 'arn:aws:iam::444455556666:root', action: 's3:GetObject', resource: 'arn:aws:s3:::Bucket/x' },
    });
    assert.ok(shared.errors.some((e) => /"ExternalPrincipal" at line \d+, column \d+ is unknown until deploy time/.test(e)), JSON.stringify(shared.errors));
    lsp.close(uri);
  });

  it('Simulate on a template that is not open reads it through the safe reader (inside the workspace only)', async () => {
    const inside = await LspClient.start({ workspaceFolders: [pathToFileURL(fixtures).toString()] });
    try {
      const templateUri = pathToFileURL(join(fixtures, 'app.template.yaml')).toString();
      const policyUri = `${templateUri}#iam-embedded=${encodeURIComponent('Resources/WorkerRole/Properties/Policies/0/PolicyDocument')}`;
      const params = {
        identityPolicies: [{ uri: policyUri }], permissionBoundaries: [], scps: [], rcps: [],
        request: { principal: 'arn:aws:iam::123456789012:role/worker', action: 'sqs:DeleteMessage', resource: 'arn:aws:sqs:us-east-1:123456789012:Queue' },
      };
      const r = await inside.request<SimulateResult>('iamPolicy/simulate', params);
      assert.equal(r.result?.decision, 'Allowed', JSON.stringify(r.errors));
      assert.equal(r.result!.matchedStatements[0].file, templateUri);
      const gone = await inside.request<SimulateResult>('iamPolicy/simulate', { ...params, identityPolicies: [{ uri: `${templateUri}#iam-embedded=Resources%2FNope` }] });
      assert.ok(gone.errors.some((e) => /has no policy at Resources\/Nope/.test(e)), JSON.stringify(gone.errors));
      assert.equal(gone.result?.decision, 'ImplicitlyDenied');
    } finally {
      await inside.stop();
    }
  });

  it('Simulate in a .tf file: statements of aws_iam_policy_document and jsonencode policies, decided and mapped back', async () => {
    const text = readFileSync(join(fixtures, 'terraform', 'main.tf'), 'utf8');
    const uri = lsp.open('simulate.tf', text, 'plaintext');
    const doc = lsp.doc(uri);
    const at = (r: Range) => text.slice(doc.offsetAt(r.start), doc.offsetAt(r.end));
    let statements: PolicyStatementsResult['statements'] = [];
    // the WASM parser loads on the first .tf document
    for (let i = 0; i < 50 && !statements.length; i++) {
      statements = (await lsp.request<PolicyStatementsResult>('iamPolicy/policyStatements', { uri })).statements;
      if (!statements.length) await new Promise((res) => setTimeout(res, 100));
    }
    const reports = statements.find((s) => s.sid === 'ReadOwnReports')!;
    assert.ok(reports, JSON.stringify(statements));
    assert.equal(reports.action, 's3:GetObject');
    assert.match(at(reports.range), /sid\s+= "ReadOwnReports"/);
    const r = await lsp.request<SimulateResult>('iamPolicy/simulate', {
      identityPolicies: [{ uri: reports.policyUri }], permissionBoundaries: [], scps: [], rcps: [],
      request: { principal: 'arn:aws:iam::123456789012:user/alice', action: 's3:GetObject', resource: 'arn:aws:s3:::acme-reports/reports/alice/q1.csv', context: { 'aws:username': 'alice' } },
    });
    assert.equal(r.result?.decision, 'Allowed', JSON.stringify(r));
    assert.equal(r.result!.matchedStatements[0].file, uri);
    assert.match(at(r.result!.matchedStatements[0].range!), /sid\s+= "ReadOwnReports"/);

    // the bucket policy's principal account is a variable without a default: reported as unknown, with its place
    const partner = statements.find((s) => s.sid === 'PartnerRead')!;
    assert.equal(partner.policyType, 'resource');
    const shared = await lsp.request<SimulateResult>('iamPolicy/simulate', {
      identityPolicies: [], permissionBoundaries: [], scps: [], rcps: [], resourcePolicy: { uri: partner.policyUri },
      request: { principal: 'arn:aws:iam::444455556666:root', action: 's3:GetObject', resource: 'arn:aws:s3:::acme-reports/x' },
    });
    const line = text.split('\n').findIndex((l) => l.includes('${var.external_account}')) + 1;
    assert.ok(shared.errors.some((e) => e.includes(`"external_account" at line ${line}, column `) && e.includes('(written `${var.external_account}`) is unknown until deploy time')), JSON.stringify(shared.errors));
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
