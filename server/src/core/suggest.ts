// Did-you-mean: close candidates for a misspelt name (actions, keys, groups, policy names). Pure.

// three rows of the distance table, reused by every call (a first validation measures thousands of candidates)
let rows = new Int32Array(96);

/** Damerau-Levenshtein (optimal string alignment) distance, case-insensitive, with an early cut-off. */
export function editDistance(a: string, b: string, max = Infinity): number {
  a = a.toLowerCase(); b = b.toLowerCase();
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = a.length, m = b.length, w = m + 1;
  if (rows.length < 3 * w) rows = new Int32Array(6 * w);
  // offsets of the rows i-2, i-1 and i in `rows`
  let prev2 = 0, prev = w, cur = 2 * w;
  for (let j = 0; j <= m; j++) { rows[prev2 + j] = 0; rows[prev + j] = j; rows[cur + j] = 0; }
  for (let i = 1; i <= n; i++) {
    rows[cur] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1), before = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = rows[prev + j] + 1;
      const insert = rows[cur + j - 1] + 1;
      if (insert < v) v = insert;
      const replace = rows[prev + j - 1] + (ai === bj ? 0 : 1);
      if (replace < v) v = replace;
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && before === bj) {
        const swap = rows[prev2 + j - 2] + 1;
        if (swap < v) v = swap;
      }
      rows[cur + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2; prev2 = prev; prev = cur; cur = t;
  }
  return rows[prev + m];
}

/** How far a suggestion may be from the word: typos, not different words. */
export function maxDistance(word: string): number {
  return word.length <= 4 ? 1 : word.length <= 12 ? 2 : 3;
}

/**
 * Close candidates for a misspelt word, best first: by edit distance, then by rank (lower = more common; e.g. the
 * frequency order of services), then alphabetically. Only candidates within maxDistance are kept.
 */
export function suggest(word: string, candidates: Iterable<string>, limit = 3, rank?: (c: string) => number): string[] {
  const max = maxDistance(word);
  const scored: { c: string; d: number; r: number }[] = [];
  for (const c of candidates) {
    const d = editDistance(word, c, max);
    if (d <= max) scored.push({ c, d, r: rank ? rank(c) : 0 });
  }
  scored.sort((x, y) => x.d - y.d || x.r - y.r || x.c.localeCompare(y.c));
  return scored.slice(0, limit).map((s) => s.c);
}
