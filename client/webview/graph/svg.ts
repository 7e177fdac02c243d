// Draws the laid-out graph as SVG: accounts as boxes, nodes as focusable buttons (Tab, Enter or Space), edges as
// arrows with their actions. Escalation paths carry the class `escalation`, the selected finding's path `selected`;
// the colours are the theme's (graph.css). Attributes only, no inline styles (the CSP allows none).
import { tx } from '../simulator/l10n';
import { NODE_HEIGHT } from './layout';
import { accountLabel, edgeLabel, findingById, kindText, title, view } from './view';

const NS = 'http://www.w3.org/2000/svg';

function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number | undefined> = {}, ...children: (SVGElement | string)[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, String(v));
  for (const c of children) el.append(c);
  return el;
}

const pathOf = (points: { x: number; y: number }[]) => points.map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join(' ');

/** The SVG of the graph; `activate(id)` runs on a click, Enter or Space on a node. */
export function drawGraph(activate: (id: string) => void): SVGSVGElement | null {
  const { drawn: graph, laid } = view;
  if (!graph || !laid) return null;
  const selected = view.finding ? findingById(view.finding) : undefined;
  const onSelected = new Set([...(selected?.edgeIds ?? []), ...(selected?.nodeIds ?? [])]);
  const w = Math.max(laid.width, 10);
  const h = Math.max(laid.height, 10);
  const svg = s('svg', { id: 'graph-svg', viewBox: `0 0 ${w} ${h}`, width: Math.round(w * view.scale), height: Math.round(h * view.scale), role: 'group', 'aria-label': tx('Who can become whom'), class: selected ? 'has-selection' : undefined },
    s('defs', {},
      s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerUnits: 'userSpaceOnUse', markerWidth: 10, markerHeight: 10, orient: 'auto-start-reverse' }, s('path', { d: 'M0 0 L10 5 L0 10 z', class: 'arrow' })),
      s('marker', { id: 'arrow-escalation', viewBox: '0 0 10 10', refX: 10, refY: 5, markerUnits: 'userSpaceOnUse', markerWidth: 12, markerHeight: 12, orient: 'auto-start-reverse' }, s('path', { d: 'M0 0 L10 5 L0 10 z', class: 'arrow escalation' }))));

  for (const a of graph.accounts) {
    const b = laid.accounts.get(a.id);
    if (!b) continue;
    svg.append(s('g', { class: 'account', 'data-account': a.id },
      s('rect', { x: b.x, y: b.y, width: b.width, height: b.height, rx: 6 }),
      s('text', { x: b.x + 6, y: b.y - 6 }, accountLabel(a.id))));
  }
  for (const e of graph.edges) {
    const l = laid.edges.get(e.id);
    if (!l || !l.points.length) continue;
    const cls = ['edge', e.kind, e.escalation ? 'escalation' : '', onSelected.has(e.id) ? 'selected' : ''].filter(Boolean).join(' ');
    const text = edgeLabel(e);
    svg.append(s('g', { class: cls, 'data-edge': e.id, 'data-from': e.from, 'data-to': e.to },
      s('path', { d: pathOf(l.points), 'marker-end': e.escalation ? 'url(#arrow-escalation)' : 'url(#arrow)' }),
      ...(text ? [
        s('rect', { class: 'label-bg', x: l.label.x, y: l.label.y, width: l.label.width, height: l.label.height, rx: 3 }),
        s('text', { x: l.label.x + l.label.width / 2, y: l.label.y + l.label.height / 2 + 4, 'text-anchor': 'middle' }, text)] : [])));
  }
  for (const n of graph.nodes) {
    const b = laid.nodes.get(n.id);
    if (!b) continue;
    const cls = ['node', n.kind, n.kind === 'function' || n.kind === 'project' ? 'resource' : '', n.escalates ? 'escalates' : '', n.onPath ? 'on-path' : '', onSelected.has(n.id) ? 'selected' : '', view.node === n.id ? 'current' : ''].filter(Boolean).join(' ');
    const label = `${title(n, n.id)}, ${tx('account')} ${accountLabel(n.account)}${n.escalates ? `, ${tx('may escalate its permissions')}` : ''}`;
    const g = s('g', { class: cls, 'data-node': n.id, transform: `translate(${b.x.toFixed(1)} ${b.y.toFixed(1)})`, tabindex: 0, role: 'button', 'aria-label': label },
      s('title', {}, n.arn),
      s('rect', { width: b.width, height: NODE_HEIGHT, rx: n.kind === 'role' ? 12 : n.kind === 'service' || n.kind === 'function' || n.kind === 'project' ? 2 : 4 }),
      s('text', { x: 10, y: 15, class: 'kind' }, kindText(n.kind)),
      s('text', { x: 10, y: 31, class: 'name' }, n.label));
    g.addEventListener('click', () => activate(n.id));
    g.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); activate(n.id); }
    });
    svg.append(g);
  }
  return svg;
}
