// Scenario files in VS Code's Test Explorer: one test item per file, one child per scenario; running compares
// each scenario's decision with its `expected`.
import * as vscode from 'vscode';
import { toRange } from '../ranges';
import { SCENARIO_GLOB, isScenarioFile, type ScenarioResults } from './scenarios';

export interface ScenarioTestOutcome { id: string; label: string; state: 'passed' | 'failed' | 'errored' | 'skipped'; message?: string }

export class ScenarioTests implements vscode.Disposable {
  readonly controller = vscode.tests.createTestController('iamPolicyScenarios', 'IAM policy scenarios');
  private readonly disposables: vscode.Disposable[] = [this.controller];

  constructor(private readonly results: ScenarioResults) {
    const c = this.controller;
    c.resolveHandler = async (item) => {
      if (!item) await this.discover();
      else if (item.uri) await this.loadChildren(item);
    };
    c.refreshHandler = async () => { await this.discover(); };
    c.createRunProfile(vscode.l10n.t('Run scenarios'), vscode.TestRunProfileKind.Run, (req, token) => void this.run(req, token), true);
    const watcher = vscode.workspace.createFileSystemWatcher(SCENARIO_GLOB);
    this.disposables.push(watcher,
      watcher.onDidCreate((u) => void this.loadChildren(this.fileItem(u))),
      watcher.onDidDelete((u) => c.items.delete(u.toString())),
      results.onDidChange((u) => { const item = c.items.get(u.toString()); if (item) this.setChildren(item); }));
  }

  /** Finds every scenario file in the workspace and lists its scenarios. */
  async discover(): Promise<void> {
    const files = await vscode.workspace.findFiles(SCENARIO_GLOB, '**/node_modules/**', 1000);
    const seen = new Set(files.map((f) => f.toString()));
    this.controller.items.forEach((item) => { if (!seen.has(item.id)) this.controller.items.delete(item.id); });
    await Promise.all(files.map((f) => this.loadChildren(this.fileItem(f))));
  }

  private fileItem(uri: vscode.Uri): vscode.TestItem {
    let item = this.controller.items.get(uri.toString());
    if (!item) {
      item = this.controller.createTestItem(uri.toString(), vscode.workspace.asRelativePath(uri), uri);
      item.canResolveChildren = true;
      this.controller.items.add(item);
    }
    return item;
  }

  private async loadChildren(item: vscode.TestItem): Promise<void> {
    if (!item.uri || !isScenarioFile(item.uri)) return;
    item.busy = true;
    try { await this.results.evaluate(item.uri, false); this.setChildren(item); } catch (e) { item.error = (e as Error).message; } finally { item.busy = false; }
  }

  private setChildren(item: vscode.TestItem): void {
    const r = item.uri && this.results.cached(item.uri);
    if (!r) return;
    item.error = r.errors.find((e) => e.scenarioIndex === undefined)?.message;
    item.children.replace(r.scenarios.map((o) => {
      const child = this.controller.createTestItem(`${item.id}#${o.index}`, o.name, item.uri);
      child.range = toRange(o.range);
      return child;
    }));
  }

  /** Runs the requested scenarios (all when none are named) and reports each to the Test Explorer. */
  async run(request: vscode.TestRunRequest, token?: vscode.CancellationToken): Promise<ScenarioTestOutcome[]> {
    const run = this.controller.createTestRun(request);
    const outcomes: ScenarioTestOutcome[] = [];
    try {
      if (!request.include) await this.discover();
      const roots = request.include ?? topLevel(this.controller.items);
      const files = new Map<string, { file: vscode.TestItem; only?: Set<string> }>();
      for (const t of roots) {
        const file = t.parent ?? t;
        const entry = files.get(file.id) ?? { file };
        if (t.parent) (entry.only ??= new Set()).add(t.id); else entry.only = undefined;
        files.set(file.id, entry);
      }
      for (const { file, only } of files.values()) {
        if (token?.isCancellationRequested) break;
        if (!file.uri) continue;
        const t0 = Date.now();
        const r = await this.results.evaluate(file.uri, false);
        this.setChildren(file);
        file.children.forEach((child) => {
          if (only && !only.has(child.id)) return;
          if (request.exclude?.includes(child)) return;
          const o = r.scenarios.find((s) => `${file.id}#${s.index}` === child.id);
          const ms = Date.now() - t0;
          run.started(child);
          let outcome: ScenarioTestOutcome;
          if (!o || !o.result) {
            const message = o?.errors.join('\n') || vscode.l10n.t('the scenario could not be read');
            run.errored(child, new vscode.TestMessage(message), ms);
            outcome = { id: child.id, label: child.label, state: 'errored', message };
          } else if (o.result.expected === undefined) {
            run.appendOutput(`${vscode.l10n.t('{0}: {1} (no "expected" decision, so not a test)', o.name, o.result.decision)}\r\n`, undefined, child);
            run.skipped(child);
            outcome = { id: child.id, label: child.label, state: 'skipped' };
          } else if (o.result.pass) {
            run.passed(child, ms);
            outcome = { id: child.id, label: child.label, state: 'passed' };
          } else {
            const message = vscode.TestMessage.diff(`${vscode.l10n.t('Expected {0}, got {1}.', o.result.expected ?? '', o.result.decision)}\n${o.result.explanation.join('\n')}`, o.result.expected, o.result.decision);
            if (child.uri && child.range) message.location = new vscode.Location(child.uri, child.range);
            run.failed(child, message, ms);
            outcome = { id: child.id, label: child.label, state: 'failed', message: `expected ${o.result.expected}, got ${o.result.decision}` };
          }
          outcomes.push(outcome);
        });
      }
    } finally {
      run.end();
    }
    return outcomes;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** A collection's items as an array (TestItemCollection has only forEach). */
function topLevel(items: vscode.TestItemCollection): vscode.TestItem[] {
  const out: vscode.TestItem[] = [];
  items.forEach((i) => out.push(i));
  return out;
}
