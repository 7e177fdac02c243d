// Policies inside a CloudFormation template (YAML) and a Terraform file in the real VS Code host: diagnostics at the
// characters written, hover, the quick fix applied to the template, and nothing on ordinary YAML.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../client/src/extension';
import type { SimulateResult } from '../../server/src/protocol';
import { EXTENSION_ID, poll, sleep } from './host';

const iamDiagnostics = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'iam-policy');
/** VS Code folds a code with a doc link into `{ value, target }` */
const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? d.code.value : d.code);
const hoverText = (hs: vscode.Hover[] | undefined) =>
  (hs ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');

suite('Policies in infrastructure code, in a real VS Code host', () => {
  let workspace: vscode.Uri;

  suiteSetup(async () => {
    workspace = vscode.workspace.workspaceFolders![0].uri;
    const api = await vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID)!.activate();
    await api.ready;
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  for (const [file, language] of [['infra/worker.template.yaml', 'yaml'], ['infra/worker.tf', undefined]] as const) {
    test(`${file}: the typo is reported where it is written, hovered, and fixed in the file`, async () => {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspace, file));
      const editor = await vscode.window.showTextDocument(doc);
      if (language) assert.equal(doc.languageId, language);
      const diags = await poll(() => iamDiagnostics(doc.uri), (d) => d.some((x) => codeOf(x) === 'IAM202'), 30_000);
      const typo = diags.find((d) => codeOf(d) === 'IAM202');
      assert.ok(typo, `diagnostics: ${diags.map((d) => `${codeOf(d)} ${d.message}`).join('; ')}`);
      assert.match(doc.getText(typo.range), /sqs:DeleteMesage/);

      const at = doc.positionAt(doc.getText().indexOf('sqs:ReceiveMessage') + 5);
      const hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at));
      assert.match(hover, /sqs:ReceiveMessage/);

      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, typo.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((a) => /sqs:DeleteMessage/.test(a.title));
      assert.ok(fix?.edit, `actions: ${actions.map((a) => a.title).join('; ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.match(editor.document.getText(), /sqs:DeleteMessage/);
      const after = await poll(() => iamDiagnostics(doc.uri), (d) => !d.some((x) => codeOf(x) === 'IAM202'), 30_000);
      assert.deepEqual(after.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map((d) => d.message), []);
    });
  }

  for (const file of ['infra/worker.template.yaml', 'infra/worker.tf']) {
    test(`${file}: a "Simulate" CodeLens on each embedded statement opens the panel with that policy and yields a decision`, async () => {
      const api = await vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID)!.activate();
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspace, file));
      await vscode.window.showTextDocument(doc);
      type LensArgs = [vscode.Uri, { action: string; resource: string; policyUri?: string; policyType?: string }];
      const embeddedLenses = (l: vscode.CodeLens[] | undefined) => (l ?? []).filter((x) => x.command?.command === 'iamPolicy.simulateStatement' && (x.command.arguments as LensArgs)[1].policyUri);
      const lenses = embeddedLenses(await poll(() => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 10),
        (l) => embeddedLenses(l).length >= 3, 30_000));
      // trust policy, Consume, WriteReports
      assert.equal(lenses.length, 3, lenses.map((l) => l.command?.title).join('; '));
      const consume = lenses.find((l) => /sqs:ReceiveMessage/.test(l.command!.title))!;
      assert.ok(consume, lenses.map((l) => l.command?.title).join('; '));
      // the statement's first line: `Sid: Consume` in YAML, the `{` of its object in jsonencode
      const statementHead = (line: number) => doc.getText(new vscode.Range(line, 0, Math.min(line + 2, doc.lineCount - 1), 0));
      assert.match(statementHead(consume.range.start.line), /Sid\s*[:=]\s*"?Consume/);
      const args = consume.command!.arguments as LensArgs;
      assert.equal(args[1].policyType, 'identity');

      const evaluated = new Promise<SimulateResult>((resolve) => {
        const d = api.simulator.onDidEvaluate((e) => { if (e.response.result) { d.dispose(); resolve(e.response); } });
      });
      await vscode.commands.executeCommand(consume.command!.command, ...args);
      const panel = api.simulator.current()!;
      assert.ok(panel.state.identityPolicies.some((p) => p.uri === args[1].policyUri), JSON.stringify(panel.state.identityPolicies));
      assert.equal(panel.state.request.action, 'sqs:ReceiveMessage');
      const r = await evaluated;
      assert.equal(r.result?.decision, 'Allowed', JSON.stringify(r.errors));
      const decided = r.result!.matchedStatements[0];
      assert.equal(decided.file, doc.uri.toString());
      assert.match(doc.getText(new vscode.Range(decided.range!.start.line, decided.range!.start.character, decided.range!.end.line, decided.range!.end.character)), /^(\{\s*)?Sid\s*[:=]\s*"?Consume[\s\S]*jobs/i);
      // the deciding statement is marked in the template's editor
      assert.deepEqual(await poll(() => panel.decorations.applied.get(doc.uri.toString()), (a) => !!a && a.allow > 0), { allow: 1, deny: 0 });
      panel.panel.dispose();
    });
  }

  test('a Kubernetes manifest (ordinary YAML) gets nothing from us', async () => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspace, 'infra/deployment.yaml'));
    await vscode.window.showTextDocument(doc);
    await sleep(1500);
    assert.deepEqual(iamDiagnostics(doc.uri), []);
    const at = doc.positionAt(doc.getText().indexOf('Statement') + 2);
    assert.doesNotMatch(hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at)), /IAM|policy/i);
  });
});
