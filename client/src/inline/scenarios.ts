// Scenario files (*.scenario.json): their live results from the server, a CodeLens per scenario showing the
// decision against `expected`, and failing expectations as diagnostics. Results are re-evaluated when the scenario
// file or any policy it references changes (in an editor or on disk).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ScenarioOutcome, ScenarioResultsResult } from '../../../server/src/protocol';
import { toRange } from '../ranges';
import { ScenarioResultsRequest } from '../requests';

export const SCENARIO_GLOB = '**/*.scenario.json';
export const isScenarioFile = (uri: vscode.Uri) => /\.scenario\.json$/i.test(uri.path);

/** One line for a scenario: its decision, and whether that is what was expected. */
export function outcomeTitle(o: ScenarioOutcome): string {
  if (!o.result) return `$(warning) ${vscode.l10n.t('{0}: not evaluated: {1}', o.name, o.errors[0] ?? vscode.l10n.t('unknown problem'))}`;
  const r = o.result;
  if (r.expected === undefined) return `$(info) ${vscode.l10n.t('{0} (no "expected" decision to test)', r.decision)}`;
  return r.pass ? `$(pass) ${vscode.l10n.t('{0}, as expected', r.decision)}` : `$(error) ${vscode.l10n.t('{0}, expected {1}', r.decision, r.expected)}`;
}

export class ScenarioResults implements vscode.Disposable {
  private readonly cache = new Map<string, ScenarioResultsResult>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** fires when the results of a scenario file were (re)computed */
  readonly onDidChange = this.changed.event;
  readonly diagnostics = vscode.languages.createDiagnosticCollection('iam-policy-scenarios');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient, private readonly ready: Promise<void>) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.json');
    this.disposables.push(
      this.diagnostics, this.changed, watcher,
      vscode.workspace.onDidChangeTextDocument((e) => { if (e.contentChanges.length) this.affected(e.document.uri); }),
      vscode.workspace.onDidOpenTextDocument((d) => { if (isScenarioFile(d.uri)) this.schedule(d.uri); }),
      vscode.workspace.onDidCloseTextDocument((d) => { if (isScenarioFile(d.uri)) this.diagnostics.delete(d.uri); }),
      watcher.onDidChange((u) => this.affected(u)), watcher.onDidCreate((u) => this.affected(u)), watcher.onDidDelete((u) => this.affected(u)),
    );
    for (const d of vscode.workspace.textDocuments) if (isScenarioFile(d.uri)) this.schedule(d.uri);
  }

  /**
   * Results of a scenario file, computed now. `notify` fires onDidChange; the CodeLens provider passes false, since
   * it asked itself and a change event would make VS Code ask again.
   */
  async evaluate(uri: vscode.Uri, notify = true): Promise<ScenarioResultsResult> {
    await this.ready;
    const result = await this.client.sendRequest<ScenarioResultsResult>(ScenarioResultsRequest, { uri: uri.toString() });
    this.cache.set(uri.toString(), result);
    this.publish(uri, result);
    if (notify) this.changed.fire(uri);
    return result;
  }

  cached(uri: vscode.Uri): ScenarioResultsResult | undefined {
    return this.cache.get(uri.toString());
  }

  /** A scenario file changed, or a policy that known scenario files reference. */
  private affected(uri: vscode.Uri): void {
    const key = uri.toString();
    if (isScenarioFile(uri)) { this.schedule(uri); return; }
    for (const [scenarioUri, r] of this.cache) if (r.policyUris.includes(key)) this.schedule(vscode.Uri.parse(scenarioUri));
  }

  private schedule(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.evaluate(uri).catch(() => undefined);
    }, 300));
  }

  private publish(uri: vscode.Uri, r: ScenarioResultsResult): void {
    const diags: vscode.Diagnostic[] = [];
    for (const o of r.scenarios) {
      if (o.result && o.result.pass === false) {
        const why = o.result.explanation[0] ? ` ${o.result.explanation[0]}` : '';
        const d = new vscode.Diagnostic(toRange(o.range), vscode.l10n.t('Scenario "{0}": expected {1}, got {2}.', o.name, o.result.expected ?? '', o.result.decision) + why, vscode.DiagnosticSeverity.Error);
        d.source = 'iam-policy';
        d.code = 'scenario-expectation';
        diags.push(d);
      }
    }
    for (const e of r.errors) {
      const d = new vscode.Diagnostic(toRange(e.range), e.message, vscode.DiagnosticSeverity.Error);
      d.source = 'iam-policy';
      d.code = 'scenario-format';
      diags.push(d);
    }
    this.diagnostics.set(uri, diags);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** A CodeLens above each scenario: its live decision against `expected`; clicking opens it in the panel. */
export class ScenarioLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly results: ScenarioResults, private readonly enabled: () => boolean) {
    results.onDidChange(() => this.changed.fire());
  }

  refresh(): void { this.changed.fire(); }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    if (!this.enabled() || !isScenarioFile(document.uri)) return [];
    let r: ScenarioResultsResult;
    try { r = await this.results.evaluate(document.uri, false); } catch { return []; }
    return r.scenarios.map((o) => new vscode.CodeLens(toRange(o.range), {
      title: outcomeTitle(o),
      tooltip: o.result ? [`${o.name}: ${o.result.decision}`, ...o.result.explanation].join('\n') : o.errors.join('\n'),
      command: 'iamPolicy.openScenarioInSimulator',
      arguments: [document.uri, o.index],
    }));
  }
}
