// Custom requests: catalog version, policy type of a document, choosing a policy type.
import { CatalogInfoRequest, PolicyTypeRequest, SetPolicyTypeNotification, type CatalogInfoResult, type PolicyTypeParams, type PolicyTypeResult, type SetPolicyTypeParams } from '../protocol';
import { POLICY_TYPE_LABELS, POLICY_TYPES } from '../core/policy/policyType';
import { policyTypeAdvice, policyTypeReason } from '../service/policyType';
import type { ServerContext } from './context';

export function registerPolicyInfo(ctx: ServerContext, revalidate: (uri: string) => void): void {
  ctx.connection.onRequest(CatalogInfoRequest, (): CatalogInfoResult => ({ ...ctx.catalog.version, counts: { ...ctx.catalog.counts }, managedPolicies: ctx.managed.data }));
  ctx.connection.onRequest(PolicyTypeRequest, (p: PolicyTypeParams): PolicyTypeResult => {
    const doc = ctx.policyDocument(p?.uri);
    if (!doc) return { type: null, label: null, source: null, reason: null, advice: null };
    const t = ctx.policyType(doc);
    return { type: t.type, label: POLICY_TYPE_LABELS[t.type], source: t.source, reason: policyTypeReason(t), advice: policyTypeAdvice(t) ?? null };
  });
  ctx.connection.onNotification(SetPolicyTypeNotification, (p: SetPolicyTypeParams) => {
    if (!p || typeof p.uri !== 'string') return;
    if (p.type && POLICY_TYPES.includes(p.type)) ctx.chosenTypes.set(p.uri, p.type);
    else ctx.chosenTypes.delete(p.uri);
    revalidate(p.uri);
  });
}
