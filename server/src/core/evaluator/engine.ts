// The decision flow of evaluation.md §1.1 (R1–R8) over compiled policies. `decideFlow` works on per-policy-type
// bitmasks and returns a numeric outcome code, so the fast path allocates nothing for explanations; simulate()
// turns the same code into sentences.
import { isPrincipalError, parsePrincipal, withSessionIssuer, type PrincipalError, type PrincipalInfo } from '../arn';
import type { Catalog } from '../catalog/catalog';
import { candidates, compiledPolicy, type CompiledPolicy, type CStatement } from './compile';
import { checksPrincipal, matchActions, matchConditions, matchResources, PMatch, statementPrincipal, type PreparedRequest } from './match';
import { awsRefuses, isPassRole, needsNoPermission, needsResourceAllow } from './actionRules';
import { contextValue, type Context } from './values';
import type { Decision, PolicyKind, PolicySet, RequestInput } from './types';
import * as l10n from '../localize';

/** Bits of a policy scan. */
export const ALLOW = 1, DENY = 2;
/** For resource policies: the best principal match of an applicable Allow, stored from bit 2 on. */
export const PSHIFT = 2;

/** Services whose RCPs apply when no catalog is at hand (the RCP page's first list) [R3a]. */
const RCP_FALLBACK = new Set(['s3', 'sts', 'kms', 'sqs', 'secretsmanager']);

export interface CompiledSet {
  identity: CompiledPolicy[];
  boundary: CompiledPolicy[];
  session?: CompiledPolicy;
  resource?: CompiledPolicy;
  scp: { id: string; policies: CompiledPolicy[] }[];
  rcp: { id: string; policies: CompiledPolicy[] }[];
  problems: string[];
}

const setCache = new WeakMap<object, { sources: unknown[]; set: CompiledSet }>();
function sourcesOf(set: PolicySet): unknown[] {
  const out: unknown[] = [...(set.identityPolicies ?? []), ...(set.permissionBoundaries ?? []), set.sessionPolicy, set.resourcePolicy];
  for (const l of set.scps ?? []) out.push(l, ...(l.policies ?? []));
  // a separator, so that a level moved from the SCPs to the RCPs changes the list
  out.push(null);
  for (const l of set.rcps ?? []) out.push(l, ...(l.policies ?? []));
  for (const s of [...out]) if (s && typeof s === 'object' && 'policy' in s) out.push((s as { policy: unknown }).policy);
  return out;
}

/** compileSet, cached per scenario object while its policy sources (and their parsed policies) stay the same objects. */
export function compiledSetOf(set: PolicySet): CompiledSet {
  const hit = setCache.get(set);
  if (hit) {
    const now = sourcesOf(set);
    if (now.length === hit.sources.length && now.every((x, i) => x === hit.sources[i])) return hit.set;
  }
  const compiled = compileSet(set);
  setCache.set(set, { sources: sourcesOf(set), set: compiled });
  return compiled;
}

/**
 * A node of the trie of compiled sets: the path from the root spells a set's compiled policies, org level ids and
 * markers between the parts. Weakly keyed by objects, so a set goes away with its policies.
 */
interface SetNode { objects: WeakMap<object, SetNode>; ids?: Map<string, SetNode>; set?: CompiledSet }
const newNode = (): SetNode => ({ objects: new WeakMap() });
const SET_ROOT = newNode();
const BOUNDARY = {}, SESSION = {}, RESOURCE = {}, SCPS = {}, RCPS = {}, LEVEL = {};
function step(n: SetNode, key: object): SetNode {
  let next = n.objects.get(key);
  if (!next) { next = newNode(); n.objects.set(key, next); }
  return next;
}
function stepId(n: SetNode, id: string): SetNode {
  n.ids ??= new Map();
  let next = n.ids.get(id);
  if (!next) { next = newNode(); n.ids.set(id, next); }
  return next;
}

/**
 * Compiles the policies of a set (each policy cached by compiledPolicy). Sets made of the same compiled policies, such
 * as the scenarios of a file that name the same policy files, share one CompiledSet; it is never mutated.
 */
export function compileSet(set: PolicySet): CompiledSet {
  const identity: CompiledPolicy[] = [], boundary: CompiledPolicy[] = [];
  let n = SET_ROOT;
  for (const s of set.identityPolicies ?? []) { const c = compiledPolicy(s, 'identity'); identity.push(c); n = step(n, c); }
  n = step(n, BOUNDARY);
  for (const s of set.permissionBoundaries ?? []) { const c = compiledPolicy(s, 'boundary'); boundary.push(c); n = step(n, c); }
  const session = set.sessionPolicy && compiledPolicy(set.sessionPolicy, 'session');
  n = step(n, SESSION);
  if (session) n = step(n, session);
  const resource = set.resourcePolicy && compiledPolicy(set.resourcePolicy, 'resource');
  n = step(n, RESOURCE);
  if (resource) n = step(n, resource);
  const levels = (list: PolicySet['scps'], kind: 'scp' | 'rcp') => (list ?? []).map((l) => {
    n = stepId(step(n, LEVEL), l.orgIdentifier);
    const policies: CompiledPolicy[] = [];
    for (const s of l.policies ?? []) { const c = compiledPolicy(s, kind); policies.push(c); n = step(n, c); }
    return { id: l.orgIdentifier, policies };
  });
  n = step(n, SCPS);
  const scp = levels(set.scps, 'scp');
  n = step(n, RCPS);
  const rcp = levels(set.rcps, 'rcp');
  if (n.set) return n.set;
  const out: CompiledSet = { identity, boundary, session, resource, scp, rcp, problems: [] };
  for (const p of allPolicies(out)) out.problems.push(...p.problems);
  n.set = out;
  return out;
}

/**
 * Whether two policy sets name the same policy sources (the same objects) in the same places: scenarios read from one
 * file that name the same policy files (core/evaluator/scenario.ts shares their sources) evaluate one compiled set.
 */
export function samePolicies(a: PolicySet, b: PolicySet): boolean {
  return sameList(a.identityPolicies, b.identityPolicies) && sameList(a.permissionBoundaries, b.permissionBoundaries)
    && a.sessionPolicy === b.sessionPolicy && a.resourcePolicy === b.resourcePolicy && sameLevels(a.scps, b.scps) && sameLevels(a.rcps, b.rcps);
}
function sameList<T>(a: readonly T[] | undefined, b: readonly T[] | undefined): boolean {
  if (a === b) return true;
  const n = a?.length ?? 0;
  if (n !== (b?.length ?? 0)) return false;
  for (let i = 0; i < n; i++) if (a![i] !== b![i]) return false;
  return true;
}
function sameLevels(a: PolicySet['scps'], b: PolicySet['scps']): boolean {
  if (a === b) return true;
  const n = a?.length ?? 0;
  if (n !== (b?.length ?? 0)) return false;
  for (let i = 0; i < n; i++) if (a![i].orgIdentifier !== b![i].orgIdentifier || !sameList(a![i].policies, b![i].policies)) return false;
  return true;
}

/** Every compiled policy of the set, in the order of the scenario: identity, boundary, session, resource, SCP, RCP. */
export function allPolicies(set: CompiledSet): CompiledPolicy[] {
  return [...set.identity, ...set.boundary, ...(set.session ? [set.session] : []), ...(set.resource ? [set.resource] : []),
    ...set.scp.flatMap((l) => l.policies), ...set.rcp.flatMap((l) => l.policies)];
}

// ------------------------------------------------------------------------------------------ request context

// Keys AWS puts in every request for this principal [R21], unless the request sets them: those that depend on the
// principal alone (principalDerived), then the resource's account and the time (deriveRequestContext).

/** A derived key, lower-cased as the request context holds keys, and its value. */
interface Derived { key: string; lower: string; value: string }
// requests repeat their principal (principalOf returns one object per principal string)
const derivedOf = new WeakMap<PrincipalInfo, Derived[]>();
/** The keys that depend on the principal alone, in the order they are derived. */
function principalDerived(p: PrincipalInfo): Derived[] {
  let list = derivedOf.get(p);
  if (list) return list;
  list = [];
  const into = (key: string, value: string) => list!.push({ key, lower: key.toLowerCase(), value });
  if (p.kind !== 'anonymous' && p.kind !== 'web-identity') {
    into('aws:PrincipalIsAWSService', p.kind === 'service' ? 'true' : 'false');
    into('aws:SecureTransport', 'true');
  }
  if (p.kind === 'service') into('aws:PrincipalServiceName', p.serviceName!);
  if (p.principalArn) into('aws:PrincipalArn', p.principalArn);
  if (p.account) into('aws:PrincipalAccount', p.account);
  const type = PRINCIPAL_TYPE[p.kind];
  if (type) into('aws:PrincipalType', type);
  if (p.kind === 'user') into('aws:username', p.userName!);
  if (p.kind === 'root') into('aws:userid', p.account);
  if (p.kind === 'federated-user') into('aws:userid', `${p.account}:${p.userName}`);
  derivedOf.set(p, list);
  return list;
}

/** The keys that depend on the request: the resource's account and the time. */
function deriveRequestContext(resourceAccount: string, now: number, into: (key: string, value: string) => void): void {
  if (resourceAccount) into('aws:ResourceAccount', resourceAccount);
  if (now !== lastNow) { lastNow = now; lastIso = new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z'); lastEpoch = String(Math.floor(now / 1000)); }
  into('aws:CurrentTime', lastIso);
  into('aws:EpochTime', lastEpoch);
}

const PRINCIPAL_TYPE: Partial<Record<PrincipalInfo['kind'], string>> = {
  user: 'User', 'role-session': 'AssumedRole', role: 'AssumedRole', root: 'Account', 'federated-user': 'FederatedUser',
};
let lastNow = NaN, lastIso = '', lastEpoch = '';

const principalCache = new Map<string, PrincipalInfo | PrincipalError>();
/** parsePrincipal (plus the session issuer, when given) with a bounded cache: requests repeat their principal. */
export function principalOf(raw: string, issuer: string | undefined): PrincipalInfo | PrincipalError {
  const key = issuer === undefined ? raw : `${raw}\n${issuer}`;
  let p = principalCache.get(key);
  if (!p) {
    if (principalCache.size > 1000) principalCache.clear();
    p = parsePrincipal(raw);
    if (issuer !== undefined && !isPrincipalError(p)) p = withSessionIssuer(p, issuer);
    principalCache.set(key, p);
  }
  return p;
}

/** One concrete action of a request, `service:Name`: no wildcards. Scenario files are checked against it too. */
export const REQUEST_ACTION = /^[A-Za-z0-9-]+:[A-Za-z0-9]+$/;

export interface Prepared extends PreparedRequest {
  /** where resourceAccount came from; 'aws': the ARN's account segment is `aws`, a resource AWS owns */
  resourceAccountSource: 'request' | 'arn' | 'aws' | 'principal' | 'none';
}

// the context keys of requests and the keys derived for them, lower-cased once: scenario files name the same few
// keys again and again
const keysLower = new Map<string, string>();
function keyLower(key: string): string {
  let lower = keysLower.get(key);
  if (lower === undefined) {
    lower = key.toLowerCase();
    if (keysLower.size >= 1024) keysLower.clear();
    keysLower.set(key, lower);
  }
  return lower;
}

/** Normalizes a request; returns an error message when the principal or action cannot be understood. */
export function prepareRequest(req: RequestInput, hasBoundary: boolean, now: number, derived?: Record<string, unknown>): Prepared | string {
  if (!req || typeof req !== 'object') return l10n.t('the request is missing');
  if (typeof req.principal !== 'string') return l10n.t('request.principal must be a string');
  if (typeof req.action !== 'string' || !REQUEST_ACTION.test(req.action)) {
    return l10n.t('request.action must be one action such as "s3:GetObject", without wildcards (got {0})', String(JSON.stringify(req.action)));
  }
  if (typeof req.resource !== 'string' || !req.resource) return l10n.t('request.resource must be a resource ARN or "*"');
  if (req.sessionIssuer !== undefined && typeof req.sessionIssuer !== 'string') return l10n.t('request.sessionIssuer must be an IAM user or role ARN string');
  const p = principalOf(req.principal, req.sessionIssuer);
  if (isPrincipalError(p)) return p.error;
  let resourceAccount = '';
  let resourceAccountSource: Prepared['resourceAccountSource'] = 'none';
  if (typeof req.resourceAccount === 'string' && req.resourceAccount) {
    const conflict = resourceAccountConflict(req.resource, req.resourceAccount);
    if (conflict) return conflict;
    resourceAccount = req.resourceAccount; resourceAccountSource = 'request';
  } else {
    const a = arnAccount(req.resource);
    if (a) { resourceAccount = a; resourceAccountSource = a === 'aws' ? 'aws' : 'arn'; }
    else if (p.account) { resourceAccount = p.account; resourceAccountSource = 'principal'; }
  }
  const ctx: Context = new Map();
  if (req.context && typeof req.context === 'object') {
    const keys = Object.keys(req.context);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      const v = contextValue(req.context[k]);
      if (v) ctx.set(keyLower(k), v);
    }
  }
  const derivedKeys = principalDerived(p);
  for (let i = 0; i < derivedKeys.length; i++) {
    const d = derivedKeys[i];
    if (ctx.has(d.lower)) continue;
    ctx.set(d.lower, [d.value]);
    if (derived) derived[d.key] = d.value;
  }
  // AWS documents no aws:ResourceAccount for resources AWS owns, so none is derived for them
  deriveRequestContext(resourceAccountSource === 'aws' ? '' : resourceAccount, now, (key, value) => {
    const lower = keyLower(key);
    if (ctx.has(lower)) return;
    ctx.set(lower, [value]);
    if (derived) derived[key] = value;
  });
  const colon = req.action.indexOf(':');
  return {
    action: req.action, actionLower: req.action.toLowerCase(), service: req.action.slice(0, colon).toLowerCase(),
    resource: req.resource, resourceAccount, resourceAccountSource, principal: p, ctx, hasBoundary,
  };
}

/** Where the account segment of an ARN starts (after the fourth colon), or -1 when the string is not an ARN. */
function accountStart(arn: string): number {
  if (!arn.startsWith('arn:')) return -1;
  let i = 3;
  for (let n = 0; n < 3; n++) { i = arn.indexOf(':', i + 1); if (i < 0) return -1; }
  return arn.indexOf(':', i + 1) < 0 ? -1 : i + 1;
}

/** The ARN's account when it names one: 12 digits, or `aws` for resources AWS owns (AWS managed policies); else ''. */
export function arnAccount(arn: string): string {
  const start = accountStart(arn);
  if (start < 0) return '';
  const account = arn.slice(start, arn.indexOf(':', start));
  return account === 'aws' || /^\d{12}$/.test(account) ? account : '';
}

/**
 * Why a request.resourceAccount contradicts the account in the resource ARN, or undefined. The field is for ARNs
 * without an account (S3 buckets and objects); it never overrides the ARN's own account.
 */
export function resourceAccountConflict(resource: string, given: string): string | undefined {
  const start = accountStart(resource);
  // the common case, the same account, is checked without allocating
  if (start < 0 || (resource.startsWith(given, start) && resource.charCodeAt(start + given.length) === 58 /* : */)) return undefined;
  const fromArn = arnAccount(resource);
  if (!fromArn) return undefined;
  return l10n.t('request.resourceAccount "{0}" contradicts the account "{1}" in the resource ARN {2}: resourceAccount is only for ARNs without an account (such as S3 buckets and objects); remove it or correct one of the two', given, fromArn, resource);
}

// ------------------------------------------------------------------------------------------ scanning

export function statementApplies(st: CStatement, req: PreparedRequest, kind: PolicyKind): boolean {
  if (!st.effect) return false;
  return matchActions(st, req) && matchResources(st, req, kind === 'resource') && matchConditions(st, req.ctx);
}

/**
 * ALLOW/DENY bits of the applicable statements of one policy; for resource policies the best principal match too.
 * `applies` hears of each applicable statement, in order, with how its Principal element matched.
 */
export function scan(p: CompiledPolicy, req: PreparedRequest, applies?: (st: CStatement, pm: PMatch) => void): number {
  let bits = 0;
  const list = candidates(p, req.service);
  for (let i = 0; i < list.length; i++) {
    const st = list[i];
    if (!statementApplies(st, req, p.kind)) continue;
    let pm = PMatch.Direct;
    if (checksPrincipal(p.kind, st)) {
      pm = statementPrincipal(st, req);
      if (pm === PMatch.None) continue;
    }
    bits = st.effect === 'Deny' ? bits | DENY : withAllow(bits, pm);
    if (applies) applies(st, pm);
  }
  return bits;
}

/** The scan bits with an applicable Allow whose principal matched as `pm`; the best match so far is kept. */
export function withAllow(bits: number, pm: PMatch): number {
  bits |= ALLOW;
  return pm > bits >> PSHIFT ? (bits & 3) | (pm << PSHIFT) : bits;
}

// ------------------------------------------------------------------------------------------ the flow

/** Outcome codes of decideFlow; OUTCOME_DECISION maps them to decisions and explain.ts to sentences. */
export const enum Outcome {
  InputError, ExplicitDeny, ScpNoAllow, RootFullAccess, ResourceDirect, ResourceRole, ResourceRoleLimited,
  IdentityAllow, NeedsResourceAllow, NoAllow, CrossAccountAllowed, CrossAccountNoResource, CrossAccountNoIdentity,
  PublicAllowed, PublicNoAllow, FederatedNoSession, NoPermissionNeeded, AwsRefuses, PassRoleOtherAccount, PassRoleNotGranted,
}
export const OUTCOME_DECISION: Decision[] = [
  'ImplicitlyDenied', 'ExplicitlyDenied', 'ImplicitlyDenied', 'Allowed', 'Allowed', 'Allowed', 'ImplicitlyDenied',
  'Allowed', 'ImplicitlyDenied', 'ImplicitlyDenied', 'Allowed', 'ImplicitlyDenied', 'ImplicitlyDenied',
  'Allowed', 'ImplicitlyDenied', 'ImplicitlyDenied', 'Allowed', 'ImplicitlyDenied', 'ImplicitlyDenied', 'ImplicitlyDenied',
];

export interface Masks {
  identity: number;
  boundary: number;
  session: number;
  resource: number;
  /** one entry per SCP level, each the OR over its policies */
  scp: number[];
  rcp: number[];
  /** IAM users, roles and their sessions, federated users: the principals that have identity policies */
  identityApplies: boolean;
  /** which guardrails apply to this request */
  scpApplies: boolean;
  rcpApplies: boolean;
  sessionApplies: boolean;
  boundaryApplies: boolean;
  /** the index of the first SCP level without an applicable Allow, or -1 */
  scpGap: number;
}

export function rcpAppliesTo(req: PreparedRequest, catalog: Catalog | undefined): boolean {
  if (req.principal.roleName?.startsWith('AWSServiceRoleFor')) return false;
  return catalog ? catalog.supportsRcp(req.service) : RCP_FALLBACK.has(req.service);
}

export function scpAppliesTo(req: PreparedRequest): boolean {
  const k = req.principal.kind;
  if (k === 'anonymous' || k === 'service' || k === 'web-identity') return false;
  // service-linked roles are exempt from SCPs [R3]
  return !req.principal.roleName?.startsWith('AWSServiceRoleFor');
}

export function computeMasks(set: CompiledSet, req: PreparedRequest, catalog: Catalog | undefined, scanOne: (p: CompiledPolicy) => number): Masks {
  const k = req.principal.kind;
  const identityApplies = k === 'user' || k === 'role-session' || k === 'role' || k === 'federated-user';
  const m: Masks = {
    identity: 0, boundary: 0, session: 0, resource: 0, scp: [], rcp: [], identityApplies,
    scpApplies: set.scp.length > 0 && scpAppliesTo(req),
    rcpApplies: set.rcp.length > 0 && rcpAppliesTo(req, catalog),
    sessionApplies: set.session !== undefined && (k === 'role-session' || k === 'role' || k === 'federated-user'),
    boundaryApplies: set.boundary.length > 0 && identityApplies,
    scpGap: -1,
  };
  if (identityApplies) for (let i = 0; i < set.identity.length; i++) m.identity |= scanOne(set.identity[i]);
  if (m.boundaryApplies) for (let i = 0; i < set.boundary.length; i++) m.boundary |= scanOne(set.boundary[i]);
  if (m.sessionApplies) m.session = scanOne(set.session!);
  if (set.resource) m.resource = scanOne(set.resource);
  if (m.scpApplies) {
    for (let i = 0; i < set.scp.length; i++) {
      let b = 0;
      const policies = set.scp[i].policies;
      for (let k = 0; k < policies.length; k++) b |= scanOne(policies[k]);
      m.scp.push(b);
      if (!(b & ALLOW) && m.scpGap < 0) m.scpGap = i;
    }
  }
  if (m.rcpApplies) {
    for (let i = 0; i < set.rcp.length; i++) {
      const policies = set.rcp[i].policies;
      let b = 0;
      for (let k = 0; k < policies.length; k++) b |= scanOne(policies[k]);
      m.rcp.push(b);
    }
  }
  return m;
}

export function anyDeny(m: Masks): boolean {
  if ((m.identity | m.boundary | m.session | m.resource) & DENY) return true;
  for (let i = 0; i < m.scp.length; i++) if (m.scp[i] & DENY) return true;
  for (let i = 0; i < m.rcp.length; i++) if (m.rcp[i] & DENY) return true;
  return false;
}

/** R1–R8 on the masks, with the per-action rules of actionRules.ts. */
export function decideFlow(m: Masks, req: PreparedRequest, hasSessionPolicy: boolean): Outcome {
  if (needsNoPermission(req)) return Outcome.NoPermissionNeeded;     // sts:GetCallerIdentity, even under a deny
  if (anyDeny(m)) return Outcome.ExplicitDeny;                       // R1
  if (awsRefuses(req) !== undefined) return Outcome.AwsRefuses;
  if (m.scpApplies && m.scpGap >= 0) return Outcome.ScpNoAllow;       // R3; RCPs: RCPFullAWSAccess is implied [R3a]
  const p = req.principal;
  const passRole = isPassRole(req);
  // only identity policies grant iam:PassRole: a resource or trust policy naming the caller does not
  const resourceGrant: PMatch = m.resource & ALLOW && !passRole ? (m.resource >> PSHIFT) : PMatch.None;
  if (p.kind === 'anonymous' || p.kind === 'service' || p.kind === 'web-identity') {
    if (passRole) return Outcome.PassRoleNotGranted;
    return resourceGrant !== PMatch.None ? Outcome.PublicAllowed : Outcome.PublicNoAllow;
  }
  // a resource AWS owns (account segment "aws") has no resource policy: the caller's own side decides
  const sameAccount = p.account === req.resourceAccount || req.resourceAccount === 'aws';
  const boundaryOk = !m.boundaryApplies || (m.boundary & ALLOW) !== 0;
  const sessionOk = m.sessionApplies ? (m.session & ALLOW) !== 0 : !(p.kind === 'federated-user');   // R7: no session policy, no permissions
  const identityOk = p.kind === 'root' || ((m.identity & ALLOW) !== 0 && boundaryOk && sessionOk);   // R2 root, R8
  if (passRole) {
    if (!sameAccount) return Outcome.PassRoleOtherAccount;
    if (p.kind === 'root') return Outcome.RootFullAccess;
    return identityOk ? Outcome.IdentityAllow : Outcome.PassRoleNotGranted;
  }
  const explicitResource = needsResourceAllow(req);
  if (!sameAccount) {                                                  // R4
    if (resourceGrant === PMatch.None) return Outcome.CrossAccountNoResource;
    return identityOk ? Outcome.CrossAccountAllowed : Outcome.CrossAccountNoIdentity;
  }
  if (p.kind === 'root' && !explicitResource) return Outcome.RootFullAccess;
  if (resourceGrant === PMatch.Direct) return Outcome.ResourceDirect;  // R6: user, session, federated-user ARN or "*"
  // R6: a grant to the role, or to the IAM user who federated, is limited by the boundary and the session policy
  // (a federated user without a session policy has no permissions, R7)
  if (resourceGrant === PMatch.Role) return boundaryOk && sessionOk ? Outcome.ResourceRole : Outcome.ResourceRoleLimited;
  if (explicitResource && resourceGrant !== PMatch.Account) return Outcome.NeedsResourceAllow;   // R5 KMS, trust
  if (identityOk) return Outcome.IdentityAllow;                        // R5 union (account grants delegate, R5a)
  if (p.kind === 'federated-user' && !hasSessionPolicy && (m.identity & ALLOW)) return Outcome.FederatedNoSession;
  return Outcome.NoAllow;
}

/** The whole fast path: compile (cached), prepare, scan the candidate statements, decide. */
export function decideCompiled(set: CompiledSet, request: RequestInput, catalog: Catalog | undefined, now: number): Decision {
  const req = prepareRequest(request, set.boundary.length > 0, now);
  if (typeof req === 'string') return 'ImplicitlyDenied';              // R22: an error never allows
  const m = computeMasks(set, req, catalog, (p) => scan(p, req));
  return OUTCOME_DECISION[decideFlow(m, req, set.session !== undefined)];
}
