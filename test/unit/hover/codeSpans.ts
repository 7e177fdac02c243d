// Reading Markdown as CommonMark does for code spans, to check that policy text in hovers cannot be Markdown
// (used by the hover tests and by bench/hostile.ts).

/** The Markdown outside code spans (CommonMark: a backtick run opens a span closed by a run of the same length). */
export function outsideCodeSpans(md: string): string {
  let out = '';
  let i = 0;
  while (i < md.length) {
    if (md[i] !== '`') { out += md[i++]; continue; }
    let n = 0;
    while (md[i + n] === '`') n++;
    let j = i + n, close = -1;
    while (j < md.length) {
      if (md[j] !== '`') { j++; continue; }
      let m = 0;
      while (md[j + m] === '`') m++;
      if (m === n) { close = j; break; }
      j += m;
    }
    if (close < 0) { out += md.slice(i, i + n); i += n; continue; }
    i = close + n;
  }
  return out;
}
