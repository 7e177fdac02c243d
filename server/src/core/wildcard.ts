// Glob patterns of the IAM policy language: `*` matches any run of characters (also none), `?` exactly one.
// Actions and condition key names compare case-insensitively, resource ARNs case-sensitively.

import { escapeRegExp } from './arn';

export function hasWildcard(s: string): boolean {
  return s.includes('*') || s.includes('?');
}

/** A RegExp that matches the whole string against a glob. */
export function globToRegExp(pattern: string, caseInsensitive: boolean): RegExp {
  let src = '';
  for (const ch of pattern) {
    if (ch === '*') src += '.*';
    else if (ch === '?') src += '.';
    else src += escapeRegExp(ch);
  }
  return new RegExp(`^${src}$`, caseInsensitive ? 'is' : 's');
}

const cache = new Map<string, RegExp>();
/** globToRegExp with a small bounded cache, for patterns that repeat across requests. */
export function cachedGlob(pattern: string, caseInsensitive: boolean): RegExp {
  const key = (caseInsensitive ? 'i:' : 's:') + pattern;
  let re = cache.get(key);
  if (!re) {
    if (cache.size > 5000) cache.clear();
    re = globToRegExp(pattern, caseInsensitive);
    cache.set(key, re);
  }
  return re;
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

/** Whether `value` matches the glob `pattern`. */
export function globMatch(pattern: string, value: string, caseInsensitive: boolean): boolean {
  if (!hasWildcard(pattern)) return caseInsensitive ? pattern.toLowerCase() === value.toLowerCase() : pattern === value;
  if (literalHeadMatches(pattern, value, caseInsensitive) === false) return false;
  return cachedGlob(pattern, caseInsensitive).test(value);
}
