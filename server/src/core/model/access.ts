// Effective permissions of a user or role of a model (shared/spec/iam-model.md §3, `iam-policy access`): every
// catalog action its identity policies allow, limited by its permissions boundary and the organization's SCP levels,
// minus what a Deny takes away, grouped by service and access level, with resources and conditions. Pure.
//
// Resource patterns are intersected as patterns: of an Allow on "*" and a boundary on "arn:aws:s3:::b/*" what remains
// is "arn:aws:s3:::b/*". A pattern counts only where a resource of the action could match it (an action without
// resource types needs "*"). Time conditions (aws:CurrentTime, aws:EpochTime) are decided with the current time; other
// conditions are not evaluated: an action allowed only under conditions, or denied under some, is `conditional`, and
// its conditions are listed (the caller is assumed able to meet them, spec §3).
import type { Catalog } from '../catalog/catalog';
import { compileGlob, globMatch, type Matcher } from '../wildcard';
import type { GatheredPolicy } from './gather';
import * as l10n from '../localize';

export interface EffectiveAction {
  action: string;
  service: string;
  accessLevel: string;
  resources: string[];
  /** resources an unconditional Deny carves out of the allowed ones */
  except?: string[];
  conditional: boolean;
  /** conditions of the allowing statements, and of Denys that apply only under conditions ("denied when ...") */
  conditions: string[];
}

export interface EffectivePermissions {
  actions: EffectiveAction[];
  /** every condition the answer assumed the caller can meet */
  assumedConditions: string[];
}

interface Stmt {
  effect: 'Allow' | 'Deny';
  actions: string[];
  /** action patterns by lower-cased service prefix; patterns with a wildcard prefix under "" */
  actionsByPrefix: Map<string, string[]>;
  /** one matcher per service prefix, built on first use */
  matchers: Map<string, ActionMatcher>;
  notAction: boolean;
  resources: string[];
  notResource: boolean;
  conditions: string[];
}

interface Layer { name: string; allows: Map<string, Stmt[]>; anyAllows: Stmt[]; denies: Map<string, Stmt[]>; anyDenies: Stmt[] }

interface Grant { resource: string; conditions: string[] }

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const strings = (v: unknown): string[] => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * A condition on aws:CurrentTime or aws:EpochTime, decided with the current time (spec §3: a permission counts when a
 * request made now could meet its conditions); undefined for every other key.
 */
export function timeConditionNow(operator: string, key: string, values: string[], now: number): boolean | undefined {
  const k = key.toLowerCase();
  if (k !== 'aws:currenttime' && k !== 'aws:epochtime') return undefined;
  const m = /^(Date|Numeric)(Equals|NotEquals|LessThan|LessThanEquals|GreaterThan|GreaterThanEquals)(IfExists)?$/.exec(operator);
  if (!m) return undefined;
  const seconds = now / 1000;
  const valueOf = (v: string) => (/^\d+(\.\d+)?$/.test(v) ? Number(v) : Date.parse(v) / 1000);
  const test = (v: number) => {
    switch (m[2]) {
      case 'Equals': case 'NotEquals': return seconds === v;
      case 'LessThan': return seconds < v;
      case 'LessThanEquals': return seconds <= v;
      case 'GreaterThan': return seconds > v;
      default: return seconds >= v;
    }
  };
  const nums = values.map(valueOf).filter((v) => !Number.isNaN(v));
  if (!nums.length) return undefined;
  return m[2] === 'NotEquals' ? !nums.some(test) : nums.some(test);
}

/** The conditions of a statement as text, without the time conditions met now; null when one is not met now. */
function conditionTexts(c: unknown, now: number): string[] | null {
  if (!isObject(c)) return [];
  const out: string[] = [];
  for (const [op, block] of Object.entries(c)) {
    if (!isObject(block)) continue;
    for (const [key, vals] of Object.entries(block)) {
      const vs = Array.isArray(vals) ? vals.map(String) : [String(vals)];
      const timed = timeConditionNow(op, key, vs, now);
      if (timed === false) return null;
      if (timed === true) continue;
      out.push(`${op} ${key} ${vs.join(' | ')}`);
    }
  }
  return out;
}

function statementsOf(doc: unknown, now: number): Stmt[] {
  if (!isObject(doc)) return [];
  const raw = Array.isArray(doc.Statement) ? doc.Statement : isObject(doc.Statement) ? [doc.Statement] : [];
  const out: Stmt[] = [];
  for (const s of raw) {
    if (!isObject(s) || (s.Effect !== 'Allow' && s.Effect !== 'Deny')) continue;
    const notAction = s.Action === undefined && s.NotAction !== undefined;
    const notResource = s.Resource === undefined && s.NotResource !== undefined;
    const conditions = conditionTexts(s.Condition, now);
    // a time condition that a request made now cannot meet: the statement applies to no request now
    if (conditions === null) continue;
    const actions = strings(notAction ? s.NotAction : s.Action);
    const actionsByPrefix = new Map<string, string[]>();
    for (const a of actions) {
      const colon = a.indexOf(':');
      const p = colon < 0 || /[*?]/.test(a.slice(0, colon)) ? '' : a.slice(0, colon).toLowerCase();
      if (!actionsByPrefix.has(p)) actionsByPrefix.set(p, []);
      actionsByPrefix.get(p)!.push(a);
    }
    out.push({
      effect: s.Effect, notAction, notResource, actions, actionsByPrefix, matchers: new Map(),
      resources: strings(notResource ? s.NotResource : s.Resource),
      conditions,
    });
  }
  return out;
}

/** Statements indexed by the service prefix of their actions; wildcard prefixes and NotAction go to `any`. */
function layerOf(name: string, docs: unknown[], now: number): Layer {
  const layer: Layer = { name, allows: new Map(), anyAllows: [], denies: new Map(), anyDenies: [] };
  for (const doc of docs) {
    for (const s of statementsOf(doc, now)) {
      const byPrefix = s.effect === 'Allow' ? layer.allows : layer.denies;
      const any = s.effect === 'Allow' ? layer.anyAllows : layer.anyDenies;
      if (s.notAction) { any.push(s); continue; }
      const prefixes = new Set<string>();
      let wild = false;
      for (const a of s.actions) {
        const colon = a.indexOf(':');
        const p = colon < 0 ? a : a.slice(0, colon);
        if (colon < 0 || /[*?]/.test(p)) wild = true; else prefixes.add(p.toLowerCase());
      }
      if (wild) any.push(s);
      else for (const p of prefixes) { if (!byPrefix.has(p)) byPrefix.set(p, []); byPrefix.get(p)!.push(s); }
    }
  }
  return layer;
}

/** Lower-cased action patterns split for speed: exact names, `Name*` prefixes, and the rest as wildcard matchers. */
interface ActionMatcher { exact: Set<string>; starts: string[]; globs: Matcher[] }

function matcherOf(patterns: string[]): ActionMatcher {
  const m: ActionMatcher = { exact: new Set(), starts: [], globs: [] };
  for (const p of patterns) {
    const lower = p.toLowerCase();
    const wild = lower.search(/[*?]/);
    if (wild < 0) m.exact.add(lower);
    else if (wild === lower.length - 1 && lower.endsWith('*')) m.starts.push(lower.slice(0, -1));
    else m.globs.push(compileGlob(p, true));
  }
  return m;
}

function actionMatches(s: Stmt, lowerAction: string, prefix: string): boolean {
  let m = s.matchers.get(prefix);
  if (!m) {
    m = matcherOf([...(s.actionsByPrefix.get(prefix) ?? []), ...(s.actionsByPrefix.get('') ?? [])]);
    s.matchers.set(prefix, m);
  }
  const hit = m.exact.has(lowerAction) || m.starts.some((x) => lowerAction.startsWith(x)) || m.globs.some((g) => g.test(lowerAction));
  return hit !== s.notAction;
}

/** `outer` covers every resource `inner` can name (wildcards of `inner` taken literally). */
const covers = (outer: string, inner: string) => globMatch(outer, inner, false);

function grantsOf(statements: Stmt[], action: string, prefix: string): Grant[] {
  const out: Grant[] = [];
  if (!statements.length) return out;
  action = action.toLowerCase();
  for (const s of statements) {
    if (!actionMatches(s, action, prefix)) continue;
    if (s.notResource) out.push({ resource: '*', conditions: [...s.conditions, `NotResource ${s.resources.join(' | ')}`] });
    else for (const r of s.resources) out.push({ resource: r, conditions: s.conditions });
  }
  return out;
}

function intersect(a: Grant[], b: Grant[]): Grant[] {
  const out: Grant[] = [];
  for (const x of a) {
    for (const y of b) {
      const conditions = [...new Set([...x.conditions, ...y.conditions])];
      if (covers(y.resource, x.resource)) out.push({ resource: x.resource, conditions });
      else if (covers(x.resource, y.resource)) out.push({ resource: y.resource, conditions });
    }
  }
  return out;
}

/** The effective permissions of the gathered policies of one principal (identity, boundary, SCP levels). */
export function effectivePermissions(gathered: GatheredPolicy[], catalog: Catalog, options: { service?: string; now?: number } = {}): EffectivePermissions {
  const now = options.now ?? Date.now();
  const identity = layerOf('identity', gathered.filter((g) => g.policyType === 'identity').map((g) => g.source.policy), now);
  const limits: Layer[] = [];
  const boundaries = gathered.filter((g) => g.policyType === 'boundary');
  if (boundaries.length) limits.push(layerOf('boundary', boundaries.map((g) => g.source.policy), now));
  const scpLevels = new Map<string, unknown[]>();
  for (const g of gathered) if (g.policyType === 'scp') { const k = g.orgIdentifier ?? 'account'; if (!scpLevels.has(k)) scpLevels.set(k, []); scpLevels.get(k)!.push(g.source.policy); }
  for (const [lvl, docs] of scpLevels) limits.push(layerOf(`SCP ${lvl}`, docs, now));
  const denyLayers = [identity, ...limits];

  const assumed = new Set<string>();
  const actions: EffectiveAction[] = [];
  const wanted = options.service?.toLowerCase();
  for (const prefix of catalog.servicePrefixes()) {
    const lower = prefix.toLowerCase();
    if (wanted && lower !== wanted) continue;
    const idStmts = [...(identity.allows.get(lower) ?? []), ...identity.anyAllows];
    if (!idStmts.length) continue;
    const limitStmts = limits.map((l) => [...(l.allows.get(lower) ?? []), ...l.anyAllows]);
    if (limitStmts.some((s) => !s.length)) continue;
    const denyStmts = denyLayers.flatMap((l) => [...(l.denies.get(lower) ?? []), ...l.anyDenies]);
    for (const action of catalog.actionsOfService(prefix)) {
      let grants = grantsOf(idStmts, action, lower);
      for (const stmts of limitStmts) { if (!grants.length) break; grants = intersect(grants, grantsOf(stmts, action, lower)); }
      if (!grants.length) continue;
      const denied = grantsOf(denyStmts, action, lower);
      // a conditional Deny makes the action conditional ("denied when …"); an unconditional one on part of the
      // resources takes that part out ("except …")
      const deniedWhen: string[] = [];
      const except: string[] = [];
      grants = grants.filter((g) => !denied.some((d) => !d.conditions.length && covers(d.resource, g.resource)));
      for (const d of denied) {
        if (!grants.some((g) => covers(g.resource, d.resource) || covers(d.resource, g.resource))) continue;
        if (!d.conditions.length) except.push(d.resource);
        else deniedWhen.push(d.resource === '*' ? l10n.t('denied when {0}', d.conditions.join(l10n.t(' and '))) : l10n.t('denied when {0} on {1}', d.conditions.join(l10n.t(' and ')), d.resource));
      }
      const info = catalog.actionSummary(action);
      const onlyStar = !info || !info.hasResourceTypes;
      grants = grants.filter((g) => (onlyStar ? /^\*+$/.test(g.resource) : g.resource === '*' || /^\*+$/.test(g.resource) || catalog.matchingResourceTypes(action, g.resource).length > 0));
      if (!grants.length) continue;
      const resources = [...new Set(grants.map((g) => g.resource))];
      // a grant with no conditions makes the action unconditional on that resource
      const conditionSets = grants.map((g) => g.conditions);
      const unconditional = conditionSets.some((c) => !c.length);
      const conditions = [...new Set([...(unconditional ? [] : conditionSets.flat()), ...deniedWhen])];
      for (const c of conditions) assumed.add(c);
      const entry: EffectiveAction = {
        action, service: prefix, accessLevel: info?.accessLevels[0] ?? 'Unknown',
        resources: resources.includes('*') ? ['*'] : resources, conditional: conditions.length > 0, conditions,
      };
      if (except.length) entry.except = except;
      actions.push(entry);
    }
  }
  return { actions, assumedConditions: [...assumed].sort() };
}
