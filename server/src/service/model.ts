// The IAM model for the editor: model files by URI (open text first, then disk) loaded through core/model, answers
// for the explorer listing, simulate-as-principal, effective permissions and AWS managed policy documents, and the
// source ranges of JSON paths so every item can be opened where it is written. Pure: file text comes through ReadText.
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import type { Catalog } from '../core/catalog/catalog';
import { formatPath, type JsonPath } from '../core/evaluator';
import { effectivePermissions } from '../core/model/access';
import { simulateFlow, type Flow } from '../core/model/flows';
import { escalationPaths, whoCan, type PathEdge } from '../core/model/paths';
import { applyModel, inlinePolicyLabel, isNotFound, orgPolicies, principalPolicies, resolvePrincipal, type GatheredPolicy, type PolicyOrigin } from '../core/model/gather';
import { loadModel, type LoadedModel } from '../core/model/load';
import { trustedPrincipals } from '../core/model/trustedServices';
import { AWS_MANAGED_ARN_PREFIX, isAwsManagedArn, type ManagedPolicies } from '../core/model/managedPolicies';
import type { ModelDocument, ModelGroup, ModelProblem as CoreProblem, ModelRole, ModelUser, PolicyAttachment } from '../core/model/types';
import { nestingTooDeepAt } from '../core/policy/model';
import { LineIndex, type Range } from '../core/text';
import {
  MANAGED_POLICY_SCHEME, type EffectivePermissionsParams, type EffectivePermissionsResult, type EscalationPathsParams, type EscalationPathsResult, type WhoCanParams, type WhoCanResult, type ManagedPolicyResult,
  type ModelAccountItem, type ModelListResult, type ModelPolicyItem, type ModelPolicyOrigin, type ModelProblem,
  type SimulateModelInfo, type SimulateModelParams, type SimulateResult,
} from '../protocol';
import { resolveRelative, simulateForPanel, type ReadText, type ScenarioModelApplier } from './simulate';
import * as l10n from '@vscode/l10n';

/** Above this size a model file gets no source ranges (building its syntax tree would cost seconds). */
export const MAX_RANGED_MODEL_CHARS = 8 * 1024 * 1024;

/** What reading a file gave: its text, or the error that goes into the model's problems. */
type Outcome = string | { error: string };
const outcomeOf = (r: ReturnType<ReadText>, uri: string): Outcome => (typeof r === 'string' ? r : { error: r ? r.reason ?? r.error : uri });
const sameOutcome = (a: Outcome, b: Outcome) => (typeof a === 'string' ? a === b : typeof b !== 'string' && a.error === b.error);

/** Each loaded set of model files, with what every file it read gave (the model files, then the policy files they name). */
const cache = new Map<string, { read: [string, Outcome][]; loaded: LoadedModel }>();

/** A reader that reads each URI once: one request looks up thousands of ranges in the same files. */
export function readOnce(read: ReadText): ReadText {
  const seen = new Map<string, ReturnType<ReadText>>();
  return (uri) => {
    if (!seen.has(uri)) seen.set(uri, read(uri));
    return seen.get(uri);
  };
}

/**
 * The model made of these files; loaded again only when what a file reads as changed, a model file or a policy file
 * one of them names. A reader that returns the same string object for an unchanged file (the server's does) makes
 * the check O(1) per file. Unreadable files are problems.
 */
export function loadModelUris(uris: string[], readText: ReadText, managed: ManagedPolicies): LoadedModel {
  const read = readOnce(readText);
  const list = [...new Set(uris.filter((u) => typeof u === 'string' && u))];
  const key = list.join('\n');
  const hit = cache.get(key);
  // an equal text in another string (the file was read again) is kept instead, so the next check is O(1) again
  const unchanged = (e: [string, Outcome]) => {
    const now = outcomeOf(read(e[0]), e[0]);
    if (!sameOutcome(e[1], now)) return false;
    e[1] = now;
    return true;
  };
  if (hit && hit.read.every(unchanged)) return hit.loaded;
  const read0 = list.map((u) => read(u));
  const seen: [string, Outcome][] = list.map((u, i) => [u, outcomeOf(read0[i], u)]);
  const files = list.flatMap((u, i) => (typeof read0[i] === 'string' ? [{ name: u, text: read0[i] as string }] : []));
  const loaded = loadModel(files, {
    managed,
    readPolicyFile: (from, rel) => {
      const file = resolveRelative(from, rel);
      const text = read(file);
      seen.push([file, outcomeOf(text, file)]);
      if (typeof text !== 'string') throw new Error(text ? text.reason ?? text.error : l10n.t('cannot read {0}; the path is relative to the model file', file));
      return { file, text };
    },
  });
  list.forEach((u, i) => {
    const r = read0[i];
    if (typeof r !== 'string') loaded.problems.unshift({ file: u, path: [], severity: 'error', message: l10n.t('cannot read the model file {0}', r ? r.error : u) });
  });
  if (cache.size > 20) cache.clear();
  cache.set(key, { read: seen, loaded });
  return loaded;
}

// ---------------------------------------------------------------- ranges of JSON paths

const trees = new Map<string, { text: string; root: Node | undefined; lines: LineIndex }>();
function treeOf(uri: string, text: string) {
  const hit = trees.get(uri);
  if (hit && hit.text === text) return hit;
  // the parser recurses per level: absurdly deep files get no tree (and so no ranges)
  const entry = { text, root: text.length > MAX_RANGED_MODEL_CHARS || nestingTooDeepAt(text) >= 0 ? undefined : parseTree(text, [], { allowTrailingComma: true, disallowComments: false }), lines: new LineIndex(text) };
  if (trees.size > 50) trees.clear();
  trees.set(uri, entry);
  return entry;
}

/** The node at a JSON path of a file (the nearest existing ancestor when the path goes further), with its text. */
export function nodeAtPath(uri: string, path: JsonPath, read: ReadText): { node: Node; lines: LineIndex; text: string } | undefined {
  const text = read(uri);
  if (typeof text !== 'string') return undefined;
  const t = treeOf(uri, text);
  if (!t.root) return undefined;
  for (let n = path.length; n >= 0; n--) {
    const node = findNodeAtLocation(t.root, path.slice(0, n));
    if (node) return { node, lines: t.lines, text };
  }
  return undefined;
}

/**
 * The range of a JSON path: a value's own range, or for an object or array the line of its key (underlining a
 * whole user would mark many lines).
 */
export function rangeOfPath(uri: string, path: JsonPath, read: ReadText): Range | undefined {
  const hit = nodeAtPath(uri, path, read);
  if (!hit) return undefined;
  const { node, lines } = hit;
  if (node.type === 'object' || node.type === 'array') {
    const key = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
    return key ? lines.rangeOf(key.offset, key.length) : lines.rangeOf(node.offset, 1);
  }
  return lines.rangeOf(node.offset, node.length);
}

export function problemsForProtocol(problems: CoreProblem[], read: ReadText): ModelProblem[] {
  return problems.map((p) => {
    const range = p.path.length ? rangeOfPath(p.file, p.path, read) : undefined;
    return { uri: p.file, path: formatPath(p.path), message: p.severity === 'warning' ? `warning: ${p.message}` : p.message, ...(range ? { range } : {}) };
  });
}

// ---------------------------------------------------------------- listing (explorer)

function originOf(o: PolicyOrigin, read: ReadText): ModelPolicyOrigin {
  const out: ModelPolicyOrigin = { kind: o.kind, label: o.label };
  if (o.group) out.group = o.group;
  if (o.arn) out.arn = o.arn;
  if (o.file) out.uri = o.file;
  else if (o.at) {
    out.uri = o.at.file;
    const r = rangeOfPath(o.at.file, o.at.path, read);
    if (r) out.range = r;
  }
  return out;
}

function attachmentItem(a: PolicyAttachment, owner: ModelUser | ModelGroup | ModelRole, read: ReadText): ModelPolicyItem {
  if (a.kind === 'inline') {
    const kind = owner.kind === 'group' ? 'group-inline' : owner.kind === 'role' ? 'role-inline' : 'user-inline';
    return { name: a.doc.name, origin: originOf({ kind, label: inlinePolicyLabel(a.doc.name, owner.kind, owner.name), at: a.doc.at, file: a.doc.file }, read) };
  }
  const p = a.policy;
  return { name: p.name, origin: originOf({ kind: p.awsManaged ? 'aws-managed' : 'customer-managed', label: p.arn, arn: p.arn, at: p.at }, read) };
}

export function modelList(loaded: LoadedModel, readText: ReadText): ModelListResult {
  const read = readOnce(readText);
  const accounts: ModelAccountItem[] = [];
  const at = (l: { file: string; path: JsonPath }) => { const r = rangeOfPath(l.file, l.path, read); return r ? { uri: l.file, range: r } : { uri: l.file }; };
  for (const a of loaded.model.accounts.values()) {
    const awsManaged = new Set<string>();
    const attachedTo = new Map<string, string[]>();
    const note = (att: PolicyAttachment, owner: string) => {
      if (att.kind !== 'managed') return;
      if (att.policy.awsManaged) awsManaged.add(att.policy.arn);
      if (!attachedTo.has(att.policy.arn)) attachedTo.set(att.policy.arn, []);
      attachedTo.get(att.policy.arn)!.push(owner);
    };
    for (const e of [...a.users.values(), ...a.groups.values(), ...a.roles.values()]) {
      for (const p of e.policies) note(p, e.arn);
      if (e.kind !== 'group' && e.boundary) note(e.boundary, e.arn);
    }
    accounts.push({
      id: a.id, ...(a.name ? { name: a.name } : {}), uri: a.files[0],
      users: [...a.users.values()].map((u) => ({
        name: u.name, arn: u.arn, path: u.path, groups: u.groups.map((g) => g.name), tags: u.tags,
        policies: u.policies.map((p) => attachmentItem(p, u, read)),
        ...(u.boundary ? { permissionsBoundary: attachmentItem(u.boundary, u, read) } : {}),
        ...at(u.at),
      })),
      groups: [...a.groups.values()].map((g) => ({
        name: g.name, arn: g.arn, members: g.members.map((m) => m.name), policies: g.policies.map((p) => attachmentItem(p, g, read)), ...at(g.at),
      })),
      roles: [...a.roles.values()].map((r) => ({
        name: r.name, arn: r.arn, path: r.path, tags: r.tags, trustedPrincipals: trustedPrincipals(r.trustPolicy?.document),
        policies: r.policies.map((p) => attachmentItem(p, r, read)),
        ...(r.boundary ? { permissionsBoundary: attachmentItem(r.boundary, r, read) } : {}),
        ...at(r.at),
      })),
      policies: [...a.policies.values()].map((p) => ({ name: p.name, arn: p.arn, attachedTo: attachedTo.get(p.arn) ?? [], ...(p.at ? at(p.at) : { uri: a.files[0] }) })),
      resources: [...a.resources].map(([arn, d]) => ({ arn, ...at(d.at) })),
      awsManagedPolicies: [...awsManaged].sort(),
      compute: [...a.compute.values()].map((c) => ({ kind: c.kind, name: c.name, arn: c.arn, region: c.region, role: c.roleArn, ...at(c.at) })),
    });
  }
  return { accounts, problems: problemsForProtocol(loaded.problems, read) };
}

// ---------------------------------------------------------------- simulate as a principal, effective permissions

function gatheredForProtocol(gathered: GatheredPolicy[], read: ReadText): SimulateModelInfo['gathered'] {
  return gathered.map((g) => ({ policyType: g.policyType, name: g.source.name, origin: originOf(g.origin, read), ...(g.orgIdentifier ? { orgIdentifier: g.orgIdentifier } : {}) }));
}

/**
 * iamPolicy/simulate with a model: the panel's own policies plus what the model gathers for the principal. The
 * gathered policies are evaluated as inline documents; their origins point into the model files.
 */
export function simulateAsPrincipal(params: SimulateModelParams, readText: ReadText, catalog: Catalog, managed: ManagedPolicies): SimulateResult {
  const read = readOnce(readText);
  const loaded = loadModelUris(Array.isArray(params.model?.uris) ? params.model.uris : [], read, managed);
  let info: SimulateModelInfo | undefined;
  const response = simulateForPanel(params, read, catalog, (scenario) => {
    const applied = applyModel(loaded.model, scenario);
    info = {
      principal: applied.scenario.request.principal, principalArn: applied.principalArn ?? '',
      ...(applied.scenario.request.resourceAccount ? { resourceAccount: applied.scenario.request.resourceAccount } : {}),
      gathered: gatheredForProtocol(applied.gathered, read), problems: problemsForProtocol(loaded.problems, read),
    };
    const flow = flowOf(params.request);
    if (typeof flow === 'string') return { scenario: applied.scenario, errors: [flow] };
    return { scenario: applied.scenario, errors: applied.errors, evaluate: flow && (() => simulateFlow(loaded.model, scenario, flow, catalog)) };
  });
  if (info) response.model = info;
  return response;
}

/** request.assumeRole / request.passRole of iamPolicy/simulate with a model; a string says what is wrong. */
function flowOf(request: SimulateModelParams['request']): Flow | undefined | string {
  const { assumeRole, passRole } = request as { assumeRole?: unknown; passRole?: unknown };
  if (assumeRole === undefined && passRole === undefined) return undefined;
  const list = assumeRole === undefined ? [] : Array.isArray(assumeRole) ? assumeRole : [assumeRole];
  if (!list.every((x) => typeof x === 'string' && x.trim())) return `request.assumeRole: ${l10n.t('expected "role/NAME" or a role ARN, or a list of them')}`;
  if (passRole !== undefined && (typeof passRole !== 'string' || !passRole.trim())) return 'request.passRole: expected "role/NAME" or a role ARN';
  return { assumeRole: list as string[], ...(typeof passRole === 'string' ? { passRole } : {}) };
}

/** iamPolicy/whoCan: `iam-policy who-can` for the editor. */
export function whoCanOf(params: WhoCanParams, readText: ReadText, catalog: Catalog, managed: ManagedPolicies): WhoCanResult {
  const read = readOnce(readText);
  const loaded = loadModelUris(Array.isArray(params.model?.uris) ? params.model.uris : [], read, managed);
  const problems = problemsForProtocol(loaded.problems, read);
  const info = typeof params.action === 'string' ? catalog.action(params.action) : undefined;
  if (!info) return { principals: [], errors: [`"${String(params.action)}" is not an action of the catalog; write service:Action, e.g. s3:GetObject`], problems };
  if (typeof params.resource !== 'string' || !params.resource.trim()) return { principals: [], errors: [l10n.t('give the resource: an ARN or "*"')], problems };
  return { principals: whoCan(loaded.model, info.fullName, params.resource, catalog), errors: [], problems };
}

const escalationCache = new WeakMap<LoadedModel, PathEdge[]>();
/** Every edge and finding of a loaded model, computed once per load (the IAM view and hovers ask the same model). */
export function modelEscalations(loaded: LoadedModel, catalog: Catalog): PathEdge[] {
  let edges = escalationCache.get(loaded);
  if (!edges) { edges = escalationPaths(loaded.model, catalog); escalationCache.set(loaded, edges); }
  return edges;
}

/** Principals up to which a hover may compute the escalation paths itself (about a tenth of a second). */
export const HOVER_PATHS_MAX_PRINCIPALS = 200;

/**
 * The escalation paths for a hover: already computed for this model (the IAM view asked), or computed now when the
 * model is small; undefined when a large model has not been asked yet (a hover must not keep the server for seconds).
 */
export function escalationsForHover(loaded: LoadedModel, catalog: Catalog): PathEdge[] | undefined {
  const cached = escalationCache.get(loaded);
  if (cached) return cached;
  let principals = 0;
  for (const a of loaded.model.accounts.values()) principals += a.users.size + a.roles.size;
  return principals <= HOVER_PATHS_MAX_PRINCIPALS ? modelEscalations(loaded, catalog) : undefined;
}

/** iamPolicy/escalationPaths: `iam-policy paths` for the editor. */
export function escalationPathsOf(params: EscalationPathsParams, readText: ReadText, catalog: Catalog, managed: ManagedPolicies): EscalationPathsResult {
  const read = readOnce(readText);
  const loaded = loadModelUris(Array.isArray(params.model?.uris) ? params.model.uris : [], read, managed);
  const problems = problemsForProtocol(loaded.problems, read);
  let from: string | undefined;
  if (params.from !== undefined) {
    const r = typeof params.from === 'string' ? resolvePrincipal(loaded.model, params.from) : undefined;
    if (!r || isNotFound(r)) return { edges: [], errors: [r ? r.error : `"${String(params.from)}" is not a user or role of the model`], problems };
    from = r.entity.arn;
  }
  return { edges: from ? escalationPaths(loaded.model, catalog, { from }) : modelEscalations(loaded, catalog), errors: [], problems };
}

/** iamPolicy/effectivePermissions: `iam-policy access` for the editor. */
export function effectivePermissionsOf(params: EffectivePermissionsParams, readText: ReadText, catalog: Catalog, managed: ManagedPolicies): EffectivePermissionsResult {
  const read = readOnce(readText);
  const loaded = loadModelUris(Array.isArray(params.model?.uris) ? params.model.uris : [], read, managed);
  const problems = problemsForProtocol(loaded.problems, read);
  const empty = (error: string): EffectivePermissionsResult => ({ principal: '', actions: [], gathered: [], assumedConditions: [], errors: [error], problems });
  if (typeof params.principal !== 'string' || !params.principal.trim()) return empty(l10n.t('give the principal: user/NAME, role/NAME or an ARN'));
  if (params.service !== undefined && (typeof params.service !== 'string' || !catalog.service(params.service))) return empty(l10n.t('unknown service prefix "{0}"', String(params.service)));
  const r = resolvePrincipal(loaded.model, params.principal);
  if (!r) return empty(`"${params.principal}" is not a user or role of the model`);
  if (isNotFound(r)) return empty(r.error);
  const gathered = [...principalPolicies(r.entity), ...orgPolicies(loaded.model, 'scp')];
  const result = effectivePermissions(gathered, catalog, { service: params.service });
  return {
    principal: r.entity.arn,
    actions: result.actions.map((a) => ({ action: a.action, service: a.service, accessLevel: a.accessLevel, resources: a.except ? [...a.resources, ...a.except.map((x) => `except ${x}`)] : a.resources, conditional: a.conditional, ...(a.conditions.length ? { conditions: a.conditions } : {}) })),
    gathered: gatheredForProtocol(gathered, read), assumedConditions: result.assumedConditions, errors: [], problems,
  };
}

/** Scenario files in the editor: the model a scenario names, read relative to the scenario file. */
export function scenarioModelApplier(readText: ReadText, managed: ManagedPolicies): ScenarioModelApplier {
  return (scenarioUri, scenario) => {
    const read = readOnce(readText);
    const modelUris = (scenario.model?.files ?? []).map((f) => resolveRelative(scenarioUri, f));
    const loaded = loadModelUris(modelUris, read, managed);
    const modelProblems = loaded.problems.filter((p) => p.severity === 'error').slice(0, 5)
      .map((p) => `model ${p.file.slice(p.file.lastIndexOf('/') + 1)} at ${formatPath(p.path)}: ${p.message}`);
    const applied = applyModel(loaded.model, scenario);
    const flow = scenario.flow;
    const evaluate = flow ? (catalog: Catalog) => simulateFlow(loaded.model, scenario, flow, catalog) : undefined;
    return { scenario: applied.scenario, modelUris, errors: applied.errors, modelProblems, evaluate };
  };
}

// ---------------------------------------------------------------- AWS managed policies

/** `arn:aws:iam::aws:policy/service-role/X` from itself or from `iam-aws-managed:/service-role/X.json`. */
export function managedArnOf(arnOrUri: string): string {
  const prefix = `${MANAGED_POLICY_SCHEME}:`;
  if (!arnOrUri.startsWith(prefix)) return arnOrUri;
  let path = arnOrUri.slice(prefix.length).replace(/^\/+/, '').replace(/\.json$/, '');
  try { path = decodeURIComponent(path); } catch { /* keep as is */ }
  return AWS_MANAGED_ARN_PREFIX + path;
}

/** The read-only document URI of an AWS managed policy ARN. */
export function managedPolicyUri(arn: string): string {
  return `${MANAGED_POLICY_SCHEME}:/${arn.slice(arn.indexOf(':policy/') + 8)}.json`;
}

export function managedPolicyDocument(arnOrUri: string, managed: ManagedPolicies): ManagedPolicyResult {
  const data = managed.data;
  const arn = managedArnOf(typeof arnOrUri === 'string' ? arnOrUri.trim() : '');
  const p = isAwsManagedArn(arn) ? managed.get(arn) : undefined;
  if (!p) return { arn: null, didYouMean: isAwsManagedArn(arn) ? managed.didYouMean(arn) : [], data };
  return { arn: p.arn, name: p.name, versionId: p.versionId, updatedAt: p.updatedAt, text: JSON.stringify(p.document, null, 2) + '\n', data };
}

// ---------------------------------------------------------------- Go to Definition inside model files

/**
 * Where a reference in a model file points: a group a user names, a customer managed policy (by name or ARN), or a
 * user, group or role ARN written anywhere in the file (a trust policy's Principal, a resource policy). Undefined when
 * the string is none of them or the target is not written in a model file.
 */
export function definitionInModel(uri: string, value: string, jsonPath: JsonPath, readText: ReadText, managed: ManagedPolicies): { uri: string; range: Range } | undefined {
  const read = readOnce(readText);
  const loaded = loadModelUris([uri], read, managed);
  const to = (at: { file: string; path: JsonPath } | undefined) => {
    if (!at) return undefined;
    const range = rangeOfPath(at.file, at.path, read);
    return range ? { uri: at.file, range } : undefined;
  };
  const accounts = [...loaded.model.accounts.values()];
  const parent = jsonPath[jsonPath.length - 2];
  if (parent === 'groups' || parent === 'GroupList') {
    for (const a of accounts) { const g = a.groups.get(value.toLowerCase()); if (g) return to(g.at); }
  }
  for (const a of accounts) {
    const p = a.policies.get(value.toLowerCase()) ?? [...a.policies.values()].find((x) => x.arn === value);
    if (p && (parent === 'policies' || jsonPath.includes('permissionsBoundary') || jsonPath.includes('AttachedManagedPolicies') || jsonPath.includes('PermissionsBoundary') || value.startsWith('arn:'))) return to(p.at);
  }
  const arn = /^arn:aws[a-z-]*:iam::(\d{12}):(user|group|role)\/(?:.*\/)?([^/]+)$/.exec(value);
  if (arn) {
    const a = loaded.model.accounts.get(arn[1]);
    const e = arn[2] === 'user' ? a?.users.get(arn[3].toLowerCase()) : arn[2] === 'group' ? a?.groups.get(arn[3].toLowerCase()) : a?.roles.get(arn[3].toLowerCase());
    return to(e?.at);
  }
  return undefined;
}
