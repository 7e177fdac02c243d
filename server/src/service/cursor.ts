// Where the cursor is in a policy, in IAM terms: which element of which statement, whether on a property name or
// a value, what has been typed so far and which text a completion should replace. Built on jsonc-parser's scanner
// (getLocation), so it works in half-typed documents (unclosed strings, missing braces, no value yet).

import { getLocation, type JSONPath, type Location, type Node } from 'jsonc-parser';
import type { PolicyDocument, Span, Statement } from '../core/policy/model';

export type Area =
  | { kind: 'root' }
  | { kind: 'version' }
  | { kind: 'id' }
  | { kind: 'statementList' }
  | { kind: 'statement' }
  | { kind: 'sid' }
  | { kind: 'effect' }
  | { kind: 'action'; element: 'Action' | 'NotAction' }
  | { kind: 'resource'; element: 'Resource' | 'NotResource' }
  | { kind: 'principal'; element: 'Principal' | 'NotPrincipal' }
  /** inside a Principal object: `type` is AWS / Service / Federated / CanonicalUser when on its value */
  | { kind: 'principalType'; element: 'Principal' | 'NotPrincipal'; type?: string }
  | { kind: 'condition' }
  | { kind: 'conditionOperator'; operator: string }
  | { kind: 'conditionKey'; operator: string; key: string }
  | { kind: 'unknown' };

export interface Cursor {
  offset: number;
  path: JSONPath;
  /** the cursor is on (or where one would type) a property name, not a value */
  isKey: boolean;
  area: Area;
  /** inside a string literal (between its quotes) */
  inString: boolean;
  /** typed text inside the string, from the opening quote to the cursor */
  prefix: string;
  /** the whole string content (for hover), or '' */
  content: string;
  /** what a completion replaces: the string content when inString, else an empty span at the cursor */
  replace: Span;
  /** the string literal node's span, quotes included, when on a string */
  literal?: Span;
  /** a key string: whether a `:` already follows it, so completing must insert only the name */
  keyHasColon: boolean;
  /** the string under the cursor has its closing quote */
  stringClosed: boolean;
  /** outside quotes on a bare word (`{ V|` or `"Effect": Al|`): replace and prefix cover the word */
  bare?: boolean;
  /** the statement the cursor is in, from the tolerant model */
  statement?: Statement;
}

/** Maps the path inside a statement to an area. */
function statementArea(rel: JSONPath, isKey: boolean): Area {
  if (rel.length === 0) return { kind: 'statement' };
  const [el, ...rest] = rel;
  if (rel.length === 1 && isKey) return { kind: 'statement' };
  switch (el) {
    case 'Sid': return { kind: 'sid' };
    case 'Effect': return { kind: 'effect' };
    case 'Action': case 'NotAction': return { kind: 'action', element: el };
    case 'Resource': case 'NotResource': return { kind: 'resource', element: el };
    case 'Principal': case 'NotPrincipal':
      if (rest.length === 0 || typeof rest[0] === 'number') return { kind: 'principal', element: el };
      return isKey && rest.length === 1 ? { kind: 'principalType', element: el } : { kind: 'principalType', element: el, type: String(rest[0]) };
    case 'Condition':
      if (rest.length === 0 || (rest.length === 1 && isKey)) return { kind: 'condition' };
      if (rest.length === 1 || (rest.length === 2 && isKey)) return { kind: 'conditionOperator', operator: String(rest[0]) };
      return { kind: 'conditionKey', operator: String(rest[0]), key: String(rest[1]) };
    default: return { kind: 'unknown' };
  }
}

function areaOf(path: JSONPath, isKey: boolean): Area {
  if (path.length === 0) return { kind: 'root' };
  if (path.length === 1 && isKey) return { kind: 'root' };
  const [top, ...rest] = path;
  if (top === 'Version') return { kind: 'version' };
  if (top === 'Id') return { kind: 'id' };
  if (top !== 'Statement') return { kind: 'unknown' };
  if (rest.length === 0) return { kind: 'statementList' };
  if (typeof rest[0] === 'number') return statementArea(rest.slice(1), isKey);
  return statementArea(rest, isKey);
}

function stringBounds(text: string, node: Node): { start: number; end: number; closed: boolean } {
  const start = node.offset + 1;
  const last = node.offset + node.length - 1;
  const closed = node.length >= 2 && text[last] === '"' && text[last - 1] !== '\\';
  return { start, end: closed ? last : node.offset + node.length, closed };
}

/** The child of an object or array node whose span holds `offset` strictly inside, by binary search. */
function childAround(node: Node, offset: number): { child: Node; index: number } | undefined {
  const kids = node.children ?? [];
  let lo = 0, hi = kids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const k = kids[mid];
    if (offset <= k.offset) hi = mid - 1;
    else if (offset >= k.offset + k.length) lo = mid + 1;
    else return { child: k, index: mid };
  }
  return undefined;
}

/**
 * getLocation(text, offset), but scanning only from the innermost object around the offset, found in the parse tree:
 * getLocation scans from the start of the text, which costs tens of milliseconds in a document of megabytes. The
 * scanner's state where an object begins is its path alone (isAtPropertyKey and previousNode are reset there), so
 * the result is the same, provided the text before that object parsed without error (then the tree's array
 * indexes are the scanner's comma counts).
 */
export function locate(policy: PolicyDocument, offset: number): Pick<Location, 'path' | 'previousNode' | 'isAtPropertyKey'> {
  const { text, root } = policy;
  let firstError = Infinity;
  for (const e of policy.syntaxErrors) firstError = Math.min(firstError, e.offset);
  let node = root;
  let path: JSONPath = [];
  let from: { node: Node; path: JSONPath } | undefined;
  while (node && (node.type === 'object' || node.type === 'array') && node.offset < offset && node.offset < firstError) {
    if (node !== root && node.type === 'object') from = { node, path };
    const around = childAround(node, offset);
    if (!around) break;
    if (node.type === 'array') { path = [...path, around.index]; node = around.child; continue; }
    const [key, value] = around.child.children ?? [];
    if (!key || !value || offset < value.offset) break;
    path = [...path, String(key.value)];
    node = value;
  }
  if (!from) return getLocation(text, offset);
  const base = from.node.offset;
  const loc = getLocation(text.slice(base), offset - base);
  const prev = loc.previousNode;
  return {
    isAtPropertyKey: loc.isAtPropertyKey,
    path: [...from.path, ...loc.path],
    previousNode: prev && { ...prev, offset: prev.offset + base, ...(prev.colonOffset !== undefined ? { colonOffset: prev.colonOffset + base } : {}) },
  };
}

export function cursorAt(policy: PolicyDocument, offset: number): Cursor {
  const text = policy.text;
  // the model refused absurd nesting; getLocation would recurse as deep, so there is nothing to locate
  if (policy.tooDeepAt !== undefined) {
    return { offset, path: [], isKey: false, area: { kind: 'unknown' }, inString: false, prefix: '', content: '', replace: { offset, length: 0 }, keyHasColon: false, stringClosed: true };
  }
  const loc = locate(policy, offset);
  let path = loc.path;
  let isKey = loc.isAtPropertyKey;
  let inString = false;
  let prefix = '';
  let content = '';
  let replace: Span = { offset, length: 0 };
  let literal: Span | undefined;
  let keyHasColon = false;
  let stringClosed = true;
  const n = loc.previousNode;
  // previousNode is the string under or just before the cursor; for keys jsonc-parser reports it as a 'property'
  if (n && (n.type === 'string' || n.type === 'property')) {
    const b = stringBounds(text, n);
    if (offset >= b.start && offset <= b.end) {
      inString = true;
      prefix = text.slice(b.start, offset);
      content = text.slice(b.start, b.end);
      replace = { offset: b.start, length: b.end - b.start };
      literal = { offset: n.offset, length: n.length };
      stringClosed = b.closed;
      if (isKey) keyHasColon = /^\s*:/.test(text.slice(n.offset + n.length));
    }
  }
  // a word typed without quotes: completing replaces it (with a quoted string) instead of inserting after it
  let bare = false;
  if (!inString) {
    const before = /[A-Za-z0-9_*][\w.*:/-]*$/.exec(text.slice(Math.max(0, offset - 256), offset));
    if (before && !/^(true|false|null|-?\d[\d.eE+-]*)$/.test(before[0])) {
      const after = /^[\w.*:/-]*/.exec(text.slice(offset))![0];
      bare = true;
      prefix = before[0];
      replace = { offset: offset - before[0].length, length: before[0].length + after.length };
    }
  }
  // after a complete value with no comma yet (`"Effect": "Allow" |`): the next thing to type is a property name
  if (!isKey && !inString && !bare && n && n.type !== 'property' && n.offset + n.length <= offset && typeof path[path.length - 1] === 'string') {
    path = [...path.slice(0, -1), ''];
    isKey = true;
  }
  const statement = policy.statements.find((s) => offset > s.span.offset && offset < s.span.offset + s.span.length)
    ?? (path[0] === 'Statement' ? policy.statements.find((s) => (typeof path[1] === 'number' ? s.index === path[1] : true)) : undefined);
  return { offset, path, isKey, area: areaOf(path, isKey), inString, prefix, content, replace, literal, keyHasColon, stringClosed, bare, statement };
}
