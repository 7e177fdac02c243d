// The side pane of the graph: the escalation findings (selecting one highlights its path), the legend, the principals
// (a list mirroring the nodes, for the keyboard and screen readers) and the details of the chosen node or finding
// (its paths, the statements that enable each step, what each step takes for granted).
import type { GraphFinding, GraphNode, GraphStep } from '../../src/graph/graphData';
import { h } from '../simulator/dom';
import { tx } from '../simulator/l10n';
import { accountLabel, edgeLabel, findingById, fmt, kindText, nodeById, post, title, view } from './view';

export interface PaneActions { selectFinding(id: string): void; activateNode(id: string): void }

const name = (id: string) => title(nodeById(id), id);

export function findingText(f: GraphFinding): string {
  return `${name(f.from)} → ${name(f.to)}: ${[...new Set(f.steps.map((s) => s.kind))].join(', ')}`;
}

export function renderFindings(el: HTMLElement, act: PaneActions): void {
  const g = view.graph;
  if (!g) return;
  const part = view.drawn && view.drawn !== g && view.focus
    ? [h('p', { id: 'focus-note', className: 'note' }, fmt(tx('The model has {0} edges, too many to draw at once: the drawing shows {1} of them, around {2}. Choose a finding or a principal to move.'), g.edges.length, view.drawn.edges.length, name(view.focus)),
      ...(view.left ? [' ', fmt(tx('{0} more edges of {1} are not drawn.'), view.left, name(view.focus))] : []))]
    : [];
  el.replaceChildren(
    ...part,
    h('h2', {}, `${tx('Escalation paths')} (${g.findings.length})`),
    g.findings.length
      ? h('ul', { id: 'findings', className: 'plain' }, ...g.findings.map((f) => h('li', {},
        h('button', { className: `link finding${view.finding === f.id ? ' selected' : ''}`, 'data-finding': f.id, 'aria-pressed': String(view.finding === f.id), onclick: () => act.selectFinding(f.id) }, findingText(f)))))
      : h('p', { className: 'muted' }, tx('No principal can reach more permissions than it has.')),
    h('ul', { className: 'legend', 'aria-label': tx('Legend') },
      h('li', {}, h('span', { className: 'swatch escalation' }), tx('a step on an escalation path')),
      h('li', {}, h('span', { className: 'swatch selected' }), tx('the path of the chosen finding')),
      h('li', {}, h('span', { className: 'swatch plain' }), tx('who can become whom, no escalation'))),
  );
}

export function renderPrincipals(el: HTMLElement, act: PaneActions): void {
  const g = view.graph;
  if (!g) return;
  el.replaceChildren(
    h('h2', {}, tx('Principals')),
    h('ul', { id: 'principals', className: 'plain' }, ...g.nodes.map((n) => h('li', {},
      h('button', { className: `link principal${n.escalates ? ' escalates' : ''}`, 'data-node': n.id, onclick: () => act.activateNode(n.id) }, title(n, n.id)),
      h('span', { className: 'muted' }, ` ${accountLabel(n.account)}${n.escalates ? ` · ${tx('may escalate its permissions')}` : ''}`)))),
    ...(g.hidden ? [h('p', { className: 'muted' }, fmt(tx('{0} users and roles with no edge are not drawn.'), g.hidden))] : []),
  );
}

function stepItem(s: GraphStep): HTMLElement {
  const through = s.service ? ` (${fmt(tx('passed to {0}'), s.service)})` : s.group ? ` (${fmt(tx('group {0}'), s.group.replace(/^.*:group\//, ''))})`
    : s.resource ? ` (${fmt(tx('through {0}'), name(s.resource))})` : '';
  return h('li', { className: 'step' },
    h('div', {}, `${name(s.from)} → ${name(s.to)}: `, h('code', {}, s.via.join(', ')), through),
    s.statements.length
      ? h('ul', { className: 'statements' }, ...s.statements.map((st) => h('li', {},
        h('code', {}, st.action), `: ${fmt(tx('{0} statement {1} of {2} ({3})'), st.effect, st.sid ? `"${st.sid}"` : st.index, st.policy, st.policyType)}`)))
      : h('p', { className: 'muted' }, tx('No statement was recorded for this step.')));
}

function findingDetails(f: GraphFinding): HTMLElement[] {
  return [
    h('h3', {}, findingText(f)),
    h('ol', { className: 'steps' }, ...f.steps.map(stepItem)),
    ...(f.assumptions.length ? [h('h4', {}, tx('Takes for granted')), h('ul', { className: 'assumptions' }, ...f.assumptions.map((a) => h('li', {}, a)))] : []),
  ];
}

function nodeDetails(n: GraphNode, act: PaneActions): HTMLElement[] {
  const g = view.graph!;
  const from = g.findings.filter((f) => f.from === n.id);
  const out = g.edges.filter((e) => e.from === n.id);
  const inn = g.edges.filter((e) => e.to === n.id);
  return [
    h('h2', {}, title(n, n.id)),
    h('p', {}, h('code', {}, n.arn)),
    h('p', { className: 'muted' }, `${kindText(n.kind)} · ${tx('account')} ${accountLabel(n.account)}${n.service ? ` · ${fmt(tx('run by {0}'), n.service)}` : ''}`),
    ...(n.location ? [h('button', { className: 'link', id: 'open-definition', onclick: () => post({ type: 'open', node: n.id }) }, tx('Open its definition'))] : []),
    h('h3', {}, `${tx('Escalation paths from here')} (${from.length})`),
    ...(from.length ? from.flatMap((f) => [h('button', { className: 'link finding', 'data-finding': f.id, onclick: () => act.selectFinding(f.id) }, tx('Highlight this path')), ...findingDetails(f)]) : [h('p', { className: 'muted' }, tx('None.'))]),
    h('h3', {}, tx('Can become or change')),
    out.length ? h('ul', {}, ...out.map((e) => h('li', {}, `→ ${name(e.to)}: ${edgeLabel(e)}`))) : h('p', { className: 'muted' }, tx('None.')),
    h('h3', {}, tx('Reached from')),
    inn.length ? h('ul', {}, ...inn.map((e) => h('li', {}, `${name(e.from)} →: ${edgeLabel(e)}`))) : h('p', { className: 'muted' }, tx('None.')),
  ];
}

export function renderDetails(el: HTMLElement, act: PaneActions): void {
  const n = view.node ? nodeById(view.node) : undefined;
  const f = view.finding ? findingById(view.finding) : undefined;
  if (n) el.replaceChildren(...nodeDetails(n, act));
  else if (f) el.replaceChildren(h('h2', {}, tx('Escalation path')), ...findingDetails(f));
  else el.replaceChildren(h('p', { className: 'muted' }, tx('Choose a node or a finding to see its details.')));
}
