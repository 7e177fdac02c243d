// Custom requests and notifications between the client and the server, beyond LSP. The client imports this file
// for types only, and only this file: every type it needs from the server side is exported here.
import type { PolicyType } from './core/policy/policyType';
import type { Range } from './core/text';
import type { PathCompute, PathEdge } from './core/model/paths';

export type { PathCompute, PathEdge, PolicyType, Range };

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
  /** the bundled AWS managed policies (shared/spec/iam-model.md §1b) */
  managedPolicies?: ManagedPoliciesInfo;
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
 * the file on disk), a policy inside a template (`<template uri>#iam-embedded=<encoded policy id>`), or an inline
 * policy object. Disabled policies are left out of the evaluation.
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
  request: {
    principal: string; action: string; resource: string; resourceAccount?: string; sessionIssuer?: string; context?: Record<string, unknown>;
    /** with a model: roles assumed in turn before the action, and the role the action hands to its service (`result.steps`) */
    assumeRole?: string | string[]; passRole?: string;
  };
  expected?: 'Allowed' | 'ExplicitlyDenied' | 'ImplicitlyDenied';
  /** simulate as a principal of an IAM model: see SimulateModelParams */
  model?: ModelFiles;
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
  /** present when the request named a model (`SimulateModelParams`): what was gathered for the principal */
  model?: SimulateModelInfo;
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
  /** a statement of a policy inside a template: the reference the panel takes (`<template>#iam-embedded=<id>`) */
  policyUri?: string;
  /** the embedded policy's type, for the panel's slot */
  policyType?: PolicyType;
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

// ------------------------------------------------------------------ the IAM model (issue 11, shared/spec/iam-model.md)
//
// A *model* is one or more model files used together: hand-written `*.iam-model.json` files and AWS
// `get-account-authorization-details` exports (`*.authz.json`, or any JSON with a top-level `UserDetailList` /
// `RoleDetailList`). Every model request names its files by URI; the server reads open editor text first, then disk.

/** The files that make up one model (one per account, or several accounts in one file). */
export interface ModelFiles { uris: string[] }

/** A problem in a model file: the file, the JSON path (`$.accounts[0].users.Hoge.groups[1]`) and what was expected. */
export interface ModelProblem {
  uri: string;
  /** JSON path in the file, `$`-rooted */
  path: string;
  message: string;
  /** where in the file; absent when the file could not be read or parsed at all */
  range?: import('./core/text').Range;
}

/** Where a policy of the model comes from, so the panel and the explorer can name it and open it. */
export interface ModelPolicyOrigin {
  /**
   * user-inline / group-inline / role-inline: written inside the principal or group;
   * customer-managed: a policy of the account's `policies` (or the export's `Policies`);
   * aws-managed: from the bundled AWS managed policies (or the export's copy of it);
   * boundary, trust, resource, scp, rcp: the policy in that role.
   */
  kind: 'user-inline' | 'group-inline' | 'role-inline' | 'customer-managed' | 'aws-managed' | 'trust' | 'resource' | 'scp' | 'rcp';
  /** human label: "inline policy S3Read of user Hoge", "group Developers: arn:aws:iam::aws:policy/ReadOnlyAccess" */
  label: string;
  /** the group the policy reaches a user through */
  group?: string;
  /** managed policy ARN */
  arn?: string;
  /** the model file that holds the document (absent for bundled AWS managed policies: open them by `arn` with ManagedPolicyRequest) */
  uri?: string;
  range?: import('./core/text').Range;
}

/** A policy attached to a principal or group, as listed in the explorer. */
export interface ModelPolicyItem {
  name: string;
  origin: ModelPolicyOrigin;
}

export interface ModelUserItem {
  name: string;
  arn: string;
  path: string;
  groups: string[];
  policies: ModelPolicyItem[];
  permissionsBoundary?: ModelPolicyItem;
  tags: Record<string, string>;
  uri: string;
  range?: import('./core/text').Range;
}

export interface ModelGroupItem {
  name: string;
  arn: string;
  /** user names of the same account */
  members: string[];
  policies: ModelPolicyItem[];
  uri: string;
  range?: import('./core/text').Range;
}

export interface ModelRoleItem {
  name: string;
  arn: string;
  path: string;
  policies: ModelPolicyItem[];
  permissionsBoundary?: ModelPolicyItem;
  /**
   * who the trust policy lets call sts:AssumeRole* (Allow statements with Principal): principal ARNs as written
   * (`arn:aws:iam::111111111111:root`, user/role ARNs), service principals (`lambda.amazonaws.com`), federated
   * providers, or "*"; each with whether conditions apply
   */
  trustedPrincipals: { principal: string; conditional: boolean }[];
  tags: Record<string, string>;
  uri: string;
  range?: import('./core/text').Range;
}

/** A customer managed policy of an account. */
export interface ModelManagedPolicyItem {
  name: string;
  arn: string;
  /** principals and groups it is attached to, as ARNs */
  attachedTo: string[];
  uri: string;
  range?: import('./core/text').Range;
}

export interface ModelAccountItem {
  id: string;
  name?: string;
  /** the file the account comes from (the first one, when an account spans several files) */
  uri: string;
  users: ModelUserItem[];
  groups: ModelGroupItem[];
  roles: ModelRoleItem[];
  policies: ModelManagedPolicyItem[];
  /** resource ARNs that have a resource-based policy in the model */
  resources: { arn: string; uri: string; range?: import('./core/text').Range }[];
  /** AWS managed policy ARNs attached anywhere in the account */
  awsManagedPolicies: string[];
  /** Lambda functions and CodeBuild projects the model holds (from `aws lambda list-functions`, `aws codebuild
   * batch-get-projects` or hand-written `functions` / `codebuildProjects`), where each is defined */
  compute?: ModelComputeItem[];
}

export interface ModelComputeItem {
  kind: 'lambda-function' | 'codebuild-project';
  name: string;
  arn: string;
  region: string;
  /** the role it runs as, as written */
  role: string;
  uri: string;
  range?: import('./core/text').Range;
}

/** The content of a model for the IAM explorer view: accounts → users, groups, roles, policies. */
export const ModelListRequest = 'iamPolicy/modelList';
export type ModelListParams = ModelFiles;
export interface ModelListResult {
  accounts: ModelAccountItem[];
  /** problems of the files; the rest of the model is still listed */
  problems: ModelProblem[];
}

/**
 * Simulate as a principal of a model: `SimulateParams` with `model`; `request.principal` may then be short
 * (`user/Hoge`, `role/ReadOnlyRole`) or a full ARN. The policies the panel lists are *added* to the gathered identity
 * policies; a boundary, session, resource policy or SCP/RCP levels given in the params replace the gathered ones.
 * The answer is a `SimulateResult` with `model` filled in.
 */
export type SimulateModelParams = SimulateParams & { model: ModelFiles };
/** What the server gathered from the model for a simulate-as-principal request. */
export interface SimulateModelInfo {
  /** the principal as evaluated: a user ARN or an assumed-role session ARN */
  principal: string;
  /** the user or role ARN the principal was resolved to */
  principalArn: string;
  resourceAccount?: string;
  /** every gathered policy with its policy type and where it came from, in evaluation order */
  gathered: { policyType: 'identity' | 'boundary' | 'resource' | 'scp' | 'rcp'; name: string; origin: ModelPolicyOrigin; orgIdentifier?: string }[];
  problems: ModelProblem[];
}

/** One action a principal may perform (spec §3 `iam-policy access`). */
export interface EffectiveAction {
  action: string;
  service: string;
  accessLevel: 'List' | 'Read' | 'Write' | 'Permissions management' | 'Tagging' | string;
  /** resource patterns it may be performed on (after boundary and SCPs) */
  resources: string[];
  /** some allowing statement has a condition, or a deny applies only under conditions */
  conditional: boolean;
  /** the conditions that apply, as "StringEquals aws:RequestTag/team = a" */
  conditions?: string[];
}

/** Effective permissions of a user or role of a model: "Show effective permissions". */
export const EffectivePermissionsRequest = 'iamPolicy/effectivePermissions';
export interface EffectivePermissionsParams {
  model: ModelFiles;
  /** `user/Hoge`, `role/ReadOnlyRole` or a full ARN */
  principal: string;
  /** only this service prefix (`s3`) */
  service?: string;
}
export interface EffectivePermissionsResult {
  /** the user or role ARN; empty when the principal was not found */
  principal: string;
  actions: EffectiveAction[];
  /** the policies taken into account, as in SimulateModelInfo.gathered */
  gathered: SimulateModelInfo['gathered'];
  /** conditions the answer assumed favourable (spec §3) */
  assumedConditions: string[];
  /** problems: principal not found (with candidates), model file errors */
  errors: string[];
  problems: ModelProblem[];
}

/** `iam-policy who-can` for the editor: every principal of the model that may perform the action on the resource. */
export const WhoCanRequest = 'iamPolicy/whoCan';
export interface WhoCanParams { model: ModelFiles; action: string; resource: string }
export interface WhoCanResult {
  /** full ARNs (users, roles) or service principals; `via` the roles assumed in turn */
  principals: { principal: string; decision: 'Allowed'; via: string[] }[];
  errors: string[];
  problems: ModelProblem[];
}

/**
 * The workspace's model files, from the client (which finds them: `*.iam-model.json`, `*.authz.json`, exports open in
 * an editor). Sent on start and whenever they change; with them the server's hover on a user or role ARN in any policy
 * says what the model knows, and IAM810 checks iam:PassRole in ordinary policy files against the model's roles.
 */
export const WorkspaceModelNotification = 'iamPolicy/workspaceModel';
export type WorkspaceModelParams = ModelFiles;

/** `iam-policy paths` for the editor: who can become whom, and the escalation findings (`escalation: true`). */
export const EscalationPathsRequest = 'iamPolicy/escalationPaths';
export interface EscalationPathsParams { model: ModelFiles; from?: string }
export interface EscalationPathsResult {
  edges: PathEdge[];
  errors: string[];
  problems: ModelProblem[];
}

/** URI scheme of the read-only documents of bundled AWS managed policies: `iam-aws-managed:/service-role/Name.json`. */
export const MANAGED_POLICY_SCHEME = 'iam-aws-managed';

/** The document of an AWS managed policy (bundled data), for Go to Definition and the read-only editor. */
export const ManagedPolicyRequest = 'iamPolicy/managedPolicy';
export interface ManagedPolicyParams {
  /** the policy ARN (`arn:aws:iam::aws:policy/service-role/X`) or a `iam-aws-managed:` URI */
  arn: string;
}
export interface ManagedPolicyResult {
  /** null when the ARN is not an AWS managed policy known to the bundled data */
  arn: string | null;
  name?: string;
  versionId?: string;
  /** the document, pretty-printed JSON */
  text?: string;
  /** when AWS last updated this policy */
  updatedAt?: string;
  /** candidates when the ARN was not found */
  didYouMean?: string[];
  /** the data set: package, version and data date */
  data: ManagedPoliciesInfo;
}
export interface ManagedPoliciesInfo { package: string; version: string; dataUpdatedAt: string; count: number }
