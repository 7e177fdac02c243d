// The extension in a Japanese VS Code (issue 15): code-server started with --locale ja by
// `node scripts/host/run-integration.mjs --locale ja`. The manifest texts come from package.nls.ja.json, the client's
// from l10n/bundle.l10n.ja.json (vscode.l10n), and the language server, initialised with locale "ja" and the bundle
// path from the client, answers hovers and diagnostics in Japanese.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../client/src/extension';
import { EXTENSION_ID, poll } from './host';
import { assertShownAsPreview } from './reportPreview';
import { iamTree, withSeedWorld } from './seedWorld';

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

  test('the IAM view and the effective-permissions report are Japanese; names, ARNs and actions stay', async () => {
    const { api, model } = await withSeedWorld();
    try {
      await api.iamModel.model.refresh();
      const { label, child } = iamTree(() => api);
      const main = await child(undefined, 'main (111111111111)');
      const folders = (await api.iamModel.tree.getChildren(main)).map(label);
      assert.deepEqual(folders, ['ユーザー', 'グループ', 'ロール', '管理ポリシー', 'リソースベースのポリシー']);
      const hoge = await child(await child(main, 'ユーザー'), 'Hoge');
      assert.equal(api.iamModel.tree.getTreeItem(hoge).tooltip, 'arn:aws:iam::111111111111:user/Hoge\nグループ: Developers');
      const developers = await child(await child(main, 'グループ'), 'Developers');
      assert.equal(api.iamModel.tree.getTreeItem(developers).description, 'メンバー 1 人');
      const readOnly = await child(developers, 'ReadOnlyAccess');
      assert.equal(api.iamModel.tree.getTreeItem(readOnly).description, 'AWS 管理ポリシー');
      const inline = await child(developers, 'AssumeReadOnlyRole');
      assert.equal(api.iamModel.tree.getTreeItem(inline).tooltip, 'グループ Developers のインラインポリシー AssumeReadOnlyRole', 'the server\'s origin label, in Japanese');
      const role = await child(await child(main, 'ロール'), 'ReadOnlyRole');
      assert.equal(api.iamModel.tree.getTreeItem(role).description, 'arn:aws:iam::111111111111:user/Hoge が引き受け可能');
      const fuga = await child(await child(main, 'ユーザー'), 'Fuga');
      const report = await vscode.commands.executeCommand<vscode.TextDocument>('iamPolicy.showEffectivePermissions', fuga);
      await assertShownAsPreview(report);
      const text = report.getText();
      assert.match(text, /^# arn:aws:iam::111111111111:user\/Fuga の有効なアクセス許可\n/);
      assert.match(text, /\n1 つのサービスの \d+ 個のアクション \(アクセス許可の境界、SCP、RCP を適用した後\)。\n/);
      assert.match(text, /^## s3$/m);
      assert.match(text, /^- `\*` に対する `s3:GetObject`$/m);
      assert.match(text, /\n## 考慮したポリシー\n\n- アイデンティティベース: ユーザー Fuga にアタッチされた arn:aws:iam::aws:policy\/AdministratorAccess\n- アクセス許可の境界: ユーザー Fuga にアタッチされたアクセス許可の境界 arn:aws:iam::111111111111:policy\/S3OnlyBoundary\n/);
      assert.doesNotMatch(text, /Effective permissions|Policies taken|attached to| on `/, 'no English left in the report');
    } finally {
      await vscode.workspace.fs.delete(model).then(undefined, () => undefined);
    }
  });
});
