// The graph webview's layout (client/webview/graph/layout.ts, dagre): run in Node on the graph of the fixture of every
// escalation method; the positions come from the library, so the checks are what a drawing needs: no two nodes
// overlap, each account's box holds its nodes, every edge has points from its source to its target, and a loop (a
// principal rewriting its own permissions) sits above its node.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { buildGraph } from '../../../client/src/graph/graphData';
import { layoutGraph, type Box } from '../../../client/webview/graph/layout';
import { loadManagedPolicies } from '../../../server/src/node/modelFiles';
import { escalationPathsOf, loadModelUris, modelList } from '../../../server/src/service/model';
import { catalog } from '../helpers';

const root = join(__dirname, '..', '..', '..');
const read = (uri: string) => { try { return readFileSync(fileURLToPath(uri), 'utf8'); } catch { return undefined; } };
const uris = [pathToFileURL(join(root, 'test/fixtures/paths/escalation.iam-model.json')).toString(), pathToFileURL(join(root, 'examples/model/seed-world.iam-model.json')).toString()];
const managed = loadManagedPolicies();
const graph = buildGraph(escalationPathsOf({ model: { uris } }, read, catalog, managed).edges, modelList(loadModelUris(uris, read, managed), read).accounts);
const laid = layoutGraph(graph, (id) => { const e = graph.edges.find((x) => x.id === id)!; return e.actions.join(' + ') || 'runs code as the role'; });

const overlap = (a: Box, b: Box) => Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 0.5 && Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 0.5;
const inside = (p: { x: number; y: number }, b: Box, slack = 1) => p.x >= b.x - slack && p.x <= b.x + b.width + slack && p.y >= b.y - slack && p.y <= b.y + b.height + slack;

describe('the graph layout (dagre)', () => {
  it('places every node, no two overlapping, inside the drawing', () => {
    assert.ok(graph.nodes.length > 40, `${graph.nodes.length} nodes`);
    const boxes = graph.nodes.map((n) => [n.id, laid.nodes.get(n.id)!] as const);
    for (const [id, b] of boxes) {
      assert.ok(b && Number.isFinite(b.x) && Number.isFinite(b.y), `${id} has no position`);
      assert.ok(b.x >= 0 && b.y >= 0 && b.x + b.width <= laid.width && b.y + b.height <= laid.height, `${id} ${JSON.stringify(b)} is outside ${laid.width}x${laid.height}`);
    }
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      assert.ok(!overlap(boxes[i][1], boxes[j][1]), `${boxes[i][0]} overlaps ${boxes[j][0]}`);
    }
  });

  it('each account is a box that holds its nodes, and the two accounts do not overlap', () => {
    assert.deepEqual([...laid.accounts.keys()].sort(), graph.accounts.map((a) => a.id).sort());
    for (const n of graph.nodes) {
      const b = laid.nodes.get(n.id)!;
      const a = laid.accounts.get(n.account)!;
      assert.ok(inside({ x: b.x, y: b.y }, a) && inside({ x: b.x + b.width, y: b.y + b.height }, a), `${n.id} is outside its account's box`);
    }
    const [a, b] = [...laid.accounts.values()];
    assert.ok(!overlap(a, b), 'the account boxes overlap');
  });

  it('every edge runs from its source to its target; a loop stands above its node', () => {
    for (const e of graph.edges) {
      const l = laid.edges.get(e.id)!;
      assert.ok(l.points.length >= 2, `${e.id} has ${l.points.length} points`);
      const from = laid.nodes.get(e.from)!, to = laid.nodes.get(e.to)!;
      assert.ok(inside(l.points[0], from, 2), `${e.id} starts away from ${e.from}`);
      assert.ok(inside(l.points.at(-1)!, to, 2), `${e.id} ends away from ${e.to}`);
      if (e.from === e.to) assert.ok(l.points.every((p) => p.y <= from.y) && l.label.y + l.label.height <= from.y, `the loop ${e.id} is not above its node`);
    }
    assert.ok(graph.edges.some((e) => e.from === e.to), 'the fixture has loops');
  });
});
