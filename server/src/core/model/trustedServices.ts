// Who a role's trust policy lets in: the service principals it names, and whether it admits everyone ("*"). Used by
// whole-model questions (which services a role reaches) and by the PassRole diagnostic (a role no service can use).
import { passRoleServiceOf, passRoleActions } from './passRoleServices';
import type { IamModel, ModelRole, ModelUser } from './types';

const strings = (v: unknown): string[] => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

function allowStatements(trust: unknown): Record<string, unknown>[] {
  const s = (trust as { Statement?: unknown } | null | undefined)?.Statement;
  const list = Array.isArray(s) ? s : s ? [s] : [];
  return list.filter((x): x is Record<string, unknown> => !!x && typeof x === 'object' && (x as Record<string, unknown>).Effect === 'Allow');
}

/** Who a trust policy lets assume the role: the principals of its Allow statements on sts:AssumeRole*. */
export function trustedPrincipals(trust: unknown): { principal: string; conditional: boolean }[] {
  const out: { principal: string; conditional: boolean }[] = [];
  for (const s of allowStatements(trust)) {
    if (!strings(s.Action).some((a) => /^(sts:(AssumeRole\w*|\*)|\*)$/i.test(a))) continue;
    const conditional = s.Condition !== undefined;
    const p = s.Principal;
    if (p === '*') { out.push({ principal: '*', conditional }); continue; }
    if (!p || typeof p !== 'object') continue;
    for (const v of Object.values(p as Record<string, unknown>)) for (const x of strings(v)) out.push({ principal: x, conditional });
  }
  return out;
}

/** The service principals named in the Allow statements of a trust policy. */
export function servicePrincipalsOf(trust: unknown): string[] {
  const out = new Set<string>();
  for (const st of allowStatements(trust)) {
    const p = st.Principal as { Service?: unknown } | undefined;
    for (const s of strings(p?.Service)) out.add(s);
  }
  return [...out];
}

/** Whether an Allow statement of the trust policy names every principal ("*", or "AWS": "*"), services included. */
export function trustsEveryone(trust: unknown): boolean {
  return allowStatements(trust).some((st) => st.Principal === '*' || strings((st.Principal as { AWS?: unknown } | undefined)?.AWS).includes('*'));
}

/** The service principals that receive roles through iam:PassRole, as the PassRole table knows them. */
export function passRoleServicePrincipals(): string[] {
  return [...new Set(passRoleActions().map((a) => passRoleServiceOf(a)!.principal))].sort();
}

/** The user or role of the model with exactly this ARN (names compared regardless of case, as IAM does). */
export function entityByArn(model: IamModel, arn: string): ModelUser | ModelRole | undefined {
  const m = /^arn:aws[a-z-]*:iam::(\d{12}):(user|role)\/(?:.*\/)?([^/]+)$/.exec(arn);
  if (!m) return undefined;
  const a = model.accounts.get(m[1]);
  const e = m[2] === 'user' ? a?.users.get(m[3].toLowerCase()) : a?.roles.get(m[3].toLowerCase());
  return e && e.arn.toLowerCase() === arn.toLowerCase() ? e : undefined;
}
