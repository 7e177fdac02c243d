// Scenario files (shared/spec/scenario.md): one scenario, an array, or {"scenarios": [...]}. Pure: referenced policy
// files are read through the callback. Every problem names its JSON path; a bad scenario does not stop the others.
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { isPrincipalError } from '../arn';
import * as l10n from '../localize';
import { MAX_NESTING, nestingTooDeepAt } from '../policy/model';
import { LineIndex } from '../text';
import { principalOf, REQUEST_ACTION, resourceAccountConflict } from './engine';
import { DECISIONS, type Decision, type OrgLevel, type PolicySource, type RequestInput, type Scenario } from './types';

export type JsonPath = (string | number)[];
export interface ScenarioError {
  scenarioIndex?: number;
  /** the scenario's "name", when it has a string one: how people know the scenario, more than its JSON path */
  scenarioName?: string;
  path: JsonPath;
  message: string;
}

const SCENARIO_KEYS = new Set(['name', 'identityPolicies', 'permissionBoundaries', 'sessionPolicy', 'resourcePolicy', 'scps', 'rcps', 'request', 'expected', 'description', 'model']);
const REQUEST_KEYS = new Set(['principal', 'action', 'resource', 'resourceAccount', 'sessionIssuer', 'context', 'assumeRole', 'passRole']);

export function formatPath(path: JsonPath): string {
  let s = '$';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : /^[A-Za-z_][A-Za-z0-9_]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`;
  return s;
}

/**
 * The parser recurses per nesting level, so text nested deeper than any policy or scenario can be is refused before
 * it is parsed: a message naming where, or undefined.
 */
export function tooDeep(text: string, what: string): string | undefined {
  const at = nestingTooDeepAt(text);
  if (at < 0) return undefined;
  const pos = new LineIndex(text).positionAt(at);
  return l10n.t('{0} nests deeper than {1} levels (at line {2}, column {3}); scenarios and policies need a handful. Remove the extra nesting.', what, MAX_NESTING, pos.line + 1, pos.character + 1);
}

/** `<error> at line L, column C` (1-based, as editors count) for a jsonc-parser error in `text`. */
export function jsonErrorAt(text: string, error: ParseError): string {
  const pos = new LineIndex(text).positionAt(error.offset);
  return l10n.t('{0} at line {1}, column {2}', printParseErrorCode(error.error), pos.line + 1, pos.character + 1);
}

/**
 * jsonc-parser's parse, with JSON.parse first: on text that is strict JSON both give the same value, and JSON.parse is
 * many times faster on a scenario file of thousands of scenarios. Other text (comments, errors) goes to jsonc-parser,
 * and so does text with a "__proto__" key, which JSON.parse keeps as a property and jsonc-parser does not.
 */
function parseJson(text: string, errors: ParseError[], options: { allowTrailingComma: boolean; disallowComments: boolean }): unknown {
  if (!text.includes('__proto__')) {
    try { return JSON.parse(text); } catch { /* not strict JSON: jsonc-parser reports where */ }
  }
  return parse(text, errors, options);
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

// A reader that returns the same `{ text }` object for a file every time (the CLI's per-run cache) gets one parse, and
// so one parsed object, which the evaluator's compile cache is keyed by.
/** A policy file's JSON, or what is wrong with it (worded for the name the scenario gives the file). */
interface ParsedPolicyFile { policy: unknown; problem?: (what: string) => string }
const parsedFiles = new WeakMap<object, ParsedPolicyFile>();
function parsedPolicyFile(read: { text: string }): ParsedPolicyFile {
  let hit = parsedFiles.get(read);
  if (!hit) {
    // nesting is refused before the parser recurses; the message names the file as the scenario wrote it
    const deep = nestingTooDeepAt(read.text) >= 0;
    const errs: ParseError[] = [];
    const policy = deep ? undefined : parseJson(read.text, errs, { allowTrailingComma: false, disallowComments: true });
    hit = deep ? { policy: undefined, problem: (what) => tooDeep(read.text, what)! }
      : errs.length ? { policy: undefined, problem: (what) => l10n.t('{0} is not valid JSON: {1}', what, jsonErrorAt(read.text, errs[0])) } : { policy };
    parsedFiles.set(read, hit);
  }
  return hit;
}

// scenarios name the same few policy files again and again
const stems = new Map<string, string>();
/** A policy file's default name: its file name without folders and without .json. */
function fileStem(file: string): string {
  let stem = stems.get(file);
  if (stem === undefined) {
    stem = file.replace(/^.*[\\/]/, '').replace(/\.json$/i, '');
    if (stems.size >= 1024) stems.clear();
    stems.set(file, stem);
  }
  return stem;
}

const nonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const scalar = (y: unknown) => typeof y === 'string' || typeof y === 'number' || typeof y === 'boolean';

/**
 * The policy files a scenario file names, read once per file and name: scenarios that name the same file under the
 * same name share one PolicySource, so the CLI can tell that two scenarios evaluate the same policies by comparing
 * objects (samePolicies in engine.ts).
 */
interface FileSources {
  files: Map<string, PolicySource>;
  /** whether a scenario gave a policy document itself (not by file) */
  inline: boolean;
}

/** `path`, then the field (`field`), the item of a list (`index`) and a key under it, each when given. */
function itemPath(path: JsonPath, field: string | undefined, index: number | undefined, key?: string): JsonPath {
  const out: JsonPath = [...path];
  if (field !== undefined) out.push(field);
  if (index !== undefined) out.push(index);
  if (key !== undefined) out.push(key);
  return out;
}
/** The default name of a policy: the label, and its position when it is an item of a list. */
const itemName = (label: string, index: number | undefined) => (index === undefined ? label : `${label} ${index + 1}`);

class ScenarioReader {
  errors: ScenarioError[] = [];
  constructor(
    private readonly readPolicyFile: (relativePath: string) => { text: string }, private readonly scenarioIndex: number | undefined,
    private readonly fileSources: FileSources = { files: new Map(), inline: false },
  ) {}

  fail(path: JsonPath, message: string): undefined {
    this.errors.push({ scenarioIndex: this.scenarioIndex, path, message });
    return undefined;
  }

  /**
   * A policy at `path` (then `index`, when it is an item of a list), named `label` (then its position in the list)
   * when it has no name. The path and the name are built only when needed: a file of thousands of scenarios names
   * its policies by file, and most of them are already read.
   */
  policy(v: unknown, path: JsonPath, field: string | undefined, label: string, index?: number): PolicySource | undefined {
    if (!isObject(v)) return this.fail(itemPath(path, field, index), l10n.t('expected a policy: a policy document object, {0} or {1}', '{"name": ..., "policy": {...}}', '{"file": "relative/path.json"}'));
    if (typeof v.file === 'string') {
      const key = typeof v.name === 'string' ? `${v.file}\0${v.name}` : v.file;
      const known = this.fileSources.files.get(key);
      if (known) return known;
      let read: { text: string };
      try { read = this.readPolicyFile(v.file); } catch (e) {
        return this.fail(itemPath(path, field, index, 'file'), l10n.t('cannot read policy file "{0}": {1}', v.file, (e as Error).message));
      }
      const { policy, problem } = parsedPolicyFile(read);
      if (problem) return this.fail(itemPath(path, field, index, 'file'), problem(l10n.t('policy file "{0}"', v.file)));
      if (!isObject(policy)) return this.fail(itemPath(path, field, index, 'file'), l10n.t('policy file "{0}" does not hold a JSON object', v.file));
      const source: PolicySource = { name: typeof v.name === 'string' ? v.name : fileStem(v.file), file: v.file, text: read.text, policy };
      this.fileSources.files.set(key, source);
      return source;
    }
    if (v.file !== undefined) return this.fail(itemPath(path, field, index, 'file'), l10n.t('expected "file" to be a path string relative to the scenario file'));
    if ('policy' in v) {
      if (!isObject(v.policy)) return this.fail(itemPath(path, field, index, 'policy'), l10n.t('expected a policy document object'));
      if (v.name !== undefined && typeof v.name !== 'string') return this.fail(itemPath(path, field, index, 'name'), l10n.t('expected a string'));
      this.fileSources.inline = true;
      return { name: (v.name as string | undefined) ?? itemName(label, index), policy: v.policy };
    }
    if (!('Statement' in v)) return this.fail(itemPath(path, field, index), l10n.t('expected a policy document with "Statement", or {0}, or {1}', '{"name", "policy"}', '{"file"}'));
    this.fileSources.inline = true;
    return { name: itemName(label, index), policy: v };
  }

  policyList(v: unknown, path: JsonPath, field: string | undefined, label: string): PolicySource[] | undefined {
    if (v === undefined) return [];
    const list = Array.isArray(v) ? v : [v];
    const out: PolicySource[] = [];
    let ok = true;
    for (let i = 0; i < list.length; i++) {
      // a policy given alone (not in a list) has the list's path, and the name of the first of a list
      const p = Array.isArray(v) ? this.policy(list[i], path, field, label, i) : this.policy(list[i], path, field, `${label} 1`);
      if (p) out.push(p); else ok = false;
    }
    return ok ? out : undefined;
  }

  /** Either a flat list of policies (one level, the account) or a list of {orgIdentifier, policies}. */
  orgLevels(v: unknown, path: JsonPath, label: string): OrgLevel[] | undefined {
    if (v === undefined) return [];
    if (!Array.isArray(v)) return this.fail(path, l10n.t('expected an array of policies, or of {0} levels from the root to the account', '{"orgIdentifier": ..., "policies": [...]}'));
    const leveled = v.some((x) => isObject(x) && 'orgIdentifier' in x);
    if (!leveled) {
      const policies = this.policyList(v, path, undefined, label);
      return policies && (policies.length ? [{ orgIdentifier: 'account', policies }] : []);
    }
    const out: OrgLevel[] = [];
    let ok = true;
    v.forEach((lvl, i) => {
      if (!isObject(lvl) || typeof lvl.orgIdentifier !== 'string') { ok = false; this.fail([...path, i], l10n.t('expected {0}', '{"orgIdentifier": "r-root" | "ou-..." | account, "policies": [...]}')); return; }
      if (!Array.isArray(lvl.policies)) { ok = false; this.fail([...path, i, 'policies'], l10n.t('expected an array of policies')); return; }
      const policies = this.policyList(lvl.policies, [...path, i, 'policies'], undefined, `${label} ${lvl.orgIdentifier}`);
      if (!policies) { ok = false; return; }
      out.push({ orgIdentifier: lvl.orgIdentifier, policies });
    });
    return ok ? out : undefined;
  }

  /** `"model": {"file": "x.iam-model.json"}`, `{"files": [...]}`, a list of `{"file"}`, or a path string. */
  model(v: unknown, path: JsonPath): string[] | undefined {
    const expected = l10n.t('expected {0}, {1} or a list of {2} (model files relative to the scenario file)', '{"file": "relative/path.iam-model.json"}', '{"files": [...]}', '{"file": ...}');
    if (typeof v === 'string' && v) return [v];
    if (isObject(v)) {
      if (typeof v.file === 'string' && v.file) return [v.file];
      if (Array.isArray(v.files) && v.files.length && v.files.every((f) => typeof f === 'string' && f)) return v.files as string[];
      return this.fail(path, expected);
    }
    if (Array.isArray(v) && v.length) {
      const out: string[] = [];
      for (const [i, x] of v.entries()) {
        if (typeof x === 'string' && x) out.push(x);
        else if (isObject(x) && typeof x.file === 'string' && x.file) out.push(x.file);
        else return this.fail([...path, i], expected);
      }
      return out;
    }
    return this.fail(path, expected);
  }

  /** The request of the scenario at `path` (its path is built only for an error). */
  request(v: unknown, path: JsonPath, withModel = false): RequestInput | undefined {
    if (!isObject(v)) return this.fail([...path, 'request'], l10n.t('expected a request object with "principal", "action" and "resource"'));
    let ok = true;
    const keys = Object.keys(v);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (!REQUEST_KEYS.has(k)) { this.fail([...path, 'request', k], l10n.t('unknown request field "{0}"; expected one of {1}', k, [...REQUEST_KEYS].join(', '))); ok = false; }
    }
    if (!nonEmptyString(v.principal)) { this.fail([...path, 'request', 'principal'], l10n.t('expected a principal string: an IAM user/role session/federated user/root ARN, a service principal or "anonymous"')); ok = false; }
    // with a model, `user/NAME` and `role/NAME` are resolved against it (core/model/gather.ts)
    if (typeof v.principal === 'string' && v.principal.trim() && !(withModel && /^(user|role)\/\S+$/.test(v.principal.trim()))) {
      // the evaluator's cached parse: a scenario file repeats its principals
      const pr = principalOf(v.principal, undefined);
      if (isPrincipalError(pr)) { this.fail([...path, 'request', 'principal'], pr.error); ok = false; }
      else if (typeof v.sessionIssuer === 'string') {
        const withIssuer = principalOf(v.principal, v.sessionIssuer);
        if (isPrincipalError(withIssuer)) { this.fail([...path, 'request', 'sessionIssuer'], withIssuer.error); ok = false; }
      }
    }
    if (v.sessionIssuer !== undefined && typeof v.sessionIssuer !== 'string') {
      this.fail([...path, 'request', 'sessionIssuer'], l10n.t('expected the ARN string of the IAM user or role whose credentials created the session')); ok = false;
    }
    if (!nonEmptyString(v.action)) { this.fail([...path, 'request', 'action'], l10n.t('expected an action such as "s3:GetObject"')); ok = false; }
    if (typeof v.action === 'string' && !REQUEST_ACTION.test(v.action)) { this.fail([...path, 'request', 'action'], l10n.t('"{0}" is not one action "service:Name" (wildcards are not allowed in a request)', v.action)); ok = false; }
    if (!nonEmptyString(v.resource)) { this.fail([...path, 'request', 'resource'], l10n.t('expected a resource ARN or "*"')); ok = false; }
    if (v.resourceAccount !== undefined && (typeof v.resourceAccount !== 'string' || !/^\d{12}$/.test(v.resourceAccount))) {
      this.fail([...path, 'request', 'resourceAccount'], l10n.t('expected a 12-digit account ID string')); ok = false;
    } else if (typeof v.resource === 'string' && typeof v.resourceAccount === 'string') {
      const conflict = resourceAccountConflict(v.resource, v.resourceAccount);
      if (conflict) { this.fail([...path, 'request', 'resourceAccount'], conflict); ok = false; }
    }
    if (v.context !== undefined) {
      if (!isObject(v.context)) { this.fail([...path, 'request', 'context'], l10n.t('expected an object of context keys')); ok = false; }
      else {
        const keys = Object.keys(v.context);
        for (let i = 0; i < keys.length; i++) {
          const k = keys[i];
          const x = v.context[k];
          if (!(scalar(x) || (Array.isArray(x) && x.every(scalar)))) { this.fail([...path, 'request', 'context', k], l10n.t('expected a string, number, boolean, or an array of them')); ok = false; }
        }
      }
    }
    if (!ok) return undefined;
    const out: RequestInput = {
      principal: v.principal as string, action: v.action as string, resource: v.resource as string,
      resourceAccount: v.resourceAccount as string | undefined, context: v.context as Record<string, unknown> | undefined,
    };
    if (typeof v.sessionIssuer === 'string') out.sessionIssuer = v.sessionIssuer;
    return out;
  }

  /** request.assumeRole (a role or a list, assumed in turn) and request.passRole (iam-model.md §2); null when invalid */
  flow(v: unknown, path: JsonPath, withModel: boolean): Scenario['flow'] | null {
    if (!isObject(v) || (v.assumeRole === undefined && v.passRole === undefined)) return undefined;
    let ok = true;
    const list = v.assumeRole === undefined ? [] : Array.isArray(v.assumeRole) ? v.assumeRole : [v.assumeRole];
    if (v.assumeRole !== undefined && (!list.length || !list.every((x) => typeof x === 'string' && x.trim()))) {
      this.fail([...path, 'assumeRole'], l10n.t('expected a role of the model: "role/NAME" or a role ARN, or a list of them assumed in turn')); ok = false;
    }
    if (v.passRole !== undefined && (typeof v.passRole !== 'string' || !v.passRole.trim())) {
      this.fail([...path, 'passRole'], l10n.t('expected a role of the model: "role/NAME" or a role ARN')); ok = false;
    }
    if (!withModel) {
      this.fail([...path, v.assumeRole !== undefined ? 'assumeRole' : 'passRole'], l10n.t('assumeRole and passRole need a model ({0}): the roles\' trust policies and permissions come from it', '"model": {"file": "….iam-model.json"}'));
      ok = false;
    }
    if (!ok) return null;
    const flow: NonNullable<Scenario['flow']> = { assumeRole: list as string[] };
    if (typeof v.passRole === 'string') flow.passRole = v.passRole;
    return flow;
  }

  scenario(v: unknown, path: JsonPath): Scenario | undefined {
    if (!isObject(v)) return this.fail(path, l10n.t('expected a scenario object'));
    let ok = true;
    const keys = Object.keys(v);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (!SCENARIO_KEYS.has(k)) { this.fail([...path, k], l10n.t('unknown scenario field "{0}"', k)); ok = false; }
    }
    if (v.name !== undefined && typeof v.name !== 'string') { this.fail([...path, 'name'], l10n.t('expected a string')); ok = false; }
    // a child's path is built only for a field that is there (most scenarios leave most fields out)
    const identityPolicies = v.identityPolicies === undefined ? [] : this.policyList(v.identityPolicies, path, 'identityPolicies', 'identity policy');
    const permissionBoundaries = v.permissionBoundaries === undefined ? [] : this.policyList(v.permissionBoundaries, path, 'permissionBoundaries', 'boundary');
    const sessionPolicy = v.sessionPolicy === undefined ? undefined : this.policy(v.sessionPolicy, path, 'sessionPolicy', 'session policy');
    const resourcePolicy = v.resourcePolicy === undefined ? undefined : this.policy(v.resourcePolicy, path, 'resourcePolicy', 'resource policy');
    const scps = v.scps === undefined ? [] : this.orgLevels(v.scps, [...path, 'scps'], 'SCP');
    const rcps = v.rcps === undefined ? [] : this.orgLevels(v.rcps, [...path, 'rcps'], 'RCP');
    const model = v.model === undefined ? undefined : this.model(v.model, [...path, 'model']);
    if (v.model !== undefined && !model) ok = false;
    const request = v.request === undefined ? this.fail([...path, 'request'], l10n.t('missing "request"')) : this.request(v.request, path, !!model);
    let expected: Decision | undefined;
    if (v.expected !== undefined) {
      if (typeof v.expected === 'string' && (DECISIONS as readonly string[]).includes(v.expected)) expected = v.expected as Decision;
      else { this.fail([...path, 'expected'], l10n.t('expected one of {0}', DECISIONS.join(', '))); ok = false; }
    }
    if (!ok || !identityPolicies || !permissionBoundaries || !scps || !rcps || !request
      || (v.sessionPolicy !== undefined && !sessionPolicy) || (v.resourcePolicy !== undefined && !resourcePolicy)) return undefined;
    const s: Scenario = { identityPolicies, permissionBoundaries, scps, rcps, request };
    if (typeof v.name === 'string') s.name = v.name;
    if (sessionPolicy) s.sessionPolicy = sessionPolicy;
    if (resourcePolicy) s.resourcePolicy = resourcePolicy;
    if (expected) s.expected = expected;
    if (model) s.model = { files: model, path: [...path, 'model'] };
    const req = v.request as Record<string, unknown>;
    if (req.assumeRole !== undefined || req.passRole !== undefined) {
      const flow = this.flow(v.request, [...path, 'request'], !!model);
      if (flow === null) return undefined;
      if (flow) s.flow = flow;
    }
    return s;
  }
}

/**
 * Reads a scenario file. `scenarios` holds the scenarios that were read without error, in order; `errors` the
 * problems, each with the index of its scenario (when inside one) and a JSON path.
 */
/**
 * Scenario files up to this size are given to JSON.parse before their nesting is checked: JSON.parse does not
 * recurse, and on the worst text of this size (a million levels) it takes about 50 ms and 120 MB; the check, a scan of
 * every character, then runs only when the file turns out to need it (see parseScenarioFile). Larger files are
 * checked first, as any text jsonc-parser (which recurses) is given.
 */
const PARSE_BEFORE_NESTING_CHECK = 2 * 1024 * 1024;

export function parseScenarioFile(text: string, fileName: string, readPolicyFile: (relativePath: string) => { text: string }): { scenarios: Scenario[]; errors: ScenarioError[] } {
  const tooDeepError = () => {
    const deep = tooDeep(text, l10n.t('the file'));
    return deep ? { scenarios: [], errors: [{ path: [], message: deep }] } : undefined;
  };
  // strict JSON of a common size is parsed at once; anything else has its nesting checked before a parser runs:
  // jsonc-parser recurses per level, and JSON.parse too spends seconds and gigabytes on a file of millions of "["
  let doc: unknown;
  let parsed = false;
  let checked = false;
  if (text.length <= PARSE_BEFORE_NESTING_CHECK && !text.includes('__proto__')) {
    try { doc = JSON.parse(text); parsed = true; } catch { /* not strict JSON: jsonc-parser reports where */ }
  }
  if (!parsed) {
    const deep = tooDeepError();
    if (deep) return deep;
    checked = true;
    const errs: ParseError[] = [];
    doc = parseJson(text, errs, { allowTrailingComma: false, disallowComments: false });
    if (errs.length) return { scenarios: [], errors: [{ path: [], message: l10n.t('{0} is not valid JSON: {1}', fileName, jsonErrorAt(text, errs[0])) }] };
  }
  const read = readScenarios(doc, fileName, readPolicyFile);
  // parsed unchecked: a file nested too deep is refused as before when the nesting could matter, that is when the
  // scenarios did not read cleanly (a deep value where a scenario has a fixed shape is an error there) or carry a
  // policy document of their own (which the evaluator would walk); deeper values elsewhere are never read
  const result = { scenarios: read.scenarios, errors: read.errors };
  if (!checked && (read.errors.length || read.inlinePolicies)) return tooDeepError() ?? result;
  return result;
}

function readScenarios(doc: unknown, fileName: string, readPolicyFile: (relativePath: string) => { text: string }): { scenarios: Scenario[]; errors: ScenarioError[]; inlinePolicies: boolean } {
  let list: unknown[];
  let base: JsonPath;
  if (Array.isArray(doc)) { list = doc; base = []; }
  else if (isObject(doc) && 'scenarios' in doc) {
    if (!Array.isArray(doc.scenarios)) return { scenarios: [], errors: [{ path: ['scenarios'], message: l10n.t('expected an array of scenarios') }], inlinePolicies: false };
    list = doc.scenarios; base = ['scenarios'];
  } else if (isObject(doc)) { list = [doc]; base = []; }
  else return { scenarios: [], errors: [{ path: [], message: l10n.t('{0} must hold a scenario object, an array of scenarios, or {1}', fileName, '{"scenarios": [...]}') }], inlinePolicies: false };
  const single = !Array.isArray(doc) && !(isObject(doc) && 'scenarios' in doc);
  const scenarios: Scenario[] = [];
  const errors: ScenarioError[] = [];
  const fileSources: FileSources = { files: new Map(), inline: false };
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    const reader = new ScenarioReader(readPolicyFile, i, fileSources);
    const s = reader.scenario(item, single ? base : [...base, i]);
    if (reader.errors.length) {
      const name = isObject(item) && typeof item.name === 'string' && item.name.trim() ? item.name : undefined;
      errors.push(...(name === undefined ? reader.errors : reader.errors.map((e) => ({ ...e, scenarioName: name }))));
    }
    if (s) scenarios.push(s);
  }
  if (!list.length) errors.push({ path: base, message: l10n.t('the file holds no scenarios') });
  return { scenarios, errors, inlinePolicies: fileSources.inline };
}
