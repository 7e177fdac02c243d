// The VS Code extension: starts the language server over IPC, registers commands and the policy-type status bar.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { CatalogInfoResult, IamInitializationOptions, PolicyType, PolicyTypeResult, SetPolicyTypeParams } from '../../server/src/protocol';
import { CatalogInfoRequest, PolicyTypeRequest, SetPolicyTypeNotification } from './requests';
import { registerIamModel, type IamModelApi } from './model';
import { registerRoleGraph, type RoleGraphApi } from './graph';
import { registerSimulator, type SimulatorApi } from './simulator';

const policyTypePicks = (): { type: PolicyType | null; label: string }[] => [
  { type: null, label: vscode.l10n.t('Automatic (setting, file name, content)') },
  { type: 'identity', label: vscode.l10n.t('Identity-based policy') },
  { type: 'resource', label: vscode.l10n.t('Resource-based policy') },
  { type: 'trust', label: vscode.l10n.t('Role trust policy') },
  { type: 'scp', label: vscode.l10n.t('Service control policy (SCP)') },
  { type: 'rcp', label: vscode.l10n.t('Resource control policy (RCP)') },
  { type: 'boundary', label: vscode.l10n.t('Permissions boundary') },
  { type: 'session', label: vscode.l10n.t('Session policy') },
  { type: 'endpoint', label: vscode.l10n.t('VPC endpoint policy') },
];

export interface ExtensionApi {
  client: LanguageClient;
  /** resolves once the language server has answered initialize */
  ready: Promise<void>;
  /** the Simulate Request panel and scenario files (for tests) */
  simulator: SimulatorApi;
  /** the IAM view, Simulate as…, Show effective permissions (for tests) */
  iamModel: IamModelApi;
  /** the graph of who can become whom (for tests) */
  roleGraph: RoleGraphApi;
  /** the policy-type status bar item's text, or undefined while it is hidden (for tests) */
  policyTypeStatus(): string | undefined;
  /** the status bar item's tooltip: the type, why, and what to do if it is not meant (for tests) */
  policyTypeTooltip(): string | undefined;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  const output = vscode.window.createOutputChannel('IAM Policy Language Server', { log: true });
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const selector = [
    { language: 'iam-policy', scheme: 'file' }, { language: 'iam-policy', scheme: 'untitled' },
    { language: 'json', scheme: 'file' }, { language: 'json', scheme: 'untitled' },
    { language: 'jsonc', scheme: 'file' }, { language: 'jsonc', scheme: 'untitled' },
    // CloudFormation/SAM templates: the server checks only YAML whose content is a template
    { language: 'yaml', scheme: 'file' }, { language: 'yaml', scheme: 'untitled' },
    // Terraform: the HashiCorp extension's language, or any *.tf where no extension gives it one
    { language: 'terraform', scheme: 'file' }, { scheme: 'file', pattern: '**/*.tf' },
  ];
  const clientOptions: LanguageClientOptions = {
    documentSelector: selector,
    outputChannel: output,
    synchronize: { configurationSection: 'iamPolicy' },
    // the server speaks the display language (LSP initialize carries the locale) from the bundle VS Code chose for us
    initializationOptions: { l10nBundle: vscode.l10n.uri?.fsPath } satisfies IamInitializationOptions,
  };
  client = new LanguageClient('iamPolicy', 'IAM Policy Language Server', serverOptions, clientOptions);
  const ready = client.start();

  const status = vscode.window.createStatusBarItem('iamPolicy.policyType', vscode.StatusBarAlignment.Right, 100);
  status.name = vscode.l10n.t('IAM policy type');
  status.command = 'iamPolicy.changePolicyType';
  context.subscriptions.push(status, output);

  let statusShown = false;
  // the status bar item and the `iamPolicy.isPolicy` context key (editor title button, context menu) follow the
  // server's answer, so policies in plain JSON files get them too
  const setShown = (shown: boolean) => {
    if (shown) status.show(); else status.hide();
    if (shown !== statusShown) void vscode.commands.executeCommand('setContext', 'iamPolicy.isPolicy', shown);
    statusShown = shown;
  };
  const updateStatus = async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !client?.isRunning()) { setShown(false); return; }
    try {
      const r = await client.sendRequest<PolicyTypeResult>(PolicyTypeRequest, { uri: editor.document.uri.toString() });
      if (!r.type) { setShown(false); return; }
      status.text = `$(shield) IAM: ${r.label}`;
      status.tooltip = `${vscode.l10n.t('{0}: {1}.', r.label ?? '', r.reason ?? '')}${r.advice ? ` ${r.advice}` : ''} ${vscode.l10n.t('Click to change the type.')}`;
      setShown(true);
    } catch { setShown(false); }
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('iamPolicy.treatAsPolicy', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) { void vscode.window.showInformationMessage(vscode.l10n.t('Open a JSON file first, then run "IAM Policy: Treat File as IAM Policy".')); return; }
      await vscode.languages.setTextDocumentLanguage(editor.document, 'iam-policy');
    }),
    vscode.commands.registerCommand('iamPolicy.showCatalogVersion', async () => {
      await ready;
      const info = await client!.sendRequest<CatalogInfoResult>(CatalogInfoRequest);
      const c = info.counts;
      const m = info.managedPolicies;
      const managed = m ? ` ${vscode.l10n.t('AWS managed policies {0} ({1} {2}): {3} policies.', m.dataUpdatedAt, m.package, m.version, m.count)}` : '';
      void vscode.window.showInformationMessage(vscode.l10n.t('{0}: {1} services, {2} actions, {3} resource types, {4} condition keys.', info.label, c.services, c.actions, c.resourceTypes, c.conditionKeys + c.globalConditionKeys) + managed);
      return info;
    }),
    vscode.commands.registerCommand('iamPolicy.changePolicyType', async (uri?: vscode.Uri, type?: PolicyType | null) => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri;
      if (!target) return;
      let chosen = type;
      if (chosen === undefined) {
        const pick = await vscode.window.showQuickPick(policyTypePicks().map((p) => ({ label: p.label, type: p.type })), { placeHolder: vscode.l10n.t('Policy type of this document') });
        if (!pick) return;
        chosen = pick.type;
      }
      await ready;
      const params: SetPolicyTypeParams = { uri: target.toString(), type: chosen };
      await client!.sendNotification(SetPolicyTypeNotification, params);
      await updateStatus();
    }),
    vscode.window.onDidChangeActiveTextEditor(() => void updateStatus()),
    vscode.workspace.onDidOpenTextDocument(() => void updateStatus()),
    // the editor becomes active before the server has the document (the first answer is "no policy"), and a JSON file
    // becomes a policy while one types: the server's diagnostics for the active document mean it has an answer now
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && e.uris.some((u) => u.toString() === active)) void updateStatus();
    }),
  );

  const simulator = registerSimulator(context, client, ready, output);
  const iamModel = registerIamModel(context, client, ready, simulator);
  const roleGraph = registerRoleGraph(context, client, ready, iamModel, output);

  await ready;
  void updateStatus();
  return {
    client, ready, simulator, iamModel, roleGraph,
    policyTypeStatus: () => (statusShown ? status.text : undefined),
    policyTypeTooltip: () => (statusShown && typeof status.tooltip === 'string' ? status.tooltip : undefined),
  };
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
