// The Simulate Request panel: one webview beside the editor. The extension owns the state (restored by the
// serializer after a reload); the webview renders it and sends back every edit. Evaluation goes to the language
// server (iamPolicy/simulate), debounced, on every form edit and every change to a chosen policy file.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ActionSuggestionsResult, SimulateResult } from '../../../server/src/protocol';
import { DeciderDecorations } from '../inline/decorations';
import { toRange } from '../ranges';
import { ActionSuggestionsRequest, SimulateRequest } from '../requests';
import type { ModelLocation } from '../model/iamView';
import { principalsOf, type WorkspaceModel } from '../model/workspaceModel';
import { validateWebviewMessage, type HostMessage, type ModelOptions, type WebviewMessage } from './messages';
import { fromScenario, scenarioNames, toScenario, type PathMapping } from './scenarioFile';
import { addPolicy, emptyState, policyUris, templateOfReference, toSimulateParams, validatePanelState, type PanelState, type PolicyRefState, type Slot } from './state';
import { webviewTexts } from './webviewTexts';
import { webviewHtml } from '../webviewHtml';
import { acceptWebviewMessage } from '../webviewMessages';

export const VIEW_TYPE = 'iamPolicy.simulator';
const DEBOUNCE_MS = 250;

const slotLabels = (): Record<Slot, string> => ({
  identity: vscode.l10n.t('identity policies'), boundary: vscode.l10n.t('permissions boundary'), session: vscode.l10n.t('session policy'),
  resource: vscode.l10n.t('resource-based policy'), scp: vscode.l10n.t('service control policies'), rcp: vscode.l10n.t('resource control policies'),
});
/** file-name conventions that suggest a slot (listed first in the quick pick) */
const SLOT_HINTS: Record<Slot, RegExp> = {
  identity: /\.(policy|iam)\.json$/i, boundary: /\.boundary\.json$/i, session: /\.session\.json$/i,
  resource: /\.(resource|trust)\.json$/i, scp: /\.scp\.json$/i, rcp: /\.rcp\.json$/i,
};

export interface EvaluationEvent { state: PanelState; response: SimulateResult }

export class SimulatorPanel {
  static current: SimulatorPanel | undefined;
  /** the workspace's IAM model files (the model picker offers them); set when the extension activates */
  static workspaceModel: WorkspaceModel | undefined;
  /** opens a policy the model gathered (a place in a model file, or an AWS managed policy); set with workspaceModel */
  static openLocation: ((l: ModelLocation) => Promise<unknown>) | undefined;
  private static readonly evaluatedEmitter = new vscode.EventEmitter<EvaluationEvent>();
  /** fires after each evaluation the panel shows (tests wait on it) */
  static readonly onDidEvaluate = SimulatorPanel.evaluatedEmitter.event;

  state: PanelState;
  lastResponse: SimulateResult | undefined;
  /** messages the webview sent that failed validation (kept for tests and the log) */
  readonly rejected: string[] = [];
  private seq = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** the deciding statements marked in open editors */
  readonly decorations = new DeciderDecorations();

  private constructor(readonly panel: vscode.WebviewPanel, context: vscode.ExtensionContext,
    private readonly client: LanguageClient, private readonly log: vscode.LogOutputChannel, state: PanelState) {
    this.state = state;
    const media = webviewRoot(context);
    panel.webview.options = { enableScripts: true, localResourceRoots: [media] };
    panel.iconPath = new vscode.ThemeIcon('shield');
    panel.webview.html = this.html(panel.webview, media);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: unknown) => void this.receive(m)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && policyUris(this.state).includes(e.document.uri.toString())) this.schedule();
      }),
      vscode.workspace.onDidSaveTextDocument((d) => { if (policyUris(this.state).includes(d.uri.toString())) this.schedule(); }),
      vscode.window.onDidChangeVisibleTextEditors(() => this.decorations.apply(this.lastResponse)),
    );
    if (SimulatorPanel.workspaceModel) this.disposables.push(SimulatorPanel.workspaceModel.onDidChange(() => void this.postModelOptions()));
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{json,yaml,yml,template,tf}');
    const onDisk = (u: vscode.Uri) => { if (policyUris(this.state).includes(u.toString())) this.schedule(); };
    this.disposables.push(watcher, watcher.onDidChange(onDisk), watcher.onDidCreate(onDisk), watcher.onDidDelete(onDisk));
  }

  /** Opens the panel beside the editor (or reveals it) and lets `update` change its state. */
  static show(context: vscode.ExtensionContext, client: LanguageClient, log: vscode.LogOutputChannel, update?: (s: PanelState) => PanelState): SimulatorPanel {
    let p = SimulatorPanel.current;
    if (!p) {
      const panel = vscode.window.createWebviewPanel(VIEW_TYPE, vscode.l10n.t('Simulate Request'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
        { enableScripts: true, retainContextWhenHidden: true, localResourceRoots: [webviewRoot(context)] });
      p = SimulatorPanel.current = new SimulatorPanel(panel, context, client, log, emptyState());
    } else p.panel.reveal(undefined, false);
    if (update) p.setState(update(p.state));
    return p;
  }

  /** Restores a panel VS Code kept across a reload (the serializer hands over the webview's last state). */
  static revive(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, client: LanguageClient, log: vscode.LogOutputChannel, saved: unknown): SimulatorPanel {
    let state = emptyState();
    try { if (saved) state = validatePanelState(saved); } catch (e) { log.warn(`simulator: the saved panel state was not usable (${(e as Error).message}); starting empty`); }
    SimulatorPanel.current?.panel.dispose();
    return (SimulatorPanel.current = new SimulatorPanel(panel, context, client, log, state));
  }

  setState(state: PanelState): void {
    const modelChanged = JSON.stringify(state.model) !== JSON.stringify(this.state.model);
    this.state = state;
    this.post({ type: 'state', state });
    if (modelChanged) void this.postModelOptions();
    this.schedule();
  }

  /** the model picker's choices: the workspace's model files and the users and roles of the chosen ones */
  async modelOptions(): Promise<ModelOptions> {
    const model = SimulatorPanel.workspaceModel;
    if (!model) return { files: [], principals: [], problems: [] };
    const { files } = await model.get();
    let principals: ModelOptions['principals'] = [];
    let problems: string[] = [];
    try {
      const listing = await model.list(this.state.model);
      principals = principalsOf(listing.accounts).map((p) => ({ arn: p.arn, label: `${p.kind}/${p.name} (${p.account})`, detail: p.detail }));
      problems = listing.problems.map((p) => `${vscode.workspace.asRelativePath(vscode.Uri.parse(p.uri))}: ${p.path}: ${p.message}`);
    } catch (e) {
      problems = [vscode.l10n.t('The language server could not list the model: {0}', (e as Error).message)];
    }
    return { files: files.map((u) => ({ uri: u.toString(), label: vscode.workspace.asRelativePath(u) })), principals, problems };
  }

  private async postModelOptions(): Promise<void> {
    this.post({ type: 'model', model: await this.modelOptions() });
  }

  /** Evaluates now (the debounce is for typing). */
  async evaluate(): Promise<SimulateResult | undefined> {
    clearTimeout(this.timer);
    const seq = ++this.seq;
    const state = this.state;
    let response: SimulateResult;
    try {
      response = await this.client.sendRequest<SimulateResult>(SimulateRequest, toSimulateParams(state));
    } catch (e) {
      this.post({ type: 'notice', level: 'error', message: vscode.l10n.t('The language server did not evaluate the request: {0}', (e as Error).message) });
      return undefined;
    }
    if (seq !== this.seq) return undefined; // a newer evaluation is under way
    this.lastResponse = response;
    this.post({ type: 'result', seq, response });
    this.decorations.apply(response);
    SimulatorPanel.evaluatedEmitter.fire({ state, response });
    return response;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.evaluate(), DEBOUNCE_MS);
  }

  private disposed = false;

  private post(m: HostMessage): void {
    // answers that arrive after the panel was closed have nowhere to go
    if (this.disposed) return;
    this.panel.webview.postMessage(m).then(undefined, () => undefined);
  }

  /** Handles one message from the webview; malformed ones are logged and answered with a notice, never acted on. */
  async receive(raw: unknown): Promise<void> {
    const m: WebviewMessage | undefined = acceptWebviewMessage(raw, validateWebviewMessage, {
      rejected: this.rejected, log: this.log, name: 'simulator', notice: (message) => this.post({ type: 'notice', level: 'error', message }),
    });
    if (!m) return;
    switch (m.type) {
      case 'ready': this.post({ type: 'state', state: this.state }); void this.postModelOptions(); await this.evaluate(); break;
      case 'update': {
        const modelChanged = JSON.stringify(m.state.model) !== JSON.stringify(this.state.model);
        this.state = m.state;
        if (modelChanged) void this.postModelOptions();
        this.schedule();
        break;
      }
      case 'openOrigin': await SimulatorPanel.openLocation?.({ uri: m.uri, range: m.range, arn: m.arn }); break;
      case 'addPolicies': await this.pickPolicies(m.slot, m.level); break;
      case 'reveal': await revealStatement(vscode.Uri.parse(m.uri), toRange(m.range)); break;
      case 'openPolicy': await vscode.window.showTextDocument(vscode.Uri.parse(templateOfReference(m.uri)), { viewColumn: vscode.ViewColumn.One, preview: false }); break;
      case 'saveScenario': await this.saveScenario(); break;
      case 'openScenario': await this.openScenarioDialog(); break;
      case 'suggestActions': {
        let items: string[] = [];
        try { items = (await this.client.sendRequest<ActionSuggestionsResult>(ActionSuggestionsRequest, { text: m.text, limit: 200 })).items; } catch { items = []; }
        this.post({ type: 'suggestions', id: m.id, items });
        break;
      }
    }
  }

  private async pickPolicies(slot: Slot, level?: number): Promise<void> {
    const files = await vscode.workspace.findFiles('**/*.json', '{**/node_modules/**,**/.git/**,**/*.scenario.json,**/package*.json,**/tsconfig*.json}', 2000);
    const open = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'untitled' && (d.languageId === 'iam-policy' || d.languageId === 'json')).map((d) => d.uri);
    const hint = SLOT_HINTS[slot];
    const items = [...open, ...files]
      .map((u) => ({ label: u.scheme === 'untitled' ? u.path : vscode.workspace.asRelativePath(u), description: hint.test(u.path) ? vscode.l10n.t('suggested by its name') : undefined, uri: u }))
      .sort((a, b) => Number(!!b.description) - Number(!!a.description) || a.label.localeCompare(b.label));
    const many = slot === 'identity' || slot === 'scp' || slot === 'rcp';
    const picked = await vscode.window.showQuickPick(items, { canPickMany: many, placeHolder: vscode.l10n.t('Choose {0} from the workspace', slotLabels()[slot]), matchOnDescription: true }) as unknown;
    const chosen = (Array.isArray(picked) ? picked : picked ? [picked] : []) as { uri: vscode.Uri }[];
    if (!chosen.length) return;
    let s = this.state;
    for (const c of chosen) s = addPolicy(s, slot, { uri: c.uri.toString(), enabled: true }, level);
    this.setState(s);
  }

  private pathMapping(): PathMapping {
    return {
      toPath: (u) => { const uri = vscode.Uri.parse(u); return uri.scheme === 'file' ? uri.fsPath : undefined; },
      toUri: (p) => vscode.Uri.file(p).toString(),
      inlinePolicy: (u) => {
        const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === u);
        try { const v: unknown = doc ? JSON.parse(doc.getText()) : undefined; return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined; } catch { return undefined; }
      },
    };
  }

  /** Writes the panel as a scenario file (asks where); returns the file written. */
  async saveScenario(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const base = (this.state.name || 'simulation').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-|-$/g, '') || 'simulation';
    const uri = target ?? await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, `${base}.scenario.json`) : undefined,
      filters: { [vscode.l10n.t('Scenario files')]: ['scenario.json', 'json'] },
      saveLabel: vscode.l10n.t('Save Scenario'),
    });
    if (!uri) return undefined;
    if (uri.scheme !== 'file') { void vscode.window.showErrorMessage(vscode.l10n.t('Scenarios can be saved to files on disk only, so that policy paths can be relative.')); return undefined; }
    const scenario = toScenario(this.state, uri.fsPath, this.pathMapping());
    await vscode.workspace.fs.writeFile(uri, Buffer.from(`${JSON.stringify(scenario, null, 2)}\n`, 'utf8'));
    this.post({ type: 'notice', level: 'info', message: vscode.l10n.t('Saved {0}.', vscode.workspace.asRelativePath(uri)) });
    return uri;
  }

  private async openScenarioDialog(): Promise<void> {
    const picked = await pickScenarioFile();
    if (picked) await this.loadScenario(picked);
  }

  /** Loads scenario `index` of a scenario file (asks which when the file holds several and no index is given). */
  async loadScenario(uri: vscode.Uri, index?: number): Promise<boolean> {
    let json: unknown;
    try {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      const text = open ? open.getText() : await readScenarioText(uri);
      json = JSON.parse(text);
    } catch (e) {
      this.post({ type: 'notice', level: 'error', message: vscode.l10n.t('Cannot open {0}: {1}', vscode.workspace.asRelativePath(uri), (e as Error).message) });
      return false;
    }
    const names = scenarioNames(json);
    if (index === undefined) {
      if (names.length > 1) {
        const pick = await vscode.window.showQuickPick(names.map((label, i) => ({ label, i })), { placeHolder: vscode.l10n.t('Which scenario?') });
        if (!pick) return false;
        index = pick.i;
      } else index = 0;
    }
    try {
      this.setState(fromScenario(json, index, uri.fsPath, this.pathMapping()));
      return true;
    } catch (e) {
      this.post({ type: 'notice', level: 'error', message: vscode.l10n.t('Cannot open {0}: {1}', vscode.workspace.asRelativePath(uri), (e as Error).message) });
      return false;
    }
  }

  private html(webview: vscode.Webview, media: vscode.Uri): string {
    return webviewHtml(webview, media, {
      name: 'simulator', title: 'Simulate Request', label: vscode.l10n.t('Simulate an IAM request'), loading: vscode.l10n.t('Loading the simulator…'), texts: webviewTexts(),
    });
  }

  dispose(): void {
    this.disposed = true;
    if (SimulatorPanel.current === this) SimulatorPanel.current = undefined;
    clearTimeout(this.timer);
    this.decorations.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** Asks for a scenario file to open (the panel's Open button and the command without a file). */
export async function pickScenarioFile(): Promise<vscode.Uri | undefined> {
  return (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { [vscode.l10n.t('Scenario files')]: ['json'] }, openLabel: vscode.l10n.t('Open Scenario') }))?.[0];
}

/** the webview's script and stylesheet, bundled by scripts/build.mjs from client/webview/simulator/ */
const webviewRoot = (context: vscode.ExtensionContext) => vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview');


const flash = vscode.window.createTextEditorDecorationType({
  backgroundColor: new vscode.ThemeColor('editor.findMatchHighlightBackground'),
  border: '1px solid', borderColor: new vscode.ThemeColor('focusBorder'), isWholeLine: true,
});

/** Opens the policy in the first column, selects the statement, scrolls it into view and flashes it. */
export async function revealStatement(uri: vscode.Uri, range: vscode.Range): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.One, preserveFocus: false, preview: false });
  editor.selection = new vscode.Selection(range.start, range.start);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  editor.setDecorations(flash, [range]);
  setTimeout(() => editor.setDecorations(flash, []), 1500);
  return editor;
}

export type { PolicyRefState };

/** Scenario files larger than this are not read (the server's reader has the same limit). */
const MAX_SCENARIO_BYTES = 1024 * 1024;

/**
 * The text of a scenario file that is not open: only a regular file (a symbolic link to one is fine) of at most
 * MAX_SCENARIO_BYTES. A FIFO or a device would make the read wait forever or never end.
 */
async function readScenarioText(uri: vscode.Uri): Promise<string> {
  const st = await vscode.workspace.fs.stat(uri);
  if ((st.type & vscode.FileType.File) === 0) throw new Error(st.type & vscode.FileType.Directory ? vscode.l10n.t('it is a directory') : vscode.l10n.t('it is not a regular file (a pipe, device or socket), so it is not read'));
  if (st.size > MAX_SCENARIO_BYTES) throw new Error(vscode.l10n.t('it has {0} bytes; scenario files over {1} bytes are not read', st.size.toLocaleString('en-US'), MAX_SCENARIO_BYTES.toLocaleString('en-US')));
  return Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
}
