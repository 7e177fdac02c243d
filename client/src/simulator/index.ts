// Registers the Simulate Request panel (commands, serializer) and inline simulation (CodeLens on policies and
// scenario files, scenario diagnostics, Test Explorer).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { PolicyTypeResult } from '../../../server/src/protocol';
import { PolicyLensProvider } from '../inline/policyLens';
import { ScenarioLensProvider, ScenarioResults } from '../inline/scenarios';
import { ScenarioTests } from '../inline/testController';
import { PolicyTypeRequest } from '../requests';
import { SimulatorPanel, VIEW_TYPE, pickScenarioFile, type EvaluationEvent } from './panel';
import { addPolicy, principalForResource, type PanelState, type Slot } from './state';

const SLOT_OF_TYPE: Record<string, Slot> = {
  identity: 'identity', resource: 'resource', trust: 'resource', endpoint: 'resource', boundary: 'boundary', session: 'session', scp: 'scp', rcp: 'rcp',
};

export interface SimulatorApi {
  /** opens the panel for a policy (as the command does) */
  show(uri?: vscode.Uri): Promise<SimulatorPanel>;
  current(): SimulatorPanel | undefined;
  /** what the panel serializer does after a reload: a new panel from the webview's saved state */
  revive(panel: vscode.WebviewPanel, savedState: unknown): SimulatorPanel;
  onDidEvaluate: vscode.Event<EvaluationEvent>;
  scenarios: ScenarioResults;
  tests: ScenarioTests;
}

export function registerSimulator(context: vscode.ExtensionContext, client: LanguageClient, ready: Promise<void>, log: vscode.LogOutputChannel): SimulatorApi {
  const codeLensOn = () => vscode.workspace.getConfiguration('iamPolicy').get<boolean>('simulate.codeLens', true);

  /** The slot a document belongs in, from its policy type (identity when unknown). */
  const slotOf = async (uri: vscode.Uri): Promise<Slot> => {
    try {
      await ready;
      const r = await client.sendRequest<PolicyTypeResult>(PolicyTypeRequest, { uri: uri.toString() });
      return (r.type && SLOT_OF_TYPE[r.type]) || 'identity';
    } catch { return 'identity'; }
  };
  /** `embedded`: a policy inside the template `uri` (its reference and type, from the server's statements) */
  const withDocument = async (uri: vscode.Uri | undefined, embedded?: { policyUri?: string; policyType?: string }): Promise<(s: PanelState) => PanelState> => {
    if (!uri) return (s) => s;
    if (embedded?.policyUri) {
      const ref = embedded.policyUri;
      return (s) => addPolicy(s, (embedded.policyType && SLOT_OF_TYPE[embedded.policyType]) || 'identity', { uri: ref, enabled: true });
    }
    const slot = await slotOf(uri);
    return (s) => addPolicy(s, slot, { uri: uri.toString(), enabled: true });
  };
  const targetUri = (arg: unknown): vscode.Uri | undefined => {
    if (arg instanceof vscode.Uri) return arg;
    const doc = vscode.window.activeTextEditor?.document;
    return doc && (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled') && /json|iam-policy/.test(doc.languageId) ? doc.uri : undefined;
  };
  const show = async (uri?: vscode.Uri) => SimulatorPanel.show(context, client, log, await withDocument(uri));

  const scenarios = new ScenarioResults(client, ready);
  const tests = new ScenarioTests(scenarios);
  const scenarioLens = new ScenarioLensProvider(scenarios, codeLensOn);
  const fileSchemes = ['file', 'untitled'];

  context.subscriptions.push(
    scenarios, tests,
    vscode.commands.registerCommand('iamPolicy.simulate', (arg?: unknown) => show(targetUri(arg))),
    vscode.commands.registerCommand('iamPolicy.simulateStatement', async (uri: vscode.Uri, s?: { action?: string; resource?: string; policyUri?: string; policyType?: string }) => {
      const add = await withDocument(uri, s);
      return SimulatorPanel.show(context, client, log, (state) => {
        const next = add(state);
        // a wildcard is no request: "s3:Get*" becomes the first action it stands for only in the user's hands
        const resource = s?.resource ?? next.request.resource;
        // the placeholder principal moves to the resource's account, so the statement is not simulated cross-account
        next.request = { ...next.request, action: s?.action ?? next.request.action, resource, principal: principalForResource(next.request.principal, resource) };
        return next;
      });
    }),
    vscode.commands.registerCommand('iamPolicy.openScenarioInSimulator', async (uri?: vscode.Uri, index?: number) => {
      const target = uri instanceof vscode.Uri ? uri : await pickScenarioFile();
      if (!target) return undefined;
      const panel = SimulatorPanel.show(context, client, log);
      await panel.loadScenario(target, typeof index === 'number' ? index : undefined);
      return panel;
    }),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      deserializeWebviewPanel: async (panel: vscode.WebviewPanel, state: unknown) => { revive(panel, state); },
    }),
    vscode.languages.registerCodeLensProvider(
      [
        // templates (yaml, cloudformation, terraform, and .tf files without a Terraform extension) get lenses on embedded policies
        ...fileSchemes.flatMap((scheme) => ['iam-policy', 'json', 'jsonc', 'yaml', 'cloudformation', 'terraform'].map((language) => ({ language, scheme }))),
        { pattern: '**/*.tf' },
      ],
      new PolicyLensProvider(client, ready, codeLensOn)),
    vscode.languages.registerCodeLensProvider({ pattern: '**/*.scenario.json' }, scenarioLens),
    vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('iamPolicy.simulate.codeLens')) scenarioLens.refresh(); }),
  );

  const revive = (panel: vscode.WebviewPanel, saved: unknown) => SimulatorPanel.revive(panel, context, client, log, saved);
  return { show, current: () => SimulatorPanel.current, revive, onDidEvaluate: SimulatorPanel.onDidEvaluate, scenarios, tests };
}
