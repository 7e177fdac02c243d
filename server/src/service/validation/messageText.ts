import * as l10n from '@vscode/l10n';
// Small pieces of diagnostic message text.

export const quote = (s: string): string => `"${s}"`;
export const list = (xs: string[], max = 3): string => xs.slice(0, max).map(quote).join(', ') + (xs.length > max ? `, … (${xs.length} in all)` : '');
export const didYouMean = (xs: string[]): string => (xs.length ? ` ${l10n.t('Did you mean {0}?', xs.map(quote).join(l10n.t(' or ')))}` : '');

/** Quoted text longer than this in a message is cut in the middle. */
export const MAX_QUOTED_CHARS = 160;

/**
 * A message with every long quoted value ("...") cut to its start and end: messages quote policy text, and a
 * 60 KB wildcard should not become a 60 KB message. Linear: a quoted run ends at the next quote.
 */
export function shortenQuoted(message: string): string {
  if (message.length <= MAX_QUOTED_CHARS) return message;
  return message.replace(/"([^"]{161,})"/g, (_m, inner: string) => `"${inner.slice(0, 100)}…${inner.slice(-40)}" (${inner.length.toLocaleString('en-US')} characters)`);
}
