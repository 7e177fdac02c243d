// ARNs and principals: splitting an ARN into its six parts, matching ARN patterns segment by segment (the Resource
// element and the Arn* condition operators), and classifying the principal of a request. Pure.
import { MAX_PATTERN_LENGTH, PatternBuilder, type Matcher } from './wildcard';
import * as l10n from './localize';

export interface ArnParts {
  partition: string;
  service: string;
  region: string;
  account: string;
  /** everything after the fifth colon (may itself contain colons and slashes) */
  resource: string;
}

/** The six parts of an ARN, or undefined when the string is not `arn:` followed by at least five colons. */
export function parseArn(arn: string): ArnParts | undefined {
  if (!arn.startsWith('arn:')) return undefined;
  const parts: string[] = [];
  let from = 4;
  for (let i = 0; i < 4; i++) {
    const c = arn.indexOf(':', from);
    if (c < 0) return undefined;
    parts.push(arn.slice(from, c));
    from = c + 1;
  }
  return { partition: parts[0], service: parts[1], region: parts[2], account: parts[3], resource: arn.slice(from) };
}

const REGEX_SPECIAL = /[.+^${}()|[\]\\/*?]/g;
/** For regular expressions built from the catalog's own data (never from a document). */
export const escapeRegExp = (s: string): string => s.replace(REGEX_SPECIAL, '\\$&');

/** A piece of an ARN pattern; in a `literal` piece (a resolved policy variable) `*`, `?` and `:` are plain characters. */
export interface ArnPatternPiece { text: string; literal?: boolean }

const COLON = 58;
const NO_STOP = -1;

/**
 * A matcher for an ARN pattern with `*` and `?` wildcards [R16]: in the first five segments a wildcard stays inside
 * its segment, except a `*` that ends a segment, which may expand across colons; in the resource part `*` matches
 * any run of characters. `condition` (ArnLike/ArnEquals): a `*` ending one of the first five segments stays inside
 * it too. Patterns and values longer than 2,048 characters (AWS's ARN limit) never match.
 */
export function arnPatternMatcher(pattern: string | ArnPatternPiece[], condition = false): Matcher {
  const pieces = typeof pattern === 'string' ? [{ text: pattern }] : pattern;
  const b = new PatternBuilder(false);
  let colons = 0;
  for (let k = 0; k < pieces.length; k++) {
    const { text, literal } = pieces[k];
    if (literal) {
      b.literal(text);
      for (let i = 0; i < text.length; i++) if (text[i] === ':') colons++;
      continue;
    }
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      const inResource = colons >= 5;
      if (ch === ':') { colons++; b.literal(ch); }
      else if (ch === '*') {
        const next = i + 1 < text.length ? text[i + 1] : pieces.slice(k + 1).find((p) => p.text.length)?.text[0];
        const endsSegment = next === undefined || next === ':';
        b.star(inResource || (endsSegment && !condition) ? NO_STOP : COLON);
      } else if (ch === '?') b.one(inResource ? NO_STOP : COLON);
      else b.literal(ch);
    }
  }
  return b.build(MAX_PATTERN_LENGTH);
}

// ---------------------------------------------------------------------------------------------------- principals

export type PrincipalKind = 'user' | 'role-session' | 'role' | 'root' | 'federated-user' | 'service' | 'web-identity' | 'anonymous';

export interface PrincipalInfo {
  kind: PrincipalKind;
  /** the string as given */
  raw: string;
  /** the account the principal belongs to; '' for services, identity providers and anonymous callers */
  account: string;
  partition: string;
  /** aws:PrincipalArn: for a role session the role's ARN */
  principalArn?: string;
  /** the ARN a resource policy may name to grant this very principal (user, session, federated-user, root) */
  exactArn?: string;
  /** for role sessions: arn:<p>:iam::<acct>:role/<name> */
  roleArn?: string;
  roleName?: string;
  sessionName?: string;
  userName?: string;
  /** service principal name, e.g. cloudtrail.amazonaws.com */
  serviceName?: string;
  /** for federated users given a session issuer: the IAM user ARN that called GetFederationToken [R6] */
  issuerUserArn?: string;
  /** for identity providers: SAML 2.0 (AssumeRoleWithSAML) or OIDC web identity (AssumeRoleWithWebIdentity) */
  federation?: 'saml' | 'oidc';
}

export interface PrincipalError { error: string }

const ACCOUNT = /^\d{12}$/;

/**
 * Classifies a request principal: IAM user, role session, root, federated user, service principal, web identity
 * provider, or `anonymous`. Returns an error message for anything else.
 */
export function parsePrincipal(raw: string): PrincipalInfo | PrincipalError {
  const p = raw.trim();
  if (p.length > MAX_PATTERN_LENGTH) return { error: l10n.t('the principal has {0} characters; principal ARNs have at most {1}', p.length.toLocaleString('en-US'), MAX_PATTERN_LENGTH.toLocaleString('en-US')) };
  if (p === 'anonymous' || p === '*') return { kind: 'anonymous', raw, account: '', partition: 'aws' };
  if (ACCOUNT.test(p)) return rootOf(raw, 'aws', p);
  if (!p.startsWith('arn:')) {
    if (/^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$/i.test(p)) {
      return { kind: 'service', raw, account: '', partition: p.endsWith('.cn') ? 'aws-cn' : 'aws', serviceName: p };
    }
    if (/^[a-z0-9][a-z0-9.-]*\.[a-z]{2,}(\/.*)?$/i.test(p)) return { kind: 'web-identity', raw, account: '', partition: 'aws', federation: 'oidc' };
    return { error: l10n.t('"{0}" is not a principal: use an IAM user, role session, federated user or root ARN, a 12-digit account, a service principal such as "lambda.amazonaws.com", or "anonymous"', raw) };
  }
  const a = parseArn(p);
  if (!a) return { error: l10n.t('"{0}" is not a valid ARN (expected arn:partition:service:region:account:resource)', raw) };
  if (!ACCOUNT.test(a.account)) return { error: l10n.t('the principal ARN "{0}" needs a 12-digit account ID in its fifth part', raw) };
  if (/[*?]/.test(p)) return { error: l10n.t('the principal "{0}" contains a wildcard; a request is made by one concrete principal', raw) };
  const base = { raw, account: a.account, partition: a.partition };
  if (a.service === 'iam') {
    if (a.resource === 'root') return rootOf(raw, a.partition, a.account);
    if (a.resource.startsWith('user/')) {
      const name = a.resource.slice(a.resource.lastIndexOf('/') + 1);
      return { ...base, kind: 'user', principalArn: p, exactArn: p, userName: name };
    }
    if (a.resource.startsWith('role/')) {
      const name = a.resource.slice(a.resource.lastIndexOf('/') + 1);
      return { ...base, kind: 'role', principalArn: p, roleArn: p, roleName: name };
    }
    if (a.resource.startsWith('saml-provider/')) return { ...base, kind: 'web-identity', federation: 'saml' };
    if (a.resource.startsWith('oidc-provider/')) return { ...base, kind: 'web-identity', federation: 'oidc' };
  }
  if (a.service === 'sts') {
    const m = /^assumed-role\/([^/]+)\/(.+)$/.exec(a.resource);
    if (m) {
      const roleArn = `arn:${a.partition}:iam::${a.account}:role/${m[1]}`;
      return { ...base, kind: 'role-session', principalArn: roleArn, exactArn: p, roleArn, roleName: m[1], sessionName: m[2] };
    }
    const f = /^federated-user\/(.+)$/.exec(a.resource);
    if (f) return { ...base, kind: 'federated-user', principalArn: p, exactArn: p, userName: f[1] };
  }
  return { error: l10n.t('"{0}" is not a principal ARN: expected arn:aws:iam::ACCOUNT:user/NAME, :role/NAME, :root, arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION or :federated-user/NAME', raw) };
}

/**
 * What the principal is, in words for explanations. The `web-identity` kind covers both kinds of identity provider;
 * SAML 2.0 and OIDC federation are different mechanisms (AssumeRoleWithSAML vs AssumeRoleWithWebIdentity), so each is
 * named for what it is.
 */
export function principalKindLabel(p: PrincipalInfo): string {
  switch (p.kind) {
    case 'user': return l10n.t('IAM user');
    case 'role-session': return l10n.t('role session');
    case 'role': return l10n.t('IAM role');
    case 'root': return l10n.t('root user');
    case 'federated-user': return l10n.t('federated user (GetFederationToken)');
    case 'service': return l10n.t('service principal');
    case 'anonymous': return l10n.t('anonymous caller');
    case 'web-identity': return p.federation === 'saml' ? l10n.t('SAML 2.0 identity provider (AssumeRoleWithSAML)') : l10n.t('OIDC web identity provider (AssumeRoleWithWebIdentity)');
  }
}

function rootOf(raw: string, partition: string, account: string): PrincipalInfo {
  const arn = `arn:${partition}:iam::${account}:root`;
  return { kind: 'root', raw, account, partition, principalArn: arn, exactArn: arn };
}

export function isPrincipalError(p: PrincipalInfo | PrincipalError): p is PrincipalError {
  return 'error' in p;
}

/**
 * The principal with its session issuer (request.sessionIssuer): the IAM user or role whose credentials created the
 * session. A role session's issuer must be its own role (the issuer ARN may carry the role's path, which the session
 * ARN drops, and becomes aws:PrincipalArn); a federated user's issuer is the IAM user (or root user) that called
 * GetFederationToken. Returns an error message when the issuer is not such an ARN or contradicts the principal.
 */
export function withSessionIssuer(p: PrincipalInfo, raw: string): PrincipalInfo | PrincipalError {
  const issuer = raw.trim();
  const a = parseArn(issuer);
  const kind = a?.service === 'iam' ? (a.resource === 'root' ? 'root' : a.resource.startsWith('user/') ? 'user' : a.resource.startsWith('role/') ? 'role' : '') : '';
  if (!a || !kind || !ACCOUNT.test(a.account) || /[*?]/.test(issuer) || /\/$/.test(a.resource)) {
    return { error: l10n.t('sessionIssuer "{0}" is not an IAM user or role ARN: expected arn:aws:iam::ACCOUNT:user/NAME or arn:aws:iam::ACCOUNT:role/NAME', raw) };
  }
  if (p.kind !== 'federated-user' && p.kind !== 'role-session' && p.kind !== 'role') {
    return { error: p.kind === 'user' ? l10n.t('sessionIssuer applies only to role sessions and federated users; the principal "{0}" is an IAM user, which has no session issuer', p.raw)
      : p.kind === 'root' ? l10n.t('sessionIssuer applies only to role sessions and federated users; the principal "{0}" is the root user, which has no session issuer', p.raw)
        : l10n.t('sessionIssuer applies only to role sessions and federated users; the principal "{0}" is a {1} principal, which has no session issuer', p.raw, p.kind) };
  }
  if (a.account !== p.account || a.partition !== p.partition) {
    return { error: a.partition === p.partition
      ? l10n.t('sessionIssuer "{0}" is in account {1}, but the session "{2}" belongs to account {3}: a session is always in its issuer\'s account', raw, a.account, p.raw, p.account)
      : l10n.t('sessionIssuer "{0}" is in partition {1}, but the session "{2}" belongs to partition {3}: a session is always in its issuer\'s account', raw, a.partition, p.raw, p.partition) };
  }
  const name = a.resource.slice(a.resource.lastIndexOf('/') + 1);
  if (p.kind === 'federated-user') {
    if (kind === 'role') {
      return { error: l10n.t('sessionIssuer "{0}" is a role, but a federated user session is created by GetFederationToken with an IAM user\'s (or the root user\'s) long-term credentials; use the IAM user\'s ARN', raw) };
    }
    return kind === 'user' ? { ...p, issuerUserArn: issuer } : p;
  }
  if (kind !== 'role' || name !== p.roleName) {
    return { error: l10n.t('sessionIssuer "{0}" contradicts the principal: the session "{1}" was created from the role {2}, so its issuer must be that role\'s ARN', raw, p.raw, p.roleArn ?? '') };
  }
  return { ...p, roleArn: issuer, principalArn: issuer };
}
