// Builders for table-driven evaluator tests: short policy/statement constructors and a runner that checks decide()
// and simulate() agree with the expected decision.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { catalog } from '../helpers';
import { decide, simulate, type Decision, type OrgLevel, type PolicySource, type RequestInput, type Scenario } from '../../../server/src/core/evaluator';

export const A = '111122223333';
export const B = '444455556666';
export const USER = `arn:aws:iam::${A}:user/alice`;
export const USER_BOB = `arn:aws:iam::${A}:user/bob`;
export const ROLE = `arn:aws:iam::${A}:role/app`;
export const SESSION = `arn:aws:sts::${A}:assumed-role/app/s1`;
export const ROOT = `arn:aws:iam::${A}:root`;
export const FED = `arn:aws:sts::${A}:federated-user/bob`;
/** the IAM user that called GetFederationToken to create FED (the federated name need not be the user's name) */
export const FED_ISSUER = `arn:aws:iam::${A}:user/federation-proxy`;
export const XUSER = `arn:aws:iam::${B}:user/carol`;
export const XROOT = `arn:aws:iam::${B}:root`;
export const OBJ = 'arn:aws:s3:::reports/2026/q3.csv';
export const BUCKET_OBJS = 'arn:aws:s3:::reports/*';
export const KEY = `arn:aws:kms:eu-west-1:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
/** 2026-06-01T00:00:00Z */
export const NOW = Date.UTC(2026, 5, 1);

export type Stmt = Record<string, unknown>;
export const allow = (Action: unknown, Resource: unknown = '*', extra: Stmt = {}): Stmt => ({ Effect: 'Allow', Action, Resource, ...extra });
export const deny = (Action: unknown, Resource: unknown = '*', extra: Stmt = {}): Stmt => ({ Effect: 'Deny', Action, Resource, ...extra });
export const doc = (...Statement: Stmt[]) => ({ Version: '2012-10-17', Statement });
export const pol = (name: string, ...statements: Stmt[]): PolicySource => ({ name, policy: doc(...statements) });
export const FULL: PolicySource = pol('FullAWSAccess', allow('*'));
export const level = (orgIdentifier: string, ...policies: PolicySource[]): OrgLevel => ({ orgIdentifier, policies });

export interface Input {
  identity?: Stmt[];
  boundary?: Stmt[];
  session?: Stmt[];
  resource?: Stmt[];
  /** raw policy documents, when the Version or shape matters */
  identityDoc?: unknown;
  resourceDoc?: unknown;
  scps?: OrgLevel[];
  rcps?: OrgLevel[];
  principal?: string;
  action?: string;
  res?: string;
  resourceAccount?: string;
  sessionIssuer?: string;
  context?: Record<string, unknown>;
}

export function scenario(i: Input): Scenario {
  const request: RequestInput = { principal: i.principal ?? USER, action: i.action ?? 's3:GetObject', resource: i.res ?? OBJ };
  if (i.resourceAccount) request.resourceAccount = i.resourceAccount;
  if (i.sessionIssuer) request.sessionIssuer = i.sessionIssuer;
  if (i.context) request.context = i.context;
  const s: Scenario = {
    identityPolicies: i.identityDoc ? [{ name: 'identity', policy: i.identityDoc }] : i.identity ? [pol('identity', ...i.identity)] : [],
    permissionBoundaries: i.boundary ? [pol('boundary', ...i.boundary)] : [],
    scps: i.scps ?? [],
    rcps: i.rcps ?? [],
    request,
  };
  if (i.session) s.sessionPolicy = pol('session', ...i.session);
  if (i.resourceDoc) s.resourcePolicy = { name: 'resource', policy: i.resourceDoc };
  else if (i.resource) s.resourcePolicy = pol('resource', ...i.resource);
  return s;
}

export type Case = [name: string, input: Input, expected: Decision];

/** One describe per rule; every case asserts decide() and simulate() both give the expected decision. */
export function rule(title: string, cases: Case[]): void {
  describe(title, () => {
    for (const [name, input, expected] of cases) {
      it(`${name} -> ${expected}`, () => {
        const s = scenario(input);
        const fast = decide(s, catalog, { now: NOW });
        const full = simulate(s, catalog, { now: NOW });
        assert.equal(fast, expected, `decide(): ${full.explanation.join(' | ')}`);
        assert.equal(full.decision, expected, full.explanation.join(' | '));
      });
    }
  });
}
