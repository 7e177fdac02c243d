// The Result section: the decision, the deciding statements (click to reveal them in the editor), a lane per policy
// type with the statements that applied and those that did not, missing context keys and the explanation.
import type { MatchedStatement, StatementDetail } from '../../../server/src/core/evaluator/types';
import { h } from './dom';
import { post, state, store } from './store';
import { tx } from './l10n';

const LANES: [string, string][] = [
  ['identity', tx('Identity policies')], ['resource', tx('Resource-based policy')], ['boundary', tx('Permissions boundary')],
  ['session', tx('Session policy')], ['scp', 'SCPs'], ['rcp', 'RCPs'],
];
const DECISION_TEXT = { Allowed: tx('Allowed'), ExplicitlyDenied: tx('Explicitly denied'), ImplicitlyDenied: tx('Implicitly denied') } as const;

const same = (a: MatchedStatement, b: MatchedStatement) => a.policyType === b.policyType && a.policy === b.policy && a.index === b.index && a.file === b.file;

function statementItem(s: MatchedStatement & Partial<StatementDetail>, deciding: boolean): HTMLLIElement {
  const label = `${s.effect} ${s.sid ? `"${s.sid}"` : `statement ${s.index + 1}`} in ${s.policy}`;
  // a policy the model gathered has no file of its own: it opens where the model has it
  const origin = s.file ? undefined : store.response?.model?.gathered.find((g) => g.name === s.policy && g.policyType === s.policyType)?.origin;
  const head = s.file && s.range
    ? h('button', { className: 'link statement', title: tx('Reveal in the editor'), onclick: () => post({ type: 'reveal', uri: s.file!, range: s.range! }) }, label)
    : origin && (origin.uri || (origin.kind === 'aws-managed' && origin.arn))
      ? h('button', { className: 'link statement', title: origin.label, onclick: () => post({ type: 'openOrigin', uri: origin.uri, range: origin.range, arn: origin.uri ? undefined : origin.arn }) }, label)
      : h('span', { className: 'statement' }, label);
  return h('li', { className: `stmt ${s.effect === 'Deny' ? 'deny' : 'allow'} ${deciding ? 'deciding' : ''}` },
    deciding ? h('span', { className: 'tag' }, 'decided') : null, head, s.reason ? h('div', { className: 'why' }, s.reason) : null);
}

const POLICY_TYPE_TEXT: Record<string, string> = { identity: 'identity', boundary: 'boundary', resource: 'resource', scp: 'SCP', rcp: 'RCP' };

/** every policy the server gathered for the principal, with where it came from (each opens) */
function gatheredList(): HTMLElement | null {
  const m = store.response?.model;
  if (!m) return null;
  const items = m.gathered.map((g) => {
    const o = g.origin;
    const open = o.uri || (o.kind === 'aws-managed' && o.arn);
    const text = g.name;
    return h('li', { className: `origin ${o.kind}` },
      h('span', { className: 'tag' }, POLICY_TYPE_TEXT[g.policyType] ?? g.policyType, g.orgIdentifier ? ` ${g.orgIdentifier}` : ''),
      open ? h('button', { className: 'link', title: `Open ${o.arn ?? 'in the model file'}`, onclick: () => post({ type: 'openOrigin', uri: o.uri, range: o.range, arn: o.uri ? undefined : o.arn }) }, text) : h('span', {}, text),
      h('div', { className: 'why' }, o.label));
  });
  return h('div', {},
    h('p', { className: 'hint' }, `as ${m.principal}${m.principalArn && m.principalArn !== m.principal ? ` (${m.principalArn})` : ''}${m.resourceAccount ? `; resource account ${m.resourceAccount}` : ''}`),
    items.length ? h('ul', { id: 'gathered', className: 'statements' }, ...items) : h('p', { className: 'hint' }, tx('The model gave no policies for this principal.')),
    m.problems.length ? h('ul', { className: 'errors', 'aria-label': tx('Model problems') }, ...m.problems.map((p) => h('li', {}, `${p.path}: ${p.message}`))) : null);
}

const STEP_TEXT: Record<string, string> = { assumeRole: 'AssumeRole', passRole: 'PassRole', serviceAssumesRole: tx('the service assumes the role'), request: tx('the request') };

/** a flow's steps (AssumeRole chain, PassRole) as a chain: each step expands to its explanation and statements */
function flowChain(steps: NonNullable<NonNullable<typeof store.response>['result']>['steps']): HTMLElement | null {
  if (!steps?.length) return null;
  return h('ol', { id: 'flow', className: 'flow' }, ...steps.map((st, i) => h('li', { className: `flow-step ${st.decision}` },
    h('vscode-collapsible', { '.heading': `${i + 1}. ${STEP_TEXT[st.step] ?? st.step}: ${st.action} — ${DECISION_TEXT[st.decision]}`, '.description': `${st.principal} → ${st.resource}`, ...(st.decision === 'Allowed' ? {} : { '.open': true }) },
      st.matchedStatements.length ? h('ul', { className: 'statements' }, ...st.matchedStatements.map((m) => statementItem(m, true))) : h('p', { className: 'hint' }, tx('No statement decided this step.')),
      st.errors.length ? h('ul', { className: 'errors' }, ...st.errors.map((e) => h('li', {}, e))) : null,
      h('ol', { className: 'explanation' }, ...st.explanation.map((e) => h('li', {}, e)))))));
}

export function renderResult(): void {
  const sec = document.getElementById('result');
  if (!sec) return;
  const response = store.response;
  if (!response) { sec.replaceChildren(h('h2', {}, tx('Result')), h('p', {}, tx('Evaluating…'))); return; }
  const parts: HTMLElement[] = [h('h2', {}, tx('Result'))];
  const r = response.result;
  if (r) {
    parts.push(h('div', { className: 'row' },
      h('div', { id: 'decision', className: `badge ${r.decision}`, role: 'status' }, DECISION_TEXT[r.decision]),
      r.expected ? h('span', { id: 'expectation', className: r.pass ? 'pass' : 'fail' }, r.pass ? `as expected (${r.expected})` : `expected ${r.expected}`) : null));
  }
  const action = state().request.action.trim();
  if (!response.actionKnown && action) parts.push(h('p', { className: 'warn' }, `${action} is not an action in the catalog: check the spelling.`));
  const errors = [...response.errors, ...(r?.errors ?? [])];
  if (errors.length) parts.push(h('ul', { className: 'errors', 'aria-label': tx('Problems') }, ...errors.map((e) => h('li', {}, e))));
  if (r) {
    const statements = r.statements ?? [];
    // an implicit deny is decided by what is missing: statements that apply are shown in their lanes, not as deciding
    const noneDecided = r.decision === 'ImplicitlyDenied' && statements.some((s) => s.applies)
      ? tx('No statement decides an implicit deny: what applies is not enough on its own (see Why).')
      : r.decision === 'Allowed' ? tx('No statement was needed (see Why).') : tx('No statement applies: nothing allows the request.');
    parts.push(h('h3', {}, tx('Deciding statements')), r.matchedStatements.length
      ? h('ul', { id: 'deciding', className: 'statements' }, ...r.matchedStatements.map((m) => statementItem(statements.find((s) => same(s, m)) ?? m, true)))
      : h('p', { className: 'hint' }, noneDecided));
    const idle = LANES.filter(([type]) => r.policyTypes[type] === 'NotApplicable' && !statements.some((s) => s.policyType === type));
    const lanes = h('div', { className: 'lanes' });
    for (const [type, label] of LANES) {
      const outcome = r.policyTypes[type];
      if (outcome === undefined || idle.some(([t]) => t === type)) continue;
      const applied = statements.filter((s) => s.policyType === type && s.applies);
      const notApplied = statements.filter((s) => s.policyType === type && !s.applies);
      lanes.append(h('section', { className: `lane ${outcome}`, 'aria-label': `${label}: ${outcome}` },
        h('h4', {}, label, ' ', h('span', { className: `outcome ${outcome}` }, outcome)),
        applied.length ? h('ul', { className: 'statements' }, ...applied.map((s) => statementItem(s, r.matchedStatements.some((m) => same(m, s))))) : null,
        notApplied.length ? h('vscode-collapsible', { '.heading': `${notApplied.length} statement(s) did not apply` },
          h('ul', { className: 'statements' }, ...notApplied.map((s) => statementItem(s, false)))) : null));
    }
    if (idle.length) lanes.append(h('p', { className: 'hint' }, `Not applicable (no policies of these types): ${idle.map(([, label]) => label).join(', ')}.`));
    const flow = flowChain(r.steps);
    if (flow) parts.push(h('h3', {}, tx('Flow')), h('p', { className: 'hint' }, tx('The overall decision is the first step that is not allowed.')), flow);
    const gathered = gatheredList();
    if (gathered) parts.push(h('h3', {}, tx('Gathered from the model')), gathered);
    parts.push(h('h3', {}, tx('Policy types')), lanes);
    if (r.missingContextKeys.length) {
      parts.push(h('h3', {}, tx('Missing context keys')),
        h('p', { className: 'hint' }, tx('Referenced by applicable statements, not in the request and not derivable; conditions on them were evaluated as absent.')),
        h('ul', { id: 'missing' }, ...r.missingContextKeys.map((k) => h('li', {}, h('code', {}, k)))));
    }
    parts.push(h('h3', {}, tx('Why')), h('ol', { className: 'explanation' }, ...r.explanation.map((e) => h('li', {}, e))));
  }
  sec.replaceChildren(...parts);
}
