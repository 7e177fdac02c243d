import type { PolicyType } from '../core/policy/policyType';

export type RuleSeverity = 'error' | 'warning' | 'information' | 'hint' | 'off';

/** The `iamPolicy.*` settings the server uses (see package.json contributes.configuration). */
export interface ServiceSettings {
  /** serve plain json/jsonc documents whose content is a policy (a top-level "Statement") */
  detectInJson: boolean;
  /** severity override per diagnostic code or slug */
  rules: Record<string, RuleSeverity>;
  /** glob (matched against the document path) -> policy type */
  policyTypes: Record<string, PolicyType>;
  /** check the policies inside CloudFormation/SAM templates (YAML and JSON, recognised by content) */
  detectInTemplates: boolean;
}

export const DEFAULT_SETTINGS: ServiceSettings = { detectInJson: true, rules: {}, policyTypes: {}, detectInTemplates: true };
