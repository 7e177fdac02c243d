// Messages between the graph webview (who can become whom) and the extension, validated in both directions like the
// Simulate Request panel's: the extension checks what the webview sends, the webview checks the graph before drawing
// it. Pure (no vscode, no DOM): bundled into both sides.
import { int, list, num, obj, range } from '../simulator/messages';
import { InvalidMessage, describe, isObject, str, uri } from '../simulator/state';
import type { EdgeKind, GraphEdge, GraphFinding, GraphNode, GraphStep, GraphView, NodeKind } from './graphData';

/** A finding by what it is (finding ids are renumbered whenever the graph is built again). */
export interface FindingKey { from: string; to: string; kinds: string[] }
/** what the webview had chosen: the node whose details it showed, the finding whose path it highlighted */
export interface GraphSelection { node: string | null; finding: FindingKey | null }

/**
 * Which model files the graph is drawn from: `files` null for the workspace's model files (found again each time),
 * else the files it was opened on (a model file's context menu, or chosen in the panel); `missing` are those of `files`
 * that are gone.
 */
export interface GraphScope { files: string[] | null; missing: string[] }

/**
 * The webview's saved state (vscode.setState), which VS Code hands to the panel serializer after a window reload: no
 * graph data, so the restored panel draws the model files as they are then.
 */
export interface GraphState extends GraphSelection { version: 1; files: string[] | null }

/** webview -> extension */
export type GraphWebviewMessage =
  /** the script is up: send the graph */
  | { type: 'ready' }
  /** open where the model defines this node (a node id of the graph last sent) */
  | { type: 'open'; node: string }
  /** build the graph again from the model files */
  | { type: 'refresh' }
  /** choose the model files again (those the graph was drawn from are gone) */
  | { type: 'pick' }
  /** the graph is laid out and drawn: how many nodes and edges, what is chosen, how many missing files it lists */
  | { type: 'drawn'; nodes: number; edges: number; selection: GraphSelection; missing: number };

/** extension -> webview */
export type GraphHostMessage =
  /** `restore`: the selection to take again (the first graph of a panel restored after a reload) */
  | { type: 'graph'; graph: GraphView; scope: GraphScope; restore?: GraphSelection }
  | { type: 'notice'; level: 'info' | 'error'; message: string };

const ID_MAX = 4096;
const NODE_KINDS: readonly NodeKind[] = ['user', 'role', 'group', 'service', 'function', 'project'];
const EDGE_KINDS: readonly EdgeKind[] = ['step', 'runs-as', 'member'];
const LIMIT = 20_000;

function oneOf<T extends string>(v: unknown, allowed: readonly T[], path: string): T {
  if (!allowed.includes(v as T)) throw new InvalidMessage(path, `expected one of ${allowed.join(', ')}, got ${describe(v)}`);
  return v as T;
}
function bool(v: unknown, path: string): boolean {
  if (typeof v !== 'boolean') throw new InvalidMessage(path, `expected true or false, got ${describe(v)}`);
  return v;
}
function strings(v: unknown, path: string, max = ID_MAX): string[] {
  return items(v, path).map((x, i) => str(x, `${path}[${i}]`, max));
}
function items(v: unknown, path: string): unknown[] {
  const l = list(v, path);
  if (l.length > LIMIT) throw new InvalidMessage(path, `more than ${LIMIT} items`);
  return l;
}
const optional = <T>(v: unknown, f: (v: unknown) => T): T | undefined => (v === undefined ? undefined : f(v));

function graphNode(v: unknown, path: string): GraphNode {
  const o = obj(v, path);
  const location = optional(o.location, (l) => {
    const x = obj(l, `${path}.location`);
    return { uri: uri(x.uri, `${path}.location.uri`), ...(x.range !== undefined ? { range: range(x.range, `${path}.location.range`) } : {}) };
  });
  return {
    id: str(o.id, `${path}.id`, ID_MAX), kind: oneOf(o.kind, NODE_KINDS, `${path}.kind`), label: str(o.label, `${path}.label`, ID_MAX),
    account: str(o.account, `${path}.account`, 64), arn: str(o.arn, `${path}.arn`, ID_MAX),
    ...(o.service !== undefined ? { service: str(o.service, `${path}.service`, 256) } : {}),
    escalates: bool(o.escalates, `${path}.escalates`), onPath: bool(o.onPath, `${path}.onPath`), ...(location ? { location } : {}),
  };
}

function graphEdge(v: unknown, path: string): GraphEdge {
  const o = obj(v, path);
  return {
    id: str(o.id, `${path}.id`, 64), from: str(o.from, `${path}.from`, ID_MAX), to: str(o.to, `${path}.to`, ID_MAX),
    kind: oneOf(o.kind, EDGE_KINDS, `${path}.kind`), actions: strings(o.actions, `${path}.actions`, 256), escalation: bool(o.escalation, `${path}.escalation`),
  };
}

function step(v: unknown, path: string): GraphStep {
  const o = obj(v, path);
  return {
    from: str(o.from, `${path}.from`, ID_MAX), to: str(o.to, `${path}.to`, ID_MAX), kind: str(o.kind, `${path}.kind`, 256), via: strings(o.via, `${path}.via`, 256),
    statements: items(o.statements, `${path}.statements`).map((s, i) => {
      const at = `${path}.statements[${i}]`;
      const x = obj(s, at);
      const sid = optional(x.sid, (v) => str(v, `${at}.sid`, 1024));
      return {
        action: str(x.action, `${at}.action`, 256), effect: oneOf(x.effect, ['Allow', 'Deny'] as const, `${at}.effect`),
        policyType: str(x.policyType, `${at}.policyType`, 64), policy: str(x.policy, `${at}.policy`, ID_MAX), index: int(x.index, `${at}.index`), ...(sid !== undefined ? { sid } : {}),
      };
    }),
    ...(o.service !== undefined ? { service: str(o.service, `${path}.service`, 256) } : {}),
    ...(o.group !== undefined ? { group: str(o.group, `${path}.group`, ID_MAX) } : {}),
    ...(o.resource !== undefined ? { resource: str(o.resource, `${path}.resource`, ID_MAX) } : {}),
  };
}

function finding(v: unknown, path: string): GraphFinding {
  const o = obj(v, path);
  return {
    id: str(o.id, `${path}.id`, 64), from: str(o.from, `${path}.from`, ID_MAX), to: str(o.to, `${path}.to`, ID_MAX),
    steps: items(o.steps, `${path}.steps`).map((s, i) => step(s, `${path}.steps[${i}]`)),
    assumptions: strings(o.assumptions, `${path}.assumptions`, LIMIT), edgeIds: strings(o.edgeIds, `${path}.edgeIds`, 64), nodeIds: strings(o.nodeIds, `${path}.nodeIds`),
  };
}

function findingKey(v: unknown, path: string): FindingKey | null {
  if (v === null) return null;
  const o = obj(v, path);
  return { from: str(o.from, `${path}.from`, ID_MAX), to: str(o.to, `${path}.to`, ID_MAX), kinds: strings(o.kinds, `${path}.kinds`, 256) };
}

function selection(v: unknown, path: string): GraphSelection {
  const o = obj(v, path);
  return { node: o.node === null ? null : str(o.node, `${path}.node`, ID_MAX), finding: findingKey(o.finding, `${path}.finding`) };
}

const files = (v: unknown, path: string): string[] | null => (v === null ? null : items(v, path).map((u, i) => uri(u, `${path}[${i}]`)));

function scope(v: unknown, path: string): GraphScope {
  const o = obj(v, path);
  return { files: files(o.files, `${path}.files`), missing: items(o.missing, `${path}.missing`).map((u, i) => uri(u, `${path}.missing[${i}]`)) };
}

/** The saved state if it is one this version wrote; else throws InvalidMessage (the panel then starts afresh). */
export function validateGraphState(v: unknown, path = 'state'): GraphState {
  const o = obj(v, path);
  if (o.version !== 1) throw new InvalidMessage(`${path}.version`, `expected 1, got ${describe(o.version)}`);
  return { version: 1, files: files(o.files, `${path}.files`), ...selection(o, path) };
}

/** The graph if it is well formed and every edge and finding names nodes and edges of it; else throws InvalidMessage. */
export function validateGraphView(v: unknown, path = 'graph'): GraphView {
  const o = obj(v, path);
  const g: GraphView = {
    accounts: items(o.accounts, `${path}.accounts`).map((a, i) => {
      const x = obj(a, `${path}.accounts[${i}]`);
      const name = optional(x.name, (n) => str(n, `${path}.accounts[${i}].name`, 256));
      return { id: str(x.id, `${path}.accounts[${i}].id`, 64), ...(name !== undefined ? { name } : {}) };
    }),
    nodes: items(o.nodes, `${path}.nodes`).map((n, i) => graphNode(n, `${path}.nodes[${i}]`)),
    edges: items(o.edges, `${path}.edges`).map((e, i) => graphEdge(e, `${path}.edges[${i}]`)),
    findings: items(o.findings, `${path}.findings`).map((f, i) => finding(f, `${path}.findings[${i}]`)),
    hidden: int(num(o.hidden, `${path}.hidden`), `${path}.hidden`),
    problems: strings(o.problems, `${path}.problems`, LIMIT),
  };
  const nodeIds = new Set(g.nodes.map((n) => n.id));
  const edgeIds = new Set(g.edges.map((e) => e.id));
  g.edges.forEach((e, i) => {
    for (const end of ['from', 'to'] as const) if (!nodeIds.has(e[end])) throw new InvalidMessage(`${path}.edges[${i}].${end}`, `names no node of the graph (${e[end].slice(0, 80)})`);
  });
  g.findings.forEach((f, i) => {
    f.edgeIds.forEach((id, j) => { if (!edgeIds.has(id)) throw new InvalidMessage(`${path}.findings[${i}].edgeIds[${j}]`, `names no edge of the graph (${id})`); });
    f.nodeIds.forEach((id, j) => { if (!nodeIds.has(id)) throw new InvalidMessage(`${path}.findings[${i}].nodeIds[${j}]`, `names no node of the graph (${id.slice(0, 80)})`); });
  });
  return g;
}

/** The message if it is well formed; else throws InvalidMessage saying which field is wrong and why. */
export function validateGraphWebviewMessage(m: unknown): GraphWebviewMessage {
  if (!isObject(m)) throw new InvalidMessage('message', `expected an object with a "type", got ${describe(m)}`);
  switch (m.type) {
    case 'ready': case 'refresh': case 'pick': return { type: m.type };
    case 'open': return { type: 'open', node: str(m.node, 'message.node', ID_MAX) };
    case 'drawn':
      return { type: 'drawn', nodes: int(m.nodes, 'message.nodes'), edges: int(m.edges, 'message.edges'), selection: selection(m.selection, 'message.selection'), missing: int(m.missing, 'message.missing') };
    default: throw new InvalidMessage('message.type', `unknown message type ${describe(m.type)}`);
  }
}

/** The message if the webview understands it; else throws InvalidMessage naming the bad field. */
export function validateGraphHostMessage(m: unknown): GraphHostMessage {
  if (!isObject(m)) throw new InvalidMessage('message', `expected an object with a "type", got ${describe(m)}`);
  switch (m.type) {
    case 'graph':
      return {
        type: 'graph', graph: validateGraphView(m.graph, 'message.graph'), scope: scope(m.scope, 'message.scope'),
        ...(m.restore !== undefined ? { restore: selection(m.restore, 'message.restore') } : {}),
      };
    case 'notice':
      return { type: 'notice', level: oneOf(m.level, ['info', 'error'] as const, 'message.level'), message: str(m.message, 'message.message', LIMIT) };
    default: throw new InvalidMessage('message.type', `unknown message type ${describe(m.type)}`);
  }
}
