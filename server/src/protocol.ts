// Custom requests and notifications between the client and the server, beyond LSP. The client imports this file
// for types only, and only this file: every type it needs from the server side is exported here.
import type { PolicyType } from './core/policy/policyType';
import type { Range } from './core/text';

export type { PolicyType, Range };

/** What the client passes in LSP `initialize` as `initializationOptions`. */
export interface IamInitializationOptions {
  /** the l10n bundle VS Code chose for the display language (`vscode.l10n.uri.fsPath`); absent for English */
  l10nBundle?: string;
}

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
  /** why the document has this type, a plain-text sentence without the final period */
  reason: string | null;
  /** what to do if the type came from the content and is not what the author meant */
  advice: string | null;
}

/** Choose the policy type of a document ("IAM Policy: Change Policy Type"); null goes back to automatic. */
export const SetPolicyTypeNotification = 'iamPolicy/setPolicyType';
export interface SetPolicyTypeParams { uri: string; type: PolicyType | null }

// ------------------------------------------------------------------ simulation (Simulate Request panel, inline)

/**
 * A policy handed to `iamPolicy/simulate`: an open or on-disk document by URI (its current editor text wins over
 * the file on disk), or an inline policy object. Disabled policies are left out of the evaluation.
 */
export interface SimulatePolicyRef {
  uri?: string;
  /** inline policy object (scenario files may hold them) */
  policy?: unknown;
  /** display name; defaults to the file name */
  name?: string;
  enabled?: boolean;
}
export interface SimulateOrgLevel { orgIdentifier: string; policies: SimulatePolicyRef[]; enabled?: boolean }

/** Evaluate one request against the chosen policies, with the server's catalog and open documents. */
export const SimulateRequest = 'iamPolicy/simulate';
export interface SimulateParams {
  identityPolicies: SimulatePolicyRef[];
  permissionBoundaries: SimulatePolicyRef[];
  sessionPolicy?: SimulatePolicyRef;
  resourcePolicy?: SimulatePolicyRef;
  scps: SimulateOrgLevel[];
  rcps: SimulateOrgLevel[];
  request: { principal: string; action: string; resource: string; resourceAccount?: string; sessionIssuer?: string; context?: Record<string, unknown> };
  expected?: 'Allowed' | 'ExplicitlyDenied' | 'ImplicitlyDenied';
}
/** A condition key the chosen policies reference for the request, with the catalog's type for the input widget. */
export interface SimulateContextKey { name: string; type: string; multiValued: boolean; description?: string }
export interface SimulateResult {
  /** the evaluator's result; `matchedStatements[].file` and `statements[].file` are document URIs */
  result: import('./core/evaluator').SimulationResult | null;
  /** problems with the input that prevented or weaken the evaluation (unreadable file, invalid JSON...) */
  errors: string[];
  contextKeys: SimulateContextKey[];
  /** ARN formats of the action's resource types, `${Partition}` filled in */
  resourceTemplates: string[];
  /** the action exists in the catalog */
  actionKnown: boolean;
  /** resolved display names of the policies, by URI */
  policyNames: Record<string, string>;
}

/** Action names for the panel's action field: service prefixes first, then actions of the typed service. */
export const ActionSuggestionsRequest = 'iamPolicy/actionSuggestions';
export interface ActionSuggestionsParams { text: string; limit?: number }
export interface ActionSuggestionsResult { items: string[] }

/** Statements of a policy document, for the "Simulate" CodeLens above each statement. */
export const PolicyStatementsRequest = 'iamPolicy/policyStatements';
export interface PolicyStatementsParams { uri: string }
export interface PolicyStatementInfo {
  index: number;
  sid?: string;
  effect?: string;
  range: Range;
  /** first Action (or NotAction) value and first Resource value, to pre-fill the panel */
  action?: string;
  resource?: string;
}
export interface PolicyStatementsResult { statements: PolicyStatementInfo[] }

/** Evaluate every scenario of a `*.scenario.json` file (open text or on disk). */
export const ScenarioResultsRequest = 'iamPolicy/scenarioResults';
export interface ScenarioResultsParams { uri: string }
export interface ScenarioOutcome {
  index: number;
  name: string;
  /** the scenario object's range in the scenario file */
  range: Range;
  result: import('./core/evaluator').SimulationResult | null;
  errors: string[];
}
export interface ScenarioFileError { scenarioIndex?: number; message: string; range: Range }
export interface ScenarioResultsResult {
  scenarios: ScenarioOutcome[];
  errors: ScenarioFileError[];
  /** URIs of the policy files the scenarios reference: a change to any of them changes the results */
  policyUris: string[];
}
