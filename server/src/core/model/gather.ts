// Requests against a model (shared/spec/iam-model.md §2): resolve a short or full principal, and gather the policies
// that apply to its request: identity policies (own inline and managed, and for a user its groups'), the permissions
// boundary, the organization's SCP/RCP levels, the resource's policy and the resource account. Pure.
import { isPrincipalError, parseArn, parsePrincipal } from '../arn';
import type { OrgLevel, PolicySource, Scenario } from '../evaluator';
import { suggest } from '../suggest';
import type { IamModel, ModelDocument, ModelRole, ModelUser, PolicyAttachment, SourceLocation } from './types';
import * as l10n from '../localize';

const didYouMean = (xs: string[]): string => (xs.length ? ` ${l10n.t('Did you mean {0}?', xs.map((x) => `"${x}"`).join(l10n.t(' or ')))}` : '');

export type OriginKind = 'user-inline' | 'group-inline' | 'role-inline' | 'customer-managed' | 'aws-managed' | 'trust' | 'resource' | 'scp' | 'rcp';

/** Where a gathered policy came from. */
export interface PolicyOrigin {
  kind: OriginKind;
  /** "inline policy S3Read of user Hoge", "arn:aws:iam::aws:policy/ReadOnlyAccess via group Developers" */
  label: string;
  group?: string;
  arn?: string;
  /** where the document is written in the model; absent for a bundled AWS managed policy */
  at?: SourceLocation;
  /** the policy file a `{"file": ...}` reference read */
  file?: string;
}

export type GatheredType = 'identity' | 'boundary' | 'resource' | 'scp' | 'rcp';

export interface GatheredPolicy {
  policyType: GatheredType;
  source: PolicySource;
  origin: PolicyOrigin;
  orgIdentifier?: string;
}

export interface ResolvedPrincipal {
  entity: ModelUser | ModelRole;
  /** the request principal: the user ARN, or a session of the role */
  principal: string;
  /** the role ARN (with its path) for a role session */
  sessionIssuer?: string;
}

export interface PrincipalNotFound { error: string; candidates: string[] }

export const DEFAULT_SESSION_NAME = 'session';

function* entities(model: IamModel): Generator<ModelUser | ModelRole> {
  for (const a of model.accounts.values()) { yield* a.users.values(); yield* a.roles.values(); }
}

const sessionOf = (role: ModelRole, session = DEFAULT_SESSION_NAME) => `arn:aws:sts::${role.account}:assumed-role/${role.name}/${session}`;

/**
 * The user or role a principal names: `user/Hoge`, `role/ReadOnlyRole` (searched in every account; a name found in
 * several accounts is an error listing the ARNs), or a full user, role or assumed-role ARN. A role means a session of
 * it. Undefined when the principal is not an IAM user or role (a service principal, root, anonymous): nothing to gather.
 */
export function resolvePrincipal(model: IamModel, text: string): ResolvedPrincipal | PrincipalNotFound | undefined {
  const t = text.trim();
  const short = /^(user|role)\/(.+)$/.exec(t);
  if (short) {
    const kind = short[1] as 'user' | 'role';
    const name = short[2].slice(short[2].lastIndexOf('/') + 1);
    const found: (ModelUser | ModelRole)[] = [];
    for (const a of model.accounts.values()) {
      const e = (kind === 'user' ? a.users : a.roles).get(name.toLowerCase());
      if (e) found.push(e);
    }
    if (found.length > 1) {
      return { error: l10n.t('"{0}" is in several accounts of the model; give the full ARN: {1}', t, found.map((e) => e.arn).join(', ')), candidates: found.map((e) => e.arn) };
    }
    if (!found.length) {
      const names = [...entities(model)].filter((e) => e.kind === kind).map((e) => e.name);
      const close = suggest(name, names);
      return { error: (kind === 'user' ? l10n.t('no user "{0}" in the model.', name) : l10n.t('no role "{0}" in the model.', name)) + didYouMean(close.map((n) => `${kind}/${n}`)), candidates: close.map((n) => `${kind}/${n}`) };
    }
    return asRequest(found[0]);
  }
  const p = parsePrincipal(t);
  if (isPrincipalError(p)) return { error: p.error, candidates: [] };
  if (p.kind !== 'user' && p.kind !== 'role' && p.kind !== 'role-session') return undefined;
  const acct = model.accounts.get(p.account);
  const name = p.kind === 'user' ? p.userName! : p.roleName!;
  const e = acct ? (p.kind === 'user' ? acct.users : acct.roles).get(name.toLowerCase()) : undefined;
  if (!e) {
    const kind = p.kind === 'user' ? 'user' : 'role';
    const pool = acct ? [...(kind === 'user' ? acct.users : acct.roles).values()].map((x) => x.name) : [];
    const close = suggest(name, pool);
    return {
      error: (!acct ? l10n.t('account {0} is not in the model.', p.account) : kind === 'user' ? l10n.t('account {0} of the model has no user "{1}".', p.account, name) : l10n.t('account {0} of the model has no role "{1}".', p.account, name))
        + didYouMean(close.map((n) => `${kind}/${n}`)),
      candidates: close.map((n) => `${kind}/${n}`),
    };
  }
  if (p.kind === 'role-session') return { entity: e, principal: t, sessionIssuer: e.arn };
  return asRequest(e);
}

function asRequest(e: ModelUser | ModelRole): ResolvedPrincipal {
  return e.kind === 'user' ? { entity: e, principal: e.arn } : { entity: e, principal: sessionOf(e), sessionIssuer: e.arn };
}

export const isNotFound = (r: ResolvedPrincipal | PrincipalNotFound | undefined): r is PrincipalNotFound => !!r && 'error' in r;

function docSource(doc: ModelDocument): PolicySource {
  const s: PolicySource = { name: doc.name, policy: doc.document };
  if (doc.file) { s.file = doc.file; s.text = doc.decodedText; } else s.file = doc.at.file;
  return s;
}

/** "inline policy S3Read of user Hoge": one sentence per owner kind, so each translates whole */
export function inlinePolicyLabel(name: string, ownerKind: 'user' | 'group' | 'role', owner: string): string {
  switch (ownerKind) {
    case 'user': return l10n.t('inline policy {0} of user {1}', name, owner);
    case 'group': return l10n.t('inline policy {0} of group {1}', name, owner);
    case 'role': return l10n.t('inline policy {0} of role {1}', name, owner);
  }
}

function boundaryInlineLabel(name: string, ownerKind: 'user' | 'role', owner: string): string {
  return ownerKind === 'user' ? l10n.t('boundary {0} of user {1}', name, owner) : l10n.t('boundary {0} of role {1}', name, owner);
}

function managedLabel(arn: string, ownerKind: 'user' | 'group' | 'role', owner: string, boundary: boolean, group?: string): string {
  if (group) return l10n.t('{0} via group {1}', arn, group);
  if (boundary) return ownerKind === 'role' ? l10n.t('boundary {0} attached to role {1}', arn, owner) : l10n.t('boundary {0} attached to user {1}', arn, owner);
  switch (ownerKind) {
    case 'user': return l10n.t('{0} attached to user {1}', arn, owner);
    case 'group': return l10n.t('{0} attached to group {1}', arn, owner);
    case 'role': return l10n.t('{0} attached to role {1}', arn, owner);
  }
}

function attachmentPolicy(a: PolicyAttachment, owner: string, ownerKind: 'user' | 'group' | 'role', policyType: GatheredType, group?: string): GatheredPolicy {
  const boundary = policyType === 'boundary';
  if (a.kind === 'inline') {
    const kind: OriginKind = boundary ? (ownerKind === 'role' ? 'role-inline' : 'user-inline') : `${ownerKind}-inline`;
    const label = boundary ? boundaryInlineLabel(a.doc.name, ownerKind === 'role' ? 'role' : 'user', owner) : inlinePolicyLabel(a.doc.name, ownerKind, owner);
    return { policyType, source: docSource(a.doc), origin: { kind, label, group, at: a.doc.at, file: a.doc.file } };
  }
  const p = a.policy;
  return {
    policyType,
    source: { name: p.name, policy: p.document, file: p.at?.file },
    origin: { kind: p.awsManaged ? 'aws-managed' : 'customer-managed', label: managedLabel(p.arn, ownerKind, owner, boundary, group), group, arn: p.arn, at: p.at },
  };
}

/** The identity policies and the boundary of a user or role, in evaluation order (own, then each group's). */
export function principalPolicies(e: ModelUser | ModelRole): GatheredPolicy[] {
  const out: GatheredPolicy[] = e.policies.map((a) => attachmentPolicy(a, e.name, e.kind, 'identity'));
  if (e.kind === 'user') {
    for (const g of e.groups) out.push(...g.policies.map((a) => attachmentPolicy(a, g.name, 'group', 'identity', g.name)));
  }
  if (e.boundary) out.push(attachmentPolicy(e.boundary, e.name, e.kind, 'boundary'));
  return out;
}

/** SCP or RCP levels of the model's organization (they apply to every account of the model). */
export function orgPolicies(model: IamModel, kind: 'scp' | 'rcp'): GatheredPolicy[] {
  const out: GatheredPolicy[] = [];
  for (const lvl of kind === 'scp' ? model.scps : model.rcps) {
    for (const d of lvl.policies) {
      out.push({ policyType: kind, orgIdentifier: lvl.orgIdentifier, source: docSource(d), origin: { kind, label: kind === 'scp' ? l10n.t('SCP {0} at {1}', d.name, lvl.orgIdentifier) : l10n.t('RCP {0} at {1}', d.name, lvl.orgIdentifier), at: d.at, file: d.file } });
    }
  }
  return out;
}

/** The account that holds a resource ARN in the model, and its resource-based policy (spec §2). */
export function resourceOf(model: IamModel, action: string, resource: string): { account?: string; policy?: GatheredPolicy } {
  const a = parseArn(resource);
  if (!a) return {};
  if (/^sts:AssumeRole/i.test(action) && a.service === 'iam' && a.resource.startsWith('role/')) {
    const acct = model.accounts.get(a.account);
    const role = acct?.roles.get(a.resource.slice(a.resource.lastIndexOf('/') + 1).toLowerCase());
    if (!role) return { account: a.account || undefined };
    const policy: GatheredPolicy | undefined = role.trustPolicy && {
      policyType: 'resource', source: docSource(role.trustPolicy),
      origin: { kind: 'trust', label: l10n.t('trust policy of role {0}', role.name), arn: role.arn, at: role.trustPolicy.at, file: role.trustPolicy.file },
    };
    return { account: role.account, policy };
  }
  const candidates = [resource];
  // an S3 object's policy is its bucket's
  if (a.service === 's3' && a.resource.includes('/')) candidates.push(`arn:${a.partition}:s3:::${a.resource.slice(0, a.resource.indexOf('/'))}`);
  for (const arn of candidates) {
    for (const acct of model.accounts.values()) {
      const doc = acct.resources.get(arn);
      if (doc) return { account: acct.id, policy: { policyType: 'resource', source: docSource(doc), origin: { kind: 'resource', label: l10n.t('resource policy of {0} (account {1})', arn, acct.id), arn, at: doc.at, file: doc.file } } };
    }
  }
  return { account: a.account && /^\d{12}$/.test(a.account) ? a.account : undefined };
}

export interface ModelScenario {
  scenario: Scenario;
  gathered: GatheredPolicy[];
  /** the user or role ARN the principal resolved to */
  principalArn?: string;
  errors: string[];
}

/**
 * A scenario as the evaluator takes it, with what the model knows: the principal made full, identity policies added to
 * the scenario's own, and boundary, resource policy, SCP/RCP levels and resource account taken from the model unless
 * the scenario gives them.
 */
export function applyModel(model: IamModel, scenario: Scenario): ModelScenario {
  const errors: string[] = [];
  const gathered: GatheredPolicy[] = [];
  const request = { ...scenario.request };
  const out: Scenario = { ...scenario, request };
  let principalArn: string | undefined;
  const resolved = resolvePrincipal(model, request.principal);
  if (isNotFound(resolved)) errors.push(`request.principal: ${resolved.error}`);
  else if (resolved) {
    principalArn = resolved.entity.arn;
    request.principal = resolved.principal;
    if (resolved.sessionIssuer && !request.sessionIssuer) request.sessionIssuer = resolved.sessionIssuer;
    const own = principalPolicies(resolved.entity);
    const identity = own.filter((g) => g.policyType === 'identity');
    gathered.push(...identity);
    out.identityPolicies = [...identity.map((g) => g.source), ...scenario.identityPolicies];
    const boundary = own.find((g) => g.policyType === 'boundary');
    if (boundary && !scenario.permissionBoundaries.length) { gathered.push(boundary); out.permissionBoundaries = [boundary.source]; }
  }
  const levels = (kind: 'scp' | 'rcp'): OrgLevel[] => {
    const ps = orgPolicies(model, kind);
    gathered.push(...ps);
    const byLevel = new Map<string, PolicySource[]>();
    for (const g of ps) { const k = g.orgIdentifier!; if (!byLevel.has(k)) byLevel.set(k, []); byLevel.get(k)!.push(g.source); }
    return [...byLevel].map(([orgIdentifier, policies]) => ({ orgIdentifier, policies }));
  };
  if (!scenario.scps.length) out.scps = levels('scp');
  if (!scenario.rcps.length) out.rcps = levels('rcp');
  const res = resourceOf(model, request.action, request.resource);
  if (res.policy && !scenario.resourcePolicy) { gathered.push(res.policy); out.resourcePolicy = res.policy.source; }
  if (res.account && !request.resourceAccount) request.resourceAccount = res.account;
  return { scenario: out, gathered, principalArn, errors };
}
