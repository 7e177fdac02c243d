import * as l10n from '@vscode/l10n';
// Small pieces of diagnostic message text.

export const quote = (s: string): string => `"${s}"`;
export const list = (xs: string[], max = 3): string => xs.slice(0, max).map(quote).join(', ') + (xs.length > max ? `, … (${xs.length} in all)` : '');
export const didYouMean = (xs: string[]): string => (xs.length ? ` ${l10n.t('Did you mean {0}?', xs.map(quote).join(l10n.t(' or ')))}` : '');
