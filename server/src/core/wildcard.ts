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

/** Whether `value` matches the glob `pattern`. */
export function globMatch(pattern: string, value: string, caseInsensitive: boolean): boolean {
  if (!hasWildcard(pattern)) return caseInsensitive ? pattern.toLowerCase() === value.toLowerCase() : pattern === value;
  return cachedGlob(pattern, caseInsensitive).test(value);
}
