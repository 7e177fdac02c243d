import * as l10n from '../localize';
// The kinds of policy document; each allows different elements and is evaluated in a different place.
export type PolicyType = 'identity' | 'resource' | 'trust' | 'scp' | 'rcp' | 'boundary' | 'session' | 'endpoint';

export const POLICY_TYPES: readonly PolicyType[] = ['identity', 'resource', 'trust', 'scp', 'rcp', 'boundary', 'session', 'endpoint'];

export const POLICY_TYPE_LABELS: Record<PolicyType, string> = {
  get identity() { return l10n.t('Identity-based policy'); },
  get resource() { return l10n.t('Resource-based policy'); },
  get trust() { return l10n.t('Role trust policy'); },
  get scp() { return l10n.t('Service control policy (SCP)'); },
  get rcp() { return l10n.t('Resource control policy (RCP)'); },
  get boundary() { return l10n.t('Permissions boundary'); },
  get session() { return l10n.t('Session policy'); },
  get endpoint() { return l10n.t('VPC endpoint policy'); },
};
