// Did-you-mean: close candidates for a misspelt name (actions, keys, groups, policy names). Pure.

/** Damerau-Levenshtein (optimal string alignment) distance, case-insensitive, with an early cut-off. */
export function editDistance(a: string, b: string, max = Infinity): number {
  a = a.toLowerCase(); b = b.toLowerCase();
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = a.length, m = b.length;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m];
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
