// Statement matching on the fast path: booleans only, no explanation objects.
import type { PrincipalInfo } from '../arn';
import type { ActionMatcher, ActionSet, CCondition, CStatement, CValue, PrincipalSet, ResourceMatcher } from './compile';
import {
  cidrContains, decodeBase64, isArn, parseDate, parseNumber, resolveArnPattern, resolveGlob,
  resolvePlain, type Context,
} from './values';
import type { PolicyKind } from './types';
import * as l10n from '../localize';

export interface PreparedRequest {
  action: string;
  actionLower: string;
  service: string;
  resource: string;
  resourceAccount: string;
  principal: PrincipalInfo;
  ctx: Context;
  hasBoundary: boolean;
}

export function actionMatches(m: ActionMatcher, actionLower: string, action: string): boolean {
  if (m.all) return true;
  if (m.exact !== undefined) return m.exact === actionLower;
  return m.re !== undefined && m.re.test(action);
}

function inActionSet(set: ActionSet, req: PreparedRequest): boolean {
  if (set.all || set.exact.has(req.actionLower)) return true;
  const list = set.byPrefix.get(req.service);
  if (list) for (let i = 0; i < list.length; i++) if (list[i].test(req.action)) return true;
  const other = set.other;
  for (let i = 0; i < other.length; i++) if (other[i].test(req.action)) return true;
  return false;
}

export function matchActions(st: CStatement, req: PreparedRequest): boolean {
  if (st.actionSet) return inActionSet(st.actionSet, req);
  if (st.notActionSet) return !inActionSet(st.notActionSet, req);
  return false;
}

/** null: an unresolved policy variable, which matches no resource [R19]. */
export function resourceMatches(m: ResourceMatcher, req: PreparedRequest): boolean | null {
  if (m.all) return true;
  if (m.re) return m.re.test(req.resource);
  if (m.template) {
    const re = resolveArnPattern(m.template, req.ctx);
    return re === null ? null : re.test(req.resource);
  }
  return false;
}

export function matchResources(st: CStatement, req: PreparedRequest, resourcePolicy: boolean): boolean {
  if (st.resources) {
    const list = st.resources;
    for (let i = 0; i < list.length; i++) if (resourceMatches(list[i], req) === true) return true;
    return false;
  }
  if (st.notResources) {
    // an unresolvable variable makes the statement invalid rather than excluding nothing [R19]
    const list = st.notResources;
    for (let i = 0; i < list.length; i++) if (resourceMatches(list[i], req) !== false) return false;
    return true;
  }
  // role trust policies have no Resource element [R11]
  return resourcePolicy;
}

/**
 * How a Principal element names the caller. Order matters: a higher rank wins [R6]. `Role` names the identity behind
 * the session (a role session's role, or the IAM user who created a federated user session), so boundaries and
 * session policies still limit it.
 */
export const enum PMatch { None = 0, Account = 1, Role = 2, Direct = 3 }

/** Which form of the Principal element matched, for the explanation. */
export function principalHow(set: PrincipalSet, p: PrincipalInfo): string {
  if (set.any) return l10n.t('Principal "*" names every caller, anonymous included [R14]');
  if (p.exactArn && set.arns.has(p.exactArn)) return l10n.t('names the caller\'s ARN {0}', p.exactArn);
  if (p.serviceName && set.services.has(p.serviceName.toLowerCase())) return l10n.t('names the service principal {0}', p.serviceName);
  if (set.federated.has(p.raw)) return l10n.t('names the identity provider {0}', p.raw);
  if (p.roleName && set.roles.has(`${p.account}/${p.roleName}`)) return l10n.t('names the role {0} of the session [R6]', p.roleArn ?? '');
  if (p.issuerUserArn && set.arns.has(p.issuerUserArn)) return l10n.t('names the IAM user {0} who created this federated user session (GetFederationToken), not the session itself [R6]', p.issuerUserArn);
  if (p.account && set.accounts.has(p.account)) return l10n.t('names the account {0}, which delegates to that account\'s identity policies [R5a]', p.account);
  return l10n.t('does not name the caller');
}

export function matchPrincipal(set: PrincipalSet, p: PrincipalInfo): PMatch {
  if (set.any) return PMatch.Direct;
  if (p.kind === 'anonymous') return PMatch.None;
  if (p.exactArn !== undefined && set.arns.has(p.exactArn)) return PMatch.Direct;
  if (p.serviceName !== undefined && set.services.has(p.serviceName.toLowerCase())) return PMatch.Direct;
  if ((p.kind === 'web-identity' || p.kind === 'service') && set.federated.has(p.raw)) return PMatch.Direct;
  if (p.roleName !== undefined && set.roles.has(`${p.account}/${p.roleName}`)) return PMatch.Role;
  if (p.issuerUserArn !== undefined && set.arns.has(p.issuerUserArn)) return PMatch.Role;
  if (p.account && set.accounts.has(p.account)) return p.kind === 'root' ? PMatch.Direct : PMatch.Account;
  return PMatch.None;
}

/** Resource-policy statements always name a principal [R11]; an RCP statement only when it has Principal/NotPrincipal. */
export function checksPrincipal(kind: PolicyKind, st: CStatement): boolean {
  return kind === 'resource' || (kind === 'rcp' && (st.principal !== undefined || st.notPrincipal !== undefined));
}

/**
 * The Principal/NotPrincipal of a resource-policy statement. NotPrincipal matches whoever is not listed; a Deny with
 * NotPrincipal always matches a principal with a permissions boundary [R12].
 */
export function statementPrincipal(st: CStatement, req: PreparedRequest): PMatch {
  if (st.principal) return matchPrincipal(st.principal, req.principal);
  if (st.notPrincipal) {
    if (st.effect === 'Deny' && req.hasBoundary) return PMatch.Direct;
    return matchPrincipal(st.notPrincipal, req.principal) === PMatch.None ? PMatch.Direct : PMatch.None;
  }
  return PMatch.None;
}

// ------------------------------------------------------------------------------------------ conditions

/** One request value against one policy value, before negation and set operators. */
export function valueMatches(c: CCondition, v: CValue, rv: string, ctx: Context): boolean {
  const base = c.info!.base;
  if (v.template) {
    if (base === 'StringLike') { const re = resolveGlob(v.template, ctx, false); return re !== null && re.test(rv); }
    const r = resolvePlain(v.template, ctx);
    if (r === null) return false;
    if (base === 'StringEquals') return r === rv;
    if (base === 'StringEqualsIgnoreCase' || base === 'Bool') return r.toLowerCase() === rv.toLowerCase();
    if (base === 'ArnLike') { const re = resolveArnPattern(v.template, ctx, true); return re !== null && isArn(rv) && re.test(rv); }
    return false;
  }
  switch (base) {
    case 'StringEquals': return v.raw === rv;
    case 'StringEqualsIgnoreCase': return v.lower === rv.toLowerCase();
    case 'StringLike': return v.re!.test(rv);
    case 'Bool': return v.lower === rv.toLowerCase();
    case 'BinaryEquals': return (decodeBase64(rv) ?? rv) === v.bin;
    case 'IpAddress': return v.cidr !== undefined && cidrContains(v.cidr, rv);
    case 'ArnLike': return isArn(rv) && v.re!.test(rv);
    case 'Null': return false;
    default: {
      if (v.invalid) return false;
      const family = c.info!.family;
      const n = family === 'Date' ? parseDate(rv) : parseNumber(rv);
      if (Number.isNaN(n)) return false;
      const p = v.num!;
      switch (base) {
        case 'NumericEquals': case 'DateEquals': return n === p;
        case 'NumericLessThan': case 'DateLessThan': return n < p;
        case 'NumericLessThanEquals': case 'DateLessThanEquals': return n <= p;
        case 'NumericGreaterThan': case 'DateGreaterThan': return n > p;
        case 'NumericGreaterThanEquals': case 'DateGreaterThanEquals': return n >= p;
      }
      return false;
    }
  }
}

/** Several values for one key are ORed; for a negated operator the request value must match none of them [R18]. */
export function valueTest(c: CCondition, rv: string, ctx: Context): boolean {
  let any = false;
  const values = c.values;
  for (let i = 0; i < values.length; i++) if (valueMatches(c, values[i], rv, ctx)) { any = true; break; }
  return c.info!.negated ? !any : any;
}

/** One key under one operator [R17, R20]. */
export function evalCondition(c: CCondition, ctx: Context): boolean {
  const info = c.info;
  if (!info || c.problem) return false;
  const vals = ctx.get(c.keyLower);
  const present = vals !== undefined && vals.length > 0;
  if (info.base === 'Null') {
    for (const v of c.values) {
      if (v.lower === 'true' && !present) return true;
      if (v.lower === 'false' && present) return true;
    }
    return false;
  }
  if (c.set === 'all') {
    if (!present) return true;
    for (let i = 0; i < vals!.length; i++) if (!valueTest(c, vals![i], ctx)) return false;
    return true;
  }
  if (c.set === 'any') {
    if (!present) return c.ifExists;
    for (let i = 0; i < vals!.length; i++) if (valueTest(c, vals![i], ctx)) return true;
    return false;
  }
  if (!present) return c.ifExists || info.negated;
  // a plain operator on several request values: false (the peer's reading, confirmed by AWS; docs silent) [R20]
  if (vals!.length > 1) return false;
  return valueTest(c, vals![0], ctx);
}

export function matchConditions(st: CStatement, ctx: Context): boolean {
  // indexed loops here and on the evaluator's other per-request paths: a CLI run over a few thousand scenarios runs
  // them mostly unoptimized, where for…of pays for the iterator protocol on every step
  const conditions = st.conditions;
  for (let i = 0; i < conditions.length; i++) if (!evalCondition(conditions[i], ctx)) return false;
  return true;
}
