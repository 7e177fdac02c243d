// What the workspace model knows, through the real server over stdio: the client names the model files
// (iamPolicy/workspaceModel), then a hover on a user or role ARN in an ordinary policy says what the model holds, and
// IAM810 flags iam:PassRole on a role no service can use (shared/spec/iam-model.md §4; issue 12).
// PassRole: a service that receives a role assumes it through the role's trust policy —
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { hoverText, LspClient } from './lspClient';

const root = join(__dirname, '..', '..');
const SEED_URI = pathToFileURL(join(root, 'examples', 'model', 'seed-world.iam-model.json')).toString();
const plain = (h: Parameters<typeof hoverText>[0]) => hoverText(h).replace(/[*`]/g, '');
const policy = (...statements: object[]) => `${JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2)}\n`;
const HOGE = 'arn:aws:iam::111111111111:user/Hoge';
const READ_ONLY_ROLE = 'arn:aws:iam::111111111111:role/ReadOnlyRole';
const LAMBDA_ROLE = 'arn:aws:iam::111111111111:role/service-role/LambdaServiceRole';

describe('the workspace model in hovers and IAM810 over LSP', () => {
  let lsp: LspClient;
  before(async () => { lsp = await LspClient.start({ workspaceFolders: [pathToFileURL(join(root, 'examples')).toString()] }); });
  after(async () => { await lsp?.stop(); });

  const passRole = (resource: string | string[]) => policy({ Effect: 'Allow', Action: 'iam:PassRole', Resource: resource });

  it('without model files: no IAM810 and the principal hover is the general one', async () => {
    const text = passRole(READ_ONLY_ROLE);
    const uri = lsp.open('before-model.policy.json', text);
    assert.deepEqual((await lsp.diagnostics(uri)).map((d) => d.code), []);
    const trust = policy({ Effect: 'Allow', Principal: { AWS: HOGE }, Action: 'sts:AssumeRole' });
    const t = lsp.open('before-model.trust.json', trust);
    await lsp.diagnostics(t);
    assert.doesNotMatch(hoverText(await lsp.hover(t, trust.indexOf('user/Hoge'))), /In the IAM model/);
    lsp.close(uri); lsp.close(t);
  });

  it('once the client names the model files, open policies are validated again: PassRole on a role that trusts only a user is IAM810', async () => {
    const text = passRole([READ_ONLY_ROLE, LAMBDA_ROLE, 'arn:aws:iam::111111111111:role/*']);
    const uri = lsp.open('pass.policy.json', text);
    const iam810 = (ds: { code?: unknown }[]) => ds.filter((d) => d.code === 'IAM810');
    assert.deepEqual(iam810(await lsp.diagnostics(uri)), []);
    const next = lsp.nextDiagnostics(uri);
    await lsp.connection.sendNotification('iamPolicy/workspaceModel', { uris: [SEED_URI] });
    const diags = iam810((await next).diagnostics) as Awaited<typeof next>['diagnostics'];
    // ReadOnlyRole trusts only Hoge; LambdaServiceRole trusts lambda.amazonaws.com (trap); the wildcard may match roles the model does not hold (trap)
    assert.deepEqual(diags.map((d) => d.code), ['IAM810'], JSON.stringify(diags));
    assert.equal(lsp.doc(uri).offsetAt(diags[0].range.start), text.indexOf(`"${READ_ONLY_ROLE}"`));
    assert.equal(diags[0].severity, 2);
    assert.match(String(diags[0].message), /ReadOnlyRole \(in seed-world\.iam-model\.json\) cannot be passed to any service: its trust policy names no service principal, only arn:aws:iam::111111111111:user\/Hoge/);
    lsp.close(uri);
  });

  it('IAM810 traps: a Deny, a role the model does not hold, and a role trusting lambda.amazonaws.com give nothing', async () => {
    const text = policy(
      { Effect: 'Deny', Action: 'iam:PassRole', Resource: READ_ONLY_ROLE },
      { Effect: 'Allow', Action: 'iam:PassRole', Resource: ['arn:aws:iam::111111111111:role/NotInTheModel', LAMBDA_ROLE] },
      { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
    );
    const uri = lsp.open('traps.policy.json', text);
    assert.deepEqual((await lsp.diagnostics(uri)).map((d) => d.code), []);
    lsp.close(uri);
  });

  it('hover on a user ARN in a trust policy: its account, file, groups, policies and escalation paths', async () => {
    const text = policy({ Effect: 'Allow', Principal: { AWS: [HOGE, 'arn:aws:iam::111111111111:user/ci-deployer', 'arn:aws:iam::111111111111:user/Nobody', 'arn:aws:iam::999999999999:user/Else'] }, Action: 'sts:AssumeRole' });
    const uri = lsp.open('who.trust.json', text);
    await lsp.diagnostics(uri);
    const hoge = plain(await lsp.hover(uri, text.indexOf('user/Hoge')));
    assert.match(hoge, /In the IAM model.*seed-world\.iam-model\.json/);
    assert.match(hoge, /user Hoge of account 111111111111 \(main\)/);
    assert.match(hoge, /Groups: Developers/);
    assert.match(hoge, /Policies: aws\/ReadOnlyAccess ← Developers, AssumeReadOnlyRole \(inline\) ← Developers/);
    assert.match(hoge, /No escalation path starts here/);
    // the general text about users follows
    assert.match(hoge, /long-term credentials/);
    const ci = plain(await lsp.hover(uri, text.indexOf('user/ci-deployer')));
    assert.match(ci, /Policies: DeployLambda/);
    assert.match(ci, /1 escalation path\(s\) start here.*role\/service-role\/LambdaServiceRole \(iam:PassRole \+ lambda:CreateFunction\)/);
    assert.match(plain(await lsp.hover(uri, text.indexOf('user/Nobody'))), /account 111111111111 \(main\) has no user named Nobody: the model does not know it/);
    assert.match(plain(await lsp.hover(uri, text.indexOf('user/Else'))), /account 999999999999 is not in the model/);
    lsp.close(uri);
  });

  it('hover on a role ARN in an identity policy: who its trust policy lets assume it, and its policies', async () => {
    const text = policy({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: READ_ONLY_ROLE });
    const uri = lsp.open('assume.policy.json', text);
    await lsp.diagnostics(uri);
    const role = plain(await lsp.hover(uri, text.indexOf('role/ReadOnlyRole')));
    assert.match(role, /role ReadOnlyRole of account 111111111111 \(main\)/);
    assert.match(role, /Trust policy \(who may assume it\): arn:aws:iam::111111111111:user\/Hoge/);
    assert.match(role, /Policies: aws\/ReadOnlyAccess/);
    lsp.close(uri);
  });

  it('in a model file: an inline PassRole of a user on a role of the same file that trusts no service is IAM810, one trusting lambda is not', async () => {
    const text = JSON.stringify({
      id: '444455556666',
      users: { dev: { policies: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['iam:PassRole', 'lambda:CreateFunction'], Resource: ['arn:aws:iam::444455556666:role/Admin', 'arn:aws:iam::444455556666:role/FnRole'] }] }] } },
      roles: {
        Admin: { trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'sts:AssumeRole' }] } },
        FnRole: { trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] } },
      },
    }, null, 2);
    const uri = lsp.open('second.iam-model.json', text, 'json');
    const diags = (await lsp.diagnostics(uri)).filter((d) => d.code === 'IAM810');
    assert.deepEqual(diags.map((d) => lsp.doc(uri).offsetAt(d.range.start)), [text.indexOf('"arn:aws:iam::444455556666:role/Admin"')]);
    assert.match(String(diags[0].message), /Admin \(in second\.iam-model\.json\) cannot be passed to any service.*only arn:aws:iam::444455556666:root/);
    // the hover in the model file knows the file's own roles
    const h = plain(await lsp.hover(uri, text.indexOf('role/FnRole')));
    assert.match(h, /role FnRole of account 444455556666, written in second\.iam-model\.json/);
    assert.match(h, /Trust policy \(who may assume it\): lambda\.amazonaws\.com/);
    lsp.close(uri);
  });
});
