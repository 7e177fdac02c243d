// Finding policy variables (`${...}`) in a string value, in one pass over it.

/** Policy variables in a string: `${...}` with their offsets inside the string. */
export function variablesIn(s: string): { text: string; inner: string; index: number; closed: boolean }[] {
  const out: { text: string; inner: string; index: number; closed: boolean }[] = [];
  let i = s.indexOf('${');
  // the next `}` is searched again only once it lies behind: a run of unclosed `${` stays linear
  let end = -2;
  while (i >= 0) {
    if (end !== -1 && end < i + 2) end = s.indexOf('}', i + 2);
    const nextOpen = s.indexOf('${', i + 2);
    if (end < 0 || (nextOpen >= 0 && nextOpen < end)) {
      out.push({ text: s.slice(i, nextOpen >= 0 ? nextOpen : s.length), inner: s.slice(i + 2, nextOpen >= 0 ? nextOpen : s.length), index: i, closed: false });
      i = nextOpen;
      continue;
    }
    out.push({ text: s.slice(i, end + 1), inner: s.slice(i + 2, end), index: i, closed: true });
    i = s.indexOf('${', end + 1);
  }
  return out;
}
