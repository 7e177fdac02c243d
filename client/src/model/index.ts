// Registers the IAM model features of the editor: the IAM view in the Explorer, "Simulate as…", "Show effective
// permissions", opening model policies (AWS managed ones read-only), and the workspace model the panel picks from.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { EffectivePermissionsResult, WhoCanResult } from '../../../server/src/protocol';
import { toRange } from '../ranges';
import { EffectivePermissionsRequest, WhoCanRequest } from '../requests';
import { arnPatternMatches } from './arnPattern';
import { PASS_ROLE_SERVICES, RoleLensProvider, WHO_CAN_ASSUME } from './roleLens';
import { passRoleServicesMarkdown, whoCanAssumeMarkdown } from './roleReports';
import type { SimulatorApi } from '../simulator';
import { SimulatorPanel } from '../simulator/panel';
import { emptyState } from '../simulator/state';
import { effectivePermissionsMarkdown } from './effectiveReport';
import { IamTreeProvider, VIEW_ID, type IamNode, type ModelLocation } from './iamView';
import { managedPolicyUri, registerReadOnlyDocuments } from './readOnlyDocuments';
import { principalsOf, WorkspaceModel, type ModelPrincipal } from './workspaceModel';

export interface IamModelApi {
  model: WorkspaceModel;
  tree: IamTreeProvider;
  /** what "Show effective permissions" showed last (tests read it) */
  lastReport(): string | undefined;
  /** opens a place in a model file, or a bundled AWS managed policy read-only (in the first column unless told) */
  openLocation(l: ModelLocation, column?: vscode.ViewColumn): Promise<vscode.TextEditor | undefined>;
}

/** the principal ARN of a view item, or undefined when the command ran from the palette */
const principalOf = (arg: unknown): string | undefined => {
  const n = arg as IamNode | undefined;
  if (n?.kind === 'user') return n.user.arn;
  if (n?.kind === 'role') return n.role.arn;
  return typeof arg === 'string' ? arg : undefined;
};

export function registerIamModel(context: vscode.ExtensionContext, client: LanguageClient, ready: Promise<void>, simulator: SimulatorApi): IamModelApi {
  const model = new WorkspaceModel(client, ready);
  void model.announce();
  const tree = new IamTreeProvider(model);
  const docs = registerReadOnlyDocuments(client, ready);
  let lastReport: string | undefined;

  const whoCan = async (action: string, resource: string): Promise<WhoCanResult> => {
    const { files } = await model.get();
    await ready;
    return client.sendRequest<WhoCanResult>(WhoCanRequest, { model: { uris: files.map((u) => u.toString()) }, action, resource });
  };
  const report = async (name: string, markdown: () => Promise<string>) => {
    try {
      lastReport = await markdown();
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t('{0}: the language server failed: {1}', name, (e as Error).message));
      return undefined;
    }
    return docs.showReport(name, lastReport);
  };

  const pickPrincipal = async (placeHolder: string): Promise<string | undefined> => {
    const { listing, files } = await model.get();
    const principals = principalsOf(listing.accounts);
    if (!principals.length) {
      void vscode.window.showInformationMessage(files.length
        ? vscode.l10n.t('The IAM model of this workspace has no users or roles.')
        : vscode.l10n.t('No IAM model in this workspace: add a *.iam-model.json file or an AWS authorization-details export (*.authz.json).'));
      return undefined;
    }
    const pick = await vscode.window.showQuickPick(principals.map((p: ModelPrincipal) => ({ label: `${p.kind}/${p.name}`, description: p.account, detail: p.detail, arn: p.arn })), { placeHolder, matchOnDescription: true });
    return pick?.arn;
  };

  const openLocation = async (l: ModelLocation, column = vscode.ViewColumn.One): Promise<vscode.TextEditor | undefined> => {
    if (l.arn && !l.uri) {
      const uri = managedPolicyUri(l.arn);
      if (!uri) return undefined;
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.languages.setTextDocumentLanguage(doc, 'iam-policy');
      return vscode.window.showTextDocument(doc, { preview: true, viewColumn: column });
    }
    if (!l.uri) return undefined;
    const editor = await vscode.window.showTextDocument(vscode.Uri.parse(l.uri), { preview: true, viewColumn: column });
    if (l.range) {
      const range = toRange(l.range);
      editor.selection = new vscode.Selection(range.start, range.start);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
    return editor;
  };
  SimulatorPanel.workspaceModel = model;
  SimulatorPanel.openLocation = openLocation;

  context.subscriptions.push(model, tree, docs.disposable,
    vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true }),
    vscode.commands.registerCommand('iamPolicy.refreshIamView', () => model.refresh()),
    vscode.commands.registerCommand('iamPolicy.openModelLocation', (l: ModelLocation) => openLocation(l)),
    vscode.commands.registerCommand('iamPolicy.simulateAs', async (arg?: unknown) => {
      const principal = principalOf(arg) ?? await pickPrincipal(vscode.l10n.t('Simulate a request as…'));
      if (!principal) return undefined;
      const { files } = await model.get();
      const panel = await simulator.show();
      // the model gathers the principal's policies: start from an empty form, keeping the request being asked
      const fresh = emptyState();
      const r = panel.state.request;
      panel.setState({ ...fresh, model: files.map((u) => u.toString()), request: { ...fresh.request, action: r.action, resource: r.resource, resourceAccount: r.resourceAccount, principal } });
      return panel;
    }),
    vscode.languages.registerCodeLensProvider([{ pattern: '**/*.{iam-model,authz,trust}.json' }, { language: 'iam-policy' }], new RoleLensProvider(model)),
    vscode.commands.registerCommand(WHO_CAN_ASSUME, async (arg?: unknown) => {
      let role = principalOf(arg);
      if (!role?.includes(':role/')) {
        const { listing } = await model.get();
        const roles = listing.accounts.flatMap((a) => a.roles);
        if (!roles.length) { void vscode.window.showInformationMessage(vscode.l10n.t('The IAM model of this workspace has no roles.')); return undefined; }
        role = (await vscode.window.showQuickPick(roles.map((r) => ({ label: r.name, description: r.arn, arn: r.arn })), { placeHolder: vscode.l10n.t('Who can assume which role?') }))?.arn;
      }
      if (!role) return undefined;
      const arn = role;
      return report(`who can assume ${arn.replace(/^.*:role\//, '')}`, async () => whoCanAssumeMarkdown(arn, await whoCan('sts:AssumeRole', arn), vscode.l10n));
    }),
    vscode.commands.registerCommand(PASS_ROLE_SERVICES, async (resources: string[] = [], passedToService: string[] = []) => {
      const { listing } = await model.get();
      const roles = listing.accounts.flatMap((a) => a.roles).filter((r) => resources.some((p) => arnPatternMatches(p, r.arn)));
      return report('services that can receive these roles', async () => {
        await model.escalationsLoaded();
        const edges = model.edges().filter((e) => e.kind === 'iam:PassRole');
        return passRoleServicesMarkdown(resources, passedToService, roles.map((role) => ({ role, passers: [...new Set(edges.filter((e) => e.to === role.arn).map((e) => e.from))] })), vscode.l10n);
      });
    }),
    vscode.commands.registerCommand('iamPolicy.showEffectivePermissions', async (arg?: unknown) => {
      const principal = principalOf(arg) ?? await pickPrincipal(vscode.l10n.t('Show the effective permissions of…'));
      if (!principal) return undefined;
      const { files } = await model.get();
      await ready;
      let result: EffectivePermissionsResult;
      try {
        result = await client.sendRequest<EffectivePermissionsResult>(EffectivePermissionsRequest, { model: { uris: files.map((u) => u.toString()) }, principal });
      } catch (e) {
        void vscode.window.showErrorMessage(vscode.l10n.t('{0}: the language server failed: {1}', vscode.l10n.t('Effective permissions of {0}', principal), (e as Error).message));
        return undefined;
      }
      lastReport = effectivePermissionsMarkdown(principal, result, vscode.l10n);
      return docs.showReport(`effective permissions of ${principal.replace(/^.*:(user|role)\//, '$1-')}`, lastReport);
    }),
  );
  return { model, tree, lastReport: () => lastReport, openLocation };
}
