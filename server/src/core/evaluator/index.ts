// The request evaluator: AWS policy evaluation logic (shared/spec/evaluation.md, rules R1–R22) over identity
// policies, resource policies (trust and key policies included), SCPs and RCPs by organization level, permissions
// boundaries and session policies. Pure: no I/O. The catalog, when given, supplies the services RCPs apply to.
//
//   decide(scenario)            the decision only; allocates no explanation objects
//   simulate(scenario)          the decision with the full explanation (statements, ranges, sentences)
//   compilePolicySet(policies)  compile once, then .decide(request) / .simulate(request) many times; .summarize(request)
//                               is simulate() without the per-statement detail, built from the decision path (the CLI)
import type { Catalog } from '../catalog/catalog';
import { compiledSetOf, compileSet, decideCompiled, prepareRequest, type CompiledSet } from './engine';
export { samePolicies } from './engine';
import { referencedKeys, simulateCompiled } from './explain';
import { summarizeCompiled, type SimulationSummary } from './summary';
export type { SimulationSummary } from './summary';
export { explanationStats } from './explain';
import type { Decision, PolicySet, RequestInput, Scenario, SimulationResult } from './types';

export type {
  Decision, PolicySource, OrgLevel, RequestInput, Scenario, PolicySet, MatchedStatement, SimulationResult,
  StatementDetail, ConditionCheck, ValueCheck, PolicyKind,
} from './types';
export { DECISIONS } from './types';
export { parseScenarioFile, formatPath, jsonErrorAt, tooDeep, type ScenarioError, type JsonPath } from './scenario';

export interface EvaluateOptions {
  /** the time of the request (ms since the epoch) for aws:CurrentTime / aws:EpochTime; default: now */
  now?: number;
}

export interface CompiledPolicySet {
  decide(request: RequestInput, options?: EvaluateOptions): Decision;
  simulate(request: RequestInput, options?: EvaluateOptions & { name?: string; expected?: Decision }): SimulationResult;
  /** simulate() without `statements`: the same decision, matched statements, policy types, keys and sentences */
  summarize(request: RequestInput, options?: EvaluateOptions & { name?: string; expected?: Decision }): SimulationSummary;
  /** condition keys (and policy-variable keys) of the statements that cover the request's action */
  referencedContextKeys(request: RequestInput): string[];
  /** problems found while compiling (a policy that is not an object, a statement without Effect...) */
  readonly problems: readonly string[];
}

// one object per compiled set and catalog: sets are shared by scenarios naming the same policies (engine.ts)
const apis = new WeakMap<CompiledSet, { catalog: Catalog | undefined; api: CompiledPolicySet }>();

/** Compiles the policies of a scenario once (matchers, condition values, index by service prefix). */
export function compilePolicySet(policies: PolicySet, catalog?: Catalog): CompiledPolicySet {
  const set: CompiledSet = compileSet(policies);
  const hit = apis.get(set);
  if (hit && hit.catalog === catalog) return hit.api;
  const api = compiledApi(set, catalog);
  apis.set(set, { catalog, api });
  return api;
}

function compiledApi(set: CompiledSet, catalog: Catalog | undefined): CompiledPolicySet {
  return {
    problems: set.problems,
    decide: (request, options) => decideCompiled(set, request, catalog, options?.now ?? Date.now()),
    simulate: (request, options) =>
      withExpected(simulateCompiled(set, request, catalog, options?.now ?? Date.now(), options?.name), options?.expected),
    summarize: (request, options) =>
      withExpected(summarizeCompiled(set, request, catalog, options?.now ?? Date.now(), options?.name), options?.expected),
    referencedContextKeys: (request) => referencedKeysOf(set, request),
  };
}

function withExpected<R extends SimulationSummary>(r: R, expected: Decision | undefined): R {
  if (expected) { r.expected = expected; r.pass = r.decision === expected; }
  return r;
}

function referencedKeysOf(set: CompiledSet, request: RequestInput): string[] {
  const req = prepareRequest(request, set.boundary.length > 0, Date.now());
  return typeof req === 'string' ? [] : referencedKeys(set, req);
}

/**
 * The decision for a scenario, with no explanation. Compiled policies are cached per scenario and per parsed policy
 * object; replacing a policy object (not mutating it in place) invalidates the cache.
 */
export function decide(scenario: Scenario, catalog?: Catalog, options?: EvaluateOptions): Decision {
  return decideCompiled(compiledSetOf(scenario), scenario.request, catalog, options?.now ?? Date.now());
}

/** The decision for a scenario with its explanation; `pass` is set when the scenario has `expected`. */
export function simulate(scenario: Scenario, catalog?: Catalog, options?: EvaluateOptions): SimulationResult {
  return withExpected(simulateCompiled(compiledSetOf(scenario), scenario.request, catalog, options?.now ?? Date.now(), scenario.name), scenario.expected);
}

/** Keys the scenario's policies reference for its action: the rows of the panel's context table. */
export function referencedContextKeys(scenario: Scenario, catalog?: Catalog): string[] {
  void catalog;
  // the cached set: the panel asks for these keys and then simulates the same scenario
  return referencedKeysOf(compiledSetOf(scenario), scenario.request);
}
