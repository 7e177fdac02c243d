// IAM model files in the real VS Code host (issue 11, server side): a model file gets diagnostics at its references,
// and hover on an AWS managed policy ARN shows what the policy grants from the bundled data.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../client/src/extension';
import type { CatalogInfoResult } from '../../server/src/protocol';
import { EXTENSION_ID, poll } from './host';

suite('IAM model files in a real VS Code host', () => {
  let workspace: vscode.Uri;

  suiteSetup(async () => {
    workspace = vscode.workspace.workspaceFolders![0].uri;
    const api = await vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID)!.activate();
    await api.ready;
  });

  teardown(async () => { await vscode.commands.executeCommand('workbench.action.closeAllEditors'); });

  test('an unknown group in a *.iam-model.json is an error at the reference, with did-you-mean', async () => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspace, 'broken.iam-model.json'));
    await vscode.window.showTextDocument(doc);
    const diags = await poll(() => vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'iam-policy'), (ds) => ds.length > 0);
    const d = diags.find((x) => /unknown group "Developrs"/.test(x.message));
    assert.ok(d, JSON.stringify(diags.map((x) => x.message)));
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.match(d.message, /Did you mean "Developers"\?/);
    assert.equal(doc.offsetAt(d.range.start), doc.getText().indexOf('"Developrs"'));
  });

  test('hover on an AWS managed policy ARN tells what it grants and the data date', async () => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspace, 'broken.iam-model.json'));
    await vscode.window.showTextDocument(doc);
    const pos = doc.positionAt(doc.getText().indexOf('policy/ReadOnlyAccess') + 3);
    const text = (hs: vscode.Hover[] | undefined) => (hs ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    const hovers = await poll(() => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos), (h) => /AWS managed policy/.test(text(h)));
    assert.match(text(hovers), /`ReadOnlyAccess`/);
    assert.match(text(hovers), /AWS managed policies \d{4}-\d{2}-\d{2}/);
  });

  test('Show Catalog Version reports the bundled AWS managed policies too', async () => {
    const info = await vscode.commands.executeCommand<CatalogInfoResult>('iamPolicy.showCatalogVersion');
    assert.ok(info.managedPolicies && info.managedPolicies.count > 1000, JSON.stringify(info.managedPolicies));
  });
});
