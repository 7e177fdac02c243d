// What the webview holds: the panel state (the extension owns it; every edit is sent back), the last evaluation,
// and the channel to the extension. Every renderer reads and edits through this one object.
import type { SimulateResult } from '../../../server/src/protocol';
import type { ModelOptions, WebviewMessage } from '../../src/simulator/messages';
import type { PanelState, PolicyRefState } from '../../src/simulator/state';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: PanelState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

export const vscode = acquireVsCodeApi();

export const store: { state: PanelState | null; response: SimulateResult | null; suggestId: number; model: ModelOptions } = {
  state: null,
  response: null,
  suggestId: 0,
  /** the model picker's choices (the extension sends them with each change of the chosen model files) */
  model: { files: [], principals: [], problems: [] },
};

/** the state; renderers run only after a state arrived */
export function state(): PanelState {
  if (!store.state) throw new Error('the panel state has not arrived yet');
  return store.state;
}

export const post = (m: WebviewMessage): void => vscode.postMessage(m);

/** Persists the edited state in the webview and sends it to the extension (which re-evaluates). */
export function changed(): void {
  vscode.setState(state());
  post({ type: 'update', state: state() });
}

const fileName = (uri: string): string => {
  const s = uri.replace(/[?#].*$/, '');
  const base = s.slice(s.lastIndexOf('/') + 1);
  try { return decodeURIComponent(base); } catch { return base; }
};

export const policyName = (p: PolicyRefState): string =>
  p.name || (p.uri ? store.response?.policyNames[p.uri] || fileName(p.uri) : 'inline policy');
