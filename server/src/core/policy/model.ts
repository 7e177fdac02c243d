// The policy model: a jsonc-parser tree read into IAM terms, keeping the offset span and JSON path of every element
// and value. Tolerant: a half-typed document yields whatever statements and elements can be recognised, and the
// parse errors are kept for the syntax rule. Pure (no I/O, no LSP types): spans are offsets into `text`.

import { getNodePath, parseTree, type JSONPath, type Node, type ParseError } from 'jsonc-parser';
import { strictJsonTree } from './strictJsonTree';

export interface Span {
  offset: number;
  length: number;
}

export type ScalarKind = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array';

/** A value in the policy: strings mostly; Condition values may also be numbers or booleans. */
export interface Value {
  /** the value as a string (numbers and booleans as written in JSON) */
  value: string;
  kind: ScalarKind;
  /** span of the JSON literal, quotes included */
  span: Span;
  node: Node;
}

/** A `"Key": value` member of an object. */
export interface Entry {
  key: string;
  keySpan: Span;
  /** the whole property, key to end of value */
  span: Span;
  valueNode: Node | undefined;
  node: Node;
}

/** An element whose value is a string or an array of strings (Action, Resource, Principal values...). */
export interface ListElement {
  entry: Entry;
  isArray: boolean;
  /** string items */
  values: Value[];
  /** items that are not strings (numbers, objects...) */
  invalid: Value[];
}

export interface PrincipalElement {
  entry: Entry;
  /** `"Principal": "*"` (or another bare string, which is invalid unless "*") */
  bare?: Value;
  /** `{"AWS": [...], "Service": ..., "Federated": ..., "CanonicalUser": ...}` */
  types: { type: string; list: ListElement }[];
}

export interface ConditionKeyEntry {
  key: string;
  entry: Entry;
  isArray: boolean;
  values: Value[];
}

export interface ConditionClause {
  operator: string;
  entry: Entry;
  keys: ConditionKeyEntry[];
}

export interface Statement {
  index: number;
  node: Node;
  span: Span;
  /** every member, in order, including unknown and duplicate ones */
  entries: Entry[];
  sid?: Value;
  effect?: Value;
  action?: ListElement;
  notAction?: ListElement;
  resource?: ListElement;
  notResource?: ListElement;
  principal?: PrincipalElement;
  notPrincipal?: PrincipalElement;
  condition?: Entry;
  conditions: ConditionClause[];
}

export interface DuplicateKey {
  key: string;
  /** every occurrence; the model uses the last, like JSON.parse */
  entries: Entry[];
}

export interface PolicyDocument {
  text: string;
  /** offset where nesting went deeper than MAX_NESTING; the document is then not parsed at all */
  tooDeepAt?: number;
  root: Node | undefined;
  syntaxErrors: ParseError[];
  /** root is an object with a top-level Statement member */
  hasStatement: boolean;
  entries: Entry[];
  version?: Value;
  id?: Value;
  statementEntry?: Entry;
  /** Statement was a single object rather than an array */
  statementIsObject: boolean;
  statements: Statement[];
  duplicateKeys: DuplicateKey[];
}

export const span = (n: Node): Span => ({ offset: n.offset, length: n.length });

export function toValue(n: Node): Value {
  const kind = n.type as ScalarKind;
  const value = n.type === 'string' || n.type === 'number' || n.type === 'boolean' ? String(n.value) : n.type === 'null' ? 'null' : '';
  return { value, kind, span: span(n), node: n };
}

export function entriesOf(obj: Node | undefined): Entry[] {
  if (!obj || obj.type !== 'object' || !obj.children) return [];
  const out: Entry[] = [];
  for (const prop of obj.children) {
    const [k, v] = prop.children ?? [];
    if (!k || k.type !== 'string') continue;
    out.push({ key: String(k.value), keySpan: span(k), span: span(prop), valueNode: v, node: prop });
  }
  return out;
}

function lastByKey(entries: Entry[]): Map<string, Entry> {
  const m = new Map<string, Entry>();
  for (const e of entries) m.set(e.key, e);
  return m;
}

function collectDuplicates(entries: Entry[], into: DuplicateKey[]): void {
  const groups = new Map<string, Entry[]>();
  for (const e of entries) {
    const g = groups.get(e.key);
    if (g) g.push(e); else groups.set(e.key, [e]);
  }
  for (const [key, es] of groups) if (es.length > 1) into.push({ key, entries: es });
}

/** The items of a value that may be written as one value or as an array of them. */
function itemsOf(v: Node | undefined): Node[] {
  return !v ? [] : v.type === 'array' ? v.children ?? [] : [v];
}

export function readList(entry: Entry): ListElement {
  const v = entry.valueNode;
  const el: ListElement = { entry, isArray: v?.type === 'array', values: [], invalid: [] };
  for (const item of itemsOf(v)) (item.type === 'string' ? el.values : el.invalid).push(toValue(item));
  return el;
}

function readPrincipal(entry: Entry, dups: DuplicateKey[]): PrincipalElement {
  const el: PrincipalElement = { entry, types: [] };
  const v = entry.valueNode;
  if (v?.type === 'string') el.bare = toValue(v);
  else if (v?.type === 'object') {
    const es = entriesOf(v);
    collectDuplicates(es, dups);
    for (const e of es) el.types.push({ type: e.key, list: readList(e) });
  }
  return el;
}

function readConditions(entry: Entry, dups: DuplicateKey[]): ConditionClause[] {
  const clauses: ConditionClause[] = [];
  const ops = entriesOf(entry.valueNode);
  collectDuplicates(ops, dups);
  for (const op of ops) {
    const keys = entriesOf(op.valueNode);
    collectDuplicates(keys, dups);
    clauses.push({
      operator: op.key,
      entry: op,
      keys: keys.map((k) => ({ key: k.key, entry: k, isArray: k.valueNode?.type === 'array', values: itemsOf(k.valueNode).map(toValue) })),
    });
  }
  return clauses;
}

function readStatement(node: Node, index: number, dups: DuplicateKey[]): Statement {
  const entries = entriesOf(node);
  collectDuplicates(entries, dups);
  const by = lastByKey(entries);
  const str = (k: string) => {
    const e = by.get(k);
    return e?.valueNode ? toValue(e.valueNode) : undefined;
  };
  const list = (k: string) => {
    const e = by.get(k);
    return e ? readList(e) : undefined;
  };
  const principal = by.get('Principal');
  const notPrincipal = by.get('NotPrincipal');
  const condition = by.get('Condition');
  return {
    index,
    node,
    span: span(node),
    entries,
    sid: str('Sid'),
    effect: str('Effect'),
    action: list('Action'),
    notAction: list('NotAction'),
    resource: list('Resource'),
    notResource: list('NotResource'),
    principal: principal && readPrincipal(principal, dups),
    notPrincipal: notPrincipal && readPrincipal(notPrincipal, dups),
    condition,
    conditions: condition ? readConditions(condition, dups) : [],
  };
}

export interface ParseOptions {
  /** accept comments and trailing commas silently (the IAM policy language rejects both) */
  lenient?: boolean;
}

/** IAM policies nest a handful of levels; jsonc-parser recurses per level, so absurd depths are refused up front. */
export const MAX_NESTING = 256;

/** The offset where `[`/`{` nesting first exceeds `limit` (strings skipped), or -1. Linear, no recursion. */
export function nestingTooDeepAt(text: string, limit = MAX_NESTING): number {
  let depth = 0;
  // where the next backslash and line break are (-1: none left), looked up again only once passed: a string with
  // neither before its closing quote is skipped in one step (a scenario file of thousands of scenarios is mostly
  // strings, and this scan runs before every parse of it)
  let backslash = -2, newline = -2;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) { // a string: skip to its closing quote (or the end of its line, where an unterminated one ends)
      const close = text.indexOf('"', i + 1);
      if (close > 0) {
        if (backslash !== -1 && backslash <= i) backslash = text.indexOf('\\', i + 1);
        if (newline !== -1 && newline <= i) newline = text.indexOf('\n', i + 1);
        if ((backslash < 0 || backslash > close) && (newline < 0 || newline > close)) { i = close; continue; }
      }
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34 || d === 10) break;
      }
    } else if (c === 91 || c === 123) {
      if (++depth > limit) return i;
    } else if (c === 93 || c === 125) depth--;
  }
  return -1;
}

export function parsePolicy(text: string, options: ParseOptions = {}): PolicyDocument {
  // strict JSON (most documents) takes the fast reader, which also stops at MAX_NESTING; the rest, with its errors,
  // jsonc-parser
  const syntaxErrors: ParseError[] = [];
  let root = strictJsonTree(text, MAX_NESTING);
  if (!root) {
    const tooDeep = nestingTooDeepAt(text);
    if (tooDeep >= 0) {
      return { text, tooDeepAt: tooDeep, root: undefined, syntaxErrors: [], hasStatement: false, entries: [], statementIsObject: false, statements: [], duplicateKeys: [] };
    }
    root = parseTree(text, syntaxErrors, {
      disallowComments: !options.lenient,
      allowTrailingComma: !!options.lenient,
      allowEmptyContent: true,
    });
  }
  const doc: PolicyDocument = {
    text, root, syntaxErrors, hasStatement: false, entries: [], statementIsObject: false, statements: [], duplicateKeys: [],
  };
  if (!root || root.type !== 'object') return doc;
  doc.entries = entriesOf(root);
  collectDuplicates(doc.entries, doc.duplicateKeys);
  const by = lastByKey(doc.entries);
  const version = by.get('Version');
  if (version?.valueNode) doc.version = toValue(version.valueNode);
  const id = by.get('Id');
  if (id?.valueNode) doc.id = toValue(id.valueNode);
  const st = by.get('Statement');
  doc.hasStatement = st !== undefined;
  doc.statementEntry = st;
  const sv = st?.valueNode;
  if (sv?.type === 'object') {
    doc.statementIsObject = true;
    doc.statements.push(readStatement(sv, 0, doc.duplicateKeys));
  } else if (sv?.type === 'array') {
    let i = 0;
    for (const item of sv.children ?? []) {
      if (item.type === 'object') doc.statements.push(readStatement(item, i, doc.duplicateKeys));
      i++;
    }
  }
  return doc;
}

/** The JSON path of a node, e.g. ["Statement", 0, "Action", 2]. */
export function pathOf(node: Node): JSONPath {
  return getNodePath(node);
}

/** Whether text is an IAM policy document: a JSON object with a top-level "Statement" member. */
export function looksLikePolicy(text: string): boolean {
  const root = strictJsonTree(text, MAX_NESTING)
    ?? (nestingTooDeepAt(text) >= 0 ? undefined : parseTree(text, [], { allowTrailingComma: true, disallowComments: false }));
  return root?.type === 'object' && entriesOf(root).some((e) => e.key === 'Statement');
}

/** Every action value (Action or NotAction) of a statement. */
export function statementActions(s: Statement): Value[] {
  return [...(s.action?.values ?? []), ...(s.notAction?.values ?? [])];
}
