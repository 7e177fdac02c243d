// "IAM: Show Who Can Become Whom" in a real VS Code host: the command opens the webview panel with the graph of
// iamPolicy/escalationPaths for the workspace's model (examples/model/seed-world.iam-model.json and a second file),
// the webview lays it out and reports every node and edge drawn; run from a model file's context it covers that file
// only; opening a node shows the model file at that principal; a malformed message from the webview is rejected.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../client/src/extension';
import type { GraphPanel } from '../../client/src/graph/panel';
import { poll } from './host';
import { withSeedWorld } from './seedWorld';

const SANDBOX = {
  id: '333333333333',
  name: 'sandbox',
  users: { intern: { policies: [{ name: 'SelfAttach', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:AttachUserPolicy', Resource: 'arn:aws:iam::333333333333:user/intern' }] } }] } },
  roles: {},
};
const CI = 'arn:aws:iam::111111111111:user/ci-deployer';
const LAMBDA_ROLE = 'arn:aws:iam::111111111111:role/service-role/LambdaServiceRole';

suite('Who can become whom: the graph webview', () => {
  let api: ExtensionApi;
  let model: vscode.Uri;
  let sandbox: vscode.Uri;

  suiteSetup(async () => {
    let workspace: vscode.Uri;
    ({ api, workspace, model } = await withSeedWorld());
    sandbox = vscode.Uri.joinPath(workspace, 'sandbox-graph.iam-model.json');
    await vscode.workspace.fs.writeFile(sandbox, Buffer.from(JSON.stringify(SANDBOX, null, 2)));
    await api.iamModel.model.refresh();
  });

  suiteTeardown(async () => {
    api.roleGraph.current()?.panel.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const u of [model, sandbox]) await vscode.workspace.fs.delete(u).then(undefined, () => undefined);
    await api.iamModel.model.refresh();
  });

  const drawn = (panel: GraphPanel) => poll(() => panel.drawn, (d) => !!d && !!panel.graph && d.nodes === panel.graph.nodes.length && d.edges === panel.graph.edges.length, 30_000);

  test('the command opens the panel; the webview draws every node and edge of the workspace model, the escalation path highlighted', async () => {
    const panel = await vscode.commands.executeCommand<GraphPanel>('iamPolicy.showRoleGraph');
    assert.ok(panel?.graph, 'the command returns the panel with its graph');
    const g = panel.graph;
    const ids = g.nodes.map((n) => n.id);
    for (const arn of ['arn:aws:iam::111111111111:user/Hoge', 'arn:aws:iam::111111111111:role/ReadOnlyRole', CI, LAMBDA_ROLE, 'arn:aws:iam::333333333333:user/intern']) assert.ok(ids.includes(arn), `${arn} is not a node: ${ids.join(', ')}`);
    for (const id of ['111111111111', '222222222222', '333333333333']) assert.ok(g.accounts.some((a) => a.id === id), `no account ${id}: ${g.accounts.map((a) => a.id).join(', ')}`);
    const svc = g.nodes.find((n) => n.kind === 'service');
    assert.equal(svc?.label, 'lambda.amazonaws.com');
    const ci = g.findings.find((f) => f.from === CI);
    assert.ok(ci, `no finding from ci-deployer: ${JSON.stringify(g.findings.map((f) => f.from))}`);
    assert.equal(ci.to, LAMBDA_ROLE);
    assert.ok(g.findings.some((f) => f.from === 'arn:aws:iam::333333333333:user/intern' && f.steps[0].kind === 'iam:AttachUserPolicy'));
    assert.ok(!g.findings.some((f) => f.from === 'arn:aws:iam::111111111111:user/Hoge'), 'Hoge assumes a role with fewer permissions: no finding');
    const d = (await drawn(panel))!;
    assert.ok(d.nodes >= 8, `the webview drew ${d.nodes} nodes`);
    assert.equal(vscode.window.tabGroups.all.flatMap((t) => t.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && /roleGraph/.test(t.input.viewType)).length, 1);
  });

  test('from a model file\'s context the graph covers that file only', async () => {
    const panel = await vscode.commands.executeCommand<GraphPanel>('iamPolicy.showRoleGraph', sandbox);
    assert.deepEqual(panel.graph!.accounts.map((a) => a.id), ['333333333333']);
    assert.deepEqual(panel.graph!.nodes.map((n) => n.label), ['intern']);
    await drawn(panel);
  });

  test('opening a node shows the model file at that principal; a node not in the graph or a malformed message is not acted on', async () => {
    const panel = await vscode.commands.executeCommand<GraphPanel>('iamPolicy.showRoleGraph');
    await panel.receive({ type: 'open', node: CI });
    const editor = await poll(() => vscode.window.activeTextEditor, (e) => !!e && e.document.uri.toString() === model.toString());
    const line = editor!.document.lineAt(editor!.selection.active.line).text;
    assert.match(line, /"ci-deployer"/, `the cursor is on: ${line}`);
    const before = panel.rejected.length;
    await panel.receive({ type: 'open', node: 7 });
    await panel.receive({ type: 'open', uri: model.toString() });
    assert.equal(panel.rejected.length, before + 2);
    assert.match(panel.rejected.at(-1)!, /message\.node: expected a string/);
  });
});
