// The Simulate Request panel's state: what the webview shows and persists (setState / the panel serializer), and
// its translation to the server's iamPolicy/simulate parameters. Pure (no vscode import) so unit tests run in Node.
import type { SimulateModelParams, SimulateParams, SimulatePolicyRef } from '../../../server/src/protocol';

export type Decision = 'Allowed' | 'ExplicitlyDenied' | 'ImplicitlyDenied';
export const DECISIONS: readonly Decision[] = ['Allowed', 'ExplicitlyDenied', 'ImplicitlyDenied'];

/** Where a policy sits in the panel. */
export type Slot = 'identity' | 'boundary' | 'session' | 'resource' | 'scp' | 'rcp';
export const SLOTS: readonly Slot[] = ['identity', 'boundary', 'session', 'resource', 'scp', 'rcp'];

/** A chosen policy: a workspace file by URI, or an inline policy object from a scenario file. */
export interface PolicyRefState {
  uri?: string;
  name?: string;
  policy?: Record<string, unknown>;
  enabled: boolean;
}

/** One level of the organization (root, OU, account) with its SCPs or RCPs. */
export interface OrgLevelState {
  orgIdentifier: string;
  enabled: boolean;
  policies: PolicyRefState[];
}

/** A row of the context-key table; `value` is the text typed (lists comma-separated for ArrayOf* keys). */
export interface ContextRow {
  key: string;
  /** catalog type (String, ArrayOfString, Bool, Numeric, Date, IPAddress, ARN, ...) */
  type: string;
  value: string;
  /** sent with the request; rows pre-filled from the policies start off until a value is typed */
  enabled: boolean;
}

export interface PanelState {
  version: 1;
  name: string;
  /** URIs of the IAM model files the request runs against (the principal's policies are gathered from them); [] = none */
  model: string[];
  identityPolicies: PolicyRefState[];
  permissionBoundaries: PolicyRefState[];
  sessionPolicy: PolicyRefState | null;
  resourcePolicy: PolicyRefState | null;
  scps: OrgLevelState[];
  rcps: OrgLevelState[];
  /**
   * sessionIssuer: the IAM user (or role) whose credentials created the caller's session; '' when not given.
   * With a model: assumeRole, the roles assumed in turn before the action (separated by commas or spaces), and
   * passRole, the role the action hands to its service; the result then carries the flow's `steps`.
   */
  request: { principal: string; action: string; resource: string; resourceAccount: string; sessionIssuer: string; assumeRole: string; passRole: string };
  context: ContextRow[];
  expected: '' | Decision;
}

export const LIMITS = { policies: 50, levels: 10, contextRows: 100, text: 20_000, policyJson: 200_000 } as const;

/** The principal a new panel starts with: a placeholder IAM user. */
export const DEFAULT_PRINCIPAL = 'arn:aws:iam::111122223333:user/alice';
const PLACEHOLDER_USER = /^arn:[a-z-]+:iam::\d{12}:user\/alice$/;

/**
 * The principal for simulating a statement on `resource`. While the principal is still the placeholder user, it moves
 * to the account of the resource ARN (when the ARN names a 12-digit account), so that a statement simulates as what it
 * says instead of as a cross-account request. A principal the user typed is kept.
 */
export function principalForResource(principal: string, resource: string): string {
  if (!PLACEHOLDER_USER.test(principal)) return principal;
  const m = /^arn:([a-z-]+):[^:]*:[^:]*:(\d{12}):/.exec(resource);
  return m ? `arn:${m[1]}:iam::${m[2]}:user/alice` : principal;
}

export function emptyState(): PanelState {
  return {
    version: 1,
    name: '',
    model: [],
    identityPolicies: [],
    permissionBoundaries: [],
    sessionPolicy: null,
    resourcePolicy: null,
    scps: [],
    rcps: [],
    request: { principal: DEFAULT_PRINCIPAL, action: '', resource: '', resourceAccount: '', sessionIssuer: '', assumeRole: '', passRole: '' },
    context: [],
    expected: '',
  };
}

// ------------------------------------------------------------------ validation

/** A validation failure: `path` names the offending field, `message` what was expected there. */
export class InvalidMessage extends Error {
  constructor(readonly path: string, message: string) {
    super(`${path}: ${message}`);
  }
}

export const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

export function str(v: unknown, path: string, max: number = LIMITS.text): string {
  if (typeof v !== 'string') throw new InvalidMessage(path, `expected a string, got ${describe(v)}`);
  if (v.length > max) throw new InvalidMessage(path, `longer than ${max} characters`);
  return v;
}

function bool(v: unknown, path: string): boolean {
  if (typeof v !== 'boolean') throw new InvalidMessage(path, `expected true or false, got ${describe(v)}`);
  return v;
}

function arr(v: unknown, path: string, max: number): unknown[] {
  if (!Array.isArray(v)) throw new InvalidMessage(path, `expected an array, got ${describe(v)}`);
  if (v.length > max) throw new InvalidMessage(path, `more than ${max} items`);
  return v;
}

export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)?.slice(0, 40)}`;
}

/** URIs the panel may name: file and untitled documents, plus what a remote host uses. */
export function uri(v: unknown, path: string): string {
  const s = str(v, path, 4096);
  if (!/^(file|untitled|vscode-remote|vscode-vfs):/.test(s)) throw new InvalidMessage(path, `expected a file: or untitled: URI, got ${JSON.stringify(s.slice(0, 60))}`);
  return s;
}

export function validatePolicyRef(v: unknown, path: string): PolicyRefState {
  if (!isObject(v)) throw new InvalidMessage(path, `expected a policy reference object, got ${describe(v)}`);
  const out: PolicyRefState = { enabled: v.enabled === undefined ? true : bool(v.enabled, `${path}.enabled`) };
  if (v.uri !== undefined) out.uri = uri(v.uri, `${path}.uri`);
  if (v.name !== undefined) out.name = str(v.name, `${path}.name`, 500);
  if (v.policy !== undefined) {
    if (!isObject(v.policy)) throw new InvalidMessage(`${path}.policy`, 'expected a policy document object');
    if (JSON.stringify(v.policy).length > LIMITS.policyJson) throw new InvalidMessage(`${path}.policy`, `larger than ${LIMITS.policyJson} characters`);
    out.policy = v.policy;
  }
  if (out.uri === undefined && out.policy === undefined) throw new InvalidMessage(path, 'a policy needs "uri" or "policy"');
  return out;
}

function validateLevel(v: unknown, path: string): OrgLevelState {
  if (!isObject(v)) throw new InvalidMessage(path, `expected {orgIdentifier, enabled, policies}, got ${describe(v)}`);
  return {
    orgIdentifier: str(v.orgIdentifier, `${path}.orgIdentifier`, 200),
    enabled: v.enabled === undefined ? true : bool(v.enabled, `${path}.enabled`),
    policies: arr(v.policies, `${path}.policies`, LIMITS.policies).map((p, i) => validatePolicyRef(p, `${path}.policies[${i}]`)),
  };
}

function validateRow(v: unknown, path: string): ContextRow {
  if (!isObject(v)) throw new InvalidMessage(path, `expected {key, type, value, enabled}, got ${describe(v)}`);
  const key = str(v.key, `${path}.key`, 300);
  return { key, type: str(v.type, `${path}.type`, 40), value: str(v.value, `${path}.value`), enabled: bool(v.enabled, `${path}.enabled`) };
}

/** Checks a state from the webview or from a restored panel; throws InvalidMessage naming the bad field. */
export function validatePanelState(v: unknown, path = 'state'): PanelState {
  if (!isObject(v)) throw new InvalidMessage(path, `expected the panel state object, got ${describe(v)}`);
  if (v.version !== 1) throw new InvalidMessage(`${path}.version`, `expected 1, got ${describe(v.version)}`);
  const r = v.request;
  if (!isObject(r)) throw new InvalidMessage(`${path}.request`, `expected {principal, action, resource, resourceAccount}, got ${describe(r)}`);
  const expected = v.expected === undefined ? '' : str(v.expected, `${path}.expected`, 40);
  if (expected !== '' && !DECISIONS.includes(expected as Decision)) throw new InvalidMessage(`${path}.expected`, `expected "" or one of ${DECISIONS.join(', ')}`);
  return {
    version: 1,
    name: v.name === undefined ? '' : str(v.name, `${path}.name`, 500),
    model: v.model === undefined ? [] : arr(v.model, `${path}.model`, LIMITS.policies).map((u, i) => uri(u, `${path}.model[${i}]`)),
    identityPolicies: arr(v.identityPolicies, `${path}.identityPolicies`, LIMITS.policies).map((p, i) => validatePolicyRef(p, `${path}.identityPolicies[${i}]`)),
    permissionBoundaries: arr(v.permissionBoundaries, `${path}.permissionBoundaries`, LIMITS.policies).map((p, i) => validatePolicyRef(p, `${path}.permissionBoundaries[${i}]`)),
    sessionPolicy: v.sessionPolicy == null ? null : validatePolicyRef(v.sessionPolicy, `${path}.sessionPolicy`),
    resourcePolicy: v.resourcePolicy == null ? null : validatePolicyRef(v.resourcePolicy, `${path}.resourcePolicy`),
    scps: arr(v.scps, `${path}.scps`, LIMITS.levels).map((l, i) => validateLevel(l, `${path}.scps[${i}]`)),
    rcps: arr(v.rcps, `${path}.rcps`, LIMITS.levels).map((l, i) => validateLevel(l, `${path}.rcps[${i}]`)),
    request: {
      principal: str(r.principal, `${path}.request.principal`, 2048),
      action: str(r.action, `${path}.request.action`, 300),
      resource: str(r.resource, `${path}.request.resource`, 2048),
      resourceAccount: str(r.resourceAccount ?? '', `${path}.request.resourceAccount`, 100),
      sessionIssuer: str(r.sessionIssuer ?? '', `${path}.request.sessionIssuer`, 2048),
      assumeRole: str(r.assumeRole ?? '', `${path}.request.assumeRole`, LIMITS.text),
      passRole: str(r.passRole ?? '', `${path}.request.passRole`, 2048),
    },
    context: arr(v.context, `${path}.context`, LIMITS.contextRows).map((row, i) => validateRow(row, `${path}.context[${i}]`)),
    expected: expected as PanelState['expected'],
  };
}

// ------------------------------------------------------------------ to the server

/** The typed value of a context row: ArrayOf* keys split on commas, everything else the trimmed text. */
export function contextValue(row: ContextRow): string | string[] {
  if (row.type.startsWith('ArrayOf')) return row.value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  return row.value.trim();
}

/** The request context: enabled rows with a key, later rows winning. */
export function contextOf(rows: ContextRow[]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const row of rows) if (row.enabled && row.key.trim()) out[row.key.trim()] = contextValue(row);
  return out;
}

const ref = (p: PolicyRefState): SimulatePolicyRef => ({
  ...(p.uri ? { uri: p.uri } : {}), ...(p.policy ? { policy: p.policy } : {}), ...(p.name ? { name: p.name } : {}), enabled: p.enabled,
});

/** the roles of the form's "Assume roles" field, in order */
export const assumeRoles = (text: string): string[] => text.split(/[\s,]+/).filter((x) => x !== '');

/** The server's parameters; with model files, a simulate-as-principal request (the server gathers the policies). */
export function toSimulateParams(s: PanelState): SimulateParams | SimulateModelParams {
  const level = (l: OrgLevelState) => ({ orgIdentifier: l.orgIdentifier, enabled: l.enabled, policies: l.policies.map(ref) });
  const r = s.request;
  return {
    identityPolicies: s.identityPolicies.map(ref),
    permissionBoundaries: s.permissionBoundaries.map(ref),
    ...(s.sessionPolicy ? { sessionPolicy: ref(s.sessionPolicy) } : {}),
    ...(s.resourcePolicy ? { resourcePolicy: ref(s.resourcePolicy) } : {}),
    scps: s.scps.map(level),
    rcps: s.rcps.map(level),
    request: {
      principal: r.principal.trim(), action: r.action.trim(), resource: r.resource.trim(),
      ...(r.resourceAccount.trim() ? { resourceAccount: r.resourceAccount.trim() } : {}),
      ...(r.sessionIssuer.trim() ? { sessionIssuer: r.sessionIssuer.trim() } : {}),
      ...(assumeRoles(r.assumeRole).length ? { assumeRole: assumeRoles(r.assumeRole) } : {}),
      ...(r.passRole.trim() ? { passRole: r.passRole.trim() } : {}),
      context: contextOf(s.context),
    },
    ...(s.expected ? { expected: s.expected } : {}),
    ...(s.model.length ? { model: { uris: [...s.model] } } : {}),
  };
}

/**
 * Every policy and model file URI the state names (enabled or not): a change to any of these re-evaluates. A policy
 * inside a template (`<template>#iam-embedded=<id>`) counts as its template file.
 */
export function policyUris(s: PanelState): string[] {
  const all = [...s.model.map((uri) => ({ uri })), ...s.identityPolicies, ...s.permissionBoundaries, ...(s.sessionPolicy ? [s.sessionPolicy] : []),
    ...(s.resourcePolicy ? [s.resourcePolicy] : []), ...s.scps.flatMap((l) => l.policies), ...s.rcps.flatMap((l) => l.policies)];
  return [...new Set(all.map((p) => p.uri && templateOfReference(p.uri)).filter((u): u is string => !!u))];
}

/** The template file of an embedded policy's reference; any other URI as it is. */
export function templateOfReference(uri: string): string {
  return uri.replace(/#iam-embedded(=|%3D).*$/s, '');
}

/** Puts a policy in a slot: lists get it appended (once), single slots replace. SCP/RCP go to the last level. */
export function addPolicy(s: PanelState, slot: Slot, p: PolicyRefState, level?: number): PanelState {
  const next: PanelState = structuredClone(s);
  const addTo = (list: PolicyRefState[]) => { if (!p.uri || !list.some((x) => x.uri === p.uri)) list.push(p); };
  switch (slot) {
    case 'identity': addTo(next.identityPolicies); break;
    case 'boundary': next.permissionBoundaries = [p]; break;
    case 'session': next.sessionPolicy = p; break;
    case 'resource': next.resourcePolicy = p; break;
    case 'scp': case 'rcp': {
      const levels = slot === 'scp' ? next.scps : next.rcps;
      if (!levels.length) levels.push({ orgIdentifier: slot === 'scp' ? 'account' : 'account', enabled: true, policies: [] });
      const i = level !== undefined && level >= 0 && level < levels.length ? level : levels.length - 1;
      addTo(levels[i].policies);
      break;
    }
  }
  return next;
}
