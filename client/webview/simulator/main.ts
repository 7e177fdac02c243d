// The Simulate Request webview: renders the panel state and the last evaluation and sends every edit to the
// extension. Bundled by esbuild (scripts/build.mjs) into dist/webview/simulator.js; no remote resources. Every
// message from the extension is validated (validateHostMessage) before it is used.
import './simulator.css';
import { validateHostMessage } from '../../src/simulator/messages';
import { validatePanelState } from '../../src/simulator/state';
import { button } from './controls';
import { mergeContextKeys, renderContext } from './contextKeys';
import { h } from './dom';
import { renderModel } from './model';
import { renderPolicies } from './policies';
import { fillActionSuggestions, fillTemplates, renderRequest } from './request';
import { renderResult } from './result';
import { changed, post, store, vscode } from './store';
import { tx } from './l10n';
import { notice } from './notice';

function renderAll(): void {
  document.getElementById('app')?.replaceChildren(
    h('header', {}, h('h1', {}, tx('Simulate Request')),
      h('div', { className: 'actions' },
        button(tx('Open Scenario…'), () => post({ type: 'openScenario' }), { secondary: true }),
        button(tx('Save Scenario…'), () => post({ type: 'saveScenario' }), { secondary: true }))),
    h('div', { id: 'notice', role: 'alert' }),
    h('div', { className: 'columns' },
      h('div', { className: 'form' },
        h('section', { id: 'model', 'aria-label': 'IAM model' }),
        h('section', { id: 'policies', 'aria-label': tx('Policies') }),
        h('section', { id: 'request', 'aria-label': tx('Request') }),
        h('section', { id: 'context', 'aria-label': tx('Context keys') })),
      h('section', { id: 'result', 'aria-label': tx('Result'), 'aria-live': 'polite' })));
  renderModel();
  renderPolicies();
  renderRequest();
  renderContext();
  renderResult();
}


const within = (id: string, el: Element | null) => !!el && !!document.getElementById(id)?.contains(el);

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  let m;
  try { m = validateHostMessage(event.data); } catch (e) { console.warn(`simulator: ignored a malformed message: ${(e as Error).message}`); return; }
  switch (m.type) {
    case 'state':
      store.state = m.state;
      vscode.setState(m.state);
      renderAll();
      break;
    case 'result': {
      store.response = m.response;
      if (!store.state) return;
      const keysAdded = mergeContextKeys();
      // re-rendering a section would take the focus (and the caret) from the field being typed in
      const active = document.activeElement;
      if (keysAdded || !within('context', active)) renderContext();
      if (!within('policies', active)) renderPolicies();
      if (!within('model', active)) renderModel();
      renderResult();
      fillTemplates();
      if (keysAdded) changed(); else vscode.setState(store.state);
      break;
    }
    case 'suggestions':
      if (m.id === store.suggestId) fillActionSuggestions(m.items);
      break;
    case 'notice':
      notice(m.level, m.message);
      break;
    case 'model':
      store.model = m.model;
      if (store.state && !within('model', document.activeElement)) renderModel();
      break;
  }
});

const saved = vscode.getState();
try {
  if (saved) { store.state = validatePanelState(saved); renderAll(); }
} catch { store.state = null; }
post({ type: 'ready' });
