// Compiling a policy once: statements with precompiled action/resource/principal matchers and condition values,
// and an index of statements by service prefix, so evaluating many requests does no parsing.
import { arnPatternMatcher, parseArn } from '../arn';
import { compileGlob, hasWildcard, type Matcher } from '../wildcard';
import {
  arnConditionMatcher, decodeBase64, parseCidr, parseDate, parseNumber, parseTemplate,
  type Cidr, type Template,
} from './values';
import type { PolicyKind, PolicySource } from './types';
import * as l10n from '../localize';

export interface ActionMatcher { raw: string; all: boolean; exact?: string; re?: Matcher; prefix?: string }
/** The matchers of an Action/NotAction list, indexed: exact names in a set, patterns by service prefix. */
export interface ActionSet { all: boolean; exact: Set<string>; byPrefix: Map<string, Matcher[]>; other: Matcher[] }

function actionSet(list: ActionMatcher[]): ActionSet {
  const set: ActionSet = { all: false, exact: new Set(), byPrefix: new Map(), other: [] };
  for (const m of list) {
    if (m.all) set.all = true;
    else if (m.exact !== undefined) set.exact.add(m.exact);
    else if (m.re && m.prefix !== undefined) {
      const l = set.byPrefix.get(m.prefix);
      if (l) l.push(m.re); else set.byPrefix.set(m.prefix, [m.re]);
    } else if (m.re) set.other.push(m.re);
  }
  return set;
}
export interface ResourceMatcher { raw: string; all: boolean; re?: Matcher; template?: Template }

export interface PrincipalSet {
  any: boolean;
  accounts: Set<string>;
  /** exact ARNs: users, sessions, federated users */
  arns: Set<string>;
  /** roles as "account/name" (a trust policy may hold a role ARN with a path) */
  roles: Set<string>;
  services: Set<string>;
  federated: Set<string>;
  canonical: Set<string>;
  raw: string[];
}

export type Family = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'Ip' | 'Arn' | 'Null';
export type BaseOp =
  | 'StringEquals' | 'StringEqualsIgnoreCase' | 'StringLike'
  | 'NumericEquals' | 'NumericLessThan' | 'NumericLessThanEquals' | 'NumericGreaterThan' | 'NumericGreaterThanEquals'
  | 'DateEquals' | 'DateLessThan' | 'DateLessThanEquals' | 'DateGreaterThan' | 'DateGreaterThanEquals'
  | 'Bool' | 'BinaryEquals' | 'IpAddress' | 'ArnLike' | 'Null';

interface OpInfo { base: BaseOp; negated: boolean; family: Family; variables: boolean }

/** Every operator of CONDOPS, as its positive form plus a negation flag. */
const OPERATORS: Record<string, OpInfo> = {};
const op = (name: string, base: BaseOp, negated: boolean, family: Family, variables: boolean) => {
  OPERATORS[name.toLowerCase()] = { base, negated, family, variables };
};
op('StringEquals', 'StringEquals', false, 'String', true);
op('StringNotEquals', 'StringEquals', true, 'String', true);
op('StringEqualsIgnoreCase', 'StringEqualsIgnoreCase', false, 'String', true);
op('StringNotEqualsIgnoreCase', 'StringEqualsIgnoreCase', true, 'String', true);
op('StringLike', 'StringLike', false, 'String', true);
op('StringNotLike', 'StringLike', true, 'String', true);
op('NumericEquals', 'NumericEquals', false, 'Numeric', false);
op('NumericNotEquals', 'NumericEquals', true, 'Numeric', false);
op('NumericLessThan', 'NumericLessThan', false, 'Numeric', false);
op('NumericLessThanEquals', 'NumericLessThanEquals', false, 'Numeric', false);
op('NumericGreaterThan', 'NumericGreaterThan', false, 'Numeric', false);
op('NumericGreaterThanEquals', 'NumericGreaterThanEquals', false, 'Numeric', false);
op('DateEquals', 'DateEquals', false, 'Date', false);
op('DateNotEquals', 'DateEquals', true, 'Date', false);
op('DateLessThan', 'DateLessThan', false, 'Date', false);
op('DateLessThanEquals', 'DateLessThanEquals', false, 'Date', false);
op('DateGreaterThan', 'DateGreaterThan', false, 'Date', false);
op('DateGreaterThanEquals', 'DateGreaterThanEquals', false, 'Date', false);
op('Bool', 'Bool', false, 'Bool', true);
op('BinaryEquals', 'BinaryEquals', false, 'Binary', false);
op('IpAddress', 'IpAddress', false, 'Ip', false);
op('NotIpAddress', 'IpAddress', true, 'Ip', false);
op('ArnEquals', 'ArnLike', false, 'Arn', true);
op('ArnLike', 'ArnLike', false, 'Arn', true);
op('ArnNotEquals', 'ArnLike', true, 'Arn', true);
op('ArnNotLike', 'ArnLike', true, 'Arn', true);
op('Null', 'Null', false, 'Null', false);

export interface CValue {
  raw: string;
  /** set when the value holds policy variables and the policy's Version allows them */
  template?: Template;
  num?: number;
  cidr?: Cidr;
  re?: Matcher;
  lower?: string;
  bin?: string;
  invalid?: boolean;
}

export interface CCondition {
  operator: string;
  key: string;
  keyLower: string;
  set: 'all' | 'any' | null;
  ifExists: boolean;
  info?: OpInfo;
  values: CValue[];
  /** why the clause can never be evaluated (unknown operator...) */
  problem?: string;
}

export interface CStatement {
  index: number;
  sid?: string;
  effect?: 'Allow' | 'Deny';
  actions?: ActionMatcher[];
  notActions?: ActionMatcher[];
  actionSet?: ActionSet;
  notActionSet?: ActionSet;
  resources?: ResourceMatcher[];
  notResources?: ResourceMatcher[];
  principal?: PrincipalSet;
  notPrincipal?: PrincipalSet;
  /** why the Principal/NotPrincipal element names no one as written (a bare ARN string...) */
  principalProblem?: string;
  conditions: CCondition[];
  problems: string[];
}

export interface CompiledPolicy {
  kind: PolicyKind;
  source: PolicySource;
  variables: boolean;
  statements: CStatement[];
  /** lower-case service prefix -> statements whose Action can match an action of that service (in order) */
  byService: Map<string, CStatement[]>;
  /** statements that can match any service (`*`, NotAction, wildcard prefixes) */
  anyService: CStatement[];
  problems: string[];
}

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);

function compileAction(raw: unknown): ActionMatcher {
  if (typeof raw !== 'string') return { raw: String(raw), all: false };
  if (raw === '*') return { raw, all: true };
  const colon = raw.indexOf(':');
  if (colon < 0) return { raw, all: false };
  const prefix = raw.slice(0, colon).toLowerCase();
  if (!hasWildcard(raw)) return { raw, all: false, exact: raw.toLowerCase(), prefix };
  return { raw, all: false, re: compileGlob(raw, true), prefix: hasWildcard(prefix) ? undefined : prefix };
}

function compileResource(raw: unknown, variables: boolean): ResourceMatcher {
  if (typeof raw !== 'string') return { raw: String(raw), all: false };
  if (raw === '*') return { raw, all: true };
  const template = variables ? parseTemplate(raw) : undefined;
  if (template) return { raw, all: false, template };
  return { raw, all: false, re: arnPatternMatcher(raw) };
}

function compilePrincipal(v: unknown): PrincipalSet {
  const set: PrincipalSet = {
    any: false, accounts: new Set(), arns: new Set(), roles: new Set(), services: new Set(), federated: new Set(), canonical: new Set(), raw: [],
  };
  if (v === '*') { set.any = true; set.raw.push('*'); return set; }
  if (!v || typeof v !== 'object' || Array.isArray(v)) return set;
  for (const [type, values] of Object.entries(v as Record<string, unknown>)) {
    for (const x of asList(values)) {
      if (typeof x !== 'string') continue;
      set.raw.push(`${type}:${x}`);
      if (type === 'AWS') {
        if (x === '*') { set.any = true; continue; }
        if (/^\d{12}$/.test(x)) { set.accounts.add(x); continue; }
        const a = parseArn(x);
        if (!a || hasWildcard(x)) continue; // no partial wildcards in principals [R13]
        if (a.service === 'iam' && a.resource === 'root') set.accounts.add(a.account);
        else if (a.service === 'iam' && a.resource.startsWith('role/')) set.roles.add(`${a.account}/${a.resource.slice(a.resource.lastIndexOf('/') + 1)}`);
        else set.arns.add(x);
      } else if (type === 'Service') set.services.add(x.toLowerCase());
      else if (type === 'Federated') set.federated.add(x);
      else if (type === 'CanonicalUser') set.canonical.add(x);
    }
  }
  return set;
}

function compileValue(raw: unknown, info: OpInfo | undefined, variables: boolean): CValue {
  const s = typeof raw === 'string' ? raw : typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : JSON.stringify(raw) ?? '';
  const v: CValue = { raw: s };
  if (!info) return v;
  const template = variables && info.variables ? parseTemplate(s) : undefined;
  if (template) { v.template = template; return v; }
  switch (info.family) {
    case 'Numeric': v.num = parseNumber(s); v.invalid = Number.isNaN(v.num); break;
    case 'Date': v.num = parseDate(s); v.invalid = Number.isNaN(v.num); break;
    case 'Ip': v.cidr = parseCidr(s); v.invalid = !v.cidr; break;
    case 'Binary': v.bin = decodeBase64(s) ?? s; break;
    case 'Bool': v.lower = s.toLowerCase(); break;
    case 'Null': v.lower = s.toLowerCase(); v.invalid = v.lower !== 'true' && v.lower !== 'false'; break;
    case 'Arn': v.re = arnConditionMatcher(s); break;
    case 'String':
      if (info.base === 'StringLike') v.re = compileGlob(s, false);
      else if (info.base === 'StringEqualsIgnoreCase') v.lower = s.toLowerCase();
      break;
  }
  return v;
}

export function parseOperator(operator: string): { set: 'all' | 'any' | null; ifExists: boolean; info?: OpInfo } {
  let name = operator;
  let set: 'all' | 'any' | null = null;
  const colon = name.indexOf(':');
  if (colon >= 0) {
    const q = name.slice(0, colon).toLowerCase();
    if (q === 'forallvalues') set = 'all';
    else if (q === 'foranyvalue') set = 'any';
    else return { set, ifExists: false };
    name = name.slice(colon + 1);
  }
  let ifExists = false;
  if (/IfExists$/i.test(name) && name.length > 8) { ifExists = true; name = name.slice(0, -8); }
  const info = OPERATORS[name.toLowerCase()];
  if (info?.base === 'Null' && (ifExists || set)) return { set, ifExists };
  return { set, ifExists, info };
}

function compileConditions(cond: unknown, variables: boolean, problems: string[]): CCondition[] {
  const out: CCondition[] = [];
  if (cond === undefined) return out;
  if (!cond || typeof cond !== 'object' || Array.isArray(cond)) { problems.push(l10n.t('Condition is not an object')); return out; }
  for (const [operator, block] of Object.entries(cond as Record<string, unknown>)) {
    const { set, ifExists, info } = parseOperator(operator);
    if (!block || typeof block !== 'object' || Array.isArray(block)) {
      out.push({ operator, key: '', keyLower: '', set, ifExists, info, values: [], problem: l10n.t('the value of {0} is not an object of condition keys', operator) });
      continue;
    }
    for (const [key, values] of Object.entries(block as Record<string, unknown>)) {
      const c: CCondition = {
        operator, key, keyLower: key.toLowerCase(), set, ifExists, info,
        values: asList(values).map((x) => compileValue(x, info, variables)),
      };
      if (!info) c.problem = l10n.t('"{0}" is not a condition operator, so the condition can never be true', operator);
      out.push(c);
    }
  }
  return out;
}

function compileStatement(raw: unknown, index: number, kind: PolicyKind, variables: boolean): CStatement {
  const st: CStatement = { index, conditions: [], problems: [] };
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) { st.problems.push(l10n.t('the statement is not an object')); return st; }
  const s = raw as Record<string, unknown>;
  if (typeof s.Sid === 'string') st.sid = s.Sid;
  if (s.Effect === 'Allow' || s.Effect === 'Deny') st.effect = s.Effect;
  else st.problems.push(l10n.t('Effect must be "Allow" or "Deny"'));
  if (s.Action !== undefined) st.actions = asList(s.Action).map(compileAction);
  if (s.NotAction !== undefined) st.notActions = asList(s.NotAction).map(compileAction);
  if (!st.actions && !st.notActions) st.problems.push(l10n.t('the statement has neither Action nor NotAction'));
  if (st.actions) st.actionSet = actionSet(st.actions);
  if (st.notActions) st.notActionSet = actionSet(st.notActions);
  if (s.Resource !== undefined) st.resources = asList(s.Resource).map((r) => compileResource(r, variables));
  if (s.NotResource !== undefined) st.notResources = asList(s.NotResource).map((r) => compileResource(r, variables));
  if (kind === 'resource' || kind === 'rcp') {
    if (s.Principal !== undefined) st.principal = compilePrincipal(s.Principal);
    if (s.NotPrincipal !== undefined) st.notPrincipal = compilePrincipal(s.NotPrincipal);
    // the grammar allows "*" or a principal map, nothing else (IAM User Guide, grammar of the JSON policy language)
    for (const [el, v] of [['Principal', s.Principal], ['NotPrincipal', s.NotPrincipal]] as const) {
      if (typeof v === 'string' && v !== '*') {
        st.principalProblem = el === 'Principal'
          ? l10n.t('Principal is the bare string {0}, which IAM rejects: the only string form is "*"; write {1} (or "Service"/"Federated" for those principals). As written it names no one', JSON.stringify(v), `{"AWS": ${JSON.stringify(v)}}`)
          : l10n.t('NotPrincipal is the bare string {0}, which IAM rejects: the only string form is "*"; write {1} (or "Service"/"Federated" for those principals). As written it excludes no one', JSON.stringify(v), `{"AWS": ${JSON.stringify(v)}}`);
      }
    }
  }
  st.conditions = compileConditions(s.Condition, variables, st.problems);
  return st;
}

/** Compiles a policy document (parsed JSON). Problems are recorded, never thrown. */
export function compilePolicy(source: PolicySource, kind: PolicyKind): CompiledPolicy {
  const p: CompiledPolicy = { kind, source, variables: false, statements: [], byService: new Map(), anyService: [], problems: [] };
  const doc = source.policy;
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    p.problems.push(`policy "${source.name}" is not a JSON object`);
    return p;
  }
  const d = doc as Record<string, unknown>;
  // policy variables need Version 2012-10-17; otherwise ${...} is literal text [R19]
  p.variables = d.Version === '2012-10-17';
  if (d.Statement === undefined) p.problems.push(`policy "${source.name}" has no Statement`);
  const raw = d.Statement === undefined ? [] : asList(d.Statement);
  p.statements = raw.map((s, i) => compileStatement(s, i, kind, p.variables));
  for (const st of p.statements) {
    if (st.principalProblem) p.problems.push(`policy "${source.name}", statement ${st.sid ? `"${st.sid}"` : `#${st.index}`}: ${st.principalProblem}`);
  }
  const prefixes = new Set<string>();
  for (const st of p.statements) {
    if (!st.notActions && st.actions && st.actions.every((a) => a.prefix !== undefined || (!a.all && !a.re))) {
      for (const a of st.actions) if (a.prefix) prefixes.add(a.prefix);
    } else p.anyService.push(st);
  }
  for (const prefix of prefixes) {
    p.byService.set(prefix, p.statements.filter((st) => p.anyService.includes(st) || st.actions!.some((a) => a.prefix === prefix)));
  }
  return p;
}

/** Statements of a compiled policy that can match an action of the given (lower-case) service prefix, in order. */
export function candidates(p: CompiledPolicy, service: string): CStatement[] {
  return p.byService.get(service) ?? p.anyService;
}

const cache = new WeakMap<object, Map<PolicyKind, CompiledPolicy>>();
/** compilePolicy, cached by the identity of the parsed policy object (policies are not expected to be mutated). */
export function compiledPolicy(source: PolicySource, kind: PolicyKind): CompiledPolicy {
  const key = source.policy;
  if (!key || typeof key !== 'object') return compilePolicy(source, kind);
  let byKind = cache.get(key);
  if (!byKind) { byKind = new Map(); cache.set(key, byKind); }
  let c = byKind.get(kind);
  if (!c || c.source.name !== source.name || c.source.file !== source.file || c.source.text !== source.text) {
    c = compilePolicy(source, kind);
    byKind.set(kind, c);
  }
  return c;
}
