// What a learner reads, through the real server over stdio: hovers and completion documentation that follow the
// document's policy type, the reason for the type, and IAM404 on a statement with actions that fit none of its ARNs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem } from 'vscode-languageserver-protocol/node';
import { hoverText, LspClient } from './lspClient';

const policy = (...statements: object[]) => `${JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2)}\n`;
const docOf = (i: CompletionItem | undefined) => (typeof i?.documentation === 'string' ? i.documentation : i?.documentation?.value ?? '');

describe('learner texts over LSP', () => {
  let lsp: LspClient;
  before(async () => { lsp = await LspClient.start({ settings: { iamPolicy: { policyTypes: { '**/guardrails/*.json': 'scp' } } } }); });
  after(async () => { await lsp?.stop(); });

  it('hover on Allow in an SCP (by setting glob) says it grants nothing; on Effect in an identity policy, that it grants', async () => {
    const text = policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' });
    const scp = lsp.open('file:///workspace/guardrails/s3.json', text);
    await lsp.diagnostics(scp);
    assert.match(hoverText(await lsp.hover(scp, text.indexOf('"Allow"') + 2)), /in an SCP grants nothing/);
    const id = lsp.open('app.policy.json', text);
    await lsp.diagnostics(id);
    assert.match(hoverText(await lsp.hover(id, text.indexOf('"Effect"') + 2)), /grants the listed access to the user, group \(every member\) or role/);
  });

  it('completion of Effect values in a boundary documents Allow as granting nothing', async () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Effect": ""}]}';
    const uri = lsp.open('dev.boundary.json', text);
    await lsp.diagnostics(uri);
    const items = await lsp.completion(uri, text.indexOf('""') + 1);
    assert.match(docOf(items.find((i) => i.label === 'Allow')), /permissions boundary grants nothing/);
  });

  it('hover on Principal and the policyType request say why the document is resource-based, and what to do', async () => {
    const text = policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:user/alice' }, Action: 's3:GetObject', Resource: '*' });
    const uri = lsp.open('app-user.policy.json', text);
    await lsp.diagnostics(uri);
    const md = hoverText(await lsp.hover(uri, text.indexOf('"Principal"') + 3));
    assert.match(md, /taken as a \*\*Resource-based policy\*\* because statement 1 has a `Principal`/);
    assert.match(md, /Meant for a user, group or role\?/);
    const r = await lsp.request<{ type: string; source: string; reason: string; advice: string | null }>('iamPolicy/policyType', { uri });
    assert.deepEqual([r.type, r.source, r.reason], ['resource', 'content', 'statement 1 has a Principal']);
    assert.match(r.advice ?? '', /identity-based policy, which has no Principal/);
    const glob = await lsp.request<{ reason: string; advice: string | null }>('iamPolicy/policyType', { uri: 'file:///workspace/guardrails/s3.json' });
    assert.deepEqual([glob.reason, glob.advice], ['the iamPolicy.policyTypes setting maps "**/guardrails/*.json" to it', null]);
  });

  it('hover on a role ARN teaches what a role is and shows this ARN\'s parts', async () => {
    const text = policy({ Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::123456789012:role/MyServiceRole' });
    const uri = lsp.open('pass.policy.json', text);
    await lsp.diagnostics(uri);
    const md = hoverText(await lsp.hover(uri, text.indexOf('MyServiceRole') + 2));
    assert.match(md, /no long-term credentials.*temporary credentials/s);
    assert.match(md, /account `\$\{Account\}`: `123456789012`/);
    assert.match(md, /RoleNameWithPath = `MyServiceRole`/);
  });

  it('IAM404 reports the action of a statement that fits none of its resources', async () => {
    const text = policy({ Effect: 'Deny', Action: ['iam:CreatePolicyVersion', 'iam:DeleteRolePermissionsBoundary'], Resource: 'arn:aws:iam::111122223333:policy/Boundary' });
    const uri = lsp.open('deny.policy.json', text);
    const diags = await lsp.diagnostics(uri);
    const hits = diags.filter((d) => d.code === 'IAM404');
    assert.equal(hits.length, 1, JSON.stringify(diags));
    assert.equal(hits[0].range.start.line, text.slice(0, text.indexOf('"iam:DeleteRolePermissionsBoundary"')).split('\n').length - 1);
    assert.match(String(hits[0].message), /can never apply to this statement's resources/);
  });
});
