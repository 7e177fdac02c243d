// The extension in a Japanese VS Code (issue 15): code-server started with --locale ja by
// `node scripts/host/run-integration.mjs --locale ja`. The manifest texts come from package.nls.ja.json, the client's
// from l10n/bundle.l10n.ja.json (vscode.l10n), and the language server, initialised with locale "ja" and the bundle
// path from the client, answers hovers and diagnostics in Japanese.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../client/src/extension';
import { EXTENSION_ID, poll } from './host';

const hoverText = (hs: vscode.Hover[] | undefined) =>
  (hs ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
const TEXT = `${JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObjekt', 's3:GetObject'], Resource: '*' }] }, null, 2)}\n`;

suite('IAM policy extension in a Japanese VS Code host', () => {
  let ext: vscode.Extension<ExtensionApi>;
  suiteSetup(async () => {
    ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID)!;
    assert.ok(ext, `${EXTENSION_ID} is installed in the host`);
    await (await ext.activate()).ready;
  });
  teardown(async () => { await vscode.commands.executeCommand('workbench.action.closeAllEditors'); });

  test('the display language is Japanese and the extension\'s bundle is loaded', () => {
    assert.equal(vscode.env.language, 'ja');
    assert.ok(vscode.l10n.uri?.path.endsWith('/l10n/bundle.l10n.ja.json'), String(vscode.l10n.uri));
    assert.equal(vscode.l10n.t('Simulate Request'), 'リクエストのシミュレート');
  });

  test('the manifest (commands, settings) is Japanese', () => {
    // VS Code hands extensions the localised manifest; titles become { value, original } so the palette can match both
    type Text = string | { value: string; original: string };
    const shown = (t: Text | undefined) => (typeof t === 'object' ? t.value : t);
    const pkg = ext.packageJSON as { contributes: { commands: { command: string; title: Text; category: Text }[]; configuration: { properties: Record<string, { description?: Text }> } } };
    const simulate = pkg.contributes.commands.find((c) => c.command === 'iamPolicy.simulate')!;
    assert.equal(shown(simulate.title), 'リクエストをシミュレート…');
    assert.deepEqual(simulate.title, { value: 'リクエストをシミュレート…', original: 'Simulate Request…' });
    assert.equal(shown(simulate.category), 'IAM ポリシー');
    assert.match(shown(pkg.contributes.configuration.properties['iamPolicy.detectInJson'].description) ?? '', /^内容が IAM ポリシー/);
  });

  test('diagnostics and hovers from the language server are Japanese; codes and action names stay', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'iam-policy', content: TEXT });
    await vscode.window.showTextDocument(doc);
    const diags = await poll(() => vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'iam-policy'), (ds) => ds.some((d) => d.code === 'IAM202' || (typeof d.code === 'object' && d.code.value === 'IAM202')));
    const unknown = diags.find((d) => d.message.includes('s3:GetObjekt'));
    assert.ok(unknown, JSON.stringify(diags.map((d) => d.message)));
    assert.match(unknown.message, /^不明なアクション "s3:GetObjekt": サービス "s3" にそのようなアクションはありません。/);
    const hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(TEXT.indexOf('"Action"') + 2)));
    assert.match(hover, /ステートメントが対象とするアクション/);
    const action = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(TEXT.indexOf('"s3:GetObject"') + 4)));
    assert.match(action, /サービス認証リファレンス \(日本語\)\]\(https:\/\/docs\.aws\.amazon\.com\/ja_jp\/service-authorization\//);
  });
});
