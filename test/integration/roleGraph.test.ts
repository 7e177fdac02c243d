// "IAM: Show Who Can Become Whom" in a real VS Code host: the command opens the webview panel with the graph of
// iamPolicy/escalationPaths for the workspace's model (examples/model/seed-world.iam-model.json and a second file),
// the webview lays it out and reports every node and edge drawn; run from a model file's context it covers that file
// only; opening a node shows the model file at that principal; a malformed message from the webview is rejected.
// After a window reload the serializer restores the panel from the webview's saved state (GraphPanel.revive, what
// deserializeWebviewPanel runs): it draws the model files as they are then, with the saved selection; a saved file that
// is gone is listed in the panel, and choosing again (the real quick pick) draws the workspace's model.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../client/src/extension';
import type { GraphPanel } from '../../client/src/graph/panel';
import * as path from 'node:path';
import { EXTENSION_ID, poll } from './host';
import { withSeedWorld } from './seedWorld';

const SANDBOX = {
  id: '333333333333',
  name: 'sandbox',
  users: { intern: { policies: [{ name: 'SelfAttach', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:AttachUserPolicy', Resource: 'arn:aws:iam::333333333333:user/intern' }] } }] } },
  roles: {},
};
// test/fixtures/graph/nightly-function.iam-model.json: a Lambda function whose code a user may update, run by a role that
// may do anything: the step goes through the function
const BUILDER = 'arn:aws:iam::444444444444:user/builder';
const FN_ADMIN = 'arn:aws:iam::444444444444:role/FnAdmin';
const NIGHTLY = 'arn:aws:lambda:us-east-1:444444444444:function:nightly';
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
  const restoredPanel = () => vscode.window.createWebviewPanel('iamPolicy.roleGraph', 'Who Can Become Whom', vscode.ViewColumn.Beside, { enableScripts: true });

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

  test('restored after a reload: the panel draws the saved model file as it is now (not as it was), through the function, with the saved finding chosen', async () => {
    const file = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'restore-graph.iam-model.json');
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const functions = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.file(path.join(ext.extensionPath, 'test/fixtures/graph/nightly-function.iam-model.json')))).toString('utf8')) as { users: Record<string, unknown> };
    await vscode.workspace.fs.writeFile(file, Buffer.from(JSON.stringify(functions, null, 2)));
    const saved = { version: 1, files: [file.toString()], node: null, finding: { from: BUILDER, to: FN_ADMIN, kinds: ['lambda:UpdateFunctionCode'] } };
    // the model changes between the save and the reload: the restored panel must show the newcomer
    const now = structuredClone(functions);
    now.users.newcomer = { policies: [] };
    await vscode.workspace.fs.writeFile(file, Buffer.from(JSON.stringify(now, null, 2)));
    try {
      const panel = api.roleGraph.revive(restoredPanel(), saved);
      assert.equal(api.roleGraph.current(), panel);
      const d = (await drawn(panel))!;
      const g = panel.graph!;
      assert.deepEqual(panel.scope, { files: [file.toString()], missing: [] });
      assert.deepEqual(g.accounts.map((a) => a.id), ['444444444444'], 'only the saved file is drawn');
      assert.ok(g.nodes.some((n) => n.id === 'arn:aws:iam::444444444444:user/newcomer'), `drawn from the file as it is now: ${g.nodes.map((n) => n.label).join(', ')}`);
      const fn = g.nodes.find((n) => n.id === NIGHTLY);
      assert.equal(fn?.kind, 'function');
      assert.equal(fn?.service, 'lambda.amazonaws.com');
      assert.ok(g.edges.some((e) => e.from === BUILDER && e.to === NIGHTLY && e.actions.join() === 'lambda:UpdateFunctionCode'));
      assert.ok(g.edges.some((e) => e.from === NIGHTLY && e.to === FN_ADMIN && e.kind === 'runs-as'));
      assert.ok(!g.edges.some((e) => e.from === BUILDER && e.to === FN_ADMIN), 'no edge straight from the caller to the role');
      // the webview took the saved finding again (by what it is: ids are renumbered) and reports it
      assert.deepEqual(d.selection, { node: null, finding: saved.finding });
      assert.equal(d.missing, 0);
      // the function node opens where the model file lists it
      await panel.receive({ type: 'open', node: NIGHTLY });
      const editor = await poll(() => vscode.window.activeTextEditor, (e) => !!e && e.document.uri.toString() === file.toString());
      assert.match(editor!.document.lineAt(editor!.selection.active.line).text, /"nightly"/);
      // a corrupt state is logged and the panel draws the workspace's model
      const corrupt = api.roleGraph.revive(restoredPanel(), { version: 1, files: 'nope' });
      await drawn(corrupt);
      assert.equal(corrupt.scope?.files, null);
      assert.ok(corrupt.graph!.nodes.some((n) => n.id === CI), 'the workspace model is drawn');
      assert.notEqual(api.roleGraph.current(), panel, 'one panel at a time');
    } finally {
      await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
    }
  });

  test('restored with a saved model file that is gone: the panel lists it and offers to choose again; choosing the workspace\'s model draws it', async () => {
    const gone = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'deleted-since.iam-model.json').toString();
    const panel = api.roleGraph.revive(restoredPanel(), { version: 1, files: [gone], node: CI, finding: null });
    const d = (await poll(() => panel.drawn, (x) => !!x && x.missing === 1, 30_000))!;
    assert.equal(d.missing, 1, 'the webview lists the missing file');
    assert.deepEqual(panel.scope, { files: [gone], missing: [gone] });
    assert.equal(panel.graph!.nodes.length, 0, 'nothing stale is drawn');
    assert.deepEqual(d.selection, { node: null, finding: null }, 'a node that is not drawn is not chosen');
    // the panel's "Choose model files…" button sends { type: 'pick' }: the quick pick's first item is the workspace's model
    const picked = panel.receive({ type: 'pick' });
    await poll(() => vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem').then(() => panel.scope?.files === null), (ok) => ok, 15_000);
    await picked;
    const after = (await poll(() => panel.drawn, (x) => !!x && x.missing === 0 && x.nodes > 0 && x.nodes === panel.graph?.nodes.length, 30_000))!;
    assert.equal(after.missing, 0);
    assert.ok(panel.graph!.nodes.some((n) => n.id === CI));
    panel.panel.dispose();
  });
});
