// The graph of who can become whom: lays out the graph the extension sends (dagre, layout.ts), draws it (svg.ts) and
// the side pane (panes.ts). Bundled by esbuild (scripts/build.mjs) into dist/webview/graph.js; no remote resources.
// Every message from the extension is validated before it is used.
import './graph.css';
import { validateGraphHostMessage } from '../../src/graph/messages';
import { h } from '../simulator/dom';
import { tx } from '../simulator/l10n';
import { notice } from '../simulator/notice';
import { MAX_DRAWN_EDGES, neighbourhood } from '../../src/graph/graphData';
import { layoutGraph } from './layout';
import { renderDetails, renderFindings, renderPrincipals, type PaneActions } from './panes';
import { drawGraph } from './svg';
import { edgeLabel, findingById, kindText, savedSelection, findingByKey, findingKey, post, saveState, view } from './view';

// a CSP violation is counted where the UI test reads it (and logged), so a blocked style or script cannot go unseen
document.addEventListener('securitypolicyviolation', (e) => {
  document.body.dataset.cspViolations = String(Number(document.body.dataset.cspViolations ?? '0') + 1);
  console.error(`Content Security Policy violation: ${e.violatedDirective} blocked ${e.blockedURI || 'an inline resource'}`);
});

const MIN_SCALE = 0.2;
const MAX_SCALE = 3;

/**
 * Lays out what is to be drawn: the whole graph, or in a large one the part around the chosen node, the start of the
 * chosen finding, or the start of the first finding. `force` lays out again even when the focus stays.
 */
function layout(force: boolean): void {
  const g = view.graph;
  if (!g) return;
  if (g.edges.length <= MAX_DRAWN_EDGES) {
    if (!force && view.drawn === g) return;
    view.drawn = g;
    view.focus = null;
    view.left = 0;
  } else {
    const focus = view.node ?? (view.finding ? findingById(view.finding)?.from : undefined) ?? view.focus ?? g.findings[0]?.from ?? g.nodes[0]?.id ?? '';
    if (!force && focus === view.focus) return;
    const part = neighbourhood(g, focus);
    view.drawn = part.graph;
    view.focus = focus;
    view.left = part.left;
  }
  const byId = new Map(view.drawn.edges.map((e) => [e.id, e]));
  view.laid = layoutGraph(view.drawn, (id) => { const e = byId.get(id); return e ? edgeLabel(e) : ''; }, kindText);
}

const actions: PaneActions = {
  selectFinding(id) {
    view.finding = view.finding === id ? null : id;
    view.node = null;
    saveState();
    const moved = relayout();
    renderGraph();
    renderSide();
    if (moved) fitIfAuto();
  },
  activateNode(id) {
    view.node = id;
    saveState();
    const moved = relayout();
    renderGraph();
    renderSide();
    if (moved) fitIfAuto();
    post({ type: 'open', node: id });
  },
};

/** lays out again when the focus of a large graph moved; true when it did */
function relayout(): boolean {
  const before = view.laid;
  layout(false);
  return view.laid !== before;
}

function renderGraph(): void {
  const host = document.getElementById('canvas');
  if (!host) return;
  const focused = (document.activeElement as Element | null)?.getAttribute('data-node');
  const svg = drawGraph(actions.activateNode);
  host.replaceChildren(...(svg ? [svg] : []));
  // redrawing keeps the keyboard focus on the node that had it
  if (focused) host.querySelector<SVGGElement>(`[data-node="${CSS.escape(focused)}"]`)?.focus();
}

function renderSide(): void {
  const f = document.getElementById('findings-pane');
  const p = document.getElementById('principals-pane');
  const d = document.getElementById('details');
  if (f) renderFindings(f, actions);
  if (p) renderPrincipals(p, actions);
  if (d) renderDetails(d, actions);
}

/** until the user zooms, the graph is fitted to the canvas whenever the panel changes size */
let autoFit = true;

function zoom(to: number): void {
  view.scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, to));
  const svg = document.getElementById('graph-svg');
  if (svg && view.laid) {
    svg.setAttribute('width', String(Math.round(Math.max(view.laid.width, 10) * view.scale)));
    svg.setAttribute('height', String(Math.round(Math.max(view.laid.height, 10) * view.scale)));
  }
  const label = document.getElementById('zoom-level');
  if (label) label.textContent = `${Math.round(view.scale * 100)}%`;
}

function fitIfAuto(): void { if (autoFit) fit(); }

/** the scale at which the whole graph fits the canvas (never above 100%) */
function fit(): void {
  const host = document.getElementById('canvas');
  if (!host || !view.laid) return;
  const sx = (host.clientWidth - 8) / Math.max(view.laid.width, 1);
  const sy = (host.clientHeight - 8) / Math.max(view.laid.height, 1);
  zoom(Math.min(1, sx, sy));
}

const toolButton = (id: string, text: string, onclick: () => void) => h('button', { id, className: 'tool', type: 'button', onclick }, text);

/** the files the graph was drawn from that are gone, and the way to choose again; the same offer on an empty graph */
function missingSection(): HTMLElement[] {
  const missing = view.scope?.missing ?? [];
  const choose = h('button', { id: 'pick-files', className: 'tool', type: 'button', onclick: () => post({ type: 'pick' }) }, tx('Choose model files…'));
  if (missing.length) {
    return [h('section', { id: 'missing', role: 'alert' },
      h('p', {}, tx('The model files this graph was drawn from are gone:')),
      h('ul', {}, ...missing.map((u) => h('li', { title: u }, h('code', {}, fileName(u))))),
      choose)];
  }
  return view.graph && !view.graph.nodes.length ? [h('p', { id: 'missing' }, choose)] : [];
}

const fileName = (uri: string): string => { try { return decodeURIComponent(new URL(uri).pathname); } catch { return uri; } };

function renderAll(): void {
  const g = view.graph;
  document.getElementById('app')?.replaceChildren(
    h('header', {}, h('h1', {}, tx('Who can become whom')),
      h('div', { className: 'tools', role: 'toolbar', 'aria-label': tx('Zoom') },
        toolButton('zoom-fit', tx('Fit'), () => { autoFit = true; fit(); }),
        toolButton('zoom-out', '−', () => { autoFit = false; zoom(view.scale / 1.25); }),
        h('span', { id: 'zoom-level', 'aria-live': 'polite' }, `${Math.round(view.scale * 100)}%`),
        toolButton('zoom-in', '+', () => { autoFit = false; zoom(view.scale * 1.25); }),
        toolButton('refresh', tx('Refresh'), () => post({ type: 'refresh' })))),
    h('div', { id: 'notice', role: 'alert' }),
    ...missingSection(),
    ...(g?.problems.length ? [h('ul', { id: 'problems', 'aria-label': tx('Problems') }, ...g.problems.map((p) => h('li', {}, p)))] : []),
    h('div', { className: 'columns' },
      h('div', { id: 'canvas', tabindex: '-1', 'aria-label': tx('Graph') }),
      h('aside', { className: 'side' },
        h('section', { id: 'findings-pane', 'aria-label': tx('Escalation paths') }),
        h('section', { id: 'details', 'aria-live': 'polite', 'aria-label': tx('Details') }),
        h('section', { id: 'principals-pane', 'aria-label': tx('Principals') }))));
  document.getElementById('canvas')?.addEventListener('wheel', (ev) => {
    if (!ev.ctrlKey) return;
    ev.preventDefault();
    autoFit = false;
    zoom(view.scale * (ev.deltaY < 0 ? 1.1 : 1 / 1.1));
  }, { passive: false });
  const canvas = document.getElementById('canvas');
  if (canvas) new ResizeObserver(fitIfAuto).observe(canvas);
  renderGraph();
  renderSide();
}


window.addEventListener('message', (event: MessageEvent<unknown>) => {
  let m;
  try { m = validateGraphHostMessage(event.data); } catch (e) { console.warn(`who-can-become-whom: ignored a malformed message: ${(e as Error).message}`); return; }
  switch (m.type) {
    case 'graph': {
      const first = !view.graph;
      // what was chosen is kept by what it is: finding ids are renumbered when the graph is built again
      const chosen = m.restore ?? (first ? savedSelection() : { node: view.node, finding: view.finding && findingById(view.finding) ? findingKey(findingById(view.finding)!) : null });
      view.graph = m.graph;
      view.scope = m.scope;
      view.node = chosen.node && m.graph.nodes.some((n) => n.id === chosen.node) ? chosen.node : null;
      view.finding = chosen.finding ? findingByKey(chosen.finding)?.id ?? null : null;
      if (view.focus && !m.graph.nodes.some((n) => n.id === view.focus)) view.focus = null;
      layout(true);
      renderAll();
      if (first || autoFit) fit();
      saveState();
      const f = view.finding ? findingById(view.finding) : undefined;
      post({
        type: 'drawn', nodes: document.querySelectorAll('#canvas g.node').length, edges: document.querySelectorAll('#canvas g.edge').length,
        selection: { node: view.node, finding: f ? findingKey(f) : null }, missing: document.querySelectorAll('#missing li').length,
      });
      break;
    }
    case 'notice':
      notice(m.level, m.message);
      break;
  }
});

post({ type: 'ready' });
