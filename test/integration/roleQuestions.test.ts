// Issue 12 in the editor, in a real VS Code host: the CodeLenses "Who can assume this role?" (above each role of a
// model file, and at the top of NAME.trust.json) and "Which services can receive these roles?" (above an
// iam:PassRole statement) run through the language server and show a Markdown report; the IAM view marks the
// principals that have escalation paths (iamPolicy/escalationPaths) with a warning icon and the first path's steps;
// the Simulate Request panel runs a flow (Assume roles / Pass role) and its result carries the steps it shows as a chain.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../client/src/extension';
import { poll } from './host';
import { iamTree, withSeedWorld } from './seedWorld';

const SANDBOX = {
  id: '333333333333',
  name: 'sandbox',
  users: {
    intern: { policies: [{ name: 'SelfAttach', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:AttachUserPolicy', Resource: 'arn:aws:iam::333333333333:user/intern' }] } }] },
    auditor: { policies: [{ name: 'SelfAttachDenied', policy: { Version: '2012-10-17', Statement: [
      { Effect: 'Allow', Action: 'iam:AttachUserPolicy', Resource: 'arn:aws:iam::333333333333:user/auditor' },
      { Effect: 'Deny', Action: 'iam:AttachUserPolicy', Resource: '*' }] } }] },
  },
  roles: {},
};

suite('Role questions: CodeLenses on trust policies and PassRole, escalation marks in the IAM view', () => {
  let api: ExtensionApi;
  let model: vscode.Uri;
  let sandbox: vscode.Uri;
  let trust: vscode.Uri;
  const READ_ONLY_ROLE = 'arn:aws:iam::111111111111:role/ReadOnlyRole';

  const lenses = async (uri: vscode.Uri, title: RegExp) => {
    const found = await poll(async () => (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100))
      .filter((l) => title.test(l.command?.title ?? '')), (f) => f.length > 0);
    assert.ok(found.length, `no CodeLens ${title} in ${uri.path}`);
    return found;
  };
  const run = async (lens: vscode.CodeLens) => {
    await vscode.commands.executeCommand(lens.command!.command, ...(lens.command!.arguments ?? []));
    return api.iamModel.lastReport() ?? '';
  };
  const { child } = iamTree(() => api);

  suiteSetup(async () => {
    let workspace: vscode.Uri;
    ({ api, workspace, model } = await withSeedWorld());
    sandbox = vscode.Uri.joinPath(workspace, 'sandbox.iam-model.json');
    trust = vscode.Uri.joinPath(workspace, 'ReadOnlyRole.trust.json');
    await vscode.workspace.fs.writeFile(sandbox, Buffer.from(JSON.stringify(SANDBOX, null, 2)));
    await vscode.workspace.fs.writeFile(trust, Buffer.from(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:user/Hoge' }, Action: 'sts:AssumeRole' }] }, null, 2)));
    await api.iamModel.model.refresh();
    await api.iamModel.model.escalationsLoaded();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const u of [model, sandbox, trust]) await vscode.workspace.fs.delete(u).then(undefined, () => undefined);
    await api.iamModel.model.refresh();
  });

  test('"Who can assume this role?" above a role of a model file answers from the model: Hoge, allowed by both policies', async () => {
    await vscode.window.showTextDocument(model);
    const found = await lenses(model, /Who can assume this role\?/);
    const lens = found.find((l) => l.command?.arguments?.[0] === READ_ONLY_ROLE);
    assert.ok(lens, `no lens for ReadOnlyRole: ${JSON.stringify(found.map((l) => l.command?.arguments))}`);
    assert.deepEqual(found.map((l) => l.command?.arguments?.[0]).sort(), ['arn:aws:iam::111111111111:role/ReadOnlyRole', 'arn:aws:iam::111111111111:role/service-role/LambdaServiceRole']);
    const report = await run(lens);
    assert.match(report, /^# Who can assume arn:aws:iam::111111111111:role\/ReadOnlyRole\?/);
    assert.match(report, /- `arn:aws:iam::111111111111:user\/Hoge`/);
    assert.doesNotMatch(report, /user\/Fuga|ci-deployer/, 'only Hoge is trusted');
    assert.equal(vscode.window.activeTextEditor?.document.languageId, 'markdown', 'the report opens as a Markdown document');
  });

  test('"Who can assume this role?" on NAME.trust.json asks about the model\'s role NAME', async () => {
    await vscode.window.showTextDocument(trust);
    const [lens] = await lenses(trust, /Who can assume this role\?/);
    assert.equal(lens.command?.arguments?.[0], READ_ONLY_ROLE);
    assert.match(await run(lens), /user\/Hoge/);
  });

  test('"Which services can receive these roles?" above an iam:PassRole statement: the trusted service, narrowed by iam:PassedToService, and who can pass it', async () => {
    await vscode.window.showTextDocument(model);
    const [lens, ...more] = await lenses(model, /Which services can receive these roles\?/);
    assert.equal(more.length, 0, 'one PassRole statement in the seed world');
    assert.deepEqual(lens.command?.arguments, [['arn:aws:iam::111111111111:role/service-role/LambdaServiceRole'], ['lambda.amazonaws.com']]);
    const report = await run(lens);
    assert.match(report, /## LambdaServiceRole/);
    assert.match(report, /- `lambda\.amazonaws\.com`\n/, 'the service its trust policy allows, not excluded by the condition');
    assert.match(report, /narrows it to `lambda\.amazonaws\.com`/);
    assert.match(report, /- `arn:aws:iam::111111111111:user\/ci-deployer`/, 'ci-deployer may pass it to Lambda (DeployLambda)');
  });

  test('the IAM view marks a principal with an escalation path (warning icon, first path in the tooltip); a Deny means no mark', async () => {
    const account = await child(undefined, 'sandbox (333333333333)');
    const users = await child(account, 'Users');
    const intern = api.iamModel.tree.getTreeItem(await child(users, 'intern'));
    assert.equal((intern.iconPath as vscode.ThemeIcon).id, 'warning');
    assert.match(String(intern.tooltip), /May escalate its permissions: 1 path/);
    assert.match(String(intern.tooltip), /1\. user\/intern → user\/intern: iam:AttachUserPolicy/);
    assert.match(String(intern.tooltip), /SelfAttach/);
    const auditor = api.iamModel.tree.getTreeItem(await child(users, 'auditor'));
    assert.equal((auditor.iconPath as vscode.ThemeIcon).id, 'person', 'the Deny takes the path away');
    const main = await child(undefined, 'main (111111111111)');
    const deployer = api.iamModel.tree.getTreeItem(await child(await child(main, 'Users'), 'ci-deployer'));
    assert.equal((deployer.iconPath as vscode.ThemeIcon).id, 'warning', 'PassRole to Lambda is an escalation');
    assert.match(String(deployer.tooltip), /ci-deployer → role\/service-role\/LambdaServiceRole: iam:PassRole, lambda:CreateFunction/);
    const hoge = api.iamModel.tree.getTreeItem(await child(await child(main, 'Users'), 'Hoge'));
    assert.equal((hoge.iconPath as vscode.ThemeIcon).id, 'person');
  });

  test('the panel runs a flow: Hoge assumes ReadOnlyRole, then reads; a step that fails decides the request', async () => {
    const hoge = await child(await child(await child(undefined, 'main (111111111111)'), 'Users'), 'Hoge');
    const panel = await vscode.commands.executeCommand<NonNullable<ReturnType<ExtensionApi['simulator']['current']>>>('iamPolicy.simulateAs', hoge);
    const request = { ...panel.state.request, action: 's3:GetObject', resource: 'arn:aws:s3:::example-shared-bucket/report.csv', assumeRole: READ_ONLY_ROLE };
    panel.setState({ ...panel.state, request });
    const r = await panel.evaluate();
    assert.deepEqual(r?.result?.steps?.map((s) => [s.step, s.decision]), [['assumeRole', 'Allowed'], ['request', 'Allowed']], JSON.stringify(r?.errors));
    assert.equal(r?.result?.steps?.[0].resource, READ_ONLY_ROLE);
    // Fuga is not in ReadOnlyRole's trust policy: the first step fails and decides the whole request
    panel.setState({ ...panel.state, request: { ...request, principal: 'arn:aws:iam::111111111111:user/Fuga' } });
    const denied = await panel.evaluate();
    assert.equal(denied?.result?.steps?.[0].decision, 'ImplicitlyDenied');
    assert.equal(denied?.result?.decision, 'ImplicitlyDenied');
    panel.panel.dispose();
  });
});
