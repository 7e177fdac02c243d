// The Simulate Request panel and inline simulation inside a real VS Code host: iamPolicy/simulate through the
// extension's language client, the panel driven through its message handler, CodeLenses on a policy and a
// scenario file, scenario diagnostics and the Test Explorer run.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../client/src/extension';
import type { SimulateParams, SimulateResult } from '../../server/src/protocol';
import { EXTENSION_ID, poll, sleep } from './host';

suite('Simulate Request and inline simulation', () => {
  let api: ExtensionApi;
  let root: string;
  let workspace: vscode.Uri;
  const created: vscode.Uri[] = [];
  const example = (p: string) => vscode.Uri.file(path.join(root, 'examples', p));
  /** the response of the next panel evaluation that `accept` takes (subscribe before the action that evaluates) */
  const nextEvaluation = (accept: (r: SimulateResult) => boolean = () => true) => new Promise<SimulateResult>((resolve) => {
    const d = api.simulator.onDidEvaluate((e) => { if (accept(e.response)) { d.dispose(); resolve(e.response); } });
  });

  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID)!;
    api = await ext.activate();
    await api.ready;
    root = ext.extensionPath;
    workspace = vscode.workspace.workspaceFolders![0].uri;
    // the examples live outside the test workspace folder: first the refusal, then the setting that allows them
    const outside = await api.client.sendRequest<SimulateResult>('iamPolicy/simulate', params());
    // (a policy an earlier suite left open in the editor is read from the editor, so only check that one was refused)
    assert.match(outside.errors.join('\n'), /examples\/policies\/[\w.-]+\.json: is outside the workspace folders, so it is not read\. .*iamPolicy\.simulate\.allowFilesOutsideWorkspace/);
    await vscode.workspace.getConfiguration('iamPolicy').update('simulate.allowFilesOutsideWorkspace', true, vscode.ConfigurationTarget.Global);
    await poll(() => api.client.sendRequest<SimulateResult>('iamPolicy/simulate', params()), (r) => r.errors.length === 0);
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('iamPolicy').update('simulate.allowFilesOutsideWorkspace', undefined, vscode.ConfigurationTarget.Global);
  });

  teardown(async () => {
    // edits made to the examples are never saved: revert until clean (under load the revert can reach another active
    // editor, and closing a dirty editor could save it)
    for (const d of vscode.workspace.textDocuments.filter((x) => x.isDirty)) {
      for (let i = 0; i < 10 && d.isDirty; i++) {
        await vscode.window.showTextDocument(d, { preview: false, preserveFocus: false });
        await vscode.commands.executeCommand('workbench.action.files.revert');
        if (d.isDirty) await sleep(200);
      }
      assert.ok(!d.isDirty, `${d.uri.toString()} could not be reverted`);
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const u of created.splice(0)) await vscode.workspace.fs.delete(u).then(undefined, () => undefined);
  });

  const params = (context: Record<string, unknown> = {}): SimulateParams => ({
    identityPolicies: [{ uri: example('policies/app-read-s3.policy.json').toString() }],
    permissionBoundaries: [],
    resourcePolicy: { uri: example('policies/reports-bucket.resource.json').toString() },
    scps: [], rcps: [],
    request: { principal: 'arn:aws:sts::111122223333:assumed-role/app-role/s1', action: 's3:GetObject', resource: 'arn:aws:s3:::acme-reports/2026/q3.csv', context },
  });

  test('iamPolicy/simulate allows, names the deciding statement and lists the referenced context keys', async () => {
    const r = await api.client.sendRequest<SimulateResult>('iamPolicy/simulate', params({ 'aws:SecureTransport': 'true' }));
    assert.equal(r.result?.decision, 'Allowed', JSON.stringify(r.errors));
    const ids = r.result!.matchedStatements.map((m) => `${m.policyType}:${m.sid}`);
    assert.ok(ids.includes('identity:ReadReports'), ids.join());
    const m = r.result!.matchedStatements.find((s) => s.sid === 'ReadReports')!;
    assert.equal(m.file, example('policies/app-read-s3.policy.json').toString());
    assert.equal(m.range?.start.line, 3);
    const key = r.contextKeys.find((k) => k.name === 'aws:SecureTransport');
    assert.equal(key?.type, 'Bool');
    assert.ok(r.resourceTemplates.some((t) => t.startsWith('arn:aws:s3:::')), r.resourceTemplates.join());
  });

  test('iamPolicy/simulate: the bucket policy denies plain HTTP by its Deny statement', async () => {
    const r = await api.client.sendRequest<SimulateResult>('iamPolicy/simulate', params({ 'aws:SecureTransport': 'false' }));
    assert.equal(r.result?.decision, 'ExplicitlyDenied');
    assert.deepEqual(r.result!.matchedStatements.map((m) => m.sid), ['DenyInsecureTransport']);
  });

  test('iamPolicy/simulate follows unsaved edits of an open policy', async () => {
    const doc = await vscode.workspace.openTextDocument(example('policies/app-read-s3.policy.json'));
    await vscode.window.showTextDocument(doc);
    const at = doc.positionAt(doc.getText().indexOf('"Statement": [') + '"Statement": ['.length);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, at, '\n    { "Sid": "NoReads", "Effect": "Deny", "Action": "s3:GetObject", "Resource": "*" },');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const r = await api.client.sendRequest<SimulateResult>('iamPolicy/simulate', params({ 'aws:SecureTransport': 'true' }));
    assert.equal(r.result?.decision, 'ExplicitlyDenied');
    assert.equal(r.result!.matchedStatements[0].sid, 'NoReads');
  });

  test('a policy gets a "Simulate" CodeLens above each statement', async () => {
    const uri = example('policies/app-read-s3.policy.json');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const lenses = await poll(() => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10),
      (l) => (l ?? []).filter((x) => x.command?.command === 'iamPolicy.simulateStatement').length >= 3);
    const mine = lenses.filter((l) => l.command?.command === 'iamPolicy.simulateStatement');
    assert.deepEqual(mine.map((l) => l.range.start.line), [3, 9, 18]);
    assert.match(mine[0].command!.title, /Simulate s3:GetObject/);
    // the first resource s3:GetObject can act on: the objects, not the bucket ARN listed first
    assert.deepEqual(mine[0].command!.arguments![1], { index: 0, action: 's3:GetObject', resource: 'arn:aws:s3:::acme-reports/*' });
  });

  test('a scenario file gets a CodeLens per scenario with its live result against "expected"', async () => {
    const uri = example('scenarios/app-reads-reports.scenario.json');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const lenses = await poll(() => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10),
      (l) => (l ?? []).filter((x) => x.command?.command === 'iamPolicy.openScenarioInSimulator').length === 3);
    const titles = lenses.filter((l) => l.command?.command === 'iamPolicy.openScenarioInSimulator').map((l) => l.command!.title);
    assert.deepEqual(titles, ['$(pass) Allowed, as expected', '$(pass) ExplicitlyDenied, as expected', '$(pass) ImplicitlyDenied, as expected']);
  });

  test('a failing expectation is a diagnostic, and the Test Explorer run fails it and passes the others', async () => {
    const rel = path.relative(workspace.fsPath, path.join(root, 'examples/policies/app-read-s3.policy.json')).split(path.sep).join('/');
    const scenarioUri = vscode.Uri.joinPath(workspace, 'tmp-simulate.scenario.json');
    created.push(scenarioUri);
    const request = { principal: 'arn:aws:sts::111122223333:assumed-role/app-role/s1', action: 's3:GetObject', resource: 'arn:aws:s3:::acme-reports/a.csv' };
    const scenarios = [
      { name: 'reads', identityPolicies: [{ file: rel }], request, expected: 'Allowed' },
      { name: 'wrong on purpose', identityPolicies: [{ file: rel }], request, expected: 'ExplicitlyDenied' },
    ];
    await vscode.workspace.fs.writeFile(scenarioUri, Buffer.from(JSON.stringify(scenarios, null, 2)));
    const doc = await vscode.workspace.openTextDocument(scenarioUri);
    await vscode.window.showTextDocument(doc);
    const diags = await poll(() => vscode.languages.getDiagnostics(scenarioUri).filter((d) => d.code === 'scenario-expectation'), (d) => d.length > 0);
    assert.equal(diags.length, 1, diags.map((d) => d.message).join('; '));
    assert.match(diags[0].message, /"wrong on purpose": expected ExplicitlyDenied, got Allowed/);
    assert.equal(diags[0].range.start.line, doc.positionAt(doc.getText().lastIndexOf('{\n    "name": "wrong')).line);

    await api.simulator.tests.discover();
    const fileItem = api.simulator.tests.controller.items.get(scenarioUri.toString());
    assert.ok(fileItem, 'the scenario file is in the Test Explorer');
    const outcomes = await api.simulator.tests.run(new vscode.TestRunRequest([fileItem]));
    assert.deepEqual(outcomes.map((o) => `${o.label}:${o.state}`), ['reads:passed', 'wrong on purpose:failed']);
  });

  test('the panel opens from the statement CodeLens command, evaluates, decorates, rejects malformed messages and re-evaluates on a policy edit', async () => {
    const uri = example('policies/app-read-s3.policy.json');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const first = nextEvaluation();
    await vscode.commands.executeCommand('iamPolicy.simulateStatement', uri, { index: 0, action: 's3:GetObject', resource: 'arn:aws:s3:::acme-reports/x.csv' });
    const panel = api.simulator.current()!;
    assert.ok(panel, 'the panel is open');
    assert.deepEqual(panel.state.identityPolicies.map((p) => p.uri), [uri.toString()]);
    assert.equal((await first).result?.decision, 'Allowed');
    await poll(() => panel.lastResponse?.result?.decision, (d) => d === 'Allowed');
    const marked = await poll(() => panel.decorations.applied.get(uri.toString()), (a) => !!a && a.allow > 0);
    assert.deepEqual(marked, { allow: 1, deny: 0 }, 'the ReadReports statement is marked in the open editor');

    const before = JSON.stringify(panel.state);
    await panel.receive({ type: 'update', state: { ...panel.state, version: 2 } });
    await panel.receive({ type: 'reveal', uri: 'https://example.com/x', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
    await panel.receive('not an object');
    assert.equal(panel.rejected.length, 3, panel.rejected.join('\n'));
    assert.equal(JSON.stringify(panel.state), before, 'a rejected message changes nothing');

    const denied = nextEvaluation((r) => r.result?.decision === 'ExplicitlyDenied');
    const doc = editor.document;
    const at = doc.positionAt(doc.getText().indexOf('"Statement": [') + '"Statement": ['.length);
    await editor.edit((b) => b.insert(at, '\n    { "Sid": "DenyAllReads", "Effect": "Deny", "Action": "s3:Get*", "Resource": "*" },'));
    const r = await denied;
    assert.equal(r.result!.matchedStatements[0].sid, 'DenyAllReads');
    assert.deepEqual(await poll(() => panel.decorations.applied.get(uri.toString()), (a) => !!a && a.deny > 0), { allow: 0, deny: 1 });
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    await sleep(300);
    panel.panel.dispose();
  });

  test('the Simulate CodeLens on a PassRole statement puts the principal in the role\'s account, and an implicit deny marks no statement as deciding', async () => {
    const uri = vscode.Uri.joinPath(workspace, 'tmp-passrole.policy.json');
    created.push(uri);
    const policy = { Version: '2012-10-17', Statement: [{ Sid: 'PassRoleToService', Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::123456789012:role/MyServiceRole' }] };
    await vscode.workspace.fs.writeFile(uri, Buffer.from(JSON.stringify(policy, null, 2)));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const lenses = await poll(() => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10),
      (l) => (l ?? []).some((x) => x.command?.command === 'iamPolicy.simulateStatement'));
    const lens = lenses.find((l) => l.command?.command === 'iamPolicy.simulateStatement')!;
    const allowed = nextEvaluation((r) => r.result?.decision === 'Allowed');
    await vscode.commands.executeCommand(lens.command!.command, ...lens.command!.arguments!);
    const panel = api.simulator.current()!;
    assert.equal(panel.state.request.principal, 'arn:aws:iam::123456789012:user/alice', 'the placeholder principal moved to the role\'s account');
    assert.equal(panel.state.request.action, 'iam:PassRole');
    const r = await allowed;
    assert.deepEqual(r.result!.matchedStatements.map((m) => m.sid), ['PassRoleToService']);
    assert.deepEqual(await poll(() => panel.decorations.applied.get(uri.toString()), (a) => !!a && a.allow > 0), { allow: 1, deny: 0 });

    // a caller in another account: the Allow applies, but a role can only be passed within its account
    panel.setState({ ...panel.state, request: { ...panel.state.request, principal: 'arn:aws:iam::111122223333:user/bob' } });
    const denied = await panel.evaluate();
    assert.equal(denied?.result?.decision, 'ImplicitlyDenied');
    assert.deepEqual(denied!.result!.matchedStatements, [], 'no statement decided the implicit deny');
    assert.ok(denied!.result!.statements.find((x) => x.sid === 'PassRoleToService')?.applies, 'the Allow is still shown as applying');
    assert.match(denied!.result!.explanation[0], /a role can only be passed to a service in its own account/);
    assert.deepEqual(panel.decorations.applied.get(uri.toString()) ?? { allow: 0, deny: 0 }, { allow: 0, deny: 0 });
    panel.panel.dispose();
  });

  test('the panel saves a scenario with relative policy paths and opens it back', async () => {
    const uri = example('policies/app-read-s3.policy.json');
    const panel = await api.simulator.show(uri);
    const target = vscode.Uri.joinPath(workspace, 'tmp-saved.scenario.json');
    created.push(target);
    panel.setState({ ...panel.state, name: 'saved', expected: 'Allowed', request: { ...panel.state.request, action: 's3:GetObject', resource: 'arn:aws:s3:::acme-reports/a' },
      context: [{ key: 'aws:SecureTransport', type: 'Bool', value: 'true', enabled: true }] });
    await panel.saveScenario(target);
    const saved = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(target)).toString('utf8'));
    const rel = path.relative(workspace.fsPath, uri.fsPath).split(path.sep).join('/');
    assert.deepEqual(saved.identityPolicies, [{ file: rel }]);
    assert.deepEqual(saved.request.context, { 'aws:SecureTransport': 'true' });
    assert.equal(saved.expected, 'Allowed');

    panel.setState({ ...panel.state, identityPolicies: [], name: '' });
    assert.ok(await panel.loadScenario(target, 0));
    assert.deepEqual(panel.state.identityPolicies.map((p) => p.uri), [uri.toString()]);
    assert.equal(panel.state.name, 'saved');
    const r = await panel.evaluate();
    assert.equal(r?.result?.decision, 'Allowed');
    assert.equal(r?.result?.pass, true);
    panel.panel.dispose();
  });

  test('a panel restored after a reload takes the saved state, and falls back to empty on a corrupt one', async () => {
    const uri = example('policies/app-read-s3.policy.json').toString();
    const saved = {
      version: 1, name: 'restored', identityPolicies: [{ uri, enabled: true }], permissionBoundaries: [], sessionPolicy: null, resourcePolicy: null,
      scps: [], rcps: [], request: { principal: 'arn:aws:iam::111122223333:user/alice', action: 's3:ListBucket', resource: 'arn:aws:s3:::acme-reports', resourceAccount: '' },
      context: [], expected: 'Allowed',
    };
    const make = () => vscode.window.createWebviewPanel('iamPolicy.simulator', 'Simulate Request', vscode.ViewColumn.Beside, { enableScripts: true });
    const evaluated = nextEvaluation();
    const panel = api.simulator.revive(make(), saved);
    assert.equal(api.simulator.current(), panel);
    assert.equal(panel.state.name, 'restored');
    const r = await evaluated; // the revived webview says "ready", the panel evaluates
    assert.equal(r.result?.decision, 'Allowed');
    assert.equal(r.result?.pass, true);
    let disposed = false;
    panel.panel.onDidDispose(() => { disposed = true; });
    const corrupt = api.simulator.revive(make(), { version: 1, identityPolicies: 'nope' });
    assert.equal(corrupt.state.identityPolicies.length, 0);
    assert.equal(disposed, true, 'the previous panel was closed: one panel at a time');
    corrupt.panel.dispose();
  });
});
