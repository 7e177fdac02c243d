// One loader for both model forms (shared/spec/iam-model.md §1): AWS `get-account-authorization-details` exports
// (as the AWS CLI prints them, or as the raw API returns them with URL-encoded documents) and hand-written
// `*.iam-model.json` files. Several files make one model. Pure: referenced policy files are read through a callback.
// Every problem names the file, the JSON path and what was expected; a bad part never stops the rest.
import { parse, type ParseError } from 'jsonc-parser';
import { parseArn } from '../arn';
import { formatPath, jsonErrorAt, type JsonPath } from '../evaluator';
import { nestingTooDeepAt } from '../policy/model';
import { suggest } from '../suggest';
import { isAwsManagedArn, type ManagedPolicies } from './managedPolicies';
import type {
  ComputeKind, IamModel, ManagedPolicy, ModelAccount, ModelDocument, ModelFile, ModelCompute, ModelGroup, ModelOrgLevel, ModelProblem, ModelRole,
  ModelUser, PolicyAttachment, SourceLocation,
} from './types';
import * as l10n from '../localize';

export interface LoadModelOptions {
  /** the bundled AWS managed policies; without them an AWS managed ARN resolves only from an export's `Policies` */
  managed?: ManagedPolicies;
  /**
   * Reads a policy file named by `{"file": "relative/path.json"}` in `fromFile`. Returns the file's canonical name
   * (as model files are named) and text; throws with a message when it cannot be read.
   */
  readPolicyFile?: (fromFile: string, relativePath: string) => { file: string; text: string };
}

export interface LoadedModel { model: IamModel; problems: ModelProblem[] }

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const ACCOUNT_ID = /^\d{12}$/;
const q = (s: string) => `"${s}"`;
const didYouMean = (xs: string[]) => (xs.length ? ` ${l10n.t('Did you mean {0}?', xs.map(q).join(l10n.t(' or ')))}` : '');

const FILE_KEYS = ['accounts', 'organization', 'description', '$schema'];
const ACCOUNT_KEYS = ['id', 'name', 'users', 'groups', 'roles', 'policies', 'resources', 'functions', 'codebuildProjects', 'description'];
const COMPUTE_KEYS = ['role', 'region', 'description'];
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
const USER_KEYS = ['groups', 'policies', 'permissionsBoundary', 'tags', 'path', 'description'];
const GROUP_KEYS = ['policies', 'path', 'description'];
const ROLE_KEYS = ['trustPolicy', 'policies', 'permissionsBoundary', 'tags', 'path', 'description'];
const ORG_KEYS = ['scps', 'rcps'];

/** A reference to a policy not resolved yet: an inline document, or a managed policy ARN / customer policy name. */
type RawRef = { kind: 'inline'; doc: ModelDocument } | { kind: 'ref'; ref: string; at: SourceLocation };

interface RawPrincipal {
  name: string; path: string; arn: string; at: SourceLocation;
  policies: RawRef[]; boundary?: RawRef; tags: Record<string, string>;
  groups: { name: string; at: SourceLocation }[];
  trustPolicy?: ModelDocument;
}

/** A function or project whose role is not resolved yet: `role` is a role ARN, or a role name of its account. */
interface RawCompute { kind: ComputeKind; name: string; arn: string; region: string; role: string; at: SourceLocation }

interface RawAccount {
  id: string; name?: string; files: string[];
  users: Map<string, RawPrincipal>; groups: Map<string, RawPrincipal>; roles: Map<string, RawPrincipal>;
  policies: Map<string, ManagedPolicy>; resources: Map<string, ModelDocument>; compute: Map<string, RawCompute>;
}

/** Reads the JSON of a model file: strict JSON first (fast on large exports), comments tolerated for hand-written files. */
export function parseModelJson(text: string, file: string): { value: unknown } | { problem: ModelProblem } {
  try { return { value: JSON.parse(text) }; } catch { /* fall through for comments, and for the error position */ }
  const deep = nestingTooDeepAt(text);
  if (deep >= 0) return { problem: { file, path: [], severity: 'error', message: l10n.t('{0} nests JSON arrays/objects too deeply (offset {1}); expected an IAM model or an authorization-details export', file, deep) } };
  const errors: ParseError[] = [];
  const value = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length) {
    const truncated = errors.some((e) => e.offset >= text.trimEnd().length - 1);
    return { problem: { file, path: [], severity: 'error', message: truncated
      ? l10n.t('{0} is not valid JSON: {1} (the file looks truncated). Fix the file; the rest of the model is used without it.', file, jsonErrorAt(text, errors[0]))
      : l10n.t('{0} is not valid JSON: {1}. Fix the file; the rest of the model is used without it.', file, jsonErrorAt(text, errors[0])) } };
  }
  return { value };
}

/** Whether a parsed JSON value is an authorization-details export (recognised by content, spec §1a). */
export function isAuthorizationDetails(v: unknown): boolean {
  return isObject(v) && ('UserDetailList' in v || 'RoleDetailList' in v || ('GroupDetailList' in v && 'Policies' in v));
}

/** Whether a parsed JSON value is the output of `aws lambda list-functions` (a top-level "Functions" array). */
export function isLambdaFunctionList(v: unknown): boolean {
  return isObject(v) && Array.isArray(v.Functions) && !('accounts' in v) && !('UserDetailList' in v);
}

/** Whether a parsed JSON value is the output of `aws codebuild batch-get-projects` (a top-level "projects" array). */
export function isCodeBuildProjectList(v: unknown): boolean {
  return isObject(v) && Array.isArray(v.projects) && !('accounts' in v) && !('UserDetailList' in v);
}

/** Whether a parsed JSON value looks like a hand-written IAM model (spec §1b). */
export function isHandWrittenModel(v: unknown): boolean {
  return isObject(v) && (Array.isArray(v.accounts) || ['users', 'groups', 'roles'].some((k) => isObject(v[k])));
}

class Loader {
  readonly problems: ModelProblem[] = [];
  readonly accounts = new Map<string, RawAccount>();
  readonly scps: ModelOrgLevel[] = [];
  readonly rcps: ModelOrgLevel[] = [];
  readonly awsManaged = new Map<string, ManagedPolicy>();
  private organizationAt?: SourceLocation;

  constructor(private readonly files: ModelFile[], private readonly options: LoadModelOptions) {}

  fail(file: string, path: JsonPath, message: string, severity: 'error' | 'warning' = 'error', kind: ModelProblem['kind'] = 'structure'): undefined {
    this.problems.push({ file, path, message, severity, kind });
    return undefined;
  }

  account(id: string, file: string): RawAccount {
    let a = this.accounts.get(id);
    if (!a) {
      a = { id, files: [], users: new Map(), groups: new Map(), roles: new Map(), policies: new Map(), resources: new Map(), compute: new Map() };
      this.accounts.set(id, a);
    }
    if (!a.files.includes(file)) a.files.push(file);
    return a;
  }

  /** Adds a named entity unless its name is taken (IAM names are unique regardless of case). */
  addUnique<T extends { name: string; at?: SourceLocation }>(map: Map<string, T>, item: T & { at: SourceLocation }, what: string, accountId: string): void {
    const key = item.name.toLowerCase();
    const prev = map.get(key);
    if (prev) {
      this.fail(item.at.file, item.at.path, prev.at
        ? l10n.t('duplicate {0} "{1}" in account {2}: already defined in {3} at {4} (IAM names are unique regardless of case). Remove or rename one of them.', what, item.name, accountId, prev.at.file, formatPath(prev.at.path))
        : l10n.t('duplicate {0} "{1}" in account {2}: already defined (IAM names are unique regardless of case). Remove or rename one of them.', what, item.name, accountId), 'error', 'duplicate');
      return;
    }
    map.set(key, item);
  }

  // ---------------------------------------------------------------- documents

  /** An export document: a JSON object (AWS CLI) or URL-encoded JSON text (raw API). */
  exportDocument(v: unknown, at: SourceLocation, name: string): ModelDocument {
    const doc: ModelDocument = { name, document: null, at };
    if (isObject(v)) { doc.document = v; return doc; }
    if (typeof v !== 'string') { this.fail(at.file, at.path, l10n.t('expected a policy document: a JSON object, or URL-encoded JSON text as the IAM API returns it')); return doc; }
    let text = v;
    if (!/^\s*\{/.test(v)) {
      try { text = decodeURIComponent(v); } catch {
        this.fail(at.file, at.path, l10n.t('the URL-encoded policy document does not decode (a malformed %-escape); expected the policy JSON, URL-encoded (RFC 3986) as the IAM API returns it'));
        return doc;
      }
    }
    let value: unknown;
    try { value = JSON.parse(text); } catch (e) {
      this.fail(at.file, at.path, l10n.t('the policy document is not JSON once decoded ({0}); expected a policy object with "Statement"', (e as Error).message));
      return doc;
    }
    if (!isObject(value)) { this.fail(at.file, at.path, l10n.t('the decoded policy document is not a JSON object; expected a policy object with "Statement"')); return doc; }
    doc.document = value;
    doc.decodedText = text;
    return doc;
  }

  /** A hand-written POLICY: a document object, `{"name", "policy"}` or `{"file": "relative/path.json"}`. */
  policy(v: unknown, at: SourceLocation, fallbackName: string): ModelDocument | undefined {
    const { file, path } = at;
    if (!isObject(v)) return this.fail(file, path, l10n.t('expected a policy: a policy document object, {"name": ..., "policy": {...}} or {"file": "relative/path.json"}'));
    if ('file' in v) {
      if (typeof v.file !== 'string' || !v.file) return this.fail(file, [...path, 'file'], l10n.t('expected "file" to be a path string relative to the model file'));
      if (!this.options.readPolicyFile) return this.fail(file, [...path, 'file'], l10n.t('policy files cannot be read here; write the policy inline instead of {"file": "{0}"}', v.file));
      let read: { file: string; text: string };
      try { read = this.options.readPolicyFile(file, v.file); } catch (e) {
        return this.fail(file, [...path, 'file'], l10n.t('cannot read policy file "{0}": {1}', v.file, (e as Error).message));
      }
      if (this.files.some((f) => f.name === read.file)) {
        return this.fail(file, [...path, 'file'], l10n.t('"{0}" is a model file, not a policy (a model cannot include itself or another model file); expected a policy document file', v.file));
      }
      const parsed = parseModelJson(read.text, v.file);
      if ('problem' in parsed) return this.fail(file, [...path, 'file'], l10n.t('policy file {0}', parsed.problem.message));
      if (!isObject(parsed.value) || !('Statement' in parsed.value)) return this.fail(file, [...path, 'file'], l10n.t('policy file "{0}" does not hold a policy document (an object with "Statement")', v.file));
      const name = typeof v.name === 'string' ? v.name : v.file.replace(/^.*[\\/]/, '').replace(/(\.[a-z]+)?\.json$/i, '');
      return { name, document: parsed.value, at, file: read.file, decodedText: read.text };
    }
    if ('policy' in v) {
      if (!isObject(v.policy)) return this.fail(file, [...path, 'policy'], l10n.t('expected a policy document object'));
      if (v.name !== undefined && typeof v.name !== 'string') return this.fail(file, [...path, 'name'], l10n.t('expected a string'));
      return { name: (v.name as string | undefined) ?? fallbackName, document: v.policy, at: { file, path: [...path, 'policy'] } };
    }
    if (!('Statement' in v)) return this.fail(file, path, l10n.t('expected a policy document with "Statement", or {"name", "policy"}, or {"file"}'));
    return { name: fallbackName, document: v, at };
  }

  /** A hand-written POLICYREF: a POLICY, a managed policy ARN, or the bare name of a customer managed policy. */
  policyRef(v: unknown, at: SourceLocation, fallbackName: string): RawRef | undefined {
    if (typeof v === 'string') {
      if (!v.trim()) return this.fail(at.file, at.path, l10n.t('expected a managed policy ARN or the name of a customer managed policy of this account'));
      return { kind: 'ref', ref: v.trim(), at };
    }
    const doc = this.policy(v, at, fallbackName);
    return doc && { kind: 'inline', doc };
  }

  policyRefs(v: unknown, at: SourceLocation, owner: string): RawRef[] {
    if (v === undefined) return [];
    if (!Array.isArray(v)) { this.fail(at.file, at.path, l10n.t('expected an array of policies: managed policy ARNs, customer managed policy names, or policy documents')); return []; }
    const out: RawRef[] = [];
    v.forEach((x, i) => { const r = this.policyRef(x, { file: at.file, path: [...at.path, i] }, `${owner} policy ${i + 1}`); if (r) out.push(r); });
    return out;
  }

  tags(v: unknown, at: SourceLocation): Record<string, string> {
    if (v === undefined) return {};
    if (!isObject(v)) { this.fail(at.file, at.path, l10n.t('expected an object of tags, {"key": "value"}')); return {}; }
    const out: Record<string, string> = {};
    for (const [k, x] of Object.entries(v)) {
      if (typeof x === 'string') out[k] = x; else this.fail(at.file, [...at.path, k], l10n.t('expected a string tag value'));
    }
    return out;
  }

  unknownKeys(v: Record<string, unknown>, allowed: string[], at: SourceLocation, what: string): void {
    for (const k of Object.keys(v)) {
      if (!allowed.includes(k)) this.fail(at.file, [...at.path, k], l10n.t('unknown {0} field "{1}"; expected one of {2}.', what, k, allowed.join(', ')) + didYouMean(suggest(k, allowed, 1)));
    }
  }

  // ---------------------------------------------------------------- hand-written models

  handWritten(v: Record<string, unknown>, file: string): void {
    const wrapped = Array.isArray(v.accounts);
    if (wrapped) {
      this.unknownKeys(v, FILE_KEYS, { file, path: [] }, 'model');
      (v.accounts as unknown[]).forEach((a, i) => {
        if (!isObject(a)) { this.fail(file, ['accounts', i], l10n.t('expected an account object with "id"')); return; }
        this.handAccount(a, { file, path: ['accounts', i] });
      });
      if (!(v.accounts as unknown[]).length) this.fail(file, ['accounts'], l10n.t('the model lists no accounts'), 'warning');
    } else {
      this.unknownKeys(v, [...ACCOUNT_KEYS, ...FILE_KEYS], { file, path: [] }, 'model');
      this.handAccount(v, { file, path: [] });
    }
    if (v.organization !== undefined) this.organization(v.organization, { file, path: ['organization'] });
  }

  handAccount(v: Record<string, unknown>, at: SourceLocation): void {
    const { file, path } = at;
    if (Array.isArray(v.accounts)) return;
    if (path.length) this.unknownKeys(v, ACCOUNT_KEYS, at, 'account');
    if (typeof v.id !== 'string' || !ACCOUNT_ID.test(v.id)) {
      this.fail(file, [...path, 'id'], l10n.t('expected "id": the 12-digit account ID as a string, e.g. "111111111111"'));
      return;
    }
    const acct = this.account(v.id, file);
    if (typeof v.name === 'string') acct.name ??= v.name;
    else if (v.name !== undefined) this.fail(file, [...path, 'name'], l10n.t('expected a string label'));
    const section = (key: string): Record<string, unknown> => {
      const s = v[key];
      if (s === undefined) return {};
      if (!isObject(s)) { this.fail(file, [...path, key], l10n.t('expected an object of {0} by name', key)); return {}; }
      return s;
    };
    const principalPath = (p: unknown, at2: SourceLocation): string => {
      if (p === undefined) return '/';
      if (typeof p !== 'string' || !/^\/([\x21-\x7e]+\/)?$/.test(p)) { this.fail(at2.file, [...at2.path, 'path'], l10n.t('expected a path such as "/" or "/division/team/" (starts and ends with /)')); return '/'; }
      return p;
    };
    for (const [name, u] of Object.entries(section('users'))) {
      const uat = { file, path: [...path, 'users', name] };
      if (!isObject(u)) { this.fail(file, uat.path, l10n.t('expected a user object: {"groups": [...], "policies": [...], "permissionsBoundary": ..., "tags": {...}}')); continue; }
      this.unknownKeys(u, USER_KEYS, uat, 'user');
      const p = principalPath(u.path, uat);
      const groups: RawPrincipal['groups'] = [];
      if (u.groups !== undefined) {
        if (!Array.isArray(u.groups)) this.fail(file, [...uat.path, 'groups'], l10n.t('expected an array of group names'));
        else u.groups.forEach((g, i) => {
          if (typeof g === 'string' && g) groups.push({ name: g, at: { file, path: [...uat.path, 'groups', i] } });
          else this.fail(file, [...uat.path, 'groups', i], l10n.t('expected a group name string'));
        });
      }
      const boundary = u.permissionsBoundary === undefined ? undefined : this.policyRef(u.permissionsBoundary, { file, path: [...uat.path, 'permissionsBoundary'] }, `boundary of ${name}`);
      this.addUnique(acct.users, {
        name, path: p, arn: `arn:aws:iam::${acct.id}:user${p}${name}`, at: uat, groups, boundary,
        policies: this.policyRefs(u.policies, { file, path: [...uat.path, 'policies'] }, name),
        tags: this.tags(u.tags, { file, path: [...uat.path, 'tags'] }),
      }, 'user', acct.id);
    }
    for (const [name, g] of Object.entries(section('groups'))) {
      const gat = { file, path: [...path, 'groups', name] };
      if (!isObject(g)) { this.fail(file, gat.path, l10n.t('expected a group object: {"policies": [...]}')); continue; }
      this.unknownKeys(g, GROUP_KEYS, gat, 'group');
      const p = principalPath(g.path, gat);
      this.addUnique(acct.groups, {
        name, path: p, arn: `arn:aws:iam::${acct.id}:group${p}${name}`, at: gat, groups: [], tags: {},
        policies: this.policyRefs(g.policies, { file, path: [...gat.path, 'policies'] }, name),
      }, 'group', acct.id);
    }
    for (const [name, r] of Object.entries(section('roles'))) {
      const rat = { file, path: [...path, 'roles', name] };
      if (!isObject(r)) { this.fail(file, rat.path, l10n.t('expected a role object: {"trustPolicy": {...}, "policies": [...]}')); continue; }
      this.unknownKeys(r, ROLE_KEYS, rat, 'role');
      const p = principalPath(r.path, rat);
      const trustPolicy = r.trustPolicy === undefined ? undefined : this.policy(r.trustPolicy, { file, path: [...rat.path, 'trustPolicy'] }, `trust policy of ${name}`);
      if (r.trustPolicy === undefined) this.fail(file, rat.path, l10n.t('role "{0}" has no "trustPolicy"; nobody can assume it', name), 'warning');
      const boundary = r.permissionsBoundary === undefined ? undefined : this.policyRef(r.permissionsBoundary, { file, path: [...rat.path, 'permissionsBoundary'] }, `boundary of ${name}`);
      this.addUnique(acct.roles, {
        name, path: p, arn: `arn:aws:iam::${acct.id}:role${p}${name}`, at: rat, groups: [], boundary, trustPolicy,
        policies: this.policyRefs(r.policies, { file, path: [...rat.path, 'policies'] }, name),
        tags: this.tags(r.tags, { file, path: [...rat.path, 'tags'] }),
      }, 'role', acct.id);
    }
    for (const [name, pv] of Object.entries(section('policies'))) {
      const pat = { file, path: [...path, 'policies', name] };
      const doc = this.policy(pv, pat, name);
      if (!doc) continue;
      this.addUnique(acct.policies, { arn: `arn:aws:iam::${acct.id}:policy/${name}`, name, path: '/', awsManaged: false, document: doc.document, at: doc.at }, 'customer managed policy', acct.id);
    }
    const compute = (key: string, kind: ComputeKind, arnOf: (region: string, name: string) => string) => {
      for (const [name, f] of Object.entries(section(key))) {
        const fat = { file, path: [...path, key, name] };
        if (!isObject(f)) { this.fail(file, fat.path, kind === 'lambda-function' ? l10n.t('expected a function object: {"role": "ROLE-NAME or role ARN", "region": "us-east-1"}') : l10n.t('expected a project object: {"role": "ROLE-NAME or role ARN", "region": "us-east-1"}')); continue; }
        this.unknownKeys(f, COMPUTE_KEYS, fat, kind === 'lambda-function' ? 'function' : 'project');
        if (typeof f.role !== 'string' || !f.role.trim()) { this.fail(file, [...fat.path, 'role'], kind === 'lambda-function' ? l10n.t('expected "role": the name of a role of this account, or a role ARN (the function\'s execution role)') : l10n.t('expected "role": the name of a role of this account, or a role ARN (the project\'s service role)')); continue; }
        let region = 'us-east-1';
        if (f.region !== undefined) {
          if (typeof f.region !== 'string' || !REGION.test(f.region)) { this.fail(file, [...fat.path, 'region'], l10n.t('expected a region code such as "us-east-1"')); continue; }
          region = f.region;
        }
        this.addCompute(acct, { kind, name, arn: arnOf(region, name), region, role: f.role.trim(), at: fat });
      }
    };
    compute('functions', 'lambda-function', (region, name) => `arn:aws:lambda:${region}:${acct.id}:function:${name}`);
    compute('codebuildProjects', 'codebuild-project', (region, name) => `arn:aws:codebuild:${region}:${acct.id}:project/${name}`);
    for (const [arn, pv] of Object.entries(section('resources'))) {
      const rat = { file, path: [...path, 'resources', arn] };
      if (!parseArn(arn)) { this.fail(file, rat.path, l10n.t('"{0}" is not a resource ARN; expected arn:partition:service:region:account:resource', arn)); continue; }
      const doc = this.policy(pv, rat, `resource policy of ${arn}`);
      if (!doc) continue;
      if (acct.resources.has(arn)) this.fail(file, rat.path, l10n.t('duplicate resource policy for {0} in account {1}', arn, acct.id), 'error', 'duplicate');
      else acct.resources.set(arn, doc);
    }
  }

  organization(v: unknown, at: SourceLocation): void {
    if (this.organizationAt) { this.fail(at.file, at.path, l10n.t('the organization is already given in {0}; give it once', this.organizationAt.file)); return; }
    if (!isObject(v)) { this.fail(at.file, at.path, l10n.t('expected {"scps": LEVELS, "rcps": LEVELS}')); return; }
    this.organizationAt = at;
    this.unknownKeys(v, ORG_KEYS, at, 'organization');
    this.scps.push(...this.orgLevels(v.scps, { file: at.file, path: [...at.path, 'scps'] }, 'SCP'));
    this.rcps.push(...this.orgLevels(v.rcps, { file: at.file, path: [...at.path, 'rcps'] }, 'RCP'));
  }

  orgLevels(v: unknown, at: SourceLocation, label: string): ModelOrgLevel[] {
    if (v === undefined) return [];
    if (!Array.isArray(v)) { this.fail(at.file, at.path, l10n.t('expected an array of policies, or of {"orgIdentifier": ..., "policies": [...]} levels from the root to the account')); return []; }
    const list = (xs: unknown[], base: JsonPath, prefix: string) => xs.flatMap((x, i) => this.policy(x, { file: at.file, path: [...base, i] }, `${prefix} ${i + 1}`) ?? []);
    if (!v.some((x) => isObject(x) && 'orgIdentifier' in x)) {
      const policies = list(v, at.path, label);
      return policies.length ? [{ orgIdentifier: 'account', policies }] : [];
    }
    const out: ModelOrgLevel[] = [];
    v.forEach((lvl, i) => {
      if (!isObject(lvl) || typeof lvl.orgIdentifier !== 'string') { this.fail(at.file, [...at.path, i], l10n.t('expected {"orgIdentifier": "r-root" | "ou-..." | account, "policies": [...]}')); return; }
      if (!Array.isArray(lvl.policies)) { this.fail(at.file, [...at.path, i, 'policies'], l10n.t('expected an array of policies')); return; }
      out.push({ orgIdentifier: lvl.orgIdentifier, policies: list(lvl.policies, [...at.path, i, 'policies'], `${label} ${lvl.orgIdentifier}`) });
    });
    return out;
  }

  // ---------------------------------------------------------------- authorization-details exports

  authorizationDetails(v: Record<string, unknown>, file: string): void {
    const LISTS = ['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies'] as const;
    for (const k of Object.keys(v)) {
      if (!(LISTS as readonly string[]).includes(k) && k !== 'IsTruncated' && k !== 'Marker') {
        this.fail(file, [k], l10n.t('unknown field "{0}" in an authorization-details export; expected {1}', k, LISTS.join(', ')), 'warning');
      }
    }
    if (v.IsTruncated === true) this.fail(file, ['IsTruncated'], l10n.t('the export is truncated (IsTruncated: true): the API paged the answer; join the pages (the AWS CLI does this when not given --max-items) or entities will be missing'), 'warning');
    const lists: Partial<Record<typeof LISTS[number], unknown[]>> = {};
    for (const k of LISTS) {
      if (v[k] === undefined) continue;
      if (!Array.isArray(v[k])) { this.fail(file, [k], l10n.t('expected {0} to be an array', k)); continue; }
      lists[k] = v[k] as unknown[];
    }
    // the account ID comes from the ARNs (spec §1a)
    let accountId: string | undefined;
    for (const k of ['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies'] as const) {
      for (const e of lists[k] ?? []) {
        const arn = isObject(e) && typeof e.Arn === 'string' ? parseArn(e.Arn) : undefined;
        if (arn && ACCOUNT_ID.test(arn.account)) { accountId = arn.account; break; }
      }
      if (accountId) break;
    }
    for (const [i, e] of (lists.Policies ?? []).entries()) this.exportPolicy(e, { file, path: ['Policies', i] }, accountId);
    if (!accountId) {
      if ((lists.UserDetailList?.length ?? 0) + (lists.GroupDetailList?.length ?? 0) + (lists.RoleDetailList?.length ?? 0) > 0) {
        this.fail(file, [], l10n.t('no ARN in the export names the account; expected "Arn": "arn:aws:iam::ACCOUNT:..." on users, groups, roles or policies'));
      }
      return;
    }
    const acct = this.account(accountId, file);
    const sameAccount = (arn: unknown, at: SourceLocation): arn is string => {
      if (typeof arn !== 'string') { this.fail(at.file, [...at.path, 'Arn'], l10n.t('expected "Arn", the entity\'s ARN')); return false; }
      const a = parseArn(arn);
      if (!a || a.account !== accountId) { this.fail(at.file, [...at.path, 'Arn'], l10n.t('"{0}" is not an ARN of account {1}, the account of this export; export each account to its own file', arn, accountId)); return false; }
      return true;
    };
    const name = (e: Record<string, unknown>, key: string, at: SourceLocation): string | undefined =>
      typeof e[key] === 'string' && e[key] ? e[key] as string : this.fail(at.file, [...at.path, key], l10n.t('expected "{0}"', key));
    const inline = (list: unknown, at: SourceLocation, docKey: string, owner: string): RawRef[] => {
      if (list === undefined) return [];
      if (!Array.isArray(list)) { this.fail(at.file, at.path, l10n.t('expected an array of {"PolicyName", "PolicyDocument"}')); return []; }
      return list.flatMap((p, i): RawRef[] => {
        const pat = { file: at.file, path: [...at.path, i] };
        if (!isObject(p) || typeof p.PolicyName !== 'string') { this.fail(pat.file, pat.path, l10n.t('expected {"PolicyName": ..., "PolicyDocument": ...}')); return []; }
        if (p[docKey] === undefined) { this.fail(pat.file, [...pat.path, docKey], l10n.t('expected "{0}"', docKey)); return []; }
        return [{ kind: 'inline', doc: this.exportDocument(p[docKey], { file: pat.file, path: [...pat.path, docKey] }, `${p.PolicyName} (inline policy of ${owner})`) }];
      });
    };
    const attached = (list: unknown, at: SourceLocation): RawRef[] => {
      if (list === undefined) return [];
      if (!Array.isArray(list)) { this.fail(at.file, at.path, l10n.t('expected an array of {"PolicyName", "PolicyArn"}')); return []; }
      return list.flatMap((p, i): RawRef[] => {
        const pat = { file: at.file, path: [...at.path, i] };
        if (!isObject(p) || typeof p.PolicyArn !== 'string') { this.fail(pat.file, [...pat.path, 'PolicyArn'], l10n.t('expected {"PolicyName": ..., "PolicyArn": "arn:aws:iam::...:policy/..."}')); return []; }
        return [{ kind: 'ref', ref: p.PolicyArn, at: { file: pat.file, path: [...pat.path, 'PolicyArn'] } }];
      });
    };
    const boundary = (b: unknown, at: SourceLocation): RawRef | undefined => {
      if (b === undefined) return undefined;
      if (!isObject(b) || typeof b.PermissionsBoundaryArn !== 'string') return this.fail(at.file, at.path, l10n.t('expected {"PermissionsBoundaryType": "Policy", "PermissionsBoundaryArn": ...}'));
      return { kind: 'ref', ref: b.PermissionsBoundaryArn, at: { file: at.file, path: [...at.path, 'PermissionsBoundaryArn'] } };
    };
    const tags = (t: unknown, at: SourceLocation): Record<string, string> => {
      if (t === undefined) return {};
      if (!Array.isArray(t)) { this.fail(at.file, at.path, l10n.t('expected an array of {"Key", "Value"}')); return {}; }
      const out: Record<string, string> = {};
      t.forEach((x, i) => { if (isObject(x) && typeof x.Key === 'string') out[x.Key] = typeof x.Value === 'string' ? x.Value : ''; else this.fail(at.file, [...at.path, i], l10n.t('expected {"Key": ..., "Value": ...}')); });
      return out;
    };
    const pathOf = (e: Record<string, unknown>) => (typeof e.Path === 'string' ? e.Path : '/');
    for (const [i, e] of (lists.UserDetailList ?? []).entries()) {
      const at = { file, path: ['UserDetailList', i] };
      if (!isObject(e)) { this.fail(file, at.path, l10n.t('expected a user object')); continue; }
      const n = name(e, 'UserName', at);
      if (!n || !sameAccount(e.Arn, at)) continue;
      const groups = Array.isArray(e.GroupList) ? e.GroupList.flatMap((g, j) => typeof g === 'string' ? [{ name: g, at: { file, path: ['UserDetailList', i, 'GroupList', j] } }] : []) : [];
      this.addUnique(acct.users, {
        name: n, path: pathOf(e), arn: e.Arn as string, at, groups,
        policies: [...inline(e.UserPolicyList, { file, path: [...at.path, 'UserPolicyList'] }, 'PolicyDocument', `user ${n}`), ...attached(e.AttachedManagedPolicies, { file, path: [...at.path, 'AttachedManagedPolicies'] })],
        boundary: boundary(e.PermissionsBoundary, { file, path: [...at.path, 'PermissionsBoundary'] }),
        tags: tags(e.Tags, { file, path: [...at.path, 'Tags'] }),
      }, 'user', acct.id);
    }
    for (const [i, e] of (lists.GroupDetailList ?? []).entries()) {
      const at = { file, path: ['GroupDetailList', i] };
      if (!isObject(e)) { this.fail(file, at.path, l10n.t('expected a group object')); continue; }
      const n = name(e, 'GroupName', at);
      if (!n || !sameAccount(e.Arn, at)) continue;
      this.addUnique(acct.groups, {
        name: n, path: pathOf(e), arn: e.Arn as string, at, groups: [], tags: {},
        policies: [...inline(e.GroupPolicyList, { file, path: [...at.path, 'GroupPolicyList'] }, 'PolicyDocument', `group ${n}`), ...attached(e.AttachedManagedPolicies, { file, path: [...at.path, 'AttachedManagedPolicies'] })],
      }, 'group', acct.id);
    }
    for (const [i, e] of (lists.RoleDetailList ?? []).entries()) {
      const at = { file, path: ['RoleDetailList', i] };
      if (!isObject(e)) { this.fail(file, at.path, l10n.t('expected a role object')); continue; }
      const n = name(e, 'RoleName', at);
      if (!n || !sameAccount(e.Arn, at)) continue;
      const trust = e.AssumeRolePolicyDocument === undefined ? undefined : this.exportDocument(e.AssumeRolePolicyDocument, { file, path: [...at.path, 'AssumeRolePolicyDocument'] }, `trust policy of ${n}`);
      this.addUnique(acct.roles, {
        name: n, path: pathOf(e), arn: e.Arn as string, at, groups: [], trustPolicy: trust,
        policies: [...inline(e.RolePolicyList, { file, path: [...at.path, 'RolePolicyList'] }, 'PolicyDocument', `role ${n}`), ...attached(e.AttachedManagedPolicies, { file, path: [...at.path, 'AttachedManagedPolicies'] })],
        boundary: boundary(e.PermissionsBoundary, { file, path: [...at.path, 'PermissionsBoundary'] }),
        tags: tags(e.Tags, { file, path: [...at.path, 'Tags'] }),
      }, 'role', acct.id);
    }
  }

  /** The output of `aws lambda list-functions`: each function's name, ARN (its account and region) and role. */
  lambdaFunctions(v: Record<string, unknown>, file: string): void {
    (v.Functions as unknown[]).forEach((e, i) => {
      const at = { file, path: ['Functions', i] };
      if (!isObject(e)) { this.fail(file, at.path, l10n.t('expected a function object with "FunctionName", "FunctionArn" and "Role"')); return; }
      const arn = typeof e.FunctionArn === 'string' ? parseArn(e.FunctionArn) : undefined;
      if (!arn || arn.service !== 'lambda' || !ACCOUNT_ID.test(arn.account) || !arn.resource.startsWith('function:')) { this.fail(file, [...at.path, 'FunctionArn'], l10n.t('expected "FunctionArn": arn:aws:lambda:REGION:ACCOUNT:function:NAME')); return; }
      if (typeof e.Role !== 'string' || !parseArn(e.Role)) { this.fail(file, [...at.path, 'Role'], l10n.t('expected "Role": the ARN of the function\'s execution role')); return; }
      const name = typeof e.FunctionName === 'string' && e.FunctionName ? e.FunctionName : arn.resource.split(':')[1];
      this.addCompute(this.account(arn.account, file), { kind: 'lambda-function', name, arn: e.FunctionArn as string, region: arn.region, role: e.Role, at });
    });
    if (!(v.Functions as unknown[]).length) this.fail(file, ['Functions'], l10n.t('the list holds no functions'), 'warning');
  }

  /** The output of `aws codebuild batch-get-projects`: each project's name, ARN (its account and region) and service role. */
  codebuildProjects(v: Record<string, unknown>, file: string): void {
    (v.projects as unknown[]).forEach((e, i) => {
      const at = { file, path: ['projects', i] };
      if (!isObject(e)) { this.fail(file, at.path, l10n.t('expected a project object with "name", "arn" and "serviceRole"')); return; }
      const arn = typeof e.arn === 'string' ? parseArn(e.arn) : undefined;
      if (!arn || arn.service !== 'codebuild' || !ACCOUNT_ID.test(arn.account) || !arn.resource.startsWith('project/')) { this.fail(file, [...at.path, 'arn'], l10n.t('expected "arn": arn:aws:codebuild:REGION:ACCOUNT:project/NAME')); return; }
      if (typeof e.serviceRole !== 'string' || !parseArn(e.serviceRole)) { this.fail(file, [...at.path, 'serviceRole'], l10n.t('expected "serviceRole": the ARN of the project\'s service role')); return; }
      const name = typeof e.name === 'string' && e.name ? e.name : arn.resource.slice('project/'.length);
      this.addCompute(this.account(arn.account, file), { kind: 'codebuild-project', name, arn: e.arn as string, region: arn.region, role: e.serviceRole, at });
    });
    if (!(v.projects as unknown[]).length) this.fail(file, ['projects'], l10n.t('the list holds no projects'), 'warning');
  }

  addCompute(acct: RawAccount, f: RawCompute): void {
    const prev = acct.compute.get(f.arn);
    if (prev) { this.fail(f.at.file, f.at.path, l10n.t('{0} is listed twice: already defined in {1} at {2}. Remove one of them.', f.arn, prev.at.file, formatPath(prev.at.path)), 'error', 'duplicate'); return; }
    acct.compute.set(f.arn, f);
  }

  /** An entry of the export's `Policies`: a customer managed policy, or an AWS managed one in use. */
  exportPolicy(e: unknown, at: SourceLocation, accountId: string | undefined): void {
    if (!isObject(e)) { this.fail(at.file, at.path, l10n.t('expected a managed policy object')); return; }
    if (typeof e.Arn !== 'string' || !parseArn(e.Arn)) { this.fail(at.file, [...at.path, 'Arn'], l10n.t('expected "Arn": the managed policy ARN')); return; }
    const arn = e.Arn;
    if (!Array.isArray(e.PolicyVersionList)) { this.fail(at.file, [...at.path, 'PolicyVersionList'], l10n.t('expected "PolicyVersionList", the versions of the policy with their documents')); return; }
    const versions = e.PolicyVersionList as unknown[];
    let idx = versions.findIndex((x) => isObject(x) && x.IsDefaultVersion === true);
    if (idx < 0) idx = versions.findIndex((x) => isObject(x) && x.VersionId === e.DefaultVersionId);
    if (idx < 0) { this.fail(at.file, [...at.path, 'PolicyVersionList'], l10n.t('no default version of {0}; expected a version with "IsDefaultVersion": true (the default version is the one that counts)', arn)); return; }
    const ver = versions[idx] as Record<string, unknown>;
    const name = typeof e.PolicyName === 'string' ? e.PolicyName : arn.slice(arn.lastIndexOf('/') + 1);
    const doc = this.exportDocument(ver.Document, { file: at.file, path: [...at.path, 'PolicyVersionList', idx, 'Document'] }, name);
    const policy: ManagedPolicy & { at: SourceLocation } = {
      arn, name, path: typeof e.Path === 'string' ? e.Path : '/', awsManaged: isAwsManagedArn(arn), document: doc.document, at: doc.at,
      versionId: typeof ver.VersionId === 'string' ? ver.VersionId : undefined,
    };
    if (policy.awsManaged) { this.awsManaged.set(arn, policy); return; }
    const a = parseArn(arn)!;
    if (accountId && a.account !== accountId) { this.fail(at.file, [...at.path, 'Arn'], l10n.t('"{0}" belongs to account {1}, not {2}, the account of this export', arn, a.account, accountId)); return; }
    this.addUnique(this.account(a.account, at.file).policies, policy, 'customer managed policy', a.account);
  }

  // ---------------------------------------------------------------- references

  resolve(ref: RawRef, accountId: string, owner: string): PolicyAttachment | undefined {
    if (ref.kind === 'inline') return ref;
    const { at } = ref;
    const r = ref.ref;
    if (r.startsWith('arn:')) {
      const a = parseArn(r);
      if (!a || a.service !== 'iam' || !a.resource.startsWith('policy/')) return this.fail(at.file, at.path, l10n.t('"{0}" is not a managed policy ARN; expected arn:aws:iam::aws:policy/NAME (AWS managed) or arn:aws:iam::ACCOUNT:policy/NAME (customer managed)', r), 'error', 'reference');
      if (a.account === 'aws') {
        const fromExport = this.awsManaged.get(r);
        if (fromExport) return { kind: 'managed', policy: fromExport, at };
        const bundled = this.options.managed?.get(r);
        if (bundled) {
          const policy: ManagedPolicy = { arn: bundled.arn, name: bundled.name, path: bundled.path, awsManaged: true, document: bundled.document, versionId: bundled.versionId, updatedAt: bundled.updatedAt };
          return { kind: 'managed', policy, at };
        }
        const hint = this.options.managed ? didYouMean(this.options.managed.didYouMean(r)) : ` ${l10n.t('(the bundled AWS managed policies are not loaded)')}`;
        return this.fail(at.file, at.path, l10n.t('unknown AWS managed policy "{0}" (referenced by {1}).', r, owner) + hint, 'error', 'reference');
      }
      const acct = this.accounts.get(a.account);
      const name = a.resource.slice(a.resource.lastIndexOf('/') + 1);
      if (!acct) return this.fail(at.file, at.path, l10n.t('"{0}" belongs to account {1}, which is not in the model; add that account or use a policy of {2}', r, a.account, accountId), 'error', 'reference');
      const p = acct.policies.get(name.toLowerCase());
      if (!p) return this.fail(at.file, at.path, l10n.t('unknown customer managed policy "{0}" (referenced by {1}): account {2} has no policy "{3}".', r, owner, a.account, name) + didYouMean(suggest(name, [...acct.policies.values()].map((x) => x.name)).map((n) => `arn:aws:iam::${a.account}:policy/${n}`)), 'error', 'reference');
      return { kind: 'managed', policy: p, at };
    }
    const acct = this.accounts.get(accountId)!;
    const p = acct.policies.get(r.toLowerCase());
    if (p) return { kind: 'managed', policy: p, at };
    const candidates = suggest(r, [...acct.policies.values()].map((x) => x.name));
    const aws = this.options.managed?.didYouMean(`arn:aws:iam::aws:policy/${r}`) ?? [];
    const exactAws = aws.find((x) => x.toLowerCase().endsWith(`/${r.toLowerCase()}`));
    const hint = exactAws ? ` ${l10n.t('For the AWS managed policy write its ARN: "{0}".', exactAws)}` : didYouMean(candidates);
    return this.fail(at.file, at.path, l10n.t('unknown policy "{0}" (referenced by {1}): account {2} has no customer managed policy of that name; expected a name from "policies" or a managed policy ARN.', r, owner, accountId) + hint, 'error', 'reference');
  }

  /** A function or project with its role resolved: a role ARN may name another account's role; a bare name, one of its own. */
  computeOf(f: RawCompute, accountId: string, model: IamModel): ModelCompute {
    const out: ModelCompute = { kind: f.kind, name: f.name, arn: f.arn, region: f.region, account: accountId, roleArn: f.role, at: f.at };
    const roleKey = f.at.path[0] === 'Functions' ? 'Role' : f.at.path[0] === 'projects' ? 'serviceRole' : 'role';
    const rolePath = [...f.at.path, roleKey];
    const lambda = f.kind === 'lambda-function';
    if (f.role.startsWith('arn:')) {
      const a = parseArn(f.role);
      if (!a || a.service !== 'iam' || !a.resource.startsWith('role/')) { this.fail(f.at.file, rolePath, l10n.t('"{0}" is not a role ARN; expected arn:aws:iam::ACCOUNT:role/NAME', f.role), 'error', 'reference'); return out; }
      const role = model.accounts.get(a.account)?.roles.get(a.resource.slice(a.resource.lastIndexOf('/') + 1).toLowerCase());
      if (role && role.arn.toLowerCase() === f.role.toLowerCase()) out.role = role;
      else this.fail(f.at.file, rolePath, lambda
        ? l10n.t('the execution role {0} of function {1} is not in the model: paths through this function are not followed. Add the export of account {2}.', f.role, f.name, a.account)
        : l10n.t('the service role {0} of CodeBuild project {1} is not in the model: paths through this project are not followed. Add the export of account {2}.', f.role, f.name, a.account), 'warning', 'reference');
      return out;
    }
    const acct = model.accounts.get(accountId)!;
    const role = acct.roles.get(f.role.toLowerCase());
    if (!role) {
      const hint = didYouMean(suggest(f.role, [...acct.roles.values()].map((x) => x.name)));
      this.fail(f.at.file, rolePath, (lambda
        ? l10n.t('unknown role "{0}" (the execution role of function {1}): account {2} has no such role.', f.role, f.name, accountId)
        : l10n.t('unknown role "{0}" (the service role of CodeBuild project {1}): account {2} has no such role.', f.role, f.name, accountId)) + hint, 'error', 'reference');
      return out;
    }
    out.roleArn = role.arn;
    out.role = role;
    return out;
  }

  build(): IamModel {
    const model: IamModel = { accounts: new Map(), scps: this.scps, rcps: this.rcps, awsManaged: this.awsManaged };
    for (const raw of this.accounts.values()) {
      const acct: ModelAccount = { id: raw.id, name: raw.name, files: raw.files, users: new Map(), groups: new Map(), roles: new Map(), policies: raw.policies, resources: raw.resources, compute: new Map() };
      const attach = (refs: RawRef[], owner: string) => refs.flatMap((x) => this.resolve(x, raw.id, owner) ?? []);
      for (const [key, g] of raw.groups) {
        acct.groups.set(key, { kind: 'group', name: g.name, arn: g.arn, path: g.path, account: raw.id, at: g.at, members: [], policies: attach(g.policies, `group ${g.name}`) });
      }
      for (const [key, u] of raw.users) {
        const groups: ModelGroup[] = [];
        for (const g of u.groups) {
          const group = acct.groups.get(g.name.toLowerCase());
          if (!group) { this.fail(g.at.file, g.at.path, l10n.t('unknown group "{0}" (user {1}): account {2} has no such group.', g.name, u.name, raw.id) + didYouMean(suggest(g.name, [...acct.groups.values()].map((x) => x.name))), 'error', 'reference'); continue; }
          if (groups.includes(group)) { this.fail(g.at.file, g.at.path, l10n.t('user {0} lists group "{1}" twice', u.name, g.name), 'warning'); continue; }
          groups.push(group);
        }
        const user: ModelUser = {
          kind: 'user', name: u.name, arn: u.arn, path: u.path, account: raw.id, at: u.at, groups, tags: u.tags,
          policies: attach(u.policies, `user ${u.name}`), boundary: u.boundary && this.resolve(u.boundary, raw.id, `the boundary of user ${u.name}`),
        };
        for (const g of groups) g.members.push(user);
        acct.users.set(key, user);
      }
      for (const [key, r] of raw.roles) {
        const role: ModelRole = {
          kind: 'role', name: r.name, arn: r.arn, path: r.path, account: raw.id, at: r.at, tags: r.tags, trustPolicy: r.trustPolicy,
          policies: attach(r.policies, `role ${r.name}`), boundary: r.boundary && this.resolve(r.boundary, raw.id, `the boundary of role ${r.name}`),
        };
        acct.roles.set(key, role);
      }
      model.accounts.set(raw.id, acct);
    }
    for (const raw of this.accounts.values()) {
      for (const f of raw.compute.values()) model.accounts.get(raw.id)!.compute.set(f.arn, this.computeOf(f, raw.id, model));
    }
    return model;
  }
}

/**
 * Loads model files into one model. Each file is an authorization-details export or a hand-written model; a file
 * that is neither, or that does not parse, is reported and left out. References (groups, customer and AWS managed
 * policies) resolve across all files, so a file may name a policy another file of the same account defines.
 */
export function loadModel(files: ModelFile[], options: LoadModelOptions = {}): LoadedModel {
  const loader = new Loader(files, options);
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.name)) { loader.fail(f.name, [], l10n.t('{0} is given twice; it is read once', f.name), 'warning'); continue; }
    seen.add(f.name);
    const parsed = parseModelJson(f.text, f.name);
    if ('problem' in parsed) { loader.problems.push(parsed.problem); continue; }
    const v = parsed.value;
    if (isAuthorizationDetails(v)) loader.authorizationDetails(v as Record<string, unknown>, f.name);
    else if (isLambdaFunctionList(v)) loader.lambdaFunctions(v as Record<string, unknown>, f.name);
    else if (isCodeBuildProjectList(v)) loader.codebuildProjects(v as Record<string, unknown>, f.name);
    else if (isObject(v) && (isHandWrittenModel(v) || 'id' in v || 'policies' in v || 'resources' in v || 'organization' in v)) loader.handWritten(v, f.name);
    else loader.fail(f.name, [], l10n.t('{0} is neither an IAM model nor an authorization-details export: expected the output of "aws iam get-account-authorization-details" (top-level "UserDetailList", "RoleDetailList", ...), of "aws lambda list-functions" (top-level "Functions"), of "aws codebuild batch-get-projects" (top-level "projects"), or a hand-written model ({"accounts": [...]} or one account\'s "id", "users", "groups", "roles", "policies")', f.name));
  }
  return { model: loader.build(), problems: loader.problems };
}
