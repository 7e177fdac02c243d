// The graph of who can become whom, built from the answer of iamPolicy/escalationPaths (the same edges as
// `iam-policy paths`) and the model's listing (iamPolicy/modelList): nodes for users, roles, the groups a step changes
// and the services a role is passed to; edges labelled with the actions of each step; and the escalation findings with
// the edges and nodes of their paths, which the webview highlights. Pure (no vscode, no DOM): the extension builds it,
// the webview checks it (messages.ts) and lays it out.
import type { ModelAccountItem, PathCompute, PathEdge } from '../../../server/src/protocol';

/** `function` and `project`: a Lambda function or CodeBuild project of the model (resources, not principals) */
export type NodeKind = 'user' | 'role' | 'group' | 'service' | 'function' | 'project';
/** `step`: one step of `iam-policy paths` (its actions label it); `runs-as`: a service, function or project runs code
 * with the role (its actions: `iam:PassRole` when the step gives it that role); `member`: a user gets the permissions of
 * the group a step changed */
export type EdgeKind = 'step' | 'runs-as' | 'member';

export interface Position { line: number; character: number }
export interface GraphLocation { uri: string; range?: { start: Position; end: Position } }

export interface GraphNode {
  /** a user, role, group, function or project ARN; a service node is `service:PRINCIPAL>ROLE-ARN` (one per role it
   * runs as) */
  id: string;
  kind: NodeKind;
  /** the name (a role's path left out) or the service principal */
  label: string;
  account: string;
  /** the ARN (users, roles, groups, functions, projects) or the service principal */
  arn: string;
  /** a function or project: the service principal that runs it (lambda.amazonaws.com, codebuild.amazonaws.com) */
  service?: string;
  /** a finding starts here */
  escalates: boolean;
  /** on the path of some finding */
  onPath: boolean;
  /** where the model defines it */
  location?: GraphLocation;
}

export interface GraphEdge {
  id: string;
  from: string;
  to: string;
  kind: EdgeKind;
  /** the actions of the step (`step` edges) */
  actions: string[];
  /** on the path of some finding */
  escalation: boolean;
}

export interface GraphStatement { action: string; effect: 'Allow' | 'Deny'; policyType: string; policy: string; sid?: string; index: number }

export interface GraphStep {
  from: string;
  to: string;
  /** the kind of `iam-policy paths` (sts:AssumeRole, iam:PassRole, iam:AttachUserPolicy, …) */
  kind: string;
  via: string[];
  statements: GraphStatement[];
  service?: string;
  group?: string;
  /** the ARN of the function or project the step goes through */
  resource?: string;
}

export interface GraphFinding {
  id: string;
  /** the principal it starts from, and the one whose permissions it reaches or rewrites */
  from: string;
  to: string;
  steps: GraphStep[];
  assumptions: string[];
  edgeIds: string[];
  nodeIds: string[];
}

export interface GraphView {
  accounts: { id: string; name?: string }[];
  nodes: GraphNode[];
  edges: GraphEdge[];
  findings: GraphFinding[];
  /** users and roles with no edge that were left out (models with more than MAX_ALL_PRINCIPALS principals) */
  hidden: number;
  /** the request's errors and the model's problems, one line each */
  problems: string[];
}

/** up to this many users and roles, every one is drawn; above it, only those with an edge */
export const MAX_ALL_PRINCIPALS = 120;

const ACCOUNT_OF = /^arn:aws[\w-]*:iam::(\d{12}):/;
const nameOf = (arn: string) => arn.replace(/^arn:aws[\w-]*:iam::\d{12}:(user|role|group)\/(.*\/)?/, '');
const kindOf = (arn: string): NodeKind => (/:role\//.test(arn) ? 'role' : /:group\//.test(arn) ? 'group' : 'user');

/** Builds the graph; `problems` are shown above it (the request's errors, the model's problems). */
export function buildGraph(pathEdges: PathEdge[], accounts: ModelAccountItem[], problems: string[] = []): GraphView {
  const nodes = new Map<string, GraphNode>();
  const known = new Map<string, GraphNode>();
  for (const a of accounts) {
    for (const x of [...a.users.map((u) => ({ ...u, kind: 'user' as const })), ...a.roles.map((r) => ({ ...r, kind: 'role' as const })), ...a.groups.map((g) => ({ ...g, kind: 'group' as const }))]) {
      known.set(x.arn, { id: x.arn, kind: x.kind, label: x.name, account: a.id, arn: x.arn, escalates: false, onPath: false, location: { uri: x.uri, ...(x.range ? { range: x.range } : {}) } });
    }
  }
  const node = (arn: string): GraphNode => {
    let n = nodes.get(arn);
    if (!n) {
      n = known.get(arn) ?? { id: arn, kind: kindOf(arn), label: nameOf(arn), account: ACCOUNT_OF.exec(arn)?.[1] ?? '', arn, escalates: false, onPath: false };
      nodes.set(arn, n);
    }
    return n;
  };
  const computeAt = new Map<string, GraphLocation>();
  for (const a of accounts) for (const c of a.compute ?? []) computeAt.set(c.arn, { uri: c.uri, ...(c.range ? { range: c.range } : {}) });
  const computeNode = (c: PathCompute): GraphNode => {
    let n = nodes.get(c.arn);
    if (!n) {
      const location = computeAt.get(c.arn);
      nodes.set(c.arn, (n = { id: c.arn, kind: c.kind === 'lambda-function' ? 'function' : 'project', label: c.name, account: c.account, arn: c.arn, service: c.service, escalates: false, onPath: false, ...(location ? { location } : {}) }));
    }
    return n;
  };
  const serviceNode = (service: string, role: string): GraphNode => {
    const id = `service:${service}>${role}`;
    let n = nodes.get(id);
    if (!n) nodes.set(id, (n = { id, kind: 'service', label: service, account: node(role).account, arn: service, escalates: false, onPath: false }));
    return n;
  };

  const edges = new Map<string, GraphEdge>();
  const edge = (from: string, to: string, kind: EdgeKind, actions: string[]): GraphEdge => {
    const key = `${from}\u0000${to}\u0000${kind}\u0000${actions.join(',')}`;
    let e = edges.get(key);
    if (!e) edges.set(key, (e = { id: `e${edges.size}`, from, to, kind, actions, escalation: false }));
    return e;
  };
  /** the graph edges that draw one step of `iam-policy paths` */
  const stepEdges = (s: PathEdge): GraphEdge[] => {
    const from = node(s.from).id;
    const to = node(s.to).id;
    if (s.kind === 'iam:PassRole' && s.service) {
      const svc = serviceNode(s.service, to).id;
      return [edge(from, svc, 'step', s.via), edge(svc, to, 'runs-as', [])];
    }
    if (s.compute) {
      // the caller acts on the function or project; the role it is given (iam:PassRole) labels the segment to the role
      const res = computeNode(s.compute).id;
      const passes = s.via.filter((a) => a === 'iam:PassRole');
      return [edge(from, res, 'step', s.via.filter((a) => a !== 'iam:PassRole')), edge(res, to, 'runs-as', passes)];
    }
    if (s.group) {
      const g = node(s.group).id;
      return [edge(from, g, 'step', s.via), edge(g, to, 'member', [])];
    }
    return [edge(from, to, 'step', s.via)];
  };

  for (const e of pathEdges) if (e.kind !== 'path') stepEdges(e);
  const findings: GraphFinding[] = [];
  for (const f of pathEdges) {
    if (!f.escalation) continue;
    const steps = f.steps?.length ? f.steps : [f];
    const drawn = steps.flatMap(stepEdges);
    for (const e of drawn) e.escalation = true;
    const nodeIds = [...new Set(drawn.flatMap((e) => [e.from, e.to]))];
    for (const id of nodeIds) nodes.get(id)!.onPath = true;
    node(f.from).escalates = true;
    findings.push({
      id: `f${findings.length}`, from: f.from, to: f.to,
      steps: steps.map((s) => ({
        from: s.from, to: s.to, kind: s.kind, via: s.via,
        statements: s.statements.flatMap((st) => st.matched.map((m) => ({ action: st.action, effect: m.effect, policyType: m.policyType, policy: m.policy, ...(m.sid !== undefined ? { sid: m.sid } : {}), index: m.index }))),
        ...(s.service ? { service: s.service } : {}), ...(s.group ? { group: s.group } : {}), ...(s.compute ? { resource: s.compute.arn } : {}),
      })),
      assumptions: [...new Set(f.assumptions)],
      edgeIds: [...new Set(drawn.map((e) => e.id))],
      nodeIds,
    });
  }

  // every user and role of a small model, so that one without an edge is seen to have none
  const principals = [...known.values()].filter((n) => n.kind !== 'group');
  let hidden = 0;
  for (const p of principals) {
    if (nodes.has(p.id)) continue;
    if (principals.length <= MAX_ALL_PRINCIPALS) node(p.id); else hidden++;
  }
  const accountIds = new Set([...nodes.values()].map((n) => n.account));
  return {
    accounts: [...accountIds].sort().map((id) => { const name = accounts.find((a) => a.id === id)?.name; return { id, ...(name ? { name } : {}) }; }),
    nodes: [...nodes.values()],
    edges: [...edges.values()],
    findings,
    hidden,
    problems,
  };
}

/** The label of a node in lists and for screen readers: `user/Hoge`, `role/Admin`, `function/deploy`, `lambda.amazonaws.com`. */
export const nodeTitle = (n: Pick<GraphNode, 'kind' | 'label'>): string => (n.kind === 'service' ? n.label : `${n.kind}/${n.label}`);

/** above this many edges a graph is drawn around one principal at a time (dagre takes minutes on thousands) */
export const MAX_DRAWN_EDGES = 250;

/**
 * The part of a large graph drawn around one principal: the paths of the findings that start there, then the edges
 * into and out of it, at most `max` edges; `left` says how many of its edges are not drawn. The lists of the side pane
 * keep the whole graph.
 */
export function neighbourhood(g: GraphView, focus: string, max = MAX_DRAWN_EDGES): { graph: GraphView; left: number } {
  const byId = new Map(g.edges.map((e) => [e.id, e]));
  const chosen = new Set<string>();
  for (const f of g.findings) if (f.from === focus) for (const id of f.edgeIds) chosen.add(id);
  const own = g.edges.filter((e) => e.from === focus || e.to === focus);
  for (const e of own) chosen.add(e.id);
  const ids = [...chosen];
  const kept = new Set(ids.slice(0, max));
  const edges = g.edges.filter((e) => kept.has(e.id));
  const nodeIds = new Set([focus, ...edges.flatMap((e) => [e.from, e.to])]);
  const nodes = g.nodes.filter((n) => nodeIds.has(n.id));
  const accounts = new Set(nodes.map((n) => n.account));
  return {
    graph: {
      ...g,
      accounts: g.accounts.filter((a) => accounts.has(a.id)),
      nodes,
      edges,
      findings: g.findings.filter((f) => f.edgeIds.every((id) => kept.has(id) && byId.has(id))),
    },
    left: ids.length - kept.size,
  };
}
