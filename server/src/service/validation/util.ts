// Helpers shared by the rules: edit-distance suggestions, condition operators, action classification (memoised per
// catalog, so a policy with thousands of actions classifies each distinct string once), fixes carried in `data`.
import type { Catalog } from '../../core/catalog/catalog';
import type { ConditionKeyType } from '../../core/catalog/catalog';
import type { Span, Statement, Value } from '../../core/policy/model';
import { keyValueType, OPERATORS, type OperatorFamily } from '../../core/operators';
import { hasWildcard } from '../../core/wildcard';

// ------------------------------------------------------------------ fixes

/** One quick fix: text edits given as offsets into the document the diagnostic was computed on. */
export interface Fix {
  title: string;
  edits: { offset: number; length: number; newText: string }[];
  preferred?: boolean;
}

/** A fix that replaces a span (usually a quoted JSON string) with a new JSON string. */
export function replaceString(span: Span, value: string, title = `Change to "${value}"`, preferred = false): Fix {
  return { title, edits: [{ offset: span.offset, length: span.length, newText: JSON.stringify(value) }], preferred };
}

/**
 * Whether one of the elements is present, in any letter case: a wrongly cased name (`"effect"`) is reported once, by
 * invalid-element, so the rules for missing elements treat it as present.
 */
export function hasElement(entries: { key: string }[], ...names: string[]): boolean {
  const lower = names.map((n) => n.toLowerCase());
  return entries.some((e) => lower.includes(e.key.toLowerCase()));
}

/** One fix per option, each replacing the span with it; the first option (the closest suggestion) is preferred. */
export function replacementFixes(span: Span, options: string[]): Fix[] {
  return options.map((o, i) => replaceString(span, o, undefined, i === 0));
}

export function fixesData(fixes: Fix[]): { fixes: Fix[] } | undefined {
  return fixes.length ? { fixes } : undefined;
}

// ------------------------------------------------------------------ edit distance

/** Damerau-Levenshtein (optimal string alignment) distance, case-insensitive, with an early cut-off. */
export function editDistance(a: string, b: string, max = Infinity): number {
  a = a.toLowerCase(); b = b.toLowerCase();
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = a.length, m = b.length;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m];
}

/** How far a suggestion may be from the word: typos, not different words. */
export function maxDistance(word: string): number {
  return word.length <= 4 ? 1 : word.length <= 12 ? 2 : 3;
}

/**
 * Close candidates for a misspelt word, best first: by edit distance, then by rank (lower = more common; e.g. the
 * frequency order of services), then alphabetically. Only candidates within maxDistance are kept.
 */
export function suggest(word: string, candidates: Iterable<string>, limit = 3, rank?: (c: string) => number): string[] {
  const max = maxDistance(word);
  const scored: { c: string; d: number; r: number }[] = [];
  for (const c of candidates) {
    const d = editDistance(word, c, max);
    if (d <= max) scored.push({ c, d, r: rank ? rank(c) : 0 });
  }
  scored.sort((x, y) => x.d - y.d || x.r - y.r || x.c.localeCompare(y.c));
  return scored.slice(0, limit).map((s) => s.c);
}

// Most-used service prefixes in AWS managed policies (most frequent first), used to rank equally close suggestions.
const COMMON_SERVICES = ['ec2', 's3', 'iam', 'logs', 'cloudwatch', 'kms', 'lambda', 'sns', 'sqs', 'dynamodb', 'cloudformation',
  'sts', 'elasticloadbalancing', 'autoscaling', 'ssm', 'rds', 'ecr', 'ecs', 'tag', 'events', 'secretsmanager', 'glue',
  'organizations', 'config', 'cloudtrail', 'kinesis', 'states', 'apigateway', 'route53', 'elasticfilesystem'];
export const serviceRank = (p: string): number => { const i = COMMON_SERVICES.indexOf(p); return i < 0 ? COMMON_SERVICES.length : i; };

// ------------------------------------------------------------------ text helpers

/** Span of the characters of a string value between its quotes (offset into the document). */
export function innerSpan(v: Value): Span {
  return v.kind === 'string' ? { offset: v.span.offset + 1, length: Math.max(0, v.span.length - 2) } : v.span;
}

/** Whether the raw JSON text of a string value equals its decoded value (no escapes), so inner offsets line up. */
export function plainString(doc: { text: string }, v: Value): boolean {
  return doc.text.slice(v.span.offset + 1, v.span.offset + v.span.length - 1) === v.value;
}

export const quote = (s: string): string => `"${s}"`;
export const list = (xs: string[], max = 3): string => xs.slice(0, max).map(quote).join(', ') + (xs.length > max ? `, … (${xs.length} in all)` : '');
export const didYouMean = (xs: string[]): string => (xs.length ? ` Did you mean ${xs.map(quote).join(' or ')}?` : '');

// ------------------------------------------------------------------ elements

export const TOP_LEVEL_ELEMENTS = ['Version', 'Id', 'Statement'];
export const STATEMENT_ELEMENTS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];
export const PRINCIPAL_TYPES = ['AWS', 'Service', 'Federated', 'CanonicalUser'];

// ------------------------------------------------------------------ condition operators

// Operators are case-sensitive in policies, so they are looked up by exact name (a Map: an operator spelt like an
// Object.prototype member, "toString", must not be found).
const BASE_OPERATORS = new Map(OPERATORS.map((o) => [o.name, o]));

/** Every valid spelling of an operator: base, …IfExists (not Null), with ForAllValues:/ForAnyValue: (not Null). */
export const ALL_OPERATORS: string[] = (() => {
  const out: string[] = [];
  for (const { name: b } of OPERATORS) {
    out.push(b);
    if (b === 'Null') continue;
    out.push(`${b}IfExists`);
    for (const q of ['ForAllValues:', 'ForAnyValue:']) out.push(`${q}${b}`, `${q}${b}IfExists`);
  }
  return out;
})();

export interface ParsedOperator {
  raw: string;
  qualifier?: 'ForAllValues' | 'ForAnyValue';
  base: string;
  ifExists: boolean;
  family: OperatorFamily;
  /** StringLike/StringNotLike/ArnLike/ArnNotLike/ArnEquals/ArnNotEquals: values may hold * and ? */
  allowsWildcards: boolean;
}

/** Parses an operator; undefined when it is not a valid operator (exact spelling: operators are case-sensitive). */
export function parseOperator(raw: string): ParsedOperator | undefined {
  let rest = raw;
  let qualifier: ParsedOperator['qualifier'];
  const m = /^(ForAllValues|ForAnyValue):/.exec(rest);
  if (m) { qualifier = m[1] as ParsedOperator['qualifier']; rest = rest.slice(m[0].length); }
  let ifExists = false;
  let info = BASE_OPERATORS.get(rest);
  if (!info && rest.endsWith('IfExists')) { ifExists = true; rest = rest.slice(0, -8); info = BASE_OPERATORS.get(rest); }
  if (!info) return undefined;
  return { raw, qualifier, base: rest, ifExists, family: info.family, allowsWildcards: info.wildcards };
}

export const FAMILY_OF_KEY_TYPE: Record<string, OperatorFamily> = {
  String: 'String', ARN: 'Arn', Bool: 'Bool', Numeric: 'Numeric', Date: 'Date', IPAddress: 'IpAddress', Binary: 'Binary',
};

/** Operator families that fit a key type (Null fits all). ARN keys also take String operators, aws:EpochTime Numeric. */
export function familiesForKey(keyName: string, t: ConditionKeyType): OperatorFamily[] {
  const base = keyValueType(t);
  const fams: OperatorFamily[] = ['Null', FAMILY_OF_KEY_TYPE[base] ?? 'String'];
  // ARN and String operators are interchangeable in practice (AWS managed policies use ArnLike on string keys)
  if (base === 'ARN') fams.push('String');
  if (base === 'String') fams.push('Arn');
  if (keyName.toLowerCase() === 'aws:epochtime') fams.push('Numeric');
  return fams;
}

/** The operator of the wanted family that keeps the meaning of `op` as far as possible (StringEquals -> DateEquals…). */
export function typedOperator(op: ParsedOperator, family: OperatorFamily): string | undefined {
  const b = op.base;
  const negated = /Not/.test(b);
  let base: string | undefined;
  switch (family) {
    case 'Bool': base = negated ? undefined : 'Bool'; break;
    case 'IpAddress': base = negated ? 'NotIpAddress' : 'IpAddress'; break;
    case 'Arn': base = /Like/.test(b) ? (negated ? 'ArnNotLike' : 'ArnLike') : negated ? 'ArnNotEquals' : 'ArnEquals'; break;
    case 'Numeric': base = b.startsWith('Date') ? b.replace('Date', 'Numeric') : negated ? 'NumericNotEquals' : 'NumericEquals'; break;
    case 'Date': base = b.startsWith('Numeric') ? b.replace('Numeric', 'Date') : negated ? 'DateNotEquals' : 'DateEquals'; break;
    case 'String': base = b.startsWith('Arn') ? b.replace('Arn', 'String') : negated ? 'StringNotEquals' : 'StringEquals'; break;
    case 'Binary': base = negated ? undefined : 'BinaryEquals'; break;
    default: base = undefined;
  }
  if (!base || !BASE_OPERATORS.has(base)) return undefined;
  return `${op.qualifier ? op.qualifier + ':' : ''}${base}${op.ifExists ? 'IfExists' : ''}`;
}

// ------------------------------------------------------------------ actions

// API operations that are not IAM actions, with the action(s) that grant them (IAM User Guide / Service
// Authorization Reference; parliament#186, cfn-lint#4108, #4280).
export const API_OPERATION_ACTIONS: Record<string, string[]> = {
  's3:listobjects': ['s3:ListBucket'],
  's3:listobjectsv2': ['s3:ListBucket'],
  's3:listobjectversions': ['s3:ListBucketVersions'],
  's3:headobject': ['s3:GetObject'],
  's3:headbucket': ['s3:ListBucket'],
  's3:listbuckets': ['s3:ListAllMyBuckets'],
  's3:copyobject': ['s3:GetObject', 's3:PutObject'],
  's3:uploadpartcopy': ['s3:GetObject', 's3:PutObject'],
  's3:createmultipartupload': ['s3:PutObject'],
  's3:uploadpart': ['s3:PutObject'],
  's3:completemultipartupload': ['s3:PutObject'],
  's3:deleteobjects': ['s3:DeleteObject'],
  's3:selectobjectcontent': ['s3:GetObject'],
  's3:getbucketlifecycle': ['s3:GetLifecycleConfiguration'],
  's3:getbucketlifecycleconfiguration': ['s3:GetLifecycleConfiguration'],
  's3:putbucketlifecycle': ['s3:PutLifecycleConfiguration'],
  's3:putbucketlifecycleconfiguration': ['s3:PutLifecycleConfiguration'],
  's3:deletebucketlifecycle': ['s3:PutLifecycleConfiguration'],
  's3:getbucketencryption': ['s3:GetEncryptionConfiguration'],
  's3:putbucketencryption': ['s3:PutEncryptionConfiguration'],
  's3:deletebucketencryption': ['s3:PutEncryptionConfiguration'],
  's3:getbucketreplication': ['s3:GetReplicationConfiguration'],
  's3:putbucketreplication': ['s3:PutReplicationConfiguration'],
  's3:deletebucketreplication': ['s3:PutReplicationConfiguration'],
  's3:getobjectlockconfiguration': ['s3:GetBucketObjectLockConfiguration'],
  's3:putobjectlockconfiguration': ['s3:PutBucketObjectLockConfiguration'],
  's3:getbucketnotificationconfiguration': ['s3:GetBucketNotification'],
  's3:putbucketnotificationconfiguration': ['s3:PutBucketNotification'],
  's3:getbucketinventoryconfiguration': ['s3:GetInventoryConfiguration'],
  's3:getbucketmetricsconfiguration': ['s3:GetMetricsConfiguration'],
  's3:getbucketanalyticsconfiguration': ['s3:GetAnalyticsConfiguration'],
  's3:deletebucketcors': ['s3:PutBucketCORS'],
  's3:deletebuckettagging': ['s3:PutBucketTagging'],
  's3:deletebucketwebsite': ['s3:DeleteBucketWebsite'],
  'kms:reencrypt': ['kms:ReEncryptFrom', 'kms:ReEncryptTo'],
  'dynamodb:transactgetitems': ['dynamodb:GetItem'],
  'dynamodb:transactwriteitems': ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem'],
  'lambda:invoke': ['lambda:InvokeFunction'],
  'sqs:sendmessagebatch': ['sqs:SendMessage'],
  'sqs:deletemessagebatch': ['sqs:DeleteMessage'],
  'sqs:changemessagevisibilitybatch': ['sqs:ChangeMessageVisibility'],
  'sns:publishbatch': ['sns:Publish'],
  'apigateway:tagresource': ['apigateway:PUT'],
  'apigateway:untagresource': ['apigateway:DELETE'],
  'apigateway:getrestapis': ['apigateway:GET'],
  'apigateway:createrestapi': ['apigateway:POST'],
};

export type ActionClass =
  | { kind: 'star' }
  | { kind: 'ok'; matches: string[] }
  | { kind: 'wildcard'; matches: string[] }
  | { kind: 'wildcard-none'; service: string; suggestions: string[] }
  | { kind: 'format'; message: string; suggestions: string[] }
  | { kind: 'unknown-service'; service: string; suggestions: string[] }
  | { kind: 'api-operation'; grants: string[]; note: string }
  | { kind: 'unknown-action'; service: string; suggestions: string[] };

const classCache = new WeakMap<Catalog, Map<string, ActionClass>>();
const lowerNames = new WeakMap<Catalog, Map<string, string[]>>();

function actionNamesOf(catalog: Catalog, prefix: string): string[] {
  let m = lowerNames.get(catalog);
  if (!m) { m = new Map(); lowerNames.set(catalog, m); }
  let names = m.get(prefix);
  if (!names) { names = catalog.actionsOfService(prefix).map((a) => a.slice(a.indexOf(':') + 1)); m.set(prefix, names); }
  return names;
}

export function classifyAction(catalog: Catalog, value: string): ActionClass {
  let cache = classCache.get(catalog);
  if (!cache) { cache = new Map(); classCache.set(catalog, cache); }
  let c = cache.get(value);
  if (!c) { c = classifyUncached(catalog, value); if (cache.size > 50000) cache.clear(); cache.set(value, c); }
  return c;
}

function classifyUncached(catalog: Catalog, value: string): ActionClass {
  if (value === '*') return { kind: 'star' };
  const colon = value.indexOf(':');
  if (colon < 0) {
    const svc = catalog.service(value) ? [`${value.toLowerCase()}:*`] : [];
    return { kind: 'format', message: `"${value}" is not an action: write "service:Action" (e.g. "s3:GetObject"), "service:*", or "*".`, suggestions: svc };
  }
  const svcPart = value.slice(0, colon);
  const name = value.slice(colon + 1);
  if (/\s/.test(value)) return { kind: 'format', message: `The action "${value}" contains white space: remove it.`, suggestions: [value.replace(/\s+/g, '')].filter((v) => catalog.expandActions(v).length > 0) };
  if (name.includes(':') || !svcPart) return { kind: 'format', message: `"${value}" is not an action: write "service:Action" with one colon.`, suggestions: [] };
  if (hasWildcard(svcPart)) {
    const matches = [...catalog.expandActions(value)];
    return matches.length ? { kind: 'wildcard', matches } : { kind: 'wildcard-none', service: svcPart, suggestions: [] };
  }
  const svc = catalog.service(svcPart);
  if (!svc) {
    return { kind: 'unknown-service', service: svcPart, suggestions: suggest(svcPart, catalog.servicePrefixes(), 3, serviceRank) };
  }
  if (hasWildcard(name)) {
    const matches = [...catalog.expandActions(value)];
    return matches.length ? { kind: 'wildcard', matches } : { kind: 'wildcard-none', service: svc.prefix, suggestions: [] };
  }
  const exact = catalog.action(value);
  if (exact) return { kind: 'ok', matches: [exact.fullName] };
  const api = API_OPERATION_ACTIONS[value.toLowerCase()]?.filter((a) => catalog.hasAction(a));
  if (api?.length) return { kind: 'api-operation', grants: api, note: '' };
  // generic API-name shapes: XxxBatch / BatchXxx / XxxV2 are API operations granted by the plain action
  const generic = [name.replace(/V\d+$/, ''), name.replace(/^Batch/, ''), name.replace(/Batch$/, '')]
    .filter((n) => n !== name && n.length > 0)
    .map((n) => `${svc.prefix}:${n}`)
    .filter((a) => catalog.hasAction(a))
    .map((a) => catalog.action(a)!.fullName);
  if (generic.length) return { kind: 'api-operation', grants: [...new Set(generic)], note: '' };
  const names = actionNamesOf(catalog, svc.prefix);
  const close = suggest(name, names, 3).map((n) => `${svc.prefix}:${n}`);
  return { kind: 'unknown-action', service: svc.prefix, suggestions: close };
}

/** The distinct service prefixes of catalog action names ("s3:GetObject"), in order of first appearance. */
export function servicesOf(actions: string[]): string[] {
  return [...new Set(actions.map((a) => a.slice(0, a.indexOf(':'))))];
}

/** Expanded actions of a statement's Action element; undefined when unknowable or unbounded (`*`, NotAction). */
export function statementActionSet(catalog: Catalog, s: Statement): { actions: string[]; services: Set<string>; allKnown: boolean } | undefined {
  if (!s.action || s.notAction || !s.action.values.length) return undefined;
  const actions: string[] = [];
  const services = new Set<string>();
  let allKnown = true;
  for (const v of s.action.values) {
    const c = classifyAction(catalog, v.value);
    if (c.kind === 'star') return undefined;
    if (c.kind === 'ok' || c.kind === 'wildcard') { for (const a of c.matches) { actions.push(a); services.add(a.slice(0, a.indexOf(':')).toLowerCase()); } }
    else allKnown = false;
  }
  return { actions, services, allKnown };
}

// ------------------------------------------------------------------ misc

export const IAM_TYPES = new Set(['identity', 'boundary', 'session', 'trust', 'scp', 'rcp']);
export const PRINCIPAL_REQUIRED = new Set(['resource', 'trust', 'rcp', 'endpoint']);
export const PRINCIPAL_FORBIDDEN = new Set(['identity', 'boundary', 'session', 'scp']);

/** Policy variables in a string: `${...}` with their offsets inside the string. */
export function variablesIn(s: string): { text: string; inner: string; index: number; closed: boolean }[] {
  const out: { text: string; inner: string; index: number; closed: boolean }[] = [];
  let i = s.indexOf('${');
  while (i >= 0) {
    const end = s.indexOf('}', i + 2);
    const nextOpen = s.indexOf('${', i + 2);
    if (end < 0 || (nextOpen >= 0 && nextOpen < end)) {
      out.push({ text: s.slice(i, nextOpen >= 0 ? nextOpen : s.length), inner: s.slice(i + 2, nextOpen >= 0 ? nextOpen : s.length), index: i, closed: false });
      i = nextOpen;
      continue;
    }
    out.push({ text: s.slice(i, end + 1), inner: s.slice(i + 2, end), index: i, closed: true });
    i = s.indexOf('${', end + 1);
  }
  return out;
}

// ------------------------------------------------------------------ values

export function parseIpv4(s: string): number[] | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return undefined;
  const o = m.slice(1).map(Number);
  return o.every((x) => x <= 255) ? o : undefined;
}

function isIpv6(s: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(s)) return false;
  const dbl = s.split('::');
  if (dbl.length > 2) return false;
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const all = [...groups(dbl[0]), ...(dbl.length === 2 ? groups(dbl[1]) : [])];
  let count = 0;
  for (let i = 0; i < all.length; i++) {
    const g = all[i];
    if (i === all.length - 1 && g.includes('.')) { if (!parseIpv4(g)) return false; count += 2; continue; }
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return false;
    count++;
  }
  return dbl.length === 2 ? count < 8 : count === 8;
}

/** An IPv4 or IPv6 address with an optional /prefix. */
export function isIpOrCidr(s: string): boolean {
  const [addr, prefix, extra] = s.split('/');
  if (extra !== undefined) return false;
  const v4 = parseIpv4(addr);
  const max = v4 ? 32 : isIpv6(addr) ? 128 : -1;
  if (max < 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= max);
}

/** Private (RFC 1918), loopback or link-local IPv4 ranges: aws:SourceIp never holds them. */
export function isPrivateIpv4(s: string): boolean {
  const o = parseIpv4(s.split('/')[0]);
  if (!o) return false;
  return o[0] === 10 || (o[0] === 172 && o[1] >= 16 && o[1] <= 31) || (o[0] === 192 && o[1] === 168) || o[0] === 127 || (o[0] === 169 && o[1] === 254);
}

export const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
export const NUMBER = /^-?\d+(\.\d+)?$/;

/** A Region code that is neither known nor far from a known one is accepted (new Regions appear before the data knows them). */
export function regionProblem(catalog: Catalog, region: string): { suggestions: string[] } | undefined {
  if (catalog.partitionOfRegion(region)) return undefined;
  const close = suggest(region, catalog.allRegions(), 2);
  if (close.length || !catalog.isValidRegion(region)) return { suggestions: close };
  return undefined;
}
