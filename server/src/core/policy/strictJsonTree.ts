// A fast path for parseTree: strict JSON (RFC 8259) read into the same tree jsonc-parser builds, node for node.
// jsonc-parser's scanner and visitor cost a fresh server 15-25 ms on a 115 KB policy (cold code, a callback and a
// path copy per token); most documents are plain JSON, and this loop reads them in a fraction of that. Anything it
// does not read as strict JSON (comments, trailing commas, errors of any kind, other white space, empty text) gives
// undefined, and the caller runs jsonc-parser, which also reports the errors.
import type { Node } from 'jsonc-parser';

const QUOTE = 34, BACKSLASH = 92, COMMA = 44, COLON = 58, MINUS = 45, DOT = 46, ZERO = 48, NINE = 57;
const OPEN_BRACE = 123, CLOSE_BRACE = 125, OPEN_BRACKET = 91, CLOSE_BRACKET = 93;
const SPACE = 32, TAB = 9, LF = 10, CR = 13;

/** jsonc-parser's Node, writable while it is built */
type Building = { -readonly [K in keyof Node]: Node[K] };

class NotStrict extends Error {}
const NOT_STRICT = new NotStrict();

/**
 * The jsonc-parser tree of `text` when it is strict JSON with a value nested at most `maxDepth` arrays and objects
 * deep, else undefined. The tree equals what `parseTree(text, errors)` returns with no errors: same node kinds,
 * offsets, lengths, values, colon offsets and parents (the root has none).
 */
export function strictJsonTree(text: string, maxDepth = Infinity): Node | undefined {
  try {
    const r = new Reader(text, maxDepth);
    r.skipSpace();
    if (r.pos >= text.length) return undefined;
    const root = r.value(undefined);
    r.skipSpace();
    if (r.pos !== text.length) return undefined;
    delete (root as Partial<Building>).parent;
    return root;
  } catch (e) {
    if (e === NOT_STRICT) return undefined;
    throw e;
  }
}

class Reader {
  pos = 0;
  private depth = 0;
  constructor(private readonly text: string, private readonly maxDepth: number) {}

  skipSpace(): void {
    const t = this.text;
    let p = this.pos;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === SPACE || c === LF || c === CR || c === TAB) p++;
      else break;
    }
    this.pos = p;
  }

  value(parent: Node | undefined): Node {
    const t = this.text;
    const c = t.charCodeAt(this.pos);
    if (c === QUOTE) {
      const offset = this.pos;
      const value = this.string();
      return { type: 'string', offset, length: this.pos - offset, parent, value } as Node;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++this.depth > this.maxDepth) throw NOT_STRICT;
      const node = c === OPEN_BRACE ? this.object(parent) : this.array(parent);
      this.depth--;
      return node;
    }
    if (c === MINUS || (c >= ZERO && c <= NINE)) {
      const offset = this.pos;
      this.number();
      return { type: 'number', offset, length: this.pos - offset, parent, value: Number(t.slice(offset, this.pos)) } as Node;
    }
    const offset = this.pos;
    if (t.startsWith('true', offset)) { this.pos += 4; return { type: 'boolean', offset, length: 4, parent, value: true } as Node; }
    if (t.startsWith('false', offset)) { this.pos += 5; return { type: 'boolean', offset, length: 5, parent, value: false } as Node; }
    if (t.startsWith('null', offset)) { this.pos += 4; return { type: 'null', offset, length: 4, parent, value: null } as Node; }
    throw NOT_STRICT;
  }

  private object(parent: Node | undefined): Node {
    const t = this.text;
    const node: Building = { type: 'object', offset: this.pos, length: -1, parent, children: [] as Node[] };
    this.pos++;
    this.skipSpace();
    if (t.charCodeAt(this.pos) === CLOSE_BRACE) {
      this.pos++;
      node.length = this.pos - node.offset;
      return node;
    }
    for (;;) {
      if (t.charCodeAt(this.pos) !== QUOTE) throw NOT_STRICT;
      const keyOffset = this.pos;
      const property: Building = { type: 'property', offset: keyOffset, length: -1, parent: node, children: [] as Node[] };
      const key = this.string();
      property.children!.push({ type: 'string', value: key, offset: keyOffset, length: this.pos - keyOffset, parent: property } as Node);
      this.skipSpace();
      if (t.charCodeAt(this.pos) !== COLON) throw NOT_STRICT;
      property.colonOffset = this.pos;
      this.pos++;
      this.skipSpace();
      const v = this.value(property);
      property.children!.push(v);
      property.length = v.offset + v.length - keyOffset;
      node.children!.push(property);
      this.skipSpace();
      const c = t.charCodeAt(this.pos);
      this.pos++;
      if (c === CLOSE_BRACE) break;
      if (c !== COMMA) throw NOT_STRICT;
      this.skipSpace();
    }
    node.length = this.pos - node.offset;
    return node;
  }

  private array(parent: Node | undefined): Node {
    const t = this.text;
    const node: Building = { type: 'array', offset: this.pos, length: -1, parent, children: [] as Node[] };
    this.pos++;
    this.skipSpace();
    if (t.charCodeAt(this.pos) === CLOSE_BRACKET) {
      this.pos++;
      node.length = this.pos - node.offset;
      return node;
    }
    for (;;) {
      node.children!.push(this.value(node));
      this.skipSpace();
      const c = t.charCodeAt(this.pos);
      this.pos++;
      if (c === CLOSE_BRACKET) break;
      if (c !== COMMA) throw NOT_STRICT;
      this.skipSpace();
    }
    node.length = this.pos - node.offset;
    return node;
  }

  /** A string literal at pos (on its opening quote): its value; pos ends after the closing quote. */
  private string(): string {
    const t = this.text;
    const start = this.pos + 1;
    let p = start, escaped = false;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === QUOTE) break;
      if (c === BACKSLASH) { escaped = true; p += 2; continue; }
      if (!(c >= 32)) throw NOT_STRICT; // control characters, and NaN past the end
      p++;
    }
    this.pos = p + 1;
    if (!escaped) return t.slice(start, p);
    try {
      return JSON.parse(t.slice(start - 1, p + 1)) as string;
    } catch {
      throw NOT_STRICT;
    }
  }

  /** A JSON number at pos: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)? */
  private number(): void {
    const t = this.text;
    let p = this.pos;
    if (t.charCodeAt(p) === MINUS) p++;
    const first = t.charCodeAt(p);
    if (first === ZERO) p++;
    else if (first > ZERO && first <= NINE) { while (isDigit(t.charCodeAt(p))) p++; }
    else throw NOT_STRICT;
    if (t.charCodeAt(p) === DOT) {
      p++;
      if (!isDigit(t.charCodeAt(p))) throw NOT_STRICT;
      while (isDigit(t.charCodeAt(p))) p++;
    }
    const e = t.charCodeAt(p);
    if (e === 101 || e === 69) {
      p++;
      const s = t.charCodeAt(p);
      if (s === 43 || s === MINUS) p++;
      if (!isDigit(t.charCodeAt(p))) throw NOT_STRICT;
      while (isDigit(t.charCodeAt(p))) p++;
    }
    this.pos = p;
  }
}

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}
