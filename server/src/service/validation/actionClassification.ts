// What an Action value is (known action, wildcard, API operation name, typo, ...), memoised per catalog so a policy
// with thousands of actions classifies each distinct string once.
import { LruCache } from '../../core/lru';
import type { Catalog } from '../../core/catalog/catalog';
import type { Statement } from '../../core/policy/model';
import { hasWildcard } from '../../core/wildcard';
import { serviceRank, suggest } from './suggestions';
import * as l10n from '@vscode/l10n';

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

const classCache = new WeakMap<Catalog, LruCache<string, ActionClass>>();
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
  if (!cache) { cache = new LruCache(50000); classCache.set(catalog, cache); }
  return cache.getOrCreate(value, () => classifyUncached(catalog, value));
}

function classifyUncached(catalog: Catalog, value: string): ActionClass {
  if (value === '*') return { kind: 'star' };
  // most values name an action exactly: looked up by name alone (a first validation classifies thousands, cold);
  // the catalog finds no action in a value with white space, a wildcard or a second colon
  const exact = catalog.actionName(value);
  if (exact) return { kind: 'ok', matches: [exact] };
  const colon = value.indexOf(':');
  if (colon < 0) {
    const svc = catalog.service(value) ? [`${value.toLowerCase()}:*`] : [];
    return { kind: 'format', message: l10n.t('"{0}" is not an action: write "service:Action" (e.g. "s3:GetObject"), "service:*", or "*".', value), suggestions: svc };
  }
  const svcPart = value.slice(0, colon);
  const name = value.slice(colon + 1);
  if (/\s/.test(value)) return { kind: 'format', message: l10n.t('The action "{0}" contains white space: remove it.', value), suggestions: [value.replace(/\s+/g, '')].filter((v) => catalog.expandActions(v).length > 0) };
  if (name.includes(':') || !svcPart) return { kind: 'format', message: l10n.t('"{0}" is not an action: write "service:Action" with one colon.', value), suggestions: [] };
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

const servicesCache = new WeakMap<readonly string[], string[]>();
/**
 * The distinct service prefixes of catalog action names ("s3:GetObject"), in order of first appearance; remembered
 * per list, since the lists come from classifyAction's cache (a `*:*` in every statement is one list of 22k names).
 */
export function servicesOf(actions: readonly string[]): string[] {
  let s = servicesCache.get(actions);
  if (!s) { s = [...new Set(actions.map((a) => a.slice(0, a.indexOf(':'))))]; servicesCache.set(actions, s); }
  return s;
}

export interface StatementActionSet { actions: string[]; services: Set<string>; allKnown: boolean }
const setCache = new WeakMap<Catalog, LruCache<string, StatementActionSet | null>>();

/**
 * Expanded actions of a statement's Action element; undefined when unknowable or unbounded (`*`, NotAction).
 * Computed once per list of Action values: several rules ask, and a `*:*` expands to every action of the catalog.
 */
export function statementActionSet(catalog: Catalog, s: Statement): StatementActionSet | undefined {
  if (!s.action || s.notAction || !s.action.values.length) return undefined;
  let cache = setCache.get(catalog);
  if (!cache) { cache = new LruCache(256); setCache.set(catalog, cache); }
  const values = s.action.values.map((v) => v.value);
  return cache.getOrCreate(values.join('\n'), () => actionSetOf(catalog, values)) ?? undefined;
}

function actionSetOf(catalog: Catalog, values: string[]): StatementActionSet | null {
  const actions: string[] = [];
  const services = new Set<string>();
  let allKnown = true;
  for (const value of values) {
    const c = classifyAction(catalog, value);
    if (c.kind === 'star') return null;
    if (c.kind === 'ok' || c.kind === 'wildcard') { for (const a of c.matches) { actions.push(a); services.add(a.slice(0, a.indexOf(':')).toLowerCase()); } }
    else allKnown = false;
  }
  return { actions, services, allKnown };
}
