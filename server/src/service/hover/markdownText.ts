// Policy text inside hover Markdown. Values come from documents we did not write: a value holding `[x](https://…)`
// must not become a live link, and backticks must not close the code span around it. Every user-derived string
// goes through one of these; the hover stays plain Markdown (no isTrusted, no HTML).

/** Longer values are shown cut in the middle. */
export const MAX_SHOWN_CHARS = 200;

/** `s` cut to its start and end when it is longer than `max`, with the full length said. */
export function shorten(s: string, max = MAX_SHOWN_CHARS): string {
  if (s.length <= max) return s;
  return `${s.slice(0, max - 60)}…${s.slice(-50)} (${s.length.toLocaleString('en-US')} characters)`;
}

/**
 * An inline code span holding `s` literally: the fence is one backtick longer than the longest run inside, and a
 * space pads a value that starts or ends with a backtick. Line breaks become spaces (a blank line would end the
 * span and the paragraph).
 */
export function inlineCode(s: string): string {
  const text = shorten(s).replace(/[\r\n]+/g, ' ');
  let longest = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 96) { run++; if (run > longest) longest = run; } else run = 0;
  }
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || (text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Plain text with every ASCII punctuation character escaped, so nothing in it is Markdown syntax or a link. */
export function escapeText(s: string): string {
  return shorten(s).replace(/[\r\n]+/g, ' ').replace(/[!-/:-@[-`{-~]/g, '\\$&');
}
