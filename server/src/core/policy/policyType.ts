// The kinds of policy document; each allows different elements and is evaluated in a different place.
export type PolicyType = 'identity' | 'resource' | 'trust' | 'scp' | 'rcp' | 'boundary' | 'session' | 'endpoint';

export const POLICY_TYPES: readonly PolicyType[] = ['identity', 'resource', 'trust', 'scp', 'rcp', 'boundary', 'session', 'endpoint'];

export const POLICY_TYPE_LABELS: Record<PolicyType, string> = {
  identity: 'Identity-based policy',
  resource: 'Resource-based policy',
  trust: 'Role trust policy',
  scp: 'Service control policy (SCP)',
  rcp: 'Resource control policy (RCP)',
  boundary: 'Permissions boundary',
  session: 'Session policy',
  endpoint: 'VPC endpoint policy',
};
