// "IAM: Show Who Can Become Whom": a webview panel with the graph of who can become whom (iamPolicy/escalationPaths,
// the same answer as `iam-policy paths`), laid out in the webview by dagre. The extension builds the graph
// (graphData.ts) and sends it; the webview draws it and asks to open a node where the model defines it. After a window
// reload VS Code hands the webview's saved state (which files, which node or finding was chosen; no graph data) to the
// serializer (index.ts), and the restored panel draws the model files as they are then.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { EscalationPathsResult, ModelListResult } from '../../../server/src/protocol';
import type { ModelLocation } from '../model/iamView';
import type { WorkspaceModel } from '../model/workspaceModel';
import { EscalationPathsRequest } from '../requests';
import { buildGraph, type GraphView } from './graphData';
import { validateGraphState, validateGraphWebviewMessage, type GraphHostMessage, type GraphScope, type GraphSelection, type GraphState, type GraphWebviewMessage } from './messages';
import { pickModelFiles } from './pickModelFiles';
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

/** the files of `uris` that are not on disk (any more) */
async function missingFiles(uris: string[]): Promise<string[]> {
  const gone = await Promise.all(uris.map((u) => vscode.workspace.fs.stat(vscode.Uri.parse(u)).then(() => false, () => true)));
  return uris.filter((_, i) => gone[i]);
}

export class GraphPanel {
  static current: GraphPanel | undefined;
  private static readonly postedEmitter = new vscode.EventEmitter<GraphView>();
  /** fires after each graph the panel sends to its webview (tests wait on it) */
  static readonly onDidPostGraph = GraphPanel.postedEmitter.event;
  private static readonly drawnEmitter = new vscode.EventEmitter<NonNullable<GraphPanel['drawn']>>();
  /** fires when the webview has drawn a graph */
  static readonly onDidDraw = GraphPanel.drawnEmitter.event;

  /** the graph sent last */
  graph: GraphView | undefined;
  /** the model files the graph sent last was drawn from */
  scope: GraphScope | undefined;
  /** what the webview drew last: how many nodes and edges, what it has chosen, how many missing files it lists */
  drawn: { nodes: number; edges: number; selection: GraphSelection; missing: number } | undefined;
  /** messages the webview sent that failed validation */
  readonly rejected: string[] = [];
  private timer: NodeJS.Timeout | undefined;
  private seq = 0;
  private disposed = false;
  private readonly disposables: vscode.Disposable[] = [];

  /**
   * `uris`: the model files it is drawn from (undefined: the workspace's); `restore`: the selection a restored panel
   * takes again, sent with each graph until the webview has drawn one
   */
  private constructor(readonly panel: vscode.WebviewPanel, private readonly deps: GraphDeps, private uris: string[] | undefined, private restore?: GraphSelection) {
    const media = vscode.Uri.joinPath(deps.context.extensionUri, 'dist', 'webview');
    // a restored panel comes with no options of ours
    panel.webview.options = { enableScripts: true, localResourceRoots: [media] };
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

  /**
   * Restores a panel VS Code kept across a reload, from the webview's saved state (GraphState; one that does not
   * validate is logged and the panel starts on the workspace's model), and draws the current model files.
   */
  static revive(deps: GraphDeps, panel: vscode.WebviewPanel, saved: unknown): GraphPanel {
    let state: GraphState = { version: 1, files: null, node: null, finding: null };
    try { if (saved !== undefined && saved !== null) state = validateGraphState(saved); } catch (e) {
      deps.log.warn(`who-can-become-whom: the saved panel state was not usable (${(e as Error).message}); drawing the workspace's model`);
    }
    GraphPanel.current?.panel.dispose();
    panel.title = vscode.l10n.t('Who Can Become Whom');
    const p = GraphPanel.current = new GraphPanel(panel, deps, state.files ?? undefined, { node: state.node, finding: state.finding });
    void p.update();
    return p;
  }

  /** Builds the graph from the model files and sends it to the webview. */
  async update(): Promise<GraphView | undefined> {
    clearTimeout(this.timer);
    const seq = ++this.seq;
    const { model, client, ready } = this.deps;
    let graph: GraphView;
    let scope: GraphScope;
    try {
      const chosen = this.uris;
      const missing = chosen ? await missingFiles(chosen) : [];
      scope = { files: chosen ?? null, missing };
      const uris = chosen ? chosen.filter((u) => !missing.includes(u)) : (await model.get()).files.map((u) => u.toString());
      await ready;
      if (!uris.length && missing.length) {
        graph = buildGraph([], []);
      } else if (!uris.length) {
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
    this.scope = scope;
    this.postGraph();
    GraphPanel.postedEmitter.fire(graph);
    return graph;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), REFRESH_MS);
  }

  private postGraph(): void {
    if (this.graph && this.scope) this.post({ type: 'graph', graph: this.graph, scope: this.scope, ...(this.restore ? { restore: this.restore } : {}) });
  }

  /** Asks which model files to draw (all the workspace's, some, or others) and draws them; nothing on cancel. */
  async pick(): Promise<GraphView | undefined> {
    const files = await pickModelFiles(this.deps.model);
    if (files === undefined || this.disposed) return undefined;
    this.uris = files ?? undefined;
    return this.update();
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
      case 'ready': this.postGraph(); break;
      case 'refresh': await this.update(); break;
      case 'pick': await this.pick(); break;
      case 'drawn':
        this.restore = undefined;
        this.drawn = { nodes: m.nodes, edges: m.edges, selection: m.selection, missing: m.missing };
        GraphPanel.drawnEmitter.fire(this.drawn);
        break;
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

