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

/** the room above a node for each loop (a step from a principal to itself: rewriting its own permissions) */
const LOOP = 30;

/**
 * `label(edgeId)` is the text drawn on the edge, `kindText(kind)` the kind drawn above a node's name. Box x/y are top-left corners. Loops are laid out here, above their
 * node (dagre draws them beside it, over the neighbours' edges): the node is given their room.
 */
export function layoutGraph(graph: GraphView, label: (edgeId: string) => string, kindText: (kind: GraphView['nodes'][number]['kind']) => string = (k) => k): Laid {
  const g = new dagre.graphlib.Graph({ compound: true, multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 40, edgesep: 16, ranksep: 90, marginx: 24, marginy: 36 });
  g.setDefaultEdgeLabel(() => ({}));
  const loops = new Map<string, string[]>();
  for (const e of graph.edges) if (e.from === e.to) loops.set(e.from, [...(loops.get(e.from) ?? []), e.id]);
  const labelWidth = (id: string) => { const t = label(id); return t ? Math.ceil(t.length * LABEL_CHAR) + 10 : 0; };
  for (const a of graph.accounts) g.setNode(accountId(a.id), {});
  for (const n of graph.nodes) {
    const own = loops.get(n.id) ?? [];
    g.setNode(n.id, { width: Math.max(nodeWidth(n.label, kindText(n.kind)), ...own.map((id) => labelWidth(id) + 8)), height: NODE_HEIGHT + own.length * LOOP });
    if (n.account) g.setParent(n.id, accountId(n.account));
  }
  for (const e of graph.edges) {
    if (e.from === e.to) continue;
    const w = labelWidth(e.id);
    g.setEdge(e.from, e.to, { width: w, height: w ? 16 : 0, labelpos: 'c' }, e.id);
  }
  dagre.layout(g);

  const box = (v: { x: number; y: number; width: number; height: number }): Box => ({ x: v.x - v.width / 2, y: v.y - v.height / 2, width: v.width, height: v.height });
  const nodes = new Map<string, Box>();
  const edges = new Map<string, LaidEdge>();
  for (const n of graph.nodes) {
    const v = g.node(n.id) as { x: number; y: number; width: number; height: number };
    const own = loops.get(n.id) ?? [];
    const top = v.y + v.height / 2 - NODE_HEIGHT;
    nodes.set(n.id, { x: v.x - v.width / 2, y: top, width: v.width, height: NODE_HEIGHT });
    own.forEach((id, i) => {
      const y = top - 12 - i * LOOP;
      const w = labelWidth(id);
      edges.set(id, { points: [{ x: v.x - 14, y: top }, { x: v.x - 14, y }, { x: v.x + 14, y }, { x: v.x + 14, y: top }], label: { x: v.x - w / 2, y: y - 17, width: w, height: 16 } });
    });
  }
  const accounts = new Map<string, Box>();
  for (const a of graph.accounts) {
    const v = g.node(accountId(a.id)) as { x?: number; y?: number; width?: number; height?: number } | undefined;
    if (v && v.x !== undefined && v.y !== undefined && v.width && v.height) accounts.set(a.id, box(v as Box));
  }
  for (const e of graph.edges) {
    if (e.from === e.to) continue;
    const v = g.edge({ v: e.from, w: e.to, name: e.id }) as { points?: { x: number; y: number }[]; x?: number; y?: number; width: number; height: number };
    const points = (v.points ?? []).map((p) => ({ ...p }));
    // dagre ends the edge on the node's whole box; a node with loops has their room above its rectangle
    if (points.length) {
      for (const [i, id] of [[0, e.from], [points.length - 1, e.to]] as const) {
        const b = nodes.get(id)!;
        points[i].y = Math.min(Math.max(points[i].y, b.y), b.y + b.height);
      }
    }
    edges.set(e.id, { points, label: box({ x: v.x ?? 0, y: v.y ?? 0, width: v.width, height: v.height }) });
  }
  const size = g.graph() as { width?: number; height?: number };
  return { width: Math.ceil(size.width ?? 0), height: Math.ceil(size.height ?? 0), nodes, edges, accounts };
}
