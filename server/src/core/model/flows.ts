// Flows in a request (shared/spec/iam-model.md §2 "Flows"): an AssumeRole chain before the action, and PassRole with
// the service that receives the role. Each step is an evaluation of its own against the model; the overall decision is
// the first step that is not Allowed. Pure: the model is loaded by the caller.
import type { Catalog } from '../catalog/catalog';
import { simulate, type Scenario, type SimulationResult } from '../evaluator';
import { applyModel, DEFAULT_SESSION_NAME, isNotFound, resolvePrincipal } from './gather';
import { passRoleActions, passRoleServiceOf } from './passRoleServices';
import type { IamModel, ModelRole } from './types';
import * as l10n from '../localize';

export type FlowStep = NonNullable<SimulationResult['steps']>[number];
export type FlowStepKind = FlowStep['step'];

export interface Flow {
  /** roles assumed in turn before the action: `role/NAME` or role ARNs */
  assumeRole: string[];
  /** the role handed to the service that the action configures */
  passRole?: string;
}

const PASS_ROLE_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html';

interface StepInput {
  step: FlowStepKind;
  principal: string;
  action: string;
  resource: string;
  context?: Record<string, unknown>;
  /** the scenario's own identity policies and boundaries belong to the principal that starts the flow */
  startPrincipal: boolean;
  /** the scenario's session and resource policies apply to the final session's own requests */
  finalRequest: boolean;
  note?: string;
}

function failedStep(input: StepInput, message: string): { step: FlowStep; result?: SimulationResult } {
  return {
    step: { step: input.step, principal: input.principal, action: input.action, resource: input.resource, decision: 'ImplicitlyDenied', explanation: [message], matchedStatements: [], errors: [message] },
  };
}

function runStep(model: IamModel, base: Scenario, input: StepInput, catalog: Catalog | undefined, now: number | undefined): { step: FlowStep; result?: SimulationResult } {
  const scenario: Scenario = {
    identityPolicies: input.startPrincipal ? base.identityPolicies : [],
    permissionBoundaries: input.startPrincipal ? base.permissionBoundaries : [],
    scps: base.scps,
    rcps: base.rcps,
    request: { principal: input.principal, action: input.action, resource: input.resource, context: input.context },
  };
  if (input.finalRequest && base.sessionPolicy) scenario.sessionPolicy = base.sessionPolicy;
  if (input.step === 'request' && base.resourcePolicy) scenario.resourcePolicy = base.resourcePolicy;
  if (input.step === 'request' && base.request.resourceAccount) scenario.request.resourceAccount = base.request.resourceAccount;
  const applied = applyModel(model, scenario);
  if (applied.errors.length) return failedStep(input, applied.errors.join('; '));
  const r = simulate(applied.scenario, catalog, now === undefined ? undefined : { now });
  const explanation = input.note ? [input.note, ...r.explanation] : r.explanation;
  return {
    step: { step: input.step, principal: applied.scenario.request.principal, action: input.action, resource: input.resource, decision: r.decision, explanation, matchedStatements: r.matchedStatements, errors: r.errors },
    result: r,
  };
}

function roleOf(model: IamModel, text: string): ModelRole | string {
  const r = resolvePrincipal(model, /^arn:/.test(text.trim()) || text.trim().startsWith('role/') ? text : `role/${text}`);
  if (isNotFound(r)) return r.error;
  if (!r || r.entity.kind !== 'role') return l10n.t('"{0}" is not a role of the model; give "role/NAME" or a role ARN', text);
  return r.entity;
}

const sessionArn = (role: ModelRole) => `arn:aws:sts::${role.account}:assumed-role/${role.name}/${DEFAULT_SESSION_NAME}`;
const accountOf = (principal: string) => /^arn:[^:]+:(?:iam|sts)::(\d{12}):/.exec(principal)?.[1];

/**
 * Evaluates a scenario with a flow against a model: each `assumeRole` in turn (the caller's identity side and the
 * role's trust policy, SCPs/RCPs, cross-account rules), then the action as the last session with only that role's
 * policies; with `passRole`, also iam:PassRole on the role with iam:PassedToService, and whether the role trusts the
 * service. The result is the deciding step's result (the first that is not Allowed, else the action), with `steps`.
 */
export function simulateFlow(model: IamModel, scenario: Scenario, flow: Flow, catalog?: Catalog, now?: number): SimulationResult {
  const steps: FlowStep[] = [];
  const taken: { step: FlowStep; result?: SimulationResult }[] = [];
  const context = scenario.request.context;
  // the principal as a full ARN (a user, or a session of a role), so accounts can be compared across steps
  const start = resolvePrincipal(model, scenario.request.principal);
  let principal = start && !isNotFound(start) ? start.principal : scenario.request.principal;
  let deciding: { step: FlowStep; result?: SimulationResult } | undefined;
  const take = (s: { step: FlowStep; result?: SimulationResult }): boolean => {
    steps.push(s.step);
    taken.push(s);
    if (s.step.decision !== 'Allowed' && !deciding) deciding = s;
    return s.step.decision === 'Allowed';
  };
  let ok = true;
  for (const [i, text] of flow.assumeRole.entries()) {
    const role = roleOf(model, text);
    const input: StepInput = { step: 'assumeRole', principal, action: 'sts:AssumeRole', resource: typeof role === 'string' ? text : role.arn, context, startPrincipal: i === 0, finalRequest: false };
    if (typeof role === 'string') { ok = take(failedStep(input, `assumeRole[${i}]: ${role}`)); break; }
    ok = take(runStep(model, scenario, input, catalog, now));
    if (!ok) break;
    principal = sessionArn(role);
  }
  const fromStart = flow.assumeRole.length === 0;
  const action = scenario.request.action;
  if (ok && flow.passRole !== undefined) {
    const service = passRoleServiceOf(action);
    const role = roleOf(model, flow.passRole);
    const request: StepInput = { step: 'request', principal, action, resource: scenario.request.resource, context, startPrincipal: fromStart, finalRequest: true };
    if (!service) {
      take(failedStep(request, l10n.t('{0} is not an action this tool knows to receive a role, so the service that would assume it (iam:PassedToService) is unknown. Known: {1}.', action, passRoleActions().join(', '))));
    } else if (typeof role === 'string') {
      take(failedStep({ ...request, step: 'passRole', action: 'iam:PassRole', resource: flow.passRole }, `passRole: ${role}`));
    } else {
      take(runStep(model, scenario, request, catalog, now));
      const callerAccount = accountOf(principal);
      const pass: StepInput = {
        step: 'passRole', principal, action: 'iam:PassRole', resource: role.arn, context: { ...context, 'iam:PassedToService': service.principal },
        startPrincipal: fromStart, finalRequest: true,
        note: l10n.t('{0} hands role {1} to {2} ({3}): the caller needs iam:PassRole on {4}, with iam:PassedToService = {2}.', action, role.name, service.principal, service.runs(), role.arn),
      };
      if (callerAccount && callerAccount !== role.account) {
        take(failedStep(pass, l10n.t('{0} is in account {1}, the caller in {2}: a role can only be passed to a service in its own account ({3}).', role.arn, role.account, callerAccount, PASS_ROLE_DOC)));
      } else {
        take(runStep(model, scenario, pass, catalog, now));
        take(runStep(model, scenario, {
          step: 'serviceAssumesRole', principal: service.principal, action: 'sts:AssumeRole', resource: role.arn,
          context: { 'aws:SourceAccount': role.account }, startPrincipal: false, finalRequest: false,
          note: l10n.t('{0} must be allowed by the trust policy of {1} to assume it; otherwise AWS rejects {2} although every permission is there (taken: the service sends aws:SourceAccount = {3}).', service.principal, role.name, action, role.account),
        }, catalog, now));
      }
    }
  } else if (ok) {
    take(runStep(model, scenario, { step: 'request', principal, action, resource: scenario.request.resource, context, startPrincipal: fromStart, finalRequest: true }, catalog, now));
  }
  // the deciding step's evaluation: the first that is not Allowed, else the action itself
  const shown = deciding ?? taken.find((t) => t.step.step === 'request') ?? taken[taken.length - 1];
  const result: SimulationResult = shown.result ? { ...shown.result } : {
    decision: shown.step.decision, matchedStatements: shown.step.matchedStatements, policyTypes: {}, derivedContext: {},
    missingContextKeys: [], explanation: [], statements: [], errors: [],
  };
  result.name = scenario.name;
  result.decision = deciding ? deciding.step.decision : 'Allowed';
  result.steps = steps;
  result.explanation = steps.map((s, i) => l10n.t('Step {0} {1}: {2} {3} {4}: {5}.', i + 1, s.step, s.principal, s.action, s.resource, s.decision))
    .concat(deciding ? [l10n.t('The first step that is not Allowed decides: step {0} ({1}).', steps.indexOf(deciding.step) + 1, deciding.step.step), ...deciding.step.explanation] : [l10n.t('Every step is Allowed.'), ...shown.step.explanation]);
  result.errors = steps.flatMap((s) => s.errors);
  if (scenario.expected) { result.expected = scenario.expected; result.pass = result.decision === scenario.expected; }
  return result;
}
