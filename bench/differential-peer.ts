// The peer's Simulation input for one of our scenarios: the same policies and request, with our derived context keys
// passed explicitly (the peer derives none).
import type { Scenario } from '../server/src/core/evaluator';
import { A } from './generate';

/** `oracle` is the @cloud-copilot/iam-simulate module, loaded from bench/oracle by the caller. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function peerSimulation(oracle: any, s: Scenario, derived: Record<string, unknown>) {
  const req = s.request;
  const ctx: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries({ ...derived, ...(req.context ?? {}) })) ctx[k] = Array.isArray(v) ? v.map(String) : String(v);
  const acctFromArn = /^arn:[^:]*:[^:]*:[^:]*:(\d{12}):/.exec(req.resource)?.[1];
  const principalAcct = /:(\d{12}):/.exec(req.principal)?.[1];
  return {
    request: {
      principal: req.principal === 'anonymous' ? oracle.anonymousPrincipal : req.principal,
      action: req.action,
      resource: { resource: req.resource, accountId: req.resourceAccount ?? acctFromArn ?? principalAcct ?? A },
      contextVariables: ctx,
    },
    identityPolicies: s.identityPolicies.map((p) => ({ name: p.name, policy: p.policy })),
    permissionBoundaryPolicies: s.permissionBoundaries.length ? s.permissionBoundaries.map((p) => ({ name: p.name, policy: p.policy })) : undefined,
    sessionPolicy: s.sessionPolicy?.policy,
    resourcePolicy: s.resourcePolicy?.policy,
    serviceControlPolicies: s.scps.map((l) => ({ orgIdentifier: l.orgIdentifier, policies: l.policies.map((p) => ({ name: p.name, policy: p.policy })) })),
    resourceControlPolicies: s.rcps.map((l) => ({ orgIdentifier: l.orgIdentifier, policies: l.policies.map((p) => ({ name: p.name, policy: p.policy })) })),
  };
}

