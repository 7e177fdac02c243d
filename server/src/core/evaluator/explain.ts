// simulate(): the same flow as decide(), plus the explanation: every statement with why it did or did not apply,
// the result per policy type, the matched statements with source ranges, derived and missing context keys.
import * as l10n from '../localize';
import { principalKindLabel } from '../arn';
import type { Catalog } from '../catalog/catalog';
import { awsRefuses, isPassRole, needsResourceAllow } from './actionRules';
import { parsePolicy, type PolicyDocument } from '../policy/model';
import { LineIndex, type Range } from '../text';
import type { CCondition, CompiledPolicy, CStatement } from './compile';
import {
  ALLOW, allPolicies, computeMasks, DENY, decideFlow, Outcome, OUTCOME_DECISION, prepareRequest, PSHIFT, withAllow,
  type CompiledSet, type Masks, type Prepared,
} from './engine';
import {
  actionMatches, checksPrincipal, evalCondition, matchActions, matchConditions, matchResources, PMatch, principalHow, resourceMatches,
  statementPrincipal, valueMatches, type PreparedRequest,
} from './match';
import { resolvePlain, templateKeys, type Context } from './values';
import type { ConditionCheck, MatchedStatement, PolicyKind, RequestInput, SimulationResult, StatementDetail, ValueCheck } from './types';

const TYPE_LABEL: Record<PolicyKind, string> = {
  get identity() { return l10n.t('identity policy'); }, get resource() { return l10n.t('resource policy'); },
  get boundary() { return l10n.t('permissions boundary'); }, get session() { return l10n.t('session policy'); },
  scp: 'SCP', rcp: 'RCP',
};

// per compiled policy: its parsed text, and each statement's range once located (null: the text has no such statement)
const rangeCache = new WeakMap<object, { doc: PolicyDocument; lines: LineIndex; ranges: (Range | null | undefined)[] }>();
/** Where statement `index` is in the policy's text; a new object each call, so results never share one. */
export function statementRange(p: CompiledPolicy, index: number): Range | undefined {
  const text = p.source.text;
  if (text === undefined) return undefined;
  const key = p as object;
  let parsed = rangeCache.get(key);
  if (!parsed) { parsed = { doc: parsePolicy(text, { lenient: true }), lines: new LineIndex(text), ranges: [] }; rangeCache.set(key, parsed); }
  let r = parsed.ranges[index];
  if (r === undefined) {
    const st = parsed.doc.statements.find((s) => s.index === index);
    r = st ? parsed.lines.rangeOf(st.span.offset, st.span.length) : null;
    parsed.ranges[index] = r;
  }
  return r ? { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } } : undefined;
}

function ctxValues(ctx: Context, key: string): string[] | null {
  const v = ctx.get(key.toLowerCase());
  return v && v.length ? v : null;
}

function explainCondition(c: CCondition, ctx: Context): ConditionCheck {
  const requestValues = ctxValues(ctx, c.key);
  const result = evalCondition(c, ctx);
  const policyValues: ValueCheck[] = c.values.map((v) => {
    const check: ValueCheck = { value: v.raw, matches: false };
    if (v.template) check.resolved = resolvePlain(v.template, ctx);
    if (c.info && !c.problem && requestValues) check.matches = requestValues.some((rv) => valueMatches(c, v, rv, ctx));
    return check;
  });
  let reason: string;
  const op = c.operator;
  if (c.problem) reason = c.problem;
  else if (c.info!.base === 'Null') {
    const listed = policyValues.map((v) => v.value).join('/');
    reason = requestValues ? l10n.t('{0} is present, so Null {1} is {2} [R17]', c.key, listed, result) : l10n.t('{0} is absent, so Null {1} is {2} [R17]', c.key, listed, result);
  } else if (!requestValues) {
    reason = c.set === 'all' ? l10n.t('{0} is absent: ForAllValues is true for a missing or empty key [R20]', c.key)
      : c.set === 'any' ? l10n.t('{0} is absent: ForAnyValue is {1} for a missing key [R20]', c.key, result)
        : c.ifExists ? l10n.t('{0} is absent, so {1} is true [R17 IfExists]', c.key, op)
          : c.info!.negated ? l10n.t('{0} is absent, which makes the negated operator {1} true [R17]', c.key, op)
            : l10n.t('{0} is absent, which makes {1} false [R17]', c.key, op);
  } else if (!c.set && requestValues.length > 1) {
    reason = l10n.t('{0} has {1} values; a plain operator on a multivalued key does not match (use ForAnyValue/ForAllValues) [R20]', c.key, requestValues.length);
  } else {
    const unresolved = policyValues.some((v) => v.resolved === null);
    const got = JSON.stringify(requestValues.length === 1 ? requestValues[0] : requestValues);
    const wanted = JSON.stringify(policyValues.map((v) => v.resolved ?? v.value));
    reason = (result ? l10n.t('{0} = {1} satisfies {2} {3}', c.key, got, op, wanted) : l10n.t('{0} = {1} does not satisfy {2} {3}', c.key, got, op, wanted))
      + (unresolved ? l10n.t(' (a policy variable could not be resolved, so that value matches nothing [R19])') : '')
      + (c.info!.negated && !c.set ? l10n.t(' [R18: a negated operator needs the value to match none]') : '');
  }
  return { operator: op, key: c.key, requestValues, policyValues, result, reason };
}

/** How many statement explanations were built: lets tests and the benchmark show that decide() builds none. */
export const explanationStats = { statements: 0 };

function explainStatement(p: CompiledPolicy, st: CStatement, req: Prepared): StatementDetail {
  explanationStats.statements++;
  const kind = p.kind;
  const actionEl = st.actions ? 'Action' : st.notActions ? 'NotAction' : 'none';
  const actionList = st.actions ?? st.notActions ?? [];
  // The per-value checks of actions, resources and conditions are built when first read (enumerable getters, so JSON
  // and deep equality see them): ReadOnlyAccess has thousands of actions, and the CLI prints none of these checks.
  let actionValues: ValueCheck[] | undefined;
  const { actionLower, action: requestAction } = req;
  const action = {
    element: actionEl as StatementDetail['action']['element'],
    matched: matchActions(st, req),
    get values(): ValueCheck[] {
      return (actionValues ??= actionList.map((a) => ({ value: a.raw, matches: actionMatches(a, actionLower, requestAction) })));
    },
  };
  const resEl = st.resources ? 'Resource' : st.notResources ? 'NotResource' : 'none';
  const resList = st.resources ?? st.notResources ?? [];
  let resourceValues: ValueCheck[] | undefined;
  const resource = {
    element: resEl as StatementDetail['resource']['element'],
    matched: matchResources(st, req, kind === 'resource'),
    get values(): ValueCheck[] {
      return (resourceValues ??= resList.map((r) => {
        const m = resourceMatches(r, req);
        const v: ValueCheck = { value: r.raw, matches: m === true };
        if (r.template) v.resolved = resolvePlain(r.template, req.ctx);
        return v;
      }));
    },
  };
  let principal: StatementDetail['principal'];
  let pm = PMatch.Direct;
  if (checksPrincipal(kind, st)) {
    pm = statementPrincipal(st, req);
    principal = { element: st.principal ? 'Principal' : st.notPrincipal ? 'NotPrincipal' : 'none', matched: pm !== PMatch.None, how: principalHowText(st, req, pm) };
  }
  let conditionChecks: ConditionCheck[] | undefined;
  const conditions = () => (conditionChecks ??= st.conditions.map((c) => explainCondition(c, req.ctx)));
  const condOk = matchConditions(st, req.ctx);
  const applies = !!st.effect && action.matched && resource.matched && pm !== PMatch.None && condOk;
  let reason: string;
  if (!st.effect) reason = l10n.t('the statement is not evaluated: {0}', st.problems.join('; '));
  else if (!action.matched) {
    reason = actionEl === 'none' ? l10n.t('the statement has no Action or NotAction [R11]')
      : actionEl === 'Action' ? l10n.t('{0} is not in Action [R15, R16]', req.action) : l10n.t('{0} is listed in NotAction, so the statement does not cover it [R9]', req.action);
  } else if (!resource.matched) {
    reason = resEl === 'none' ? l10n.t('the statement has no Resource or NotResource [R11]')
      : resource.values.some((v) => v.resolved === null) ? l10n.t('a policy variable in {0} could not be resolved, so the statement matches no resource [R19]', resEl)
        : resEl === 'Resource' ? l10n.t('{0} does not match Resource [R16]', req.resource) : l10n.t('{0} is excluded by NotResource [R10]', req.resource);
  } else if (principal && !principal.matched) reason = l10n.t('the principal element {0}', principal.how);
  else if (!condOk) reason = l10n.t('condition not met: {0}', conditions().find((c) => !c.result)!.reason);
  else reason = appliedReason(st, req, principal?.how);
  return {
    policyType: kind, policy: p.source.name, file: p.source.file, sid: st.sid, index: st.index,
    effect: st.effect ?? 'Allow', range: statementRange(p, st.index),
    applies, action, resource, principal, get conditions() { return conditions(); }, reason,
  };
}

// Sentences that depend only on a statement and the caller are kept while the translator stays: a run over many
// scenarios repeats its statements and principals (principalOf returns one object per principal string).
const howTexts = new WeakMap<CStatement, { g: number; byCaller: WeakMap<object, string[]> }>();

/** How the Principal/NotPrincipal element of a statement that checks it names (or does not name) the caller. */
export function principalHowText(st: CStatement, req: PreparedRequest, pm: PMatch): string {
  const g = l10n.textGeneration();
  let kept = howTexts.get(st);
  if (!kept || kept.g !== g) { kept = { g, byCaller: new WeakMap() }; howTexts.set(st, kept); }
  let texts = kept.byCaller.get(req.principal);
  if (!texts) { texts = []; kept.byCaller.set(req.principal, texts); }
  // pm follows from the statement, the caller and whether it has a boundary (statementPrincipal)
  const slot = req.hasBoundary ? 1 : 0;
  return texts[slot] ??= principalHowSentence(st, req, pm);
}

function principalHowSentence(st: CStatement, req: PreparedRequest, pm: PMatch): string {
  const set = st.principal ?? st.notPrincipal;
  return st.principalProblem ? st.principalProblem
    : !set ? l10n.t('the statement has no Principal element, which a resource policy needs [R11]')
    : st.principal ? principalHow(set, req.principal)
      : st.effect === 'Deny' && req.hasBoundary ? l10n.t('a Deny with NotPrincipal always applies to a principal with a permissions boundary [R12]')
        : pm === PMatch.None ? l10n.t('the caller is listed in NotPrincipal [R12]') : l10n.t('the caller is not listed in NotPrincipal [R12]');
}

/** The reason of a statement that applies; `how` is its principal sentence when the statement checks the principal. */
export function appliedReason(st: CStatement, req: PreparedRequest, how: string | undefined): string {
  return (st.effect === 'Deny' ? l10n.t('denies {0} on {1}', req.action, req.resource) : l10n.t('allows {0} on {1}', req.action, req.resource))
    + (how !== undefined ? l10n.t('; the principal element {0}', how) : '');
}

function typeResult(bits: number, applies: boolean, present: boolean): string {
  if (!present || !applies) return 'NotApplicable';
  return bits & DENY ? 'ExplicitlyDenied' : bits & ALLOW ? 'Allowed' : 'ImplicitlyDenied';
}

/** The result per policy type, from the scan bits. */
export function policyTypesOf(m: Masks, set: CompiledSet): Record<string, string> {
  const rbits = m.resource;
  return {
    identity: typeResult(m.identity, m.identityApplies, set.identity.length > 0),
    resource: !set.resource ? 'NotApplicable' : rbits & DENY ? 'ExplicitlyDenied'
      : rbits & ALLOW ? ((rbits >> PSHIFT) === PMatch.Account ? 'AllowedForAccount' : 'Allowed') : 'ImplicitlyDenied',
    boundary: typeResult(m.boundary, m.boundaryApplies, set.boundary.length > 0),
    session: typeResult(m.session, m.sessionApplies, !!set.session),
    scp: !m.scpApplies ? 'NotApplicable' : m.scp.some((b) => b & DENY) ? 'ExplicitlyDenied' : m.scpGap >= 0 ? 'ImplicitlyDenied' : 'Allowed',
    rcp: !m.rcpApplies ? 'NotApplicable' : m.rcp.some((b) => b & DENY) ? 'ExplicitlyDenied' : 'Allowed',
  };
}

/** Keys referenced by the statements that cover the action (conditions and policy variables), first spelling kept. */
export function referencedKeys(set: CompiledSet, req: PreparedRequest): string[] {
  return setKeys(set, req).slice();
}

// a compiled set is shared by the scenarios naming the same policies (engine.ts), and requests repeat their action:
// the keys depend on the set and the action only
const keysCache = new WeakMap<CompiledSet, Map<string, string[]>>();
/** referencedKeys, cached per compiled set and action; not to be modified. */
function setKeys(set: CompiledSet, req: PreparedRequest): readonly string[] {
  let byAction = keysCache.get(set);
  if (!byAction) { byAction = new Map(); keysCache.set(set, byAction); }
  let keys = byAction.get(req.action);
  if (keys) return keys;
  const seen = new Map<string, string>();
  const add = (k: string) => { const l = k.toLowerCase(); if (!seen.has(l)) seen.set(l, k); };
  for (const p of allPolicies(set)) {
    for (const st of p.statements) {
      if (!matchActions(st, req)) continue;
      for (const c of st.conditions) {
        if (c.key) add(c.key);
        for (const v of c.values) if (v.template) templateKeys(v.template).forEach(add);
      }
      for (const r of [...(st.resources ?? []), ...(st.notResources ?? [])]) if (r.template) templateKeys(r.template).forEach(add);
    }
  }
  keys = [...seen.values()];
  if (byAction.size >= 256) byAction.clear();
  byAction.set(req.action, keys);
  return keys;
}

/** What names a statement in the sentences: its Sid or index, its policy type and its policy. */
export type Quoted = Pick<MatchedStatement, 'sid' | 'index' | 'policyType' | 'policy'>;
/** A statement that decided or applied, as the closing sentences name it. */
export type Applied = Quoted & { effect: 'Allow' | 'Deny'; reason: string; quoted?: string };

const quote = (s: Quoted) => l10n.t('{0} of {1} "{2}"', s.sid ? `"${s.sid}"` : `#${s.index}`, TYPE_LABEL[s.policyType as PolicyKind], s.policy);

const quotes = new WeakMap<CStatement, { g: number; text: string }>();
/** quote() of a statement of a compiled policy (a statement belongs to one policy, kind and name: compile.ts). */
export function quoteStatement(p: CompiledPolicy, st: CStatement): string {
  const g = l10n.textGeneration();
  let q = quotes.get(st);
  if (!q || q.g !== g) { q = { g, text: quote({ policyType: p.kind, policy: p.source.name, sid: st.sid, index: st.index }) }; quotes.set(st, q); }
  return q.text;
}

/** The first sentence: the decision and the rule that made it. `denies`: the applicable Deny statements, in order. */
export function outcomeSentence(o: Outcome, req: Prepared, m: Masks, set: CompiledSet, denies: Quoted[]): string {
  const p = req.principal;
  switch (o) {
    case Outcome.ExplicitDeny: return `ExplicitlyDenied: ${denies.length > 1 ? l10n.t('{0} apply, and an explicit deny overrides every allow [R1].', denies.map(quote).join(', ')) : l10n.t('{0} applies, and an explicit deny overrides every allow [R1].', denies.map(quote).join(', '))}`;
    case Outcome.ScpNoAllow: return `ImplicitlyDenied: ${l10n.t('no SCP at level "{0}" allows {1}; every level from the root to the account must allow it [R3].', set.scp[m.scpGap].id, req.action)}`;
    case Outcome.RootFullAccess: return `Allowed: ${l10n.t('the root user of account {0} has full access to its own account\'s resources unless something denies it [R2].', p.account ?? '')}`;
    case Outcome.ResourceDirect: return `Allowed: ${l10n.t('the resource policy grants the caller directly (same account), so implicit denies in identity policies, boundaries and session policies do not limit it [R6, R14].')}`;
    case Outcome.ResourceRole:
      if (p.issuerUserArn) {
        return `Allowed: ${m.boundaryApplies
          ? l10n.t('the resource policy grants the IAM user {0} who created this federated user session, not the session itself, so the boundary and session policy still apply; the boundary and the session policy allow it [R6].', p.issuerUserArn)
          : l10n.t('the resource policy grants the IAM user {0} who created this federated user session, not the session itself, so the boundary and session policy still apply; the session policy allows it [R6].', p.issuerUserArn)}`;
      }
      return `Allowed: ${l10n.t('the resource policy grants the role {0}; the boundary and session policy, where present, allow it too [R6].', p.roleArn ?? '')}`;
    case Outcome.ResourceRoleLimited: {
      const limit = m.boundaryApplies && !(m.boundary & ALLOW) ? l10n.t('an implicit deny in the permissions boundary')
        : m.sessionApplies ? l10n.t('an implicit deny in the session policy')
          : l10n.t('the missing session policy: a federated user session created without one has no permissions (STS GetFederationToken) [R7]');
      if (p.issuerUserArn) return `ImplicitlyDenied: ${l10n.t('the resource policy grants the IAM user {0} who created this federated user session, not the session itself, so the boundary and session policy still apply, and the grant is limited by {1} [R6].', p.issuerUserArn, limit)}`;
      return `ImplicitlyDenied: ${l10n.t('the resource policy grants the role {0}, but a grant to the role ARN is limited by {1} [R6].', p.roleArn ?? '', limit)}`;
    }
    case Outcome.IdentityAllow: return `Allowed: ${m.boundaryApplies
      ? (m.sessionApplies ? l10n.t('an identity policy allows the request, the permissions boundary allows it, the session policy allows it, and the resource is in the same account [R5, R8].') : l10n.t('an identity policy allows the request, the permissions boundary allows it, and the resource is in the same account [R5, R8].'))
      : (m.sessionApplies ? l10n.t('an identity policy allows the request, the session policy allows it, and the resource is in the same account [R5, R8].') : l10n.t('an identity policy allows the request, and the resource is in the same account [R5, R8].'))}`;
    case Outcome.NeedsResourceAllow: return `ImplicitlyDenied: ${req.service === 'kms'
      ? (set.resource ? l10n.t('a KMS key policy must allow the request itself (or name the account to delegate to IAM policies); it does not [R5].') : l10n.t('a KMS key policy must allow the request itself (or name the account to delegate to IAM policies); no resource policy was given [R5].'))
      : (set.resource ? l10n.t('a role trust policy must allow the request itself (or name the account to delegate to IAM policies); it does not [R5].') : l10n.t('a role trust policy must allow the request itself (or name the account to delegate to IAM policies); no resource policy was given [R5].'))}`;
    case Outcome.NoAllow: {
      const parts: string[] = [];
      if (!(m.identity & ALLOW)) parts.push(l10n.t('no identity policy allows it'));
      else if (m.boundaryApplies && !(m.boundary & ALLOW)) parts.push(l10n.t('the permissions boundary does not allow it [R8]'));
      else if (m.sessionApplies && !(m.session & ALLOW)) parts.push(l10n.t('the session policy does not allow it [R7]'));
      if (set.resource && !(m.resource & ALLOW)) parts.push(l10n.t('the resource policy does not grant it to this caller'));
      return `ImplicitlyDenied: ${l10n.t('{0} (default deny) [R1].', parts.join(l10n.t(', and ')) || l10n.t('nothing allows it'))}`;
    }
    case Outcome.CrossAccountAllowed: return `Allowed: ${l10n.t('cross-account request (principal account {0}, resource account {1}); the resource policy and the principal\'s identity policies both allow it [R4].', p.account ?? '', req.resourceAccount ?? '')}`;
    case Outcome.CrossAccountNoResource: return `ImplicitlyDenied: ${l10n.t('cross-account request (principal account {0}, resource account {1}) and {2}; both sides must allow [R4].', p.account ?? '', req.resourceAccount ?? '', set.resource ? l10n.t('the resource policy does not grant it to this principal') : l10n.t('no resource policy was given'))}`;
    case Outcome.CrossAccountNoIdentity: return `ImplicitlyDenied: ${m.boundaryApplies
      ? (m.sessionApplies ? l10n.t('cross-account request; the resource policy allows it, but the principal\'s own account does not (identity policy, boundary, session policy) [R4].') : l10n.t('cross-account request; the resource policy allows it, but the principal\'s own account does not (identity policy, boundary) [R4].'))
      : (m.sessionApplies ? l10n.t('cross-account request; the resource policy allows it, but the principal\'s own account does not (identity policy, session policy) [R4].') : l10n.t('cross-account request; the resource policy allows it, but the principal\'s own account does not (identity policy) [R4].'))}`;
    case Outcome.PublicAllowed: return `Allowed: ${p.kind === 'anonymous' ? l10n.t('the resource policy grants anonymous callers (Principal "*") [R14].') : l10n.t('the resource policy grants the {0} {1} [R14].', principalKindLabel(p), p.raw)}`;
    case Outcome.PublicNoAllow: return `ImplicitlyDenied: ${p.kind === 'anonymous'
      ? (set.resource ? l10n.t('an anonymous caller has no identity policies, and the resource policy does not grant it [R1, R14].') : l10n.t('an anonymous caller has no identity policies, and no resource policy was given [R1, R14].'))
      : (set.resource ? l10n.t('the {0} {1} has no identity policies, and the resource policy does not grant it [R1, R14].', principalKindLabel(p), p.raw) : l10n.t('the {0} {1} has no identity policies, and no resource policy was given [R1, R14].', principalKindLabel(p), p.raw))}`;
    case Outcome.FederatedNoSession: return `ImplicitlyDenied: ${l10n.t('a federated user session created without a session policy has no permissions (STS GetFederationToken) [R7].')}`;
    case Outcome.NoPermissionNeeded: return `Allowed: ${l10n.t('sts:GetCallerIdentity needs no permission, and an explicit deny does not block it: it returns only what the caller\'s credentials already say (STS API reference, GetCallerIdentity).')}${denies.length ? ` ${l10n.t('The deny in {0} has no effect on it.', denies.map(quote).join(', '))}` : ''}`;
    case Outcome.AwsRefuses: return `ImplicitlyDenied: ${awsRefuses(req)}.`;
    case Outcome.PassRoleOtherAccount: return `ImplicitlyDenied: ${l10n.t('the role {0} is in account {1}, the caller in {2}: a role can only be passed to a service in its own account, so no policy in either account can allow this (IAM User Guide, passing roles).', req.resource, req.resourceAccount ?? '', p.account ?? '')}`;
    case Outcome.PassRoleNotGranted: {
      const why = p.kind === 'anonymous' || p.kind === 'service' || p.kind === 'web-identity'
        ? l10n.t('{0} {1} has no identity policies', principalKindLabel(p), p.raw)
        : !(m.identity & ALLOW) ? l10n.t('no identity policy allows it')
          : m.boundaryApplies && !(m.boundary & ALLOW) ? l10n.t('the permissions boundary does not allow it [R8]')
            : m.sessionApplies && !(m.session & ALLOW) ? l10n.t('the session policy does not allow it [R7]')
              : l10n.t('a federated user session created without a session policy has no permissions [R7]');
      return `ImplicitlyDenied: ${m.resource & ALLOW
        ? l10n.t('iam:PassRole can only be granted by the caller\'s own identity policies (its user, groups or role), and {0}; the resource policy\'s Allow does not count: a role\'s trust policy or any resource policy cannot grant iam:PassRole (IAM User Guide, passing roles).', why)
        : l10n.t('iam:PassRole can only be granted by the caller\'s own identity policies (its user, groups or role), and {0} (IAM User Guide, passing roles).', why)}`;
    }
    default: return `ImplicitlyDenied [R22].`;
  }
}

export function simulateCompiled(set: CompiledSet, request: RequestInput, catalog: Catalog | undefined, now: number, name?: string): SimulationResult {
  const derivedContext: Record<string, unknown> = {};
  const result: SimulationResult = {
    name, decision: 'ImplicitlyDenied', matchedStatements: [], policyTypes: {}, derivedContext, missingContextKeys: [],
    explanation: [], statements: [], errors: [...set.problems],
  };
  const req = prepareRequest(request, set.boundary.length > 0, now, derivedContext);
  if (typeof req === 'string') return withInputError(result, req);
  const details = new Map<CompiledPolicy, StatementDetail[]>();
  const scanOne = (p: CompiledPolicy): number => {
    let list = details.get(p);
    if (!list) { list = p.statements.map((st) => explainStatement(p, st, req)); details.set(p, list); }
    let bits = 0;
    for (let i = 0; i < list.length; i++) {
      const d = list[i];
      if (!d.applies) continue;
      if (d.effect === 'Deny') { bits |= DENY; continue; }
      const st = p.statements[i];
      bits = withAllow(bits, checksPrincipal(p.kind, st) ? statementPrincipal(st, req) : PMatch.Direct);
    }
    return bits;
  };
  const m = computeMasks(set, req, catalog, scanOne);
  const outcome = decideFlow(m, req, set.session !== undefined);
  const decision = OUTCOME_DECISION[outcome];
  result.decision = decision;

  // policies the flow skipped (guardrails that do not apply) are still explained, marked as not applying
  for (const p of allPolicies(set)) if (!details.has(p)) details.set(p, p.statements.map((st) => explainStatement(p, st, req)));
  const counted = new Set<CompiledPolicy>();
  if (m.identityApplies) set.identity.forEach((p) => counted.add(p));
  if (m.boundaryApplies) set.boundary.forEach((p) => counted.add(p));
  if (m.sessionApplies) counted.add(set.session!);
  if (set.resource) counted.add(set.resource);
  if (m.scpApplies) set.scp.forEach((l) => l.policies.forEach((p) => counted.add(p)));
  if (m.rcpApplies) set.rcp.forEach((l) => l.policies.forEach((p) => counted.add(p)));
  for (const [p, list] of details) {
    const considered = counted.has(p);
    for (const d of list) {
      if (!considered) { d.reason = l10n.t('not evaluated for this request: {0}. (Statement on its own: {1})', notConsideredWhy(p.kind, req), d.reason); d.applies = false; }
      result.statements.push(d);
    }
  }

  result.policyTypes = policyTypesOf(m, set);

  // matched statements: the ones that decided. An implicit deny comes from what is missing, so no statement decides it
  // (an Allow that applies but is not enough, e.g. an identity Allow in a cross-account request, is matched, not
  // deciding); nor does one decide a request that needs no permission or that AWS refuses.
  const applicable = result.statements.filter((d) => d.applies);
  const deciding = outcome === Outcome.NoPermissionNeeded ? []
    : decision === 'ExplicitlyDenied' ? applicable.filter((d) => d.effect === 'Deny')
      : decision === 'Allowed' ? applicable.filter((d) => d.effect === 'Allow' && !(d.policyType === 'resource' && isPassRole(req)))
        : [];
  const insufficient = decision === 'ImplicitlyDenied' ? applicable.filter((d) => d.effect === 'Allow') : [];
  result.matchedStatements = deciding.map((d) => matchedStatement(d.policyType, d.policy, d.file, d.sid, d.index, d.effect, d.range));
  result.missingContextKeys = missingKeys(set, req);
  const denies = result.statements.filter((d) => d.applies && d.effect === 'Deny');
  explain(result.explanation, outcome, req, m, set, catalog, result.missingContextKeys, denies, deciding, insufficient);
  return result;
}

/** A request that cannot be evaluated: the error, and an implicit deny [R22]. */
export function withInputError<R extends { errors: string[]; explanation: string[] }>(result: R, error: string): R {
  result.errors.push(error);
  result.explanation.push(`ImplicitlyDenied: ${l10n.t('the request cannot be evaluated: {0}. An error during evaluation never allows a request [R22].', error)}`);
  return result;
}

export function matchedStatement(policyType: string, policy: string, file: string | undefined, sid: string | undefined, index: number, effect: 'Allow' | 'Deny', range: Range | undefined): MatchedStatement {
  const ms: MatchedStatement = { policyType, policy, index, effect };
  if (file !== undefined) ms.file = file;
  if (sid !== undefined) ms.sid = sid;
  if (range) ms.range = range;
  return ms;
}

/** Keys the statements covering the action reference that the request neither sets nor derives. */
export function missingKeys(set: CompiledSet, req: Prepared): string[] {
  const keys = setKeys(set, req);
  const missing: string[] = [];
  for (let i = 0; i < keys.length; i++) if (!req.ctx.has(keys[i].toLowerCase())) missing.push(keys[i]);
  return missing;
}

/** The sentences of a result: the outcome, the principal, the notes, then the deciding and insufficient statements. */
export function explain(ex: string[], outcome: Outcome, req: Prepared, m: Masks, set: CompiledSet, catalog: Catalog | undefined,
  missing: string[], denies: Quoted[], deciding: Applied[], insufficient: Applied[]): void {
  ex.push(outcomeSentence(outcome, req, m, set, denies));
  ex.push(principalSentence(req));
  const p = req.principal;
  const refused = awsRefuses(req);
  if (refused && outcome === Outcome.ExplicitDeny) ex.push(l10n.t('Without the deny, AWS would still refuse it: {0}.', refused));
  if (needsResourceAllow(req)) ex.push(req.service === 'kms' ? l10n.t('{0} on this resource is governed by the key policy, which must allow it explicitly [R5].', req.action) : l10n.t('{0} on this resource is governed by the role trust policy, which must allow it explicitly [R5].', req.action));
  if (set.rcp.length && !m.rcpApplies) ex.push(catalog ? l10n.t('RCPs were not applied: {0} is not among the services RCPs support [R3a].', req.service) : l10n.t('RCPs were not applied: {0} is not among the services RCPs support (built-in list; no catalog given) [R3a].', req.service));
  if (set.scp.length && !m.scpApplies) {
    ex.push(p.kind === 'anonymous' ? l10n.t('SCPs were not applied: they limit only principals of member accounts, not anonymous callers [R3].')
      : p.kind === 'service' ? l10n.t('SCPs were not applied: they limit only principals of member accounts, not service principals [R3].')
        : l10n.t('SCPs were not applied: they limit only principals of member accounts, not service-linked roles or identity providers [R3].'));
  }
  if (set.session && !m.sessionApplies) ex.push(l10n.t('The session policy was ignored: only role sessions and federated users have one [R7].'));
  if (set.boundary.length && !m.boundaryApplies && p.kind === 'root') ex.push(l10n.t('The permissions boundary was ignored: the root user has none [R8].'));
  if (missing.length) ex.push(l10n.t('The policies reference {0}, which the request does not supply: a missing key makes most operators false and negated operators true [R17].', missing.join(', ')));
  for (let i = 0; i < deciding.length; i++) {
    const d = deciding[i];
    ex.push(`${d.effect === 'Deny' ? 'Deny' : 'Allow'}: ${d.quoted ?? quote(d)} ${d.reason}.`);
  }
  for (let i = 0; i < insufficient.length; i++) {
    const d = insufficient[i];
    ex.push(l10n.t('Matched, but not enough on its own: {0} {1}.', d.quoted ?? quote(d), d.reason));
  }
}

// the principal sentence of the caller's last request, per caller: scenarios repeat a caller and a resource account
const principalTexts = new WeakMap<object, { g: number; source: string; account: string; text: string }>();
/** "Principal: …; resource account …." */
function principalSentence(req: Prepared): string {
  const g = l10n.textGeneration();
  const kept = principalTexts.get(req.principal);
  if (kept && kept.g === g && kept.source === req.resourceAccountSource && kept.account === req.resourceAccount) return kept.text;
  const text = principalSentenceText(req);
  principalTexts.set(req.principal, { g, source: req.resourceAccountSource, account: req.resourceAccount, text });
  return text;
}

function principalSentenceText(req: Prepared): string {
  const p = req.principal;
  const issuer = p.issuerUserArn ? l10n.t(', a federated user session created by the IAM user {0}', p.issuerUserArn) : '';
  const owner = req.resourceAccountSource === 'aws'
    ? l10n.t('resource owned by AWS (the account segment "aws" of the ARN names AWS itself, not a missing account: no customer account holds the resource, so the caller\'s own policies decide and aws:ResourceAccount is not derived)')
    : req.resourceAccountSource === 'principal' ? l10n.t('resource account {0} (the resource ARN has no account and none was given, so the principal\'s account {1} was assumed)', req.resourceAccount || l10n.t('unknown'), p.account ?? '')
      : l10n.t('resource account {0}', req.resourceAccount || l10n.t('unknown'));
  return p.account ? l10n.t('Principal: {0} {1} in account {2}{3}; {4}.', principalKindLabel(p), p.raw, p.account, issuer, owner) : l10n.t('Principal: {0} {1}{2}; {3}.', principalKindLabel(p), p.raw, issuer, owner);
}

function notConsideredWhy(kind: PolicyKind, req: PreparedRequest): string {
  const who = principalKindLabel(req.principal);
  switch (kind) {
    case 'identity': return l10n.t('the {0} has no identity policies', who);
    case 'boundary': return l10n.t('the {0} has no permissions boundary [R8]', who);
    case 'session': return l10n.t('only role sessions and federated users have session policies [R7]');
    case 'scp': return l10n.t('SCPs do not apply to this principal [R3]');
    case 'rcp': return l10n.t('RCPs do not apply to {0} [R3a]', req.service);
    default: return l10n.t('not applicable');
  }
}

