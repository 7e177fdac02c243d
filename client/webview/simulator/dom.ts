// Builds the panel's DOM: an element from its tag, attributes, properties and children. Text is always inserted as
// text (policy content is never parsed as HTML). Keys: `onX` adds an X listener, `.x` sets property x (what the
// vscode-elements components read, e.g. `.value`, `.checked`), `className`, anything else is an attribute.
export type Child = Node | string | number | null | undefined | false;
export type Props = Record<string, unknown>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v as EventListener);
    else if (k.startsWith('.')) (el as unknown as Record<string, unknown>)[k.slice(1)] = v;
    else if (k === 'className') el.className = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : String(c));
  return el;
}

let uid = 0;
/** a fresh element id with a readable prefix */
export const freshId = (prefix: string): string => `${prefix}-${++uid}`;

/** an id made from a context key (`aws:SourceIp` -> `aws_SourceIp`) */
export const keyId = (k: string): string => k.replace(/[^A-Za-z0-9_-]/g, '_');
