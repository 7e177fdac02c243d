// The graph of who can become whom (issue 12), in the webview's browser: the bundled script (dist/webview/graph.js,
// dagre) lays out and draws the graph of a generated model of 500 users, 500 roles and 200 customer managed policies
// (bench/paths.ts's generator), from the message that carries the graph to the webview's "drawn" answer, in headless
// Chromium on a page that stands in for the webview (a stub acquireVsCodeApi, the real script and stylesheet). The
// baseline in the same run: the same for the example model (examples/model). Building the graph from the answer of
// iamPolicy/escalationPaths is timed in Node beside it; the paths themselves are bench/paths.ts's.
// Run: node --import tsx bench/graph.ts (run `node scripts/build.mjs` first).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildGraph, MAX_DRAWN_EDGES, type GraphView } from '../client/src/graph/graphData';
import { loadCatalog } from '../server/src/node/catalogFiles';
import { loadManagedPolicies } from '../server/src/node/modelFiles';
import { escalationPathsOf, loadModelUris, modelList } from '../server/src/service/model';
import { generateModel } from './paths';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const root = join(__dirname, '..');
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const read = (uri: string) => { try { return readFileSync(fileURLToPath(uri), 'utf8'); } catch { return undefined; } };

function graphOf(file: string): { graph: GraphView; buildMs: number } {
  const uris = [pathToFileURL(file).toString()];
  const managed = loadManagedPolicies();
  const paths = escalationPathsOf({ model: { uris } }, read, loadCatalog(), managed);
  const listing = modelList(loadModelUris(uris, read, managed), read);
  const t0 = performance.now();
  const graph = buildGraph(paths.edges, listing.accounts);
  return { graph, buildMs: performance.now() - t0 };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-graph-'));
  const big = join(dir, 'big.iam-model.json');
  writeFileSync(big, JSON.stringify(generateModel(500, 500, 200)));
  const small = graphOf(join(root, 'examples/model/seed-world.iam-model.json'));
  const large = graphOf(big);
  const page = join(dir, 'graph.html');
  writeFileSync(page, `<!DOCTYPE html><html><head><link rel="stylesheet" href="${pathToFileURL(join(root, 'dist/webview/graph.css'))}"></head>
<body><main id="app"></main><script>
window.drawn = new Promise((resolve) => { window.acquireVsCodeApi = () => ({ postMessage: (m) => { if (m.type === 'drawn') resolve({ ...m, at: performance.now() }); }, getState: () => undefined, setState: () => {} }); });
</script><script src="${pathToFileURL(join(root, 'dist/webview/graph.js'))}"></script></body></html>`);

  const { launchChromium } = await import('../scripts/host/codeServer.mjs') as { launchChromium: () => Promise<import('playwright-core').Browser> };
  const browser = await launchChromium();
  const draw = async (graph: GraphView): Promise<{ ms: number; nodes: number; edges: number }> => {
    const p = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await p.goto(pathToFileURL(page).toString());
    const r = await p.evaluate(async (g) => {
      const t0 = performance.now();
      // the workspace's model files (scope.files null), none missing: what the panel sends for IAM: Show Who Can Become Whom
      window.postMessage({ type: 'graph', graph: g, scope: { files: null, missing: [] } }, '*');
      // a message the webview rejects (its types changed) draws nothing: fail instead of waiting forever
      const d = await Promise.race([
        (window as unknown as { drawn: Promise<{ at: number; nodes: number; edges: number }> }).drawn,
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the webview did not report "drawn" within 60 s: does the bench send the message it expects?')), 60_000)),
      ]);
      return { ms: d.at - t0, nodes: d.nodes, edges: d.edges };
    }, graph);
    await p.close();
    return r;
  };
  // the most the webview draws at once: the first MAX_DRAWN_EDGES edges of the generated graph, drawn whole
  const capEdges = large.graph.edges.slice(0, MAX_DRAWN_EDGES);
  const capEdgeIds = new Set(capEdges.map((e) => e.id));
  const capNodeIds = new Set(capEdges.flatMap((e) => [e.from, e.to]));
  const cap: GraphView = { ...large.graph, edges: capEdges, nodes: large.graph.nodes.filter((n) => capNodeIds.has(n.id)), findings: large.graph.findings.filter((f) => f.edgeIds.every((id) => capEdgeIds.has(id))) };
  const smallMs: number[] = [], largeMs: number[] = [], capMs: number[] = [];
  let drawnLarge = { nodes: 0, edges: 0 }, drawnCap = { nodes: 0, edges: 0 };
  try {
    await draw(small.graph);
    for (let i = 0; i < RUNS; i++) {
      smallMs.push((await draw(small.graph)).ms);
      const l = await draw(large.graph);
      largeMs.push(l.ms);
      drawnLarge = l;
      const c = await draw(cap);
      capMs.push(c.ms);
      drawnCap = c;
    }
  } finally {
    await browser.close();
  }
  const s = median(smallMs), l = median(largeMs), c = median(capMs);
  console.log(`Generated model: 500 users, 500 roles, 200 customer managed policies → ${large.graph.nodes.length} nodes (${large.graph.hidden} principals with no edge left out), ${large.graph.edges.length} edges, ${large.graph.findings.length} findings; drawn: ${drawnLarge.nodes} nodes, ${drawnLarge.edges} edges. Medians of ${RUNS} interleaved runs in headless Chromium.\n`);
  console.log('| step | generated model | baseline: examples/model (same run) | ratio |');
  console.log('|---|---|---|---|');
  console.log(`| the whole graph sent (drawn around one principal, all ${large.graph.findings.length} findings and ${large.graph.nodes.length} principals listed) → laid out (dagre) and drawn | ${l.toFixed(0)} ms | ${s.toFixed(0)} ms (${small.graph.nodes.length} nodes) | ${(l / s).toFixed(1)}× |`);
  console.log(`| ${MAX_DRAWN_EDGES} edges of it drawn whole (${drawnCap.nodes} nodes, ${drawnCap.edges} edges): the most the webview lays out at once | ${c.toFixed(0)} ms | ${s.toFixed(0)} ms | ${(c / s).toFixed(1)}× |`);
  console.log(`| building the graph from the paths answer (Node) | ${large.buildMs.toFixed(1)} ms | ${small.buildMs.toFixed(2)} ms | |`);
}

if (require.main === module) void main().catch((e) => { console.error(e); process.exit(1); });
