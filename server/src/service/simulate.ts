// Simulation for the panel and for scenario files: turns the panel's policy references and scenario files into
// evaluator scenarios, runs them, and shapes the answers for the client. Pure: file contents come through a
// `ReadText` callback that the handler implements (open editor text first, then the file on disk).
import { findNodeAtLocation, parse, parseTree, type Node, type ParseError } from 'jsonc-parser';
import type { Catalog } from '../core/catalog/catalog';
import { DECISIONS, jsonErrorAt, parseScenarioFile, tooDeep, referencedContextKeys, simulate, type OrgLevel, type PolicySource, type Scenario, type SimulationResult } from '../core/evaluator';
import type { PolicyDocument } from '../core/policy/model';
import { LineIndex, type Range } from '../core/text';
import * as l10n from '@vscode/l10n';
import type {
  PolicyStatementInfo, ScenarioFileError, ScenarioOutcome, ScenarioResultsResult, SimulateContextKey, SimulateOrgLevel,
  SimulateParams, SimulatePolicyRef, SimulateResult,
} from '../protocol';

/**
 * The text of a document by URI; undefined or `{ error }` (what is wrong, e.g. "is a named pipe (FIFO)") when it can
 * be neither found open nor read.
 */
export type ReadText = (uri: string) => string | undefined | { error: string; /** the error without the file's name */ reason?: string };

/** Last path segment of a URI, decoded: `file:///a/b/read%20s3.json` -> `read s3.json`. */
export function fileNameOf(uri: string): string {
  const tail = uri.replace(/[?#].*$/, '').replace(/\/+$/, '');
  const seg = tail.slice(tail.lastIndexOf('/') + 1);
  try { return decodeURIComponent(seg); } catch { return seg; }
}

// Parsed policies are cached per URI and text so the evaluator's compile cache (keyed by object identity) hits while
// the user types in the panel.
const parseCache = new Map<string, { text: string; policy: unknown; error?: string }>();

/** JSON (comments and trailing commas tolerated) of a policy text; `policy` is null when the text is not valid JSON. */
export function parsePolicyText(uri: string, text: string): { policy: unknown; error?: string } {
  const hit = parseCache.get(uri);
  if (hit && hit.text === text) return hit;
  const errors: ParseError[] = [];
  const deep = tooDeep(text, fileNameOf(uri));
  const value = deep ? null : parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  let entry: { text: string; policy: unknown; error?: string };
  if (deep) entry = { text, policy: null, error: deep };
  else if (errors.length) {
    entry = { text, policy: null, error: l10n.t('{0} is not valid JSON: {1}. Fix the file; it counts as no valid policy until then.', fileNameOf(uri), jsonErrorAt(text, errors[0])) };
  } else entry = { text, policy: value };
  if (parseCache.size > 200) parseCache.clear();
  parseCache.set(uri, entry);
  return entry;
}

interface Built { scenario: Scenario; errors: string[]; policyNames: Record<string, string> }

/** The evaluator's scenario from the panel's request: disabled policies and levels are left out. */
export function buildScenario(params: SimulateParams, read: ReadText): Built {
  const errors: string[] = [];
  const policyNames: Record<string, string> = {};
  const source = (ref: SimulatePolicyRef | undefined, slot: string): PolicySource | undefined => {
    if (!ref || ref.enabled === false) return undefined;
    if (typeof ref.uri === 'string' && ref.uri) {
      const name = ref.name || fileNameOf(ref.uri);
      policyNames[ref.uri] = name;
      const text = read(ref.uri);
      if (typeof text !== 'string') {
        errors.push(text
          ? l10n.t('{0}: {1} It counts as no valid policy until then.', slot, text.error)
          : l10n.t('{0}: cannot read {1}. Open the file or choose another one; it counts as no valid policy until then.', slot, ref.uri));
        return { name, file: ref.uri, policy: null };
      }
      const parsed = parsePolicyText(ref.uri, text);
      if (parsed.error) errors.push(`${slot}: ${parsed.error}`);
      return { name, file: ref.uri, text, policy: parsed.policy };
    }
    if (ref.policy !== undefined) return { name: ref.name || `${slot} (inline)`, policy: ref.policy };
    errors.push(l10n.t('{0}: a policy needs a "uri" or an inline "policy"', slot));
    return undefined;
  };
  const list = (refs: SimulatePolicyRef[] | undefined, slot: string) =>
    (refs ?? []).map((r, i) => source(r, `${slot} ${i + 1}`)).filter((p): p is PolicySource => !!p);
  const levels = (ls: SimulateOrgLevel[] | undefined, slot: string): OrgLevel[] =>
    (ls ?? []).filter((l) => l.enabled !== false).map((l, i) => ({
      orgIdentifier: l.orgIdentifier || `level-${i + 1}`,
      policies: list(l.policies, `${slot} ${l.orgIdentifier || i + 1}`),
    })).filter((l) => l.policies.length > 0);
  const r = params.request ?? { principal: '', action: '', resource: '' };
  const scenario: Scenario = {
    identityPolicies: list(params.identityPolicies, 'identity policy'),
    permissionBoundaries: list(params.permissionBoundaries, 'permissions boundary'),
    sessionPolicy: source(params.sessionPolicy, 'session policy'),
    resourcePolicy: source(params.resourcePolicy, 'resource policy'),
    scps: levels(params.scps, 'SCP level'),
    rcps: levels(params.rcps, 'RCP level'),
    request: {
      principal: String(r.principal ?? ''),
      action: String(r.action ?? ''),
      resource: String(r.resource ?? ''),
      ...(r.resourceAccount ? { resourceAccount: String(r.resourceAccount) } : {}),
      ...(r.sessionIssuer ? { sessionIssuer: String(r.sessionIssuer) } : {}),
      ...(r.context && typeof r.context === 'object' ? { context: r.context } : {}),
    },
  };
  if (params.expected && DECISIONS.includes(params.expected)) scenario.expected = params.expected;
  return { scenario, errors, policyNames };
}

/** Catalog type and description of each key, for the panel's context table. */
export function describeContextKeys(keys: string[], catalog: Catalog): SimulateContextKey[] {
  return keys.map((name) => {
    const info = catalog.conditionKey(name);
    let description: string | undefined;
    try { description = catalog.conditionKeyDescription(name); } catch { description = undefined; }
    return { name, type: info?.type ?? 'String', multiValued: info?.multiValued ?? false, ...(description ? { description } : {}) };
  });
}

/** ARN formats of an action's resource types with the partition filled in (`arn:aws:s3:::${BucketName}/${ObjectName}`). */
export function resourceTemplates(action: string, catalog: Catalog): string[] {
  const info = catalog.action(action);
  if (!info) return [];
  if (info.resourceTypes.length === 0) return ['*'];
  const out = info.resourceTypes.map((rt) => rt.arnFormat.replace(/\$\{Partition\}/g, 'aws')).filter(Boolean);
  return [...new Set(out)];
}

/** Everything the panel shows for one evaluation. Never throws: evaluator failures come back as errors. */
export function simulateForPanel(params: SimulateParams, read: ReadText, catalog: Catalog, transform?: (s: Scenario) => { scenario: Scenario; errors: string[]; evaluate?: () => SimulationResult }): SimulateResult {
  const built = buildScenario(params, read);
  // a flow (AssumeRole chain, PassRole) is evaluated step by step by the transform's own evaluation
  let evaluate = () => simulate(built.scenario, catalog);
  if (transform) {
    const t = transform(built.scenario);
    built.scenario = t.scenario;
    built.errors.push(...t.errors);
    if (t.errors.length) built.scenario.request.action = '';
    if (t.evaluate) evaluate = t.evaluate;
  }
  const action = built.scenario.request.action;
  const response: SimulateResult = {
    result: null,
    errors: built.errors,
    contextKeys: [],
    resourceTemplates: resourceTemplates(action, catalog),
    actionKnown: catalog.hasAction(action),
    policyNames: built.policyNames,
  };
  try {
    response.contextKeys = describeContextKeys(referencedContextKeys(built.scenario, catalog), catalog);
  } catch (e) {
    response.errors.push(l10n.t('could not list the context keys: {0}', (e as Error).message));
  }
  if (!built.scenario.request.action) {
    if (!response.errors.length) response.errors.push(l10n.t('Enter an action (e.g. s3:GetObject) to evaluate the request.'));
    return response;
  }
  try {
    response.result = evaluate();
  } catch (e) {
    response.errors.push(l10n.t('the evaluator failed: {0}', (e as Error).message));
  }
  return response;
}

/** Service prefixes (`s3:`) while no colon is typed, then the service's actions starting with the typed name. */
export function actionSuggestions(text: string, catalog: Catalog, limit = 100): string[] {
  const t = (text ?? '').trim();
  const colon = t.indexOf(':');
  if (colon < 0) {
    const lower = t.toLowerCase();
    return catalog.servicePrefixes().filter((p) => p.toLowerCase().startsWith(lower)).slice(0, limit).map((p) => `${p}:`);
  }
  const namePart = t.slice(colon + 1).toLowerCase();
  return catalog.actionsOfService(t.slice(0, colon))
    .filter((a) => a.slice(a.indexOf(':') + 1).toLowerCase().startsWith(namePart))
    .slice(0, limit);
}

/** Statement ranges with their first action and resource, for the per-statement "Simulate" CodeLens. */
export function policyStatements(doc: PolicyDocument, catalog?: Catalog): PolicyStatementInfo[] {
  const lines = new LineIndex(doc.text);
  return doc.statements.map((s) => {
    const action = (s.action ?? s.notAction)?.values[0]?.value;
    const resources = (s.resource ?? s.notResource)?.values ?? [];
    // the first resource the action can act on: s3:GetObject with ["arn:aws:s3:::b", "arn:aws:s3:::b/*"] gets b/*
    const fitting = catalog && action && s.resource && catalog.hasAction(action)
      ? resources.find((r) => catalog.matchingResourceTypes(action, r.value).length > 0) : undefined;
    const resource = (fitting ?? resources[0])?.value;
    return {
      index: s.index,
      range: lines.rangeOf(s.span.offset, s.span.length),
      ...(s.sid ? { sid: s.sid.value } : {}),
      ...(s.effect ? { effect: s.effect.value } : {}),
      ...(action !== undefined ? { action } : {}),
      ...(resource !== undefined ? { resource } : {}),
    };
  });
}

/** `uri` of `relative` against the URI of the file that names it (`../policies/a.json` next to a scenario file). */
export function resolveRelative(baseUri: string, relative: string): string {
  try { return new URL(relative.replace(/\\/g, '/'), baseUri).toString(); } catch { return relative; }
}

/**
 * Applies the model a scenario names (`"model"`, files relative to the scenario file) and returns the scenario the
 * evaluator takes, the URIs of the model files, errors that prevent the evaluation (a principal not in the model) and
 * problems of the model files (reported; the scenario is still evaluated on the rest of the model).
 */
export type ScenarioModelApplier = (scenarioUri: string, scenario: Scenario) => {
  scenario: Scenario; modelUris: string[]; errors: string[]; modelProblems: string[];
  /** for a scenario with a flow: its step-by-step evaluation against the model */
  evaluate?: (catalog: Catalog) => SimulationResult;
};

/** The scenario objects of a scenario file: the root object, the root array's items, or `scenarios`' items. */
function scenarioNodes(root: Node | undefined): { nodes: Node[]; prefix: (string | number)[] } {
  if (!root) return { nodes: [], prefix: [] };
  if (root.type === 'array') return { nodes: root.children ?? [], prefix: [] };
  const list = findNodeAtLocation(root, ['scenarios']);
  if (root.type === 'object' && list?.type === 'array') return { nodes: list.children ?? [], prefix: ['scenarios'] };
  return { nodes: [root], prefix: [] };
}

/**
 * Runs every scenario of a scenario file. Policy `file` references resolve against the scenario file's URI, and
 * the results name policies by URI so the client can reveal statements. Errors carry the range of their JSON path.
 */
export function scenarioResults(uri: string, text: string, read: ReadText, catalog: Catalog, withModel?: ScenarioModelApplier): ScenarioResultsResult {
  const lines = new LineIndex(text);
  const deep = tooDeep(text, fileNameOf(uri));
  if (deep) return { scenarios: [], errors: [{ message: deep, range: lines.rangeOf(0, Math.min(text.length, 1)) }], policyUris: [] };
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  const { nodes, prefix } = scenarioNodes(root);
  const whole: Range = lines.rangeOf(0, Math.min(text.length, 1));
  const rangeOfPath = (path: (string | number)[]): Range => {
    let node: Node | undefined;
    for (let n = path.length; n >= 0 && !node; n--) node = root ? findNodeAtLocation(root, path.slice(0, n)) : undefined;
    if (!node) return whole;
    // a whole object would underline many lines: point at its first line
    const start = node.parent?.type === 'property' ? node.parent.offset : node.offset;
    return node.type === 'object' || node.type === 'array' ? lines.rangeOf(start, 1) : lines.rangeOf(node.offset, node.length);
  };
  // a file that is one scenario object has no index in its path
  const listed = prefix.length > 0 || root?.type === 'array';
  const scenarioRange = (index: number): Range => (nodes[index] ? rangeOfPath([...prefix, ...(listed ? [index] : [])]) : whole);

  const policyUris = new Set<string>();
  const relToUri = new Map<string, string>();
  let parsedFile: ReturnType<typeof parseScenarioFile>;
  try {
    parsedFile = parseScenarioFile(text, fileNameOf(uri), (relativePath: string) => {
      const target = resolveRelative(uri, relativePath);
      policyUris.add(target);
      relToUri.set(relativePath, target);
      const t = read(target);
      if (typeof t !== 'string') throw new Error(t ? t.reason ?? t.error : l10n.t('cannot read {0} (resolved to {1}); check the path, which is relative to the scenario file', relativePath, target));
      return { text: t };
    });
  } catch (e) {
    return { scenarios: [], errors: [{ message: `${fileNameOf(uri)}: ${(e as Error).message}`, range: whole }], policyUris: [...policyUris] };
  }

  const errors: ScenarioFileError[] = parsedFile.errors.map((err) => ({
    ...(err.scenarioIndex !== undefined ? { scenarioIndex: err.scenarioIndex } : {}),
    message: err.message,
    range: rangeOfPath(err.path),
  }));
  // parseScenarioFile drops bad scenarios; match the good ones back to their objects by position in the file
  const failedIndexes = new Set(parsedFile.errors.map((e) => e.scenarioIndex).filter((i): i is number => i !== undefined));
  const goodIndexes = nodes.map((_, i) => i).filter((i) => !failedIndexes.has(i));
  const scenarios: ScenarioOutcome[] = [];
  parsedFile.scenarios.forEach((scenario, k) => {
    const index = parsedFile.scenarios.length === nodes.length ? k : (goodIndexes[k] ?? k);
    const outcome: ScenarioOutcome = { index, name: scenario.name || `scenario ${index + 1}`, range: scenarioRange(index), result: null, errors: [] };
    let evaluated = scenario;
    let evaluate = () => simulate(evaluated, catalog);
    if (scenario.model) {
      if (!withModel) { outcome.errors.push(l10n.t('this scenario names a model, which cannot be read here')); scenarios.push(outcome); return; }
      const applied = withModel(uri, scenario);
      for (const u of applied.modelUris) policyUris.add(u);
      outcome.errors.push(...applied.modelProblems);
      if (applied.errors.length) { outcome.errors.push(...applied.errors); scenarios.push(outcome); return; }
      evaluated = applied.scenario;
      if (applied.evaluate) evaluate = () => applied.evaluate!(catalog);
    }
    try {
      outcome.result = withUris(evaluate(), relToUri);
    } catch (e) {
      outcome.errors.push(l10n.t('the evaluator failed: {0}', (e as Error).message));
    }
    scenarios.push(outcome);
  });
  for (const e of errors) {
    if (e.scenarioIndex === undefined) continue;
    const node = nodes[e.scenarioIndex];
    if (!node) continue;
    scenarios.push({
      index: e.scenarioIndex,
      name: scenarioName(node) ?? `scenario ${e.scenarioIndex + 1}`,
      range: scenarioRange(e.scenarioIndex),
      result: null,
      errors: [e.message],
    });
  }
  scenarios.sort((a, b) => a.index - b.index);
  return { scenarios, errors, policyUris: [...policyUris] };
}

function scenarioName(node: Node): string | undefined {
  const n = findNodeAtLocation(node, ['name']);
  return typeof n?.value === 'string' ? n.value : undefined;
}

/** Result `file` fields name policies by the scenario file's relative paths: map them to URIs. */
function withUris(result: SimulationResult, relToUri: Map<string, string>): SimulationResult {
  const fix = <T extends { file?: string }>(s: T): T => (s.file && relToUri.has(s.file) ? { ...s, file: relToUri.get(s.file) } : s);
  return { ...result, matchedStatements: result.matchedStatements.map(fix), statements: result.statements?.map(fix) ?? [] };
}
