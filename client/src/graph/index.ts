// Registers "IAM: Show Who Can Become Whom": from the command palette, the IAM view's title bar, and a model file's
// context menu (then the graph covers that file only).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { IamModelApi } from '../model';
import type { GraphView } from './graphData';
import { GraphPanel } from './panel';

export const SHOW_ROLE_GRAPH = 'iamPolicy.showRoleGraph';

export interface RoleGraphApi {
  /** runs the command: the panel, once its first graph is sent */
  show(uri?: vscode.Uri): Promise<GraphPanel>;
  current(): GraphPanel | undefined;
  onDidPostGraph: vscode.Event<GraphView>;
}

export function registerRoleGraph(context: vscode.ExtensionContext, client: LanguageClient, ready: Promise<void>, iamModel: IamModelApi, log: vscode.LogOutputChannel): RoleGraphApi {
  const deps = { context, client, ready, model: iamModel.model, log, openLocation: iamModel.openLocation };
  const show = (uri?: vscode.Uri) => GraphPanel.show(deps, uri ? [uri.toString()] : undefined);
  context.subscriptions.push(vscode.commands.registerCommand(SHOW_ROLE_GRAPH, (arg?: unknown) => show(arg instanceof vscode.Uri ? arg : undefined)));
  return { show, current: () => GraphPanel.current, onDidPostGraph: GraphPanel.onDidPostGraph };
}
