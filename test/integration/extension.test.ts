// The extension and its language server inside a real VS Code extension host (code-server here, VS Code desktop
// under @vscode/test-electron). The workspace is test/fixtures/workspace; the examples are opened by path.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../client/src/extension';
import type { CatalogInfoResult, PolicyTypeResult } from '../../server/src/protocol';
import { EXTENSION_ID, poll, sleep } from './host';

const hoverText = (hs: vscode.Hover[] | undefined) =>
  (hs ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
const iamDiagnostics = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'iam-policy');

suite('IAM policy extension in a real VS Code host', () => {
  let api: ExtensionApi;
  let repoRoot: string;
  let workspace: vscode.Uri;

  const openFixture = async (name: string) => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspace, name));
    await vscode.window.showTextDocument(doc);
    return doc;
  };

  suiteSetup(async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the fixture workspace is open');
    workspace = folder.uri;
    const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed in the host`);
    repoRoot = ext.extensionPath;
    api = await ext.activate();
    await api.ready;
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the extension activates and its language server runs', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    console.log(`    host: VS Code ${vscode.version}, ${vscode.env.appHost}, node ${process.version}`);
    assert.equal(ext.isActive, true);
    assert.equal(api.client.isRunning(), true);
  });

  test('an example *.policy.json opens with language id iam-policy', async () => {
    const doc = await vscode.workspace.openTextDocument(path.join(repoRoot, 'examples/policies/app-read-s3.policy.json'));
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'iam-policy');
  });

  test('a JSON syntax error gets an iam-policy diagnostic at the missing comma', async () => {
    const doc = await openFixture('broken.policy.json');
    const diags = await poll(() => iamDiagnostics(doc.uri), (d) => d.length > 0);
    assert.ok(diags.length > 0, 'diagnostics from source iam-policy arrived');
    const line = doc.positionAt(doc.getText().indexOf('"Action"')).line;
    assert.ok(diags.some((d) => d.range.start.line === line && d.severity === vscode.DiagnosticSeverity.Error),
      `an error on line ${line + 1}: ${diags.map((d) => `${d.range.start.line + 1}: ${d.message}`).join('; ')}`);
  });

  test('hover on s3:GetObject shows the action description', async () => {
    const doc = await vscode.workspace.openTextDocument(path.join(repoRoot, 'examples/policies/app-read-s3.policy.json'));
    await vscode.window.showTextDocument(doc);
    const pos = doc.positionAt(doc.getText().indexOf('s3:GetObject') + 4);
    const hovers = await poll(() => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos),
      (h) => hoverText(h).includes('Grants permission to retrieve objects'));
    assert.match(hoverText(hovers), /Grants permission to retrieve objects/);
  });

  test('completion inside an Action string offers s3:GetObject after "s3:', async () => {
    const doc = await vscode.workspace.openTextDocument({
      language: 'iam-policy',
      content: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "s3:", "Resource": "*" }]\n}\n',
    });
    await vscode.window.showTextDocument(doc);
    const pos = doc.positionAt(doc.getText().indexOf('"s3:') + 4);
    const labelOf = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);
    const offered = (l: vscode.CompletionList | undefined) => (l?.items ?? []).some((i) => /(^|:)GetObject$/.test(labelOf(i)) && (labelOf(i) === 's3:GetObject' || String(i.insertText ?? '').includes('GetObject')));
    const list = await poll(() => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos), offered);
    assert.ok(offered(list), `s3:GetObject offered; got ${(list?.items ?? []).slice(0, 15).map(labelOf).join(', ')}`);
  });

  test('command iamPolicy.showCatalogVersion returns the catalog counts', async () => {
    const info = await vscode.commands.executeCommand<CatalogInfoResult>('iamPolicy.showCatalogVersion');
    assert.ok(info, 'the command returns the catalog info');
    assert.ok(info.counts.services > 300, `services: ${info.counts.services}`);
    assert.ok(info.counts.actions > 10_000, `actions: ${info.counts.actions}`);
    assert.match(info.version, /\d+\.\d+/);
  });

  test('package.json and tsconfig.json opened as json get no iam-policy diagnostics and no hover', async () => {
    const pkg = await openFixture('package.json');
    const tsc = await openFixture('tsconfig.json');
    assert.equal(pkg.languageId, 'json');
    // a served document opened afterwards: once its diagnostics are in, the server has processed the earlier opens
    const plain = await openFixture('plain-policy.json');
    await poll(() => iamDiagnostics(plain.uri), (d) => d.length > 0);
    assert.deepEqual(iamDiagnostics(pkg.uri), []);
    assert.deepEqual(iamDiagnostics(tsc.uri), []);
    for (const [doc, word] of [[pkg, '"version"'], [tsc, '"strict"']] as const) {
      const pos = doc.positionAt(doc.getText().indexOf(word) + 2);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos);
      // the built-in JSON extension may hover schema docs; none of it may come from the IAM server
      assert.doesNotMatch(hoverText(hovers), /IAM|Grants permission|policy element/i, `${path.basename(doc.fileName)} hover`);
    }
  });

  test('a plain .json file whose content is a policy gets diagnostics', async () => {
    const doc = await openFixture('plain-policy.json');
    assert.equal(doc.languageId, 'json');
    const diags = await poll(() => iamDiagnostics(doc.uri), (d) => d.length > 0);
    assert.ok(diags.length > 0, 'the trailing comma is reported');
  });

  test('iamPolicy.treatAsPolicy switches a json document to iam-policy and the server starts serving it', async () => {
    const doc = await openFixture('statement-draft.json');
    assert.equal(doc.languageId, 'json');
    await sleep(500);
    assert.deepEqual(iamDiagnostics(doc.uri), [], 'not served before: no top-level Statement');
    await vscode.commands.executeCommand('iamPolicy.treatAsPolicy');
    const switched = await poll(() => vscode.workspace.textDocuments.find((d) => d.uri.toString() === doc.uri.toString()), (d) => d?.languageId === 'iam-policy');
    assert.equal(switched?.languageId, 'iam-policy');
    const diags = await poll(() => iamDiagnostics(doc.uri), (d) => d.length > 0);
    assert.ok(diags.length > 0, 'served as a policy after the switch (its trailing comma is reported)');
  });

  test('the policy-type status bar item appears when a JSON file becomes a policy while one types', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'json', content: '{\n  "Version": "2012-10-17"\n}\n' });
    const editor = await vscode.window.showTextDocument(doc);
    await sleep(500);
    assert.equal(api.policyTypeStatus(), undefined, 'no Statement yet: not a policy');
    await editor.edit((e) => e.insert(new vscode.Position(1, 27), ',\n  "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]'));
    const text = await poll(() => api.policyTypeStatus(), (t) => t !== undefined, 10_000);
    assert.equal(text, '$(shield) IAM: Identity-based policy');
    assert.match(api.policyTypeTooltip() ?? '', /^Identity-based policy: no chosen type, setting, file-name convention or Principal says otherwise, and identity is the default\. If it is meant for a resource .* Click to change the type\.$/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('the status bar tooltip says a Principal made the document resource-based, and what to do if it is meant for a user', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'iam-policy', content: '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:user/alice"}, "Action": "s3:GetObject", "Resource": "*"}]\n}\n' });
    await vscode.window.showTextDocument(doc);
    const tip = await poll(() => api.policyTypeTooltip(), (t) => t !== undefined && t.startsWith('Resource-based'), 10_000);
    assert.match(tip ?? '', /^Resource-based policy: statement 1 has a Principal\. If it is meant for a user, group or role, it is an identity-based policy, which has no Principal .*Click to change the type\.$/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('iamPolicy.changePolicyType changes the type the server reports', async () => {
    const doc = await vscode.workspace.openTextDocument(path.join(repoRoot, 'examples/policies/app-read-s3.policy.json'));
    await vscode.window.showTextDocument(doc);
    const typeOf = () => api.client.sendRequest<PolicyTypeResult>('iamPolicy/policyType', { uri: doc.uri.toString() });
    const before = await typeOf();
    assert.equal(before.type, 'identity');
    await vscode.commands.executeCommand('iamPolicy.changePolicyType', doc.uri, 'trust');
    const after = await poll(typeOf, (r) => r.type === 'trust');
    assert.equal(after.type, 'trust');
    await vscode.commands.executeCommand('iamPolicy.changePolicyType', doc.uri, null);
    assert.equal((await poll(typeOf, (r) => r.type === 'identity')).type, 'identity', 'back to automatic');
  });
});
