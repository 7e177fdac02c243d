// "IAM: Show Who Can Become Whom": a webview panel with the graph of who can become whom (iamPolicy/escalationPaths,
// the same answer as `iam-policy paths`), laid out in the webview by dagre. The extension builds the graph
// (graphData.ts) and sends it; the webview draws it and asks to open a node where the model defines it.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { EscalationPathsResult, ModelListResult } from '../../../server/src/protocol';
import type { ModelLocation } from '../model/iamView';
import type { WorkspaceModel } from '../model/workspaceModel';
import { EscalationPathsRequest } from '../requests';
import { buildGraph, type GraphView } from './graphData';
import { validateGraphWebviewMessage, type GraphHostMessage, type GraphWebviewMessage } from './messages';
import { graphWebviewTexts } from './webviewTexts';
import { webviewHtml } from '../webviewHtml';
import { acceptWebviewMessage } from '../webviewMessages';

export const GRAPH_VIEW_TYPE = 'iamPolicy.roleGraph';
const REFRESH_MS = 400;

export interface GraphDeps {
  context: vscode.ExtensionContext;
  client: LanguageClient;
  ready: Promise<void>;
  model: WorkspaceModel;
  log: vscode.LogOutputChannel;
  openLocation: (l: ModelLocation, column?: vscode.ViewColumn) => Promise<unknown>;
}

export class GraphPanel {
  static current: GraphPanel | undefined;
  private static readonly postedEmitter = new vscode.EventEmitter<GraphView>();
  /** fires after each graph the panel sends to its webview (tests wait on it) */
  static readonly onDidPostGraph = GraphPanel.postedEmitter.event;
  private static readonly drawnEmitter = new vscode.EventEmitter<{ nodes: number; edges: number }>();
  /** fires when the webview has drawn a graph */
  static readonly onDidDraw = GraphPanel.drawnEmitter.event;

  /** the graph sent last */
  graph: GraphView | undefined;
  /** what the webview drew last */
  drawn: { nodes: number; edges: number } | undefined;
  /** messages the webview sent that failed validation */
  readonly rejected: string[] = [];
  private timer: NodeJS.Timeout | undefined;
  private seq = 0;
  private disposed = false;
  private readonly disposables: vscode.Disposable[] = [];

  private constructor(readonly panel: vscode.WebviewPanel, private readonly deps: GraphDeps, private uris: string[] | undefined) {
    const media = vscode.Uri.joinPath(deps.context.extensionUri, 'dist', 'webview');
    panel.iconPath = new vscode.ThemeIcon('type-hierarchy');
    panel.webview.html = this.html(panel.webview, media);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: unknown) => void this.receive(m)),
      deps.model.onDidChange(() => this.schedule()),
    );
  }

  /**
   * Opens the panel (or reveals it) on the workspace's model files, or on `uris` (the model file it was run from), and
   * builds the graph.
   */
  static async show(deps: GraphDeps, uris?: string[]): Promise<GraphPanel> {
    let p = GraphPanel.current;
    if (!p) {
      const panel = vscode.window.createWebviewPanel(GRAPH_VIEW_TYPE, vscode.l10n.t('Who Can Become Whom'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
        { enableScripts: true, retainContextWhenHidden: true, localResourceRoots: [vscode.Uri.joinPath(deps.context.extensionUri, 'dist', 'webview')] });
      p = GraphPanel.current = new GraphPanel(panel, deps, uris);
    } else {
      p.uris = uris;
      p.panel.reveal(undefined, false);
    }
    await p.update();
    return p;
  }

  /** Builds the graph from the model files and sends it to the webview. */
  async update(): Promise<GraphView | undefined> {
    clearTimeout(this.timer);
    const seq = ++this.seq;
    const { model, client, ready } = this.deps;
    let graph: GraphView;
    try {
      const uris = this.uris ?? (await model.get()).files.map((u) => u.toString());
      await ready;
      if (!uris.length) {
        graph = buildGraph([], [], [vscode.l10n.t('No IAM model in this workspace: add a *.iam-model.json file or an AWS authorization-details export (*.authz.json).')]);
      } else {
        const [listing, paths] = await Promise.all([
          model.list(uris) as Promise<ModelListResult>,
          client.sendRequest<EscalationPathsResult>(EscalationPathsRequest, { model: { uris } }),
        ]);
        const problems = [...paths.errors, ...listing.problems.map((p) => `${vscode.workspace.asRelativePath(vscode.Uri.parse(p.uri))}: ${p.path}: ${p.message}`)];
        graph = buildGraph(paths.edges, listing.accounts, problems);
      }
    } catch (e) {
      this.post({ type: 'notice', level: 'error', message: vscode.l10n.t('The language server did not answer who can become whom: {0}', (e as Error).message) });
      return undefined;
    }
    if (seq !== this.seq || this.disposed) return undefined;
    this.graph = graph;
    this.post({ type: 'graph', graph });
    GraphPanel.postedEmitter.fire(graph);
    return graph;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), REFRESH_MS);
  }

  private post(m: GraphHostMessage): void {
    if (this.disposed) return;
    this.panel.webview.postMessage(m).then(undefined, () => undefined);
  }

  /** Handles one message from the webview; a malformed one is logged and answered with a notice, never acted on. */
  async receive(raw: unknown): Promise<void> {
    const m: GraphWebviewMessage | undefined = acceptWebviewMessage(raw, validateGraphWebviewMessage, {
      rejected: this.rejected, log: this.deps.log, name: 'who-can-become-whom', notice: (message) => this.post({ type: 'notice', level: 'error', message }),
    });
    if (!m) return;
    switch (m.type) {
      case 'ready': if (this.graph) this.post({ type: 'graph', graph: this.graph }); break;
      case 'refresh': await this.update(); break;
      case 'drawn': this.drawn = { nodes: m.nodes, edges: m.edges }; GraphPanel.drawnEmitter.fire(this.drawn); break;
      case 'open': {
        // only a node of the graph sent, and only where the model defines it: the webview names no file itself
        const node = this.graph?.nodes.find((n) => n.id === m.node);
        // beside the panel when the panel is in the first column, so that the graph stays in view
        if (node?.location) await this.deps.openLocation(node.location, this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One);
        else this.post({ type: 'notice', level: 'info', message: vscode.l10n.t('{0} is not defined in a model file.', m.node) });
        break;
      }
    }
  }

  private html(webview: vscode.Webview, media: vscode.Uri): string {
    return webviewHtml(webview, media, {
      name: 'graph', title: 'Who Can Become Whom', label: vscode.l10n.t('Who can become whom'), loading: vscode.l10n.t('Building the graph…'), texts: graphWebviewTexts(),
    });
  }

  dispose(): void {
    this.disposed = true;
    if (GraphPanel.current === this) GraphPanel.current = undefined;
    clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

