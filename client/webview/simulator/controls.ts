// The panel's form controls, built from @vscode-elements/elements (the components follow the VS Code theme and
// keyboard conventions). Each factory takes the current value and a callback with the new one.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-collapsible/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import { freshId, h, type Child } from './dom';
import { tx } from './l10n';

type VscodeButton = HTMLElementTagNameMap['vscode-button'];
type VscodeCheckbox = HTMLElementTagNameMap['vscode-checkbox'];
type VscodeSingleSelect = HTMLElementTagNameMap['vscode-single-select'];
type VscodeTextfield = HTMLElementTagNameMap['vscode-textfield'];

export interface TextOptions { id?: string; placeholder?: string; type?: 'text' | 'number'; label?: string; autocomplete?: 'on' | 'off' }

export function textField(value: string, onInput: (value: string) => void, o: TextOptions = {}): VscodeTextfield {
  const field = h('vscode-textfield', {
    id: o.id, placeholder: o.placeholder, '.type': o.type ?? 'text', '.value': value, '.label': o.label, spellcheck: 'false',
    '.autocomplete': o.autocomplete,
    oninput: () => onInput(field.value),
  });
  return field;
}

export interface Choice { value: string; label: string }

export function select(choices: readonly Choice[], value: string, onChange: (value: string, el: VscodeSingleSelect) => void, o: { id?: string; label?: string } = {}): VscodeSingleSelect {
  const el = h('vscode-single-select', { id: o.id, '.label': o.label, onchange: () => onChange(el.value, el) },
    ...choices.map((c) => h('vscode-option', { value: c.value, '.selected': c.value === value }, c.label)));
  el.value = value;
  return el;
}

/** A checkbox; `label` is read by screen readers (and shown when `visible`). */
export function checkbox(checked: boolean, label: string, onChange: (checked: boolean) => void, o: { id?: string; visible?: boolean } = {}): VscodeCheckbox {
  const box = h('vscode-checkbox', { id: o.id, '.checked': checked, onchange: () => onChange(box.checked) },
    h('span', { className: o.visible ? '' : 'sr-only' }, label));
  return box;
}

export interface ButtonOptions { id?: string; secondary?: boolean; label?: string; title?: string; className?: string }

export function button(text: Child, onClick: () => void, o: ButtonOptions = {}): VscodeButton {
  return h('vscode-button', {
    id: o.id, '.secondary': o.secondary, 'aria-label': o.label, title: o.title, className: o.className, onclick: onClick,
  }, text);
}

/** a small secondary "✕" button that removes something */
export const removeButton = (what: string, onClick: () => void): VscodeButton =>
  button('✕', onClick, { secondary: true, label: `Remove ${what}`, title: tx('Remove'), className: 'icon' });

/** A labelled field with an optional hint under it (vscode-label names the control for screen readers). */
export function labelled(text: string, control: HTMLElement, hint?: string): HTMLDivElement {
  if (!control.id) control.id = freshId('f');
  const hintId = hint ? freshId('hint') : undefined;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  if ('label' in control && !(control as { label?: string }).label) (control as { label: string }).label = text;
  return h('div', { className: 'field' }, h('vscode-label', { '.htmlFor': control.id }, text), control,
    hint ? h('span', { className: 'hint', id: hintId }, hint) : null);
}

/**
 * A native <datalist> of suggestions for a vscode-textfield. Its <input> sits in the component's shadow root and a
 * `list` attribute only finds a datalist in the same tree, so the datalist is placed there.
 */
export function suggestionList(field: VscodeTextfield, id: string): HTMLDataListElement {
  const list = h('datalist', { id });
  void field.updateComplete.then(() => {
    field.shadowRoot?.append(list);
    field.wrappedElement.setAttribute('list', id);
  });
  return list;
}
