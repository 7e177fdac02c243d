// The OIDC identity provider a Federated principal names, and the condition keys a statement sets for it.
import type { Statement, Value } from '../../../core/policy/model';

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

export function conditionValuesFor(s: Statement, key: string): { values: Value[]; keySpan: { offset: number; length: number } }[] {
  const out: { values: Value[]; keySpan: { offset: number; length: number } }[] = [];
  for (const c of s.conditions) for (const k of c.keys) if (k.key.toLowerCase() === key.toLowerCase()) out.push({ values: k.values, keySpan: k.entry.keySpan });
  return out;
}
