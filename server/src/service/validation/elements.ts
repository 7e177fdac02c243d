// The element names of a policy and of a statement, and a case-insensitive presence test.

export const TOP_LEVEL_ELEMENTS = ['Version', 'Id', 'Statement'];
export const STATEMENT_ELEMENTS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];
export const PRINCIPAL_TYPES = ['AWS', 'Service', 'Federated', 'CanonicalUser'];

/**
 * Whether one of the elements is present, in any letter case: a wrongly cased name (`"effect"`) is reported once, by
 * invalid-element, so the rules for missing elements treat it as present.
 */
export function hasElement(entries: { key: string }[], ...names: string[]): boolean {
  const lower = names.map((n) => n.toLowerCase());
  return entries.some((e) => lower.includes(e.key.toLowerCase()));
}
