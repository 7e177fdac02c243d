// AssumeRole vs PassRole through the real server over stdio: the hovers that teach the difference and the two
// mix-up diagnostics (IAM808, IAM809) with their quick fix.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_assumerole.html
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hoverText, LspClient } from './lspClient';

const policy = (...statements: object[]) => `${JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2)}\n`;

describe('AssumeRole and PassRole over LSP', () => {
  let lsp: LspClient;
  before(async () => { lsp = await LspClient.start(); });
  after(async () => { await lsp?.stop(); });

  it('hovers on sts:AssumeRole and iam:PassRole teach which policies decide', async () => {
    const text = policy(
      { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::111122223333:role/ReadOnlyRole' },
      { Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/MyServiceRole', Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } } },
    );
    const uri = lsp.open('roles.policy.json', text);
    await lsp.diagnostics(uri);
    const assume = hoverText(await lsp.hover(uri, text.indexOf('sts:AssumeRole') + 3));
    assert.match(assume, /Two policies must allow it/);
    assert.match(assume, /Not to be confused with `iam:PassRole`/);
    const pass = hoverText(await lsp.hover(uri, text.indexOf('iam:PassRole') + 3));
    assert.match(pass, /aws lambda create-function --role/);
    assert.match(pass, /trust the service/);
  });

  it('iam:PassRole in a trust policy is one IAM808 error with a fix to sts:AssumeRole', async () => {
    const text = policy({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'iam:PassRole' });
    const uri = lsp.open('fn.trust.json', text);
    const diags = await lsp.diagnostics(uri);
    assert.deepEqual(diags.map((d) => d.code), ['IAM808']);
    const fixes = (diags[0].data as { fixes: { title: string; edits: { newText: string }[] }[] }).fixes;
    assert.deepEqual(fixes.map((f) => f.edits[0].newText), ['"sts:AssumeRole"']);
  });

  it('sts:AssumeRole on a user ARN in an identity policy is one IAM809 warning', async () => {
    const text = policy({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::111122223333:user/Bob' });
    const uri = lsp.open('assume-user.policy.json', text);
    const diags = await lsp.diagnostics(uri);
    assert.deepEqual(diags.map((d) => d.code), ['IAM809']);
    assert.match(String(diags[0].message), /is not a role/);
  });
});
