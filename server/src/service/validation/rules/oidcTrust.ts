// The OIDC identity provider a Federated principal names, and the condition keys a statement sets for it.
import type { ConditionKeyEntry, Statement, Value } from '../../../core/policy/model';

export function oidcProviders(s: Statement): { value: Value; host: string }[] {
  const fed = s.principal?.types.find((t) => t.type === 'Federated')?.list.values ?? [];
  const out: { value: Value; host: string }[] = [];
  for (const v of fed) {
    if (/:saml-provider\//.test(v.value)) continue;
    const m = /:oidc-provider\/(.+)$/.exec(v.value);
    const host = m ? m[1] : /^arn:/.test(v.value) ? undefined : v.value;
    if (host && !['www.amazon.com', 'graph.facebook.com'].includes(host)) out.push({ value: v, host });
  }
  return out;
}

/** The statement's entries for a condition key (names compare case-insensitively), under any operator. */
export function conditionEntriesFor(s: Statement, key: string): ConditionKeyEntry[] {
  const lower = key.toLowerCase();
  return s.conditions.flatMap((c) => c.keys.filter((k) => k.key.toLowerCase() === lower));
}
