// Custom requests and notifications between the client and the server, beyond LSP. The client imports this file
// for types only.
import type { PolicyType } from './core/policy/policyType';

/** Catalog version and counts: "IAM Policy: Show Catalog Version". */
export const CatalogInfoRequest = 'iamPolicy/catalogInfo';
export interface CatalogInfoResult {
  package: string;
  version: string;
  dataUpdatedAt: string | null;
  label: string;
  counts: Record<string, number>;
}

/** The policy type of a document and where the decision came from (status bar). */
export const PolicyTypeRequest = 'iamPolicy/policyType';
export interface PolicyTypeParams { uri: string }
export interface PolicyTypeResult {
  /** null when the document is not served (not a policy) */
  type: PolicyType | null;
  label: string | null;
  source: string | null;
}

/** Choose the policy type of a document ("IAM Policy: Change Policy Type"); null goes back to automatic. */
export const SetPolicyTypeNotification = 'iamPolicy/setPolicyType';
export interface SetPolicyTypeParams { uri: string; type: PolicyType | null }
