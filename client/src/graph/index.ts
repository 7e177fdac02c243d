// Registers "IAM: Show Who Can Become Whom": from the command palette, the IAM view's title bar, and a model file's
// context menu (then the graph covers that file only); and the serializer that restores the panel after a window reload.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { IamModelApi } from '../model';
import type { GraphView } from './graphData';
import { GRAPH_VIEW_TYPE, GraphPanel } from './panel';

export const SHOW_ROLE_GRAPH = 'iamPolicy.showRoleGraph';

export interface RoleGraphApi {
  /** runs the command: the panel, once its first graph is sent */
  show(uri?: vscode.Uri): Promise<GraphPanel>;
  current(): GraphPanel | undefined;
  /** what the panel serializer does after a reload: a panel from the webview's saved state, drawn from the current model */
  revive(panel: vscode.WebviewPanel, savedState: unknown): GraphPanel;
  onDidPostGraph: vscode.Event<GraphView>;
}

export function registerRoleGraph(context: vscode.ExtensionContext, client: LanguageClient, ready: Promise<void>, iamModel: IamModelApi, log: vscode.LogOutputChannel): RoleGraphApi {
  const deps = { context, client, ready, model: iamModel.model, log, openLocation: iamModel.openLocation };
  const show = (uri?: vscode.Uri) => GraphPanel.show(deps, uri ? [uri.toString()] : undefined);
  const revive = (panel: vscode.WebviewPanel, saved: unknown) => GraphPanel.revive(deps, panel, saved);
  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_ROLE_GRAPH, (arg?: unknown) => show(arg instanceof vscode.Uri ? arg : undefined)),
    vscode.window.registerWebviewPanelSerializer(GRAPH_VIEW_TYPE, { deserializeWebviewPanel: async (panel: vscode.WebviewPanel, state: unknown) => { revive(panel, state); } }),
  );
  return { show, current: () => GraphPanel.current, revive, onDidPostGraph: GraphPanel.onDidPostGraph };
}
