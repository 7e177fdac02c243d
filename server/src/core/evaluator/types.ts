// Public types of the evaluator: the scenario (policies + request) and the simulation result.
import type { Range } from '../text';

export type Decision = 'Allowed' | 'ExplicitlyDenied' | 'ImplicitlyDenied';
export const DECISIONS: readonly Decision[] = ['Allowed', 'ExplicitlyDenied', 'ImplicitlyDenied'];

/** A policy handed to the evaluator. `policy` is the parsed JSON; `text`, when known, gives explanations source ranges. */
export interface PolicySource {
  name: string;
  file?: string;
  text?: string;
  policy: unknown;
}

/** One level of the organization tree (root, an OU, the account) with the SCPs or RCPs attached there. */
export interface OrgLevel {
  orgIdentifier: string;
  policies: PolicySource[];
}

export interface RequestInput {
  /** IAM user / role session / federated user / root ARN, a service principal, an identity provider, or "anonymous" */
  principal: string;
  action: string;
  resource: string;
  /** owner of the resource, needed when the ARN has no account (S3); defaults to the ARN's account, else the principal's */
  resourceAccount?: string;
  /** request context keys; values are strings, numbers, booleans or arrays of them */
  context?: Record<string, unknown>;
  /**
   * ARN of the IAM user or role whose credentials created the session: for a role session its role (optional, the
   * evaluator derives it; an ARN with the role's path becomes aws:PrincipalArn), for a federated user the IAM user that
   * called GetFederationToken, so that a resource policy naming that user matches, limited by boundary and session
   * policy [R6].
   */
  sessionIssuer?: string;
}

export interface Scenario {
  name?: string;
  identityPolicies: PolicySource[];
  permissionBoundaries: PolicySource[];
  sessionPolicy?: PolicySource;
  resourcePolicy?: PolicySource;
  scps: OrgLevel[];
  rcps: OrgLevel[];
  request: RequestInput;
  expected?: Decision;
  /** model files named by the scenario (paths relative to the scenario file), read and applied by the caller */
  model?: { files: string[]; path: (string | number)[] };
}

/** The policies of a scenario, without the request: what `compilePolicySet` takes. */
export type PolicySet = Omit<Scenario, 'request' | 'expected' | 'name' | 'model'>;

export type PolicyKind = 'identity' | 'resource' | 'boundary' | 'session' | 'scp' | 'rcp';

export interface MatchedStatement {
  policyType: string;
  policy: string;
  file?: string;
  sid?: string;
  /** position in the policy's Statement array, from 0 */
  index: number;
  effect: 'Allow' | 'Deny';
  range?: Range;
}

export interface ValueCheck {
  value: string;
  /** the value after policy variables were substituted; null when a variable could not be resolved */
  resolved?: string | null;
  matches: boolean;
}

export interface ConditionCheck {
  operator: string;
  key: string;
  /** the request's values for the key; null when the request has no such key */
  requestValues: string[] | null;
  policyValues: ValueCheck[];
  result: boolean;
  /** why, in one sentence */
  reason: string;
}

export interface StatementDetail extends MatchedStatement {
  /** action, resource, principal and all conditions matched */
  applies: boolean;
  action: { element: 'Action' | 'NotAction' | 'none'; matched: boolean; values: ValueCheck[] };
  resource: { element: 'Resource' | 'NotResource' | 'none'; matched: boolean; values: ValueCheck[] };
  principal?: { element: 'Principal' | 'NotPrincipal' | 'none'; matched: boolean; how: string };
  conditions: ConditionCheck[];
  /** one sentence: why the statement did or did not apply */
  reason: string;
}

export interface SimulationResult {
  name?: string;
  decision: Decision;
  expected?: Decision;
  pass?: boolean;
  /**
   * the statements that decided: for an explicit deny the applicable Deny statements, for Allowed the applicable Allows
   * that count (a resource policy's Allow does not count for iam:PassRole); none for an implicit deny, which comes from
   * what is missing, nor for a request that needs no permission (sts:GetCallerIdentity)
   */
  matchedStatements: MatchedStatement[];
  /** result per policy type: Allowed, ExplicitlyDenied, ImplicitlyDenied, AllowedForAccount, NotApplicable */
  policyTypes: Record<string, string>;
  /** context keys filled in as AWS would, that the request did not set */
  derivedContext: Record<string, unknown>;
  /** keys the applicable statements reference that the request neither sets nor can derive */
  missingContextKeys: string[];
  /** plain sentences, naming the rules of evaluation.md (R1…R22) */
  explanation: string[];
  /** every statement of every policy, with why it did or did not apply */
  statements: StatementDetail[];
  /** input problems (unparseable principal, policy that is not an object...); the decision is then not Allowed [R22] */
  errors: string[];
}
