// What the graph webview holds (the graph, the laid-out positions, what is selected, the zoom) and its channel to the
// extension. The renderers read and change it through this one object.
import type { GraphEdge, GraphFinding, GraphNode, GraphView } from '../../src/graph/graphData';
import { validateGraphState, type FindingKey, type GraphScope, type GraphSelection, type GraphState, type GraphWebviewMessage } from '../../src/graph/messages';
import { tx } from '../simulator/l10n';
import type { Laid } from './layout';

interface VsCodeApi { postMessage(message: GraphWebviewMessage): void; setState(state: GraphState): void; getState(): unknown }
declare function acquireVsCodeApi(): VsCodeApi;
const api = acquireVsCodeApi();

/** a translated text with its {0}, {1}, … filled in */
export const fmt = (text: string, ...args: (string | number)[]): string => text.replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : m));

export const post = (m: GraphWebviewMessage): void => api.postMessage(m);

export const view: {
  /** the whole graph the extension sent (the side pane lists all of it) */
  graph: GraphView | null;
  /** the model files it was drawn from */
  scope: GraphScope | null;
  /** what is drawn: the whole graph, or in a large one the part around `focus` */
  drawn: GraphView | null;
  focus: string | null;
  /** edges around the focus that are not drawn */
  left: number;
  laid: Laid | null;
  /** the node whose details the side pane shows */
  node: string | null;
  /** the finding whose path is highlighted */
  finding: string | null;
  scale: number;
} = { graph: null, scope: null, drawn: null, focus: null, left: 0, laid: null, node: null, finding: null, scale: 1 };

/** a finding by what it is, which stays when the graph is built again (its id does not) */
export const findingKey = (f: GraphFinding): FindingKey => ({ from: f.from, to: f.to, kinds: f.steps.map((s) => s.kind) });
export const findingByKey = (k: FindingKey): GraphFinding | undefined => view.graph?.findings.find((f) => f.from === k.from && f.to === k.to && f.steps.map((s) => s.kind).join() === k.kinds.join());

/** Saves which files are drawn and what is chosen, for VS Code to hand back after a window reload (no graph data). */
export function saveState(): void {
  const f = view.finding ? findingById(view.finding) : undefined;
  api.setState({ version: 1, files: view.scope?.files ?? null, node: view.node, finding: f ? findingKey(f) : null });
}

/**
 * What this webview saved before its document was dropped (a hidden panel VS Code did not keep, then shown again): the
 * selection to take again when the extension names none.
 */
export function savedSelection(): GraphSelection {
  try {
    const s = validateGraphState(api.getState());
    return { node: s.node, finding: s.finding };
  } catch { return { node: null, finding: null }; }
}

export const nodeById = (id: string): GraphNode | undefined => view.graph?.nodes.find((n) => n.id === id);
export const findingById = (id: string): GraphFinding | undefined => view.graph?.findings.find((f) => f.id === id);

/** the text drawn on an edge: the actions of its step, or what the service/function/group hop means */
export function edgeLabel(e: GraphEdge): string {
  if (e.kind === 'runs-as') return e.actions.length ? fmt(tx('{0}: runs code as the role'), e.actions.join(' + ')) : tx('runs code as the role');
  if (e.kind === 'member') return tx('member of the group');
  return e.actions.join(' + ');
}

/** `user/Hoge`, `role/Admin`, `group/Devs`, or the service principal */
export function title(n: GraphNode | undefined, id: string): string {
  if (!n) return id;
  return n.kind === 'service' ? n.label : `${n.kind}/${n.label}`;
}

export function kindText(kind: GraphNode['kind']): string {
  switch (kind) {
    case 'user': return tx('user');
    case 'role': return tx('role');
    case 'group': return tx('group');
    case 'service': return tx('service');
    case 'function': return tx('Lambda function');
    case 'project': return tx('CodeBuild project');
  }
}

export function accountLabel(id: string): string {
  const a = view.graph?.accounts.find((x) => x.id === id);
  return a?.name ? `${a.name} (${a.id})` : id;
}
