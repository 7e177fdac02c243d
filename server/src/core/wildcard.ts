// Wildcard patterns of the IAM policy language: `*` matches any run of characters (also none), `?` exactly one.
// Actions and condition key names compare case-insensitively, resource ARNs case-sensitively.
//
// Patterns come from documents we do not control, so they are never turned into backtracking regular expressions:
// a pattern compiles to a token list (runs of `*` collapsed) and a match scans the value once per pattern position
// at most. Patterns where every `*` may match anything use the greedy "restart after the last star" scan; ARN
// patterns, whose wildcards stay inside a colon-separated field, are split into fields matched the same way; the
// rest (path globs with `*` inside a folder name) run as a set-of-states automaton. All take at most
// (value length) x (pattern length) steps, and both lengths are capped, so no input can make a match slow.
import { LruCache } from './lru';

/** AWS caps ARNs at 2,048 characters; we apply the same cap to every wildcard pattern. */
export const MAX_PATTERN_LENGTH = 2048;
/** Values longer than this never match a wildcard pattern (ARN values use MAX_PATTERN_LENGTH). */
export const MAX_VALUE_LENGTH = 65536;

export interface Matcher {
  /** Whether the whole value matches. */
  test(value: string): boolean;
}

export function hasWildcard(s: string): boolean {
  return s.includes('*') || s.includes('?');
}

const LIT = 0, ONE = 1, STAR = 2;
const NONE = -1;

/**
 * Case folding of one UTF-16 code unit, as a case-insensitive regular expression (without the u flag) compares them:
 * ECMAScript's Canonicalize upper-cases, and keeps a character whose upper case is not one code unit, or is ASCII
 * while the character is not (so the Kelvin sign and ſ do not match k and s).
 */
function fold(c: number): number {
  if (c >= 97 && c <= 122) return c - 32;
  if (c < 128) return c;
  const u = String.fromCharCode(c).toUpperCase();
  return u.length === 1 && u.charCodeAt(0) >= 128 ? u.charCodeAt(0) : c;
}

/**
 * Builds the tokens of a pattern. `stop` (a character code, or NONE) is the character a wildcard may not match;
 * consecutive stars with the same stop (or where one of them has none) collapse into one.
 */
export class PatternBuilder {
  private readonly kinds: number[] = [];
  private readonly codes: number[] = [];
  private readonly stops: number[] = [];
  private length = 0;

  constructor(private readonly caseInsensitive: boolean) {}

  literal(text: string): this {
    for (let i = 0; i < text.length; i++) this.push(LIT, text.charCodeAt(i), NONE);
    this.length += text.length;
    return this;
  }

  one(stop = NONE): this {
    this.push(ONE, 0, stop);
    this.length++;
    return this;
  }

  star(stop = NONE): this {
    this.length++;
    const last = this.kinds.length - 1;
    if (last >= 0 && this.kinds[last] === STAR) {
      const prev = this.stops[last];
      if (prev === stop || stop === NONE) { this.stops[last] = stop; return this; }
      if (prev === NONE) return this;
    }
    this.push(STAR, 0, stop);
    return this;
  }

  /** Glob text: `*` and `?` are wildcards (with the given stop), everything else literal. */
  glob(text: string, stop = NONE): this {
    let from = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch !== '*' && ch !== '?') continue;
      if (i > from) this.literal(text.slice(from, i));
      if (ch === '*') this.star(stop); else this.one(stop);
      from = i + 1;
    }
    if (from < text.length) this.literal(text.slice(from));
    return this;
  }

  private push(kind: number, code: number, stop: number): void {
    this.kinds.push(kind);
    this.codes.push(this.caseInsensitive ? fold(code) : code);
    this.stops.push(stop);
  }

  build(maxValueLength = MAX_VALUE_LENGTH): Matcher {
    if (this.length > MAX_PATTERN_LENGTH) return NEVER;
    return this.segmented(maxValueLength) ?? this.matcher(0, this.kinds.length, maxValueLength);
  }

  /** A matcher for tokens [from, to); wildcards whose stop is `free` may match it (a part that cannot hold it). */
  private matcher(from: number, to: number, maxValueLength: number, free = NONE): WildcardMatcher {
    const slice = (a: number[]) => Int32Array.from(a.slice(from, to));
    const stops = slice(this.stops);
    if (free !== NONE) for (let i = 0; i < stops.length; i++) if (stops[i] === free) stops[i] = NONE;
    return new WildcardMatcher(slice(this.kinds), slice(this.codes), stops, this.caseInsensitive, maxValueLength);
  }

  /**
   * Part by part, when the pattern allows it: if no wildcard may cross `c` up to the first literal `c` after the
   * last wildcard that may not, then the k-th literal `c` of the pattern can only meet the k-th `c` of the value.
   * The value is split the same way and each part matched on its own with the greedy scan (an ARN pattern: five
   * fields, then the resource, where `*` matches anything).
   */
  private segmented(maxValueLength: number): Matcher | undefined {
    const { kinds, codes, stops } = this;
    let c = NONE, lastClassed = -1;
    for (let i = 0; i < kinds.length; i++) {
      if (kinds[i] === LIT || stops[i] === NONE) continue;
      if (c !== NONE && stops[i] !== c) return undefined;
      c = stops[i];
      lastClassed = i;
    }
    if (c === NONE) return undefined;
    const sepCode = this.caseInsensitive ? fold(c) : c;
    const cut: number[] = [];
    for (let i = 0; i < kinds.length; i++) {
      if (kinds[i] === LIT && codes[i] === sepCode) {
        cut.push(i);
        if (i > lastClassed) break;
      } else if (kinds[i] !== LIT && stops[i] === NONE) return undefined; // a wildcard that may cross, before the tail
    }
    // parts before each cut; whatever follows the last cut is the tail (all of the pattern when no cut follows)
    const tailFrom = cut.length && cut[cut.length - 1] > lastClassed ? cut[cut.length - 1] + 1 : -1;
    const heads: WildcardMatcher[] = [];
    let from = 0;
    // a part is matched against the text between two separators, which holds none: a wildcard that may not cross
    // the separator matches there like one that may (and takes the greedy scan or the head comparison)
    for (const at of cut) { heads.push(this.matcher(from, at, maxValueLength, c)); from = at + 1; }
    if (tailFrom < 0) heads.push(this.matcher(from, kinds.length, maxValueLength, c));
    const tail = tailFrom < 0 ? undefined : this.matcher(tailFrom, kinds.length, maxValueLength);
    return new SegmentedMatcher(String.fromCharCode(c), heads, tail, maxValueLength);
  }
}

class SegmentedMatcher implements Matcher {
  constructor(
    private readonly sep: string, private readonly heads: WildcardMatcher[], private readonly tail: WildcardMatcher | undefined,
    private readonly maxValueLength: number,
  ) {}

  test(value: string): boolean {
    if (value.length > this.maxValueLength) return false;
    let from = 0;
    const last = this.heads.length - 1;
    for (let k = 0; k <= last; k++) {
      const at = value.indexOf(this.sep, from);
      if (k === last && !this.tail) {
        // no tail: the last part runs to the end of the value and holds no separator
        return at < 0 && this.heads[k].testRange(value, from, value.length);
      }
      if (at < 0 || !this.heads[k].testRange(value, from, at)) return false;
      from = at + 1;
    }
    return this.tail!.testRange(value, from, value.length);
  }
}

const NEVER: Matcher = { test: () => false };

class WildcardMatcher implements Matcher {
  private readonly classed: boolean;
  private readonly onlyStars: boolean;
  private readonly literalOnly: boolean;
  private readonly minLength: number;
  /**
   * The commonest patterns are literal text, or literal text and one `*` at the end (`s3:Get*`, an ARN field, a
   * bucket's `name/*`): `head` holds that text (folded when matching ignores case) and `headStar` the star, and a match
   * compares the head alone instead of running the scan over the whole value.
   */
  private head: string | undefined;
  private readonly headStar: boolean;
  /** literal tokens before the first wildcard; the head's text is built on the first match (validation compiles
   * thousands of patterns it matches once or never) */
  private readonly lits: number;

  constructor(
    private readonly kinds: Int32Array, private readonly codes: Int32Array, private readonly stops: Int32Array,
    private readonly caseInsensitive: boolean, private readonly maxValueLength: number,
  ) {
    let classed = false, onlyStars = true, literalOnly = true, min = 0;
    for (let i = 0; i < kinds.length; i++) {
      if (kinds[i] !== LIT) literalOnly = false;
      if (kinds[i] !== STAR) { onlyStars = false; min++; }
      if (kinds[i] !== LIT && stops[i] !== NONE) classed = true;
    }
    this.classed = classed;
    this.onlyStars = onlyStars && !classed && kinds.length > 0;
    this.literalOnly = literalOnly;
    this.minLength = min;
    let lits = 0;
    while (lits < kinds.length && kinds[lits] === LIT) lits++;
    this.lits = lits;
    this.headStar = lits === kinds.length - 1 && kinds[lits] === STAR && stops[lits] === NONE;
  }

  test(value: string): boolean {
    if (value.length > this.maxValueLength) return false;
    return this.testRange(value, 0, value.length);
  }

  /** Whether value[from, to) matches. */
  testRange(value: string, from: number, to: number): boolean {
    const n = to - from;
    if (n < this.minLength) return false;
    if (this.onlyStars) return true;
    if (this.literalOnly && n !== this.kinds.length) return false;
    if (this.headStar || this.literalOnly) return this.headMatches(value, from);
    return this.classed ? this.automaton(value.slice(from, to)) : this.greedy(value, from, to);
  }

  /** Whether value starts with `head` at `from` (the length was checked by the caller). */
  private headMatches(value: string, from: number): boolean {
    const head = this.head ??= String.fromCharCode(...this.codes.subarray(0, this.lits));
    if (!this.caseInsensitive) return value.startsWith(head, from);
    for (let i = 0; i < head.length; i++) {
      const c = value.charCodeAt(from + i);
      if ((c >= 97 && c <= 122 ? c - 32 : c < 128 ? c : fold(c)) !== head.charCodeAt(i)) return false;
    }
    return true;
  }

  private at(value: string, i: number): number {
    const c = value.charCodeAt(i);
    return this.caseInsensitive ? fold(c) : c;
  }

  /** Every star matches anything: on a mismatch only the last star needs to take one more character. */
  private greedy(value: string, from = 0, n = value.length): boolean {
    const { kinds, codes } = this;
    const m = kinds.length;
    let p = 0, v = from, starP = -1, starV = from;
    while (v < n) {
      if (p < m && kinds[p] === STAR) { starP = p++; starV = v; continue; }
      if (p < m && (kinds[p] === ONE || codes[p] === this.at(value, v))) { p++; v++; continue; }
      if (starP < 0) return false;
      p = starP + 1;
      v = ++starV;
    }
    while (p < m && kinds[p] === STAR) p++;
    return p === m;
  }

  /** The set of pattern positions reachable after each character; a star position stays while its class allows. */
  private automaton(value: string): boolean {
    const { kinds, codes, stops } = this;
    const m = kinds.length;
    let cur = new Uint8Array(m + 1), next = new Uint8Array(m + 1);
    cur[0] = 1;
    closure(cur, kinds);
    for (let v = 0; v < value.length; v++) {
      const c = this.at(value, v);
      next.fill(0);
      let alive = false;
      for (let i = 0; i < m; i++) {
        if (!cur[i]) continue;
        const k = kinds[i];
        if (k === LIT) { if (codes[i] === c) { next[i + 1] = 1; alive = true; } }
        else if (stops[i] !== c) { next[k === STAR ? i : i + 1] = 1; alive = true; }
      }
      if (!alive) return false;
      closure(next, kinds);
      const t = cur; cur = next; next = t;
    }
    return cur[m] === 1;
  }
}

/** A star may match nothing: its position also reaches the one after it. */
function closure(states: Uint8Array, kinds: Int32Array): void {
  for (let i = 0; i < kinds.length; i++) if (states[i] && kinds[i] === STAR) states[i + 1] = 1;
}

/** A matcher for a glob where `*` and `?` match any character. */
export function compileGlob(pattern: string, caseInsensitive: boolean): Matcher {
  return new PatternBuilder(caseInsensitive).glob(pattern).build();
}

const cache = new LruCache<string, Matcher>(5000);
/** compileGlob through a bounded LRU cache, for patterns that repeat across requests. */
export function cachedGlob(pattern: string, caseInsensitive: boolean): Matcher {
  return cache.getOrCreate((caseInsensitive ? 'i:' : 's:') + pattern, () => compileGlob(pattern, caseInsensitive));
}

/**
 * false when the literal text before the pattern's first wildcard already differs from `value`, true or undefined
 * (undecided) otherwise. Most patterns of a long action list fail here, with no RegExp built. ASCII letters compare
 * as the RegExp `i` flag compares them; a non-ASCII pair is left to the RegExp.
 */
function literalHeadMatches(pattern: string, value: string, caseInsensitive: boolean): boolean | undefined {
  for (let i = 0; i < pattern.length; i++) {
    const a = pattern.charCodeAt(i);
    if (a === 42 || a === 63) return undefined; // * or ?
    const b = value.charCodeAt(i);
    if (a === b) continue;
    if (Number.isNaN(b)) return false;
    if (a > 127 && b > 127) return undefined;
    if (!caseInsensitive || a > 127 || b > 127) return false;
    const la = a | 32;
    if (la !== (b | 32) || la < 97 || la > 122) return false;
  }
  return undefined;
}

/** globMatch with the pattern fixed, for testing many values against it: the matcher is looked up once. */
export function globTester(pattern: string, caseInsensitive: boolean): (value: string) => boolean {
  if (!hasWildcard(pattern)) {
    const lower = pattern.toLowerCase();
    return caseInsensitive ? (value) => lower === value.toLowerCase() : (value) => pattern === value;
  }
  let matcher: Matcher | undefined;
  return (value) => literalHeadMatches(pattern, value, caseInsensitive) !== false && (matcher ??= cachedGlob(pattern, caseInsensitive)).test(value);
}

/** Whether `value` matches the glob `pattern`. */
export function globMatch(pattern: string, value: string, caseInsensitive: boolean): boolean {
  if (!hasWildcard(pattern)) return caseInsensitive ? pattern.toLowerCase() === value.toLowerCase() : pattern === value;
  if (literalHeadMatches(pattern, value, caseInsensitive) === false) return false;
  return cachedGlob(pattern, caseInsensitive).test(value);
}
