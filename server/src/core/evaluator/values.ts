// Policy variables [R19], and the value comparisons behind the condition operators [R17]: dates, numbers,
// IPv4/IPv6 CIDRs, binary, ARN segments.
import { arnPatternMatcher, parseArn, type ArnPatternPiece } from '../arn';
import { LruCache } from '../lru';
import { PatternBuilder, type Matcher } from '../wildcard';

// ------------------------------------------------------------------------------------------ request context

/** Request context with lower-cased key names [R15]; values are lists of strings (single-valued keys: one item). */
export type Context = Map<string, string[]>;

export function contextValue(v: unknown): string[] | undefined {
  if (v === null || v === undefined) return undefined;
  if (Array.isArray(v)) {
    const out: string[] = [];
    for (const x of v) if (x !== null && x !== undefined) out.push(typeof x === 'object' ? JSON.stringify(x) : String(x));
    return out;
  }
  return [typeof v === 'object' ? JSON.stringify(v) : String(v)];
}

// ------------------------------------------------------------------------------------------ policy variables

/** A string with `${...}` variables, split into parts. `lit` parts keep their wildcards; `esc` parts are literal. */
export type TemplatePart = { lit: string } | { esc: string } | { key: string; keyLower: string; def?: string };
export type Template = TemplatePart[];

/**
 * The `${...}` of a string, left to right, each ending at the first `}` after it. One pass: once no `}` follows a
 * `${`, none follows a later one either, so a run of unclosed `${` costs one scan, not one per `${`.
 */
function* variableMatches(s: string): Generator<{ index: number; text: string; body: string }> {
  let from = 0;
  for (;;) {
    const i = s.indexOf('${', from);
    if (i < 0) return;
    const end = s.indexOf('}', i + 2);
    if (end < 0) return;
    yield { index: i, text: s.slice(i, end + 1), body: s.slice(i + 2, end) };
    from = end + 1;
  }
}

/** `key, 'default'` split at its first comma; the default must be one quoted string. */
function keyAndDefault(body: string): { key: string; def?: string } {
  const comma = body.indexOf(',');
  if (comma <= 0) return { key: body };
  const rest = body.slice(comma + 1).trimStart();
  if (rest.length < 2 || rest[0] !== "'" || rest[rest.length - 1] !== "'" || rest.indexOf("'", 1) !== rest.length - 1) return { key: body };
  return { key: body.slice(0, comma).trim(), def: rest.slice(1, -1) };
}

/** Splits a value into parts, or returns undefined when it holds no variable. */
export function parseTemplate(s: string): Template | undefined {
  if (!s.includes('${')) return undefined;
  const parts: Template = [];
  let last = 0;
  let found = false;
  for (const m of variableMatches(s)) {
    const body = m.body.trim();
    if (m.index > last) parts.push({ lit: s.slice(last, m.index) });
    last = m.index + m.text.length;
    if (body === '*' || body === '?' || body === '$') { parts.push({ esc: body }); found = true; continue; }
    const { key, def } = keyAndDefault(body);
    if (!key || /\s/.test(key)) { parts.push({ lit: m.text }); continue; }
    parts.push({ key, keyLower: key.toLowerCase(), def });
    found = true;
  }
  if (!found) return undefined;
  if (last < s.length) parts.push({ lit: s.slice(last) });
  return parts;
}

/** Value of a variable: single-valued keys only; a multivalued key cannot be a variable [R19]. */
function variableValue(p: { keyLower: string; def?: string }, ctx: Context): string | null {
  const v = ctx.get(p.keyLower);
  if (v && v.length === 1) return v[0];
  return p.def ?? null;
}

/** Substitutes variables; null when one cannot be resolved. Escapes and substitutions become plain text. */
export function resolvePlain(t: Template, ctx: Context): string | null {
  let out = '';
  for (const p of t) {
    if ('lit' in p) out += p.lit;
    else if ('esc' in p) out += p.esc;
    else {
      const v = variableValue(p, ctx);
      if (v === null) return null;
      out += v;
    }
  }
  return out;
}

/** The template with its variables resolved, as pieces whose `literal` text holds no wildcard; null if unresolved. */
function resolvePieces(t: Template, ctx: Context): ArnPatternPiece[] | null {
  const pieces: ArnPatternPiece[] = [];
  for (const p of t) {
    if ('lit' in p) { pieces.push({ text: p.lit }); continue; }
    const v = 'esc' in p ? p.esc : variableValue(p, ctx);
    if (v === null) return null;
    pieces.push({ text: v, literal: true });
  }
  return pieces;
}

// The same template resolves to the same pattern for every request of one principal: compile each once.
const resolved = new LruCache<string, Matcher>(2000);
const keyOf = (kind: string, pieces: ArnPatternPiece[]) => kind + pieces.map((p) => `${p.literal ? 'l' : 'p'}${p.text.length}:${p.text}`).join('');

/** A glob matcher (for *Like operators) where only the `lit` parts' wildcards are wildcards. */
export function resolveGlob(t: Template, ctx: Context, caseInsensitive: boolean): Matcher | null {
  const pieces = resolvePieces(t, ctx);
  if (!pieces) return null;
  return resolved.getOrCreate(keyOf(caseInsensitive ? 'gi' : 'gs', pieces), () => {
    const b = new PatternBuilder(caseInsensitive);
    for (const p of pieces) if (p.literal) b.literal(p.text); else b.glob(p.text);
    return b.build();
  });
}

/** An ARN-pattern matcher from a template: resolved variables and escapes match literally. `condition`: ArnLike rules. */
export function resolveArnPattern(t: Template, ctx: Context, condition = false): Matcher | null {
  const pieces = resolvePieces(t, ctx);
  if (!pieces) return null;
  return resolved.getOrCreate(keyOf(condition ? 'ac' : 'ar', pieces), () => arnPatternMatcher(pieces, condition));
}

export function templateKeys(t: Template): string[] {
  const out: string[] = [];
  for (const p of t) if ('key' in p) out.push(p.key);
  return out;
}

// ------------------------------------------------------------------------------------------ comparisons

/** Milliseconds since the epoch from W3C ISO 8601 or epoch seconds [R17]; NaN when neither. */
export function parseDate(s: string): number {
  const t = s.trim();
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t) * 1000;
  if (!/^\d{4}-\d{2}(-\d{2})?([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(t)) return NaN;
  return Date.parse(t);
}

export function parseNumber(s: string): number {
  const t = s.trim();
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t)) return NaN;
  return Number(t);
}

export interface Cidr { v6: boolean; net: bigint; bits: number }

function parseV4(s: string): bigint | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return undefined;
  let n = 0n;
  for (let i = 1; i <= 4; i++) {
    const b = Number(m[i]);
    if (b > 255) return undefined;
    n = (n << 8n) | BigInt(b);
  }
  return n;
}

function parseV6(s: string): bigint | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(s) || !s.includes(':')) return undefined;
  let head = s, tail = '';
  const dbl = s.indexOf('::');
  if (dbl >= 0) { head = s.slice(0, dbl); tail = s.slice(dbl + 2); if (tail.includes('::')) return undefined; }
  const groups = (x: string): number[] | undefined => {
    if (!x) return [];
    const out: number[] = [];
    const items = x.split(':');
    for (let i = 0; i < items.length; i++) {
      const g = items[i];
      if (i === items.length - 1 && g.includes('.')) {
        const v4 = parseV4(g);
        if (v4 === undefined) return undefined;
        out.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
        out.push(parseInt(g, 16));
      }
    }
    return out;
  };
  const h = groups(head), t = groups(tail);
  if (!h || !t) return undefined;
  const missing = 8 - h.length - t.length;
  if (dbl >= 0 ? missing < 1 : missing !== 0) return undefined;
  const all = [...h, ...new Array(missing).fill(0), ...t];
  let n = 0n;
  for (const g of all) n = (n << 16n) | BigInt(g);
  return n;
}

/** A CIDR block, or a bare address (/32, /128). */
export function parseCidr(s: string): Cidr | undefined {
  const t = s.trim();
  const slash = t.indexOf('/');
  const addr = slash < 0 ? t : t.slice(0, slash);
  const v4 = parseV4(addr);
  const v6 = v4 === undefined ? parseV6(addr) : undefined;
  if (v4 === undefined && v6 === undefined) return undefined;
  const max = v4 !== undefined ? 32 : 128;
  const bits = slash < 0 ? max : Number(t.slice(slash + 1));
  if (!Number.isInteger(bits) || bits < 0 || bits > max || (slash >= 0 && !/^\d+$/.test(t.slice(slash + 1)))) return undefined;
  const shift = BigInt(max - bits);
  const value = (v4 ?? v6)!;
  return { v6: v4 === undefined, net: (value >> shift) << shift, bits };
}

export function cidrContains(block: Cidr, ip: string): boolean {
  const a = parseCidr(ip);
  if (!a || a.v6 !== block.v6) return false;
  const max = block.v6 ? 128 : 32;
  const shift = BigInt(max - block.bits);
  return (a.net >> shift) << shift === block.net;
}

/** Bytes of a base64 string as a binary string; undefined when it is not base64. */
export function decodeBase64(s: string): string | undefined {
  const t = s.trim();
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(t) || t.length % 4 === 1) return undefined;
  try { return atob(t); } catch { return undefined; }
}

/**
 * ArnLike/ArnEquals [R17]: the request value must be an ARN, and the policy value matches it segment by segment
 * (wildcards never cross a colon in the first five parts).
 */
export function arnConditionMatcher(pattern: string): Matcher {
  return arnPatternMatcher(pattern, true);
}

export function isArn(s: string): boolean {
  return parseArn(s) !== undefined;
}
