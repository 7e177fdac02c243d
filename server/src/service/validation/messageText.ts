// Small pieces of diagnostic message text.

export const quote = (s: string): string => `"${s}"`;
export const list = (xs: string[], max = 3): string => xs.slice(0, max).map(quote).join(', ') + (xs.length > max ? `, … (${xs.length} in all)` : '');
export const didYouMean = (xs: string[]): string => (xs.length ? ` Did you mean ${xs.map(quote).join(' or ')}?` : '');
