// Lays the graph out with dagre (layered, left to right; each account a cluster): the positions of the nodes, the
// points of the edges and their labels, and the box of each account. Sizes are estimated from the text lengths
// (the drawing uses the same font size), so the layout needs no measuring pass.
import type * as Dagre from '@dagrejs/dagre' with { 'resolution-mode': 'import' };
import type { GraphView } from '../../src/graph/graphData';

export interface Box { x: number; y: number; width: number; height: number }
export interface LaidEdge { points: { x: number; y: number }[]; label: Box }
export interface Laid { width: number; height: number; nodes: Map<string, Box>; edges: Map<string, LaidEdge>; accounts: Map<string, Box> }

export const NODE_HEIGHT = 40;
const CHAR = 7.2;
const LABEL_CHAR = 6.4;
const accountId = (id: string) => `account:${id}`;
// the package ships ES modules typed as such; this project's TypeScript files are CommonJS to the checker, so the
// value comes through require (esbuild bundles it into the webview script like an import)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const dagre = require('@dagrejs/dagre') as typeof Dagre;

export function nodeWidth(label: string, kind: string): number {
  return Math.max(96, Math.ceil(Math.max(label.length * CHAR, kind.length * 6) + 28));
}

/** `label(edgeId)` is the text drawn on the edge. Box x/y are top-left corners. */
export function layoutGraph(graph: GraphView, label: (edgeId: string) => string): Laid {
  const g = new dagre.graphlib.Graph({ compound: true, multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 28, edgesep: 16, ranksep: 90, marginx: 24, marginy: 36 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const a of graph.accounts) g.setNode(accountId(a.id), {});
  for (const n of graph.nodes) {
    g.setNode(n.id, { width: nodeWidth(n.label, n.kind), height: NODE_HEIGHT });
    if (n.account) g.setParent(n.id, accountId(n.account));
  }
  for (const e of graph.edges) {
    const text = label(e.id);
    g.setEdge(e.from, e.to, { width: text ? Math.ceil(text.length * LABEL_CHAR) + 10 : 0, height: text ? 16 : 0, labelpos: 'c' }, e.id);
  }
  dagre.layout(g);

  const box = (v: { x: number; y: number; width: number; height: number }): Box => ({ x: v.x - v.width / 2, y: v.y - v.height / 2, width: v.width, height: v.height });
  const nodes = new Map<string, Box>();
  for (const n of graph.nodes) nodes.set(n.id, box(g.node(n.id) as { x: number; y: number; width: number; height: number }));
  const accounts = new Map<string, Box>();
  for (const a of graph.accounts) {
    const v = g.node(accountId(a.id)) as { x?: number; y?: number; width?: number; height?: number } | undefined;
    if (v && v.x !== undefined && v.y !== undefined && v.width && v.height) accounts.set(a.id, box(v as Box));
  }
  const edges = new Map<string, LaidEdge>();
  for (const e of graph.edges) {
    const v = g.edge({ v: e.from, w: e.to, name: e.id }) as { points?: { x: number; y: number }[]; x?: number; y?: number; width: number; height: number };
    edges.set(e.id, { points: v.points ?? [], label: box({ x: v.x ?? 0, y: v.y ?? 0, width: v.width, height: v.height }) });
  }
  const size = g.graph() as { width?: number; height?: number };
  return { width: Math.ceil(size.width ?? 0), height: Math.ceil(size.height ?? 0), nodes, edges, accounts };
}
