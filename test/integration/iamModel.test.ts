// The IAM model in a real VS Code host: the IAM view lists the workspace model (accounts → users with groups,
// groups, roles with who may assume them, policies), "Simulate as…" opens the panel as a user and the panel shows the
// policies the server gathered with their origin, "Show Effective Permissions" of a user under a boundary (a Markdown
// preview whose "Open Source" shows the report's text), and an AWS managed policy opens read-only. Works on a copy of examples/model/seed-world.iam-model.json in the test workspace
// (which also holds broken.iam-model.json, a fixture with an unknown group).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../client/src/extension';
import { poll } from './host';
import { assertShownAsPreview } from './reportPreview';
import { iamTree, withSeedWorld } from './seedWorld';

suite('IAM model: the IAM view, Simulate as…, effective permissions', () => {
  let api: ExtensionApi;
  let model: vscode.Uri;
  let broken: vscode.Uri;
  const HOGE = 'arn:aws:iam::111111111111:user/Hoge';

  const { label, child } = iamTree(() => api);

  suiteSetup(async () => {
    let workspace: vscode.Uri;
    ({ api, workspace, model } = await withSeedWorld());
    broken = vscode.Uri.joinPath(workspace, 'broken.iam-model.json');
    await api.iamModel.model.refresh();
  });

  suiteTeardown(async () => {
    api.simulator.current()?.panel.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(model).then(undefined, () => undefined);
  });

  test('the IAM view lists accounts → users with their groups, groups with members, roles with who may assume them', async () => {
    const { files } = await api.iamModel.model.get();
    assert.deepEqual(files.map((u) => u.toString()), [broken.toString(), model.toString()], 'the workspace\'s model files, sorted');
    const main = await child(undefined, 'main (111111111111)');
    await child(undefined, 'partner (222222222222)');
    const hoge = await child(await child(main, 'Users'), 'Hoge');
    assert.equal(api.iamModel.tree.getTreeItem(hoge).description, 'Developers');
    assert.equal(api.iamModel.tree.getTreeItem(hoge).contextValue, 'iamUser');
    await child(hoge, 'Developers');
    const developers = await child(await child(main, 'Groups'), 'Developers');
    await child(developers, 'Hoge');
    await child(developers, 'ReadOnlyAccess');
    const role = await child(await child(main, 'Roles'), 'ReadOnlyRole');
    assert.match(String(api.iamModel.tree.getTreeItem(role).description), /assumable by arn:aws:iam::111111111111:user\/Hoge/);
    await child(role, HOGE);
    const policies = await child(main, 'Managed policies');
    await child(policies, 'DeployLambda');
    await child(policies, 'ReadOnlyAccess');
  });

  test('"Simulate as…" on a user opens the panel as that user; the result lists the gathered policies with their origin', async () => {
    const main = await child(undefined, 'main (111111111111)');
    const hoge = await child(await child(main, 'Users'), 'Hoge');
    const panel = await vscode.commands.executeCommand<NonNullable<ReturnType<ExtensionApi['simulator']['current']>>>('iamPolicy.simulateAs', hoge);
    assert.deepEqual(panel.state.model, [broken.toString(), model.toString()], 'all model files of the workspace');
    assert.equal(panel.state.request.principal, HOGE);
    assert.deepEqual(panel.state.identityPolicies, [], 'the model gathers the policies: the form starts empty');
    const options = await panel.modelOptions();
    assert.ok(options.principals.some((p) => p.arn === HOGE && /Developers/.test(p.detail)), JSON.stringify(options.principals));
    panel.setState({ ...panel.state, request: { ...panel.state.request, action: 's3:GetObject', resource: 'arn:aws:s3:::example-shared-bucket/report.csv' } });
    const r = await panel.evaluate();
    assert.equal(r?.result?.decision, 'Allowed', JSON.stringify(r?.errors));
    const gathered = r!.model!.gathered;
    const readOnly = gathered.find((g) => g.origin.kind === 'aws-managed' && g.origin.group === 'Developers');
    assert.ok(readOnly, JSON.stringify(gathered.map((g) => g.origin.label)));
    assert.equal(readOnly.origin.arn, 'arn:aws:iam::aws:policy/ReadOnlyAccess');
    const inline = gathered.find((g) => g.name === 'AssumeReadOnlyRole');
    assert.equal(inline?.origin.uri, model.toString(), 'an inline group policy points into the model file');
    assert.ok(gathered.some((g) => g.policyType === 'scp'), 'the organization\'s SCPs are gathered');
  });

  test('a gathered policy opens: the inline one in the model file, the AWS managed one read-only from the bundled data', async () => {
    const panel = api.simulator.current()!;
    const gathered = panel.lastResponse!.model!.gathered;
    const inline = gathered.find((g) => g.name === 'AssumeReadOnlyRole')!;
    await panel.receive({ type: 'openOrigin', uri: inline.origin.uri, range: inline.origin.range });
    const editor = await poll(() => vscode.window.activeTextEditor, (e) => e?.document.uri.toString() === model.toString());
    assert.equal(editor?.selection.active.line, inline.origin.range?.start.line);
    await panel.receive({ type: 'openOrigin', arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' });
    const managed = await poll(() => vscode.window.activeTextEditor, (e) => e?.document.uri.scheme === 'iam-aws-managed');
    assert.equal(managed?.document.uri.path, '/ReadOnlyAccess.json');
    assert.match(managed!.document.getText(), /"Statement"/);
    const rejectedBefore = panel.rejected.length;
    await panel.receive({ type: 'openOrigin', arn: 'arn:aws:iam::111111111111:policy/DeployLambda' });
    assert.equal(panel.rejected.length, rejectedBefore + 1, 'only AWS managed policy ARNs open by ARN');
  });

  test('"Show Effective Permissions": AdministratorAccess under an S3-only boundary shows S3 only', async () => {
    const main = await child(undefined, 'main (111111111111)');
    const fuga = await child(await child(main, 'Users'), 'Fuga');
    const report = await vscode.commands.executeCommand<vscode.TextDocument>('iamPolicy.showEffectivePermissions', fuga);
    assert.equal(report.uri.scheme, 'iam-effective');
    await assertShownAsPreview(report);
    const text = report.getText();
    assert.match(text, /^# Effective permissions of arn:aws:iam::111111111111:user\/Fuga/);
    assert.match(text, /^## s3$/m);
    assert.deepEqual(text.match(/^## (?!Policies)\S+$/gm), ['## s3'], 'no service but S3');
    assert.match(text, /boundary: /);
    // the preview's "Open Source" shows the Markdown text, read-only
    await vscode.commands.executeCommand('markdown.showSource');
    const source = await poll(() => vscode.window.activeTextEditor, (e) => e?.document.uri.toString() === report.uri.toString());
    assert.equal(source?.document.uri.toString(), report.uri.toString(), '"Open Source" opened the report\'s Markdown');
    assert.equal(source?.document.languageId, 'markdown');
    assert.equal(source?.document.getText(), text);
  });

  test('the view follows the model file: a user added on disk shows up without a refresh', async () => {
    const json = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(model)).toString('utf8'));
    json.accounts[0].users.Piyo = { groups: ['Developers'] };
    await vscode.workspace.fs.writeFile(model, Buffer.from(JSON.stringify(json, null, 2)));
    const users = async () => (await api.iamModel.tree.getChildren(await child(await child(undefined, 'main (111111111111)'), 'Users'))).map(label);
    assert.ok((await poll(users, (u) => u.includes('Piyo'), 15_000)).includes('Piyo'), 'the file watcher refreshed the model');
  });

  test('a model file with an unknown group is listed as a problem naming file and JSON path; the rest stays listed', async () => {
    const roots = await api.iamModel.tree.getChildren();
    const problem = roots.find((n) => n.kind === 'problem' && n.problem.uri === broken.toString());
    assert.ok(problem && problem.kind === 'problem', roots.map(label).join(', '));
    assert.match(problem.problem.path, /Hoge\.groups/);
    assert.match(problem.problem.message, /Developrs/);
    await child(undefined, 'main (111111111111)');
  });
});
