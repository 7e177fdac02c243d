// The Context keys section: a row per key the policies reference (sent once a value is typed or the box is ticked),
// keys added by hand, and the keys the simulator derives (each can be overridden).
import type { ContextRow } from '../../src/simulator/state';
import { button, checkbox, labelled, removeButton, select, textField } from './controls';
import { h, keyId } from './dom';
import { changed, state, store } from './store';
import { tx } from './l10n';

const PLACEHOLDER: Record<string, string> = {
  Bool: 'true or false', Numeric: 'a number', Date: '2026-01-01T00:00:00Z', IPAddress: '203.0.113.10', ARN: 'arn:aws:…',
};

function valueInput(row: ContextRow, label: string): HTMLElement {
  const on = (v: string) => {
    row.value = v;
    row.enabled = v !== '';
    const use = document.getElementById(`use-${keyId(row.key)}`) as HTMLElementTagNameMap['vscode-checkbox'] | null;
    if (use) use.checked = row.enabled;
    changed();
  };
  if (row.type === 'Bool' || row.type === 'ArrayOfBool') {
    const value = row.value === 'true' || row.value === 'false' ? row.value : '';
    return select([{ value: '', label: tx('(not set)') }, { value: 'true', label: 'true' }, { value: 'false', label: 'false' }], value, on, { label });
  }
  const base = row.type.replace(/^ArrayOf/, '');
  const many = row.type.startsWith('ArrayOf');
  return textField(row.value, on, { label, type: base === 'Numeric' && !many ? 'number' : 'text', placeholder: many ? `comma-separated ${base} values` : PLACEHOLDER[base] ?? '' });
}

/** Rows for the keys the policies reference that the table does not have yet (off until a value is typed). */
export function mergeContextKeys(): boolean {
  const s = state();
  if (!store.response) return false;
  let added = false;
  for (const k of store.response.contextKeys) {
    const row = s.context.find((r) => r.key.toLowerCase() === k.name.toLowerCase());
    if (!row) { s.context.push({ key: k.name, type: k.type, value: '', enabled: false }); added = true; }
    else if (row.type !== k.type && row.type === 'String') { row.type = k.type; added = true; }
  }
  return added;
}

const keyInfo = (name: string) => store.response?.contextKeys.find((k) => k.name.toLowerCase() === name.toLowerCase());

function derivedList(): HTMLElement | null {
  const s = state();
  const derived = store.response?.result ? Object.entries(store.response.result.derivedContext) : [];
  if (!derived.length) return null;
  const text = (v: unknown) => (Array.isArray(v) ? v.join(', ') : String(v));
  return h('vscode-collapsible', { className: 'derived', '.heading': `Derived by the simulator (${derived.length})`, '.open': true },
    h('ul', {}, ...derived.map(([k, v]) => h('li', {}, h('code', {}, k), ' = ', h('code', {}, text(v)), ' ',
      s.context.some((r) => r.key === k)
        ? h('span', { className: 'hint' }, tx('(overridden)'))
        : button(tx('Override'), () => {
          s.context.push({ key: k, type: keyInfo(k)?.type ?? (Array.isArray(v) ? 'ArrayOfString' : 'String'), value: text(v), enabled: true });
          changed(); renderContext(k);
        }, { secondary: true, label: `Override ${k}`, className: 'small' })))));
}

export function renderContext(focusKey?: string): void {
  const s = state();
  const body = h('tbody', {}, ...s.context.map((row, i) => h('tr', {},
    h('td', {}, checkbox(row.enabled, `Send ${row.key}`, (on) => { row.enabled = on; changed(); }, { id: `use-${keyId(row.key)}` })),
    h('td', { title: keyInfo(row.key)?.description ?? '' }, h('code', {}, row.key)),
    h('td', {}, row.type),
    h('td', {}, valueInput(row, `Value of ${row.key}`)),
    h('td', {}, removeButton(row.key, () => { s.context.splice(i, 1); changed(); renderContext(); })))));
  if (!s.context.length) body.append(h('tr', {}, h('td', { colspan: '5', className: 'empty' }, tx('The chosen policies reference no condition keys for this action.'))));
  const table = h('table', { className: 'context' },
    h('caption', {}, tx('Request context: the keys the chosen policies reference for this action are listed; type a value to send it.')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, tx('Send')), h('th', { scope: 'col' }, tx('Key')), h('th', { scope: 'col' }, tx('Type')),
      h('th', { scope: 'col' }, tx('Value')), h('th', { scope: 'col' }, h('span', { className: 'sr-only' }, tx('Remove'))))),
    body);
  let newKey = '';
  const add = () => {
    const key = newKey.trim();
    if (!key || s.context.some((r) => r.key === key)) return;
    s.context.push({ key, type: keyInfo(key)?.type ?? 'String', value: '', enabled: false });
    changed(); renderContext(key);
  };
  const keyField = textField('', (v) => { newKey = v; }, { id: 'new-key', placeholder: 'aws:SourceIp' });
  keyField.addEventListener('keydown', (e) => { if (e.key === 'Enter') add(); });
  document.getElementById('context')?.replaceChildren(h('h2', {}, tx('Context keys')), table,
    h('div', { className: 'row' }, labelled(tx('Add a key'), keyField), button(tx('Add'), add, { secondary: true })),
    derivedList() ?? '');
  if (focusKey) {
    const row = document.getElementById(`use-${keyId(focusKey)}`)?.closest('tr');
    (row?.querySelector('td:nth-child(4) vscode-textfield, td:nth-child(4) vscode-single-select') as HTMLElement | null)?.focus();
  }
}
