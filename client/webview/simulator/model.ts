// The IAM model section: which model files the request runs against and, from them, the principal. With a model the
// server gathers the principal's policies itself (its own, its groups', managed, boundary, SCPs/RCPs, the resource's
// policy); the result lists what it gathered.
import { labelled, select } from './controls';
import { h } from './dom';
import { renderRequest } from './request';
import { changed, state, store } from './store';
import { tx } from './l10n';

const ALL = '*';
const CUSTOM = 'custom';

function modelValue(chosen: string[]): string {
  const files = store.model.files.map((f) => f.uri);
  if (!chosen.length) return '';
  if (chosen.length === 1 && files.includes(chosen[0])) return chosen[0];
  if (chosen.length === files.length && chosen.every((u) => files.includes(u))) return ALL;
  return CUSTOM;
}

export function renderModel(): void {
  const host = document.getElementById('model');
  if (!host) return;
  const s = state();
  const files = store.model.files;
  if (!files.length && !s.model.length) { host.replaceChildren(); return; }
  const value = modelValue(s.model);
  const modelSelect = select([
    { value: '', label: tx('(none: only the policies below)') },
    ...(files.length > 1 ? [{ value: ALL, label: `all model files of the workspace (${files.length})` }] : []),
    ...files.map((f) => ({ value: f.uri, label: f.label })),
    ...(value === CUSTOM ? [{ value: CUSTOM, label: `${s.model.length} chosen files` }] : []),
  ], value, (v) => {
    if (v === CUSTOM) return;
    s.model = v === '' ? [] : v === ALL ? files.map((f) => f.uri) : [v];
    changed(); renderModel();
  }, { id: 'model-files' });
  const parts: HTMLElement[] = [labelled(tx('Model'), modelSelect, tx('users, groups, roles and their policies; the principal\'s policies are gathered from it'))];
  if (s.model.length) {
    const principals = store.model.principals;
    // a scenario may name the principal short ("user/Hoge"): the server's answer says which ARN that is
    const resolved = store.response?.model?.principalArn;
    const current = principals.some((p) => p.arn === s.request.principal) ? s.request.principal
      : resolved && principals.some((p) => p.arn === resolved) ? resolved : '';
    const principalSelect = select([{ value: '', label: principals.length ? '(choose a user or role)' : tx('(the model has no users or roles)') },
      ...principals.map((p) => ({ value: p.arn, label: p.label }))], current, (v) => {
      if (!v) return;
      s.request.principal = v;
      changed(); renderRequest(); renderModel();
    }, { id: 'model-principal' });
    const detail = principals.find((p) => p.arn === current)?.detail;
    parts.push(labelled(tx('Simulate as'), principalSelect, detail ?? tx('a role means a session of that role')));
    if (store.model.problems.length) parts.push(h('ul', { className: 'errors', 'aria-label': tx('Model problems') }, ...store.model.problems.map((p) => h('li', {}, p))));
  }
  host.replaceChildren(h('fieldset', { className: 'slot model' }, h('legend', {}, 'IAM model'), ...parts));
}
