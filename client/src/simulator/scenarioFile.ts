// Saving the panel as a scenario file and opening one back (format: shared spec scenario.md). Policies are written
// as {"file": "relative/path.json"} so a saved scenario keeps pointing at the policy being edited. Pure: the caller
// maps URIs to file-system paths and back.
import * as path from 'node:path';
import { assumeRoles, DECISIONS, emptyState, isObject, type ContextRow, type Decision, type OrgLevelState, type PanelState, type PolicyRefState } from './state';

/** A policy URI as a path on disk, or undefined (untitled documents): then the policy is written inline. */
export interface PathMapping {
  toPath(uri: string): string | undefined;
  toUri(fsPath: string): string;
  /** the current JSON of a policy that has no path (an untitled editor) */
  inlinePolicy(uri: string): Record<string, unknown> | undefined;
}


function relative(fromFile: string, to: string): string {
  const rel = path.relative(path.dirname(fromFile), to).split(path.sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** The scenario object for the panel's state; disabled policies and levels are left out (the format has no switch). */
export function toScenario(state: PanelState, scenarioPath: string, map: PathMapping): Record<string, unknown> {
  const policy = (p: PolicyRefState): unknown => {
    if (p.uri) {
      const fsPath = map.toPath(p.uri);
      if (fsPath) return { file: relative(scenarioPath, fsPath) };
      const inline = map.inlinePolicy(p.uri);
      return inline ? { ...(p.name ? { name: p.name } : {}), policy: inline } : undefined;
    }
    return p.policy ? { ...(p.name ? { name: p.name } : {}), policy: p.policy } : undefined;
  };
  const list = (ps: PolicyRefState[]) => ps.filter((p) => p.enabled).map(policy).filter((p) => p !== undefined);
  const levels = (ls: OrgLevelState[]) => ls.filter((l) => l.enabled && l.policies.some((p) => p.enabled))
    .map((l) => ({ orgIdentifier: l.orgIdentifier, policies: list(l.policies) }));
  const context: Record<string, unknown> = {};
  for (const row of state.context) {
    if (!row.enabled || !row.key.trim()) continue;
    context[row.key.trim()] = row.type.startsWith('ArrayOf') ? row.value.split(',').map((s) => s.trim()).filter(Boolean) : row.value.trim();
  }
  const r = state.request;
  const out: Record<string, unknown> = {};
  if (state.name.trim()) out.name = state.name.trim();
  const models = state.model.map((u) => map.toPath(u)).filter((f): f is string => !!f).map((f) => ({ file: relative(scenarioPath, f) }));
  if (models.length) out.model = models.length === 1 ? models[0] : models;
  out.identityPolicies = list(state.identityPolicies);
  const boundaries = list(state.permissionBoundaries);
  if (boundaries.length) out.permissionBoundaries = boundaries;
  const session = state.sessionPolicy?.enabled ? policy(state.sessionPolicy) : undefined;
  if (session) out.sessionPolicy = session;
  const resource = state.resourcePolicy?.enabled ? policy(state.resourcePolicy) : undefined;
  if (resource) out.resourcePolicy = resource;
  const scps = levels(state.scps);
  if (scps.length) out.scps = scps;
  const rcps = levels(state.rcps);
  if (rcps.length) out.rcps = rcps;
  out.request = {
    principal: r.principal.trim(), action: r.action.trim(), resource: r.resource.trim(),
    ...(r.resourceAccount.trim() ? { resourceAccount: r.resourceAccount.trim() } : {}),
    ...(r.sessionIssuer.trim() ? { sessionIssuer: r.sessionIssuer.trim() } : {}),
    ...(assumeRoles(r.assumeRole).length ? { assumeRole: assumeRoles(r.assumeRole) } : {}),
    ...(r.passRole.trim() ? { passRole: r.passRole.trim() } : {}),
    ...(Object.keys(context).length ? { context } : {}),
  };
  if (state.expected) out.expected = state.expected;
  return out;
}

/** The scenarios of a parsed scenario file: one object, an array, or {"scenarios": [...]}. */
export function scenarioList(json: unknown): unknown[] {
  if (Array.isArray(json)) return json;
  if (isObject(json) && Array.isArray(json.scenarios)) return json.scenarios;
  return isObject(json) ? [json] : [];
}

export function scenarioNames(json: unknown): string[] {
  return scenarioList(json).map((s, i) => (isObject(s) && typeof s.name === 'string' ? s.name : `scenario ${i + 1}`));
}

/**
 * The panel state for scenario `index` of a scenario file. Throws an Error naming the JSON path when the scenario
 * is not of the format (the panel shows it).
 */
export function fromScenario(json: unknown, index: number, scenarioPath: string, map: PathMapping): PanelState {
  const list = scenarioList(json);
  const s = list[index];
  const where = `scenario ${index + 1}`;
  if (!isObject(s)) throw new Error(`${where}: expected a scenario object (the file holds ${list.length} scenario(s))`);
  const policy = (v: unknown, at: string): PolicyRefState => {
    if (!isObject(v)) throw new Error(`${where} ${at}: expected a policy object, {"name", "policy"} or {"file"}`);
    if (typeof v.file === 'string') return { uri: map.toUri(path.resolve(path.dirname(scenarioPath), v.file)), ...(typeof v.name === 'string' ? { name: v.name } : {}), enabled: true };
    if (isObject(v.policy)) return { policy: v.policy, ...(typeof v.name === 'string' ? { name: v.name } : {}), enabled: true };
    if ('Statement' in v) return { policy: v, enabled: true };
    throw new Error(`${where} ${at}: expected a policy document, {"name", "policy"} or {"file": "relative/path.json"}`);
  };
  const list2 = (v: unknown, at: string): PolicyRefState[] =>
    v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((p, i) => policy(p, `${at}[${i}]`));
  const levels = (v: unknown, at: string): OrgLevelState[] => {
    if (v === undefined) return [];
    if (!Array.isArray(v)) throw new Error(`${where} ${at}: expected an array`);
    if (!v.some((x) => isObject(x) && 'orgIdentifier' in x)) return v.length ? [{ orgIdentifier: 'account', enabled: true, policies: list2(v, at) }] : [];
    return v.map((l, i) => {
      if (!isObject(l) || typeof l.orgIdentifier !== 'string') throw new Error(`${where} ${at}[${i}]: expected {"orgIdentifier", "policies"}`);
      return { orgIdentifier: l.orgIdentifier, enabled: true, policies: list2(l.policies, `${at}[${i}].policies`) };
    });
  };
  const r = isObject(s.request) ? s.request : {};
  const context: ContextRow[] = isObject(r.context)
    ? Object.entries(r.context).map(([key, value]) => ({
      key,
      type: Array.isArray(value) ? 'ArrayOfString' : typeof value === 'boolean' ? 'Bool' : typeof value === 'number' ? 'Numeric' : 'String',
      value: Array.isArray(value) ? value.map(String).join(', ') : String(value),
      enabled: true,
    }))
    : [];
  const models = s.model === undefined ? [] : (Array.isArray(s.model) ? s.model : [s.model]).map((m, i) => {
    if (!isObject(m) || typeof m.file !== 'string') throw new Error(`${where} model${Array.isArray(s.model) ? `[${i}]` : ''}: expected {"file": "relative/path.iam-model.json"}`);
    return map.toUri(path.resolve(path.dirname(scenarioPath), m.file));
  });
  const state = emptyState();
  return {
    ...state,
    name: typeof s.name === 'string' ? s.name : '',
    model: models,
    identityPolicies: list2(s.identityPolicies, 'identityPolicies'),
    permissionBoundaries: list2(s.permissionBoundaries, 'permissionBoundaries'),
    sessionPolicy: s.sessionPolicy === undefined ? null : policy(s.sessionPolicy, 'sessionPolicy'),
    resourcePolicy: s.resourcePolicy === undefined ? null : policy(s.resourcePolicy, 'resourcePolicy'),
    scps: levels(s.scps, 'scps'),
    rcps: levels(s.rcps, 'rcps'),
    request: {
      principal: typeof r.principal === 'string' ? r.principal : state.request.principal,
      action: typeof r.action === 'string' ? r.action : '',
      resource: typeof r.resource === 'string' ? r.resource : '',
      resourceAccount: typeof r.resourceAccount === 'string' ? r.resourceAccount : '',
      sessionIssuer: typeof r.sessionIssuer === 'string' ? r.sessionIssuer : '',
      assumeRole: typeof r.assumeRole === 'string' ? r.assumeRole : Array.isArray(r.assumeRole) ? r.assumeRole.filter((x): x is string => typeof x === 'string').join(', ') : '',
      passRole: typeof r.passRole === 'string' ? r.passRole : '',
    },
    context,
    expected: typeof s.expected === 'string' && DECISIONS.includes(s.expected as Decision) ? (s.expected as Decision) : '',
  };
}
