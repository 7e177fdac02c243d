// Which kind of policy a document is: a per-document choice (the "Change Policy Type" command), else the
// iamPolicy.policyTypes setting (glob -> type), else the file-name convention, else the content.
import { LruCache } from '../core/lru';
import { PatternBuilder, type Matcher } from '../core/wildcard';
import type { PolicyDocument } from '../core/policy/model';
import { POLICY_TYPES, type PolicyType } from '../core/policy/policyType';
import type { ServiceSettings } from './settings';
import * as l10n from '@vscode/l10n';

export type PolicyTypeSource = 'command' | 'setting' | 'file name' | 'content' | 'default';

/**
 * The type of a document and why: `detail` is what decided it (the setting's glob, the file-name suffix such as
 * `.trust.json`, or the 1-based number of the statement whose Principal made it resource-based or a trust policy).
 */
export interface PolicyTypeDecision { type: PolicyType; source: PolicyTypeSource; detail?: string }

/**
 * File-name conventions: the part before `.json` (or before `.policy.json` / `.iam.json`) names the type,
 * e.g. `deploy.trust.json`, `org.scp.json`, `guard.rcp.policy.json`, `dev.boundary.json`.
 */
export const FILE_NAME_CONVENTIONS: Record<string, PolicyType> = {
  identity: 'identity',
  resource: 'resource', 'bucket-policy': 'resource', 'key-policy': 'resource', 'queue-policy': 'resource', 'topic-policy': 'resource',
  trust: 'trust', 'trust-policy': 'trust', 'assume-role': 'trust',
  scp: 'scp',
  rcp: 'rcp',
  boundary: 'boundary', 'permissions-boundary': 'boundary',
  session: 'session', 'session-policy': 'session',
  endpoint: 'endpoint', vpce: 'endpoint', 'endpoint-policy': 'endpoint',
};

const SLASH = 47;
const pathGlobs = new LruCache<string, { whole: Matcher; tail: Matcher }>(500);

/** The matchers of a settings glob: the whole path, and any path ending in `/` + the glob. */
function pathGlob(glob: string): { whole: Matcher; tail: Matcher } {
  return pathGlobs.getOrCreate(glob, () => {
    const build = (b: PatternBuilder) => {
      for (let i = 0; i < glob.length; i++) {
        const c = glob[i];
        if (c === '*' && glob[i + 1] === '*') { b.star(); i++; if (glob[i + 1] === '/') i++; }
        else if (c === '*') b.star(SLASH);
        else if (c === '?') b.one(SLASH);
        else b.literal(c);
      }
      return b.build();
    };
    return { whole: build(new PatternBuilder(false)), tail: build(new PatternBuilder(false).star().literal('/')) };
  });
}

/** Glob as VS Code's files.associations: `**` spans folders, `*` and `?` stay inside a name; a glob without `/` matches the file name. */
export function globMatches(glob: string, path: string): boolean {
  const { whole, tail } = pathGlob(glob);
  if (!glob.includes('/')) return whole.test(path.slice(path.lastIndexOf('/') + 1));
  return whole.test(path) || tail.test(path);
}

/** The file-name convention a path follows, with the suffix that names it (e.g. `.trust.json`). */
function fileNameConvention(path: string): { type: PolicyType; suffix: string } | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  const m = /(?:^|\.)([a-z-]+)(?:\.policy|\.iam)?\.jsonc?$/.exec(name);
  const type = m ? FILE_NAME_CONVENTIONS[m[1]] : undefined;
  return m && type ? { type, suffix: m[0] } : undefined;
}

export function policyTypeFromFileName(path: string): PolicyType | undefined {
  return fileNameConvention(path)?.type;
}

/**
 * The type a document's content suggests, and the statement that decided it. Statements with a principal make it a
 * resource-based policy; a role trust policy only when they name sts:AssumeRole* and none of them has Resource or
 * NotResource (trust policies have neither). Deny-only statements for `"Principal": "*"` over several services are a
 * resource control policy (a resource policy belongs to one service).
 */
function contentDecision(doc: PolicyDocument): { type: PolicyType; statement: number } | undefined {
  const withPrincipal = doc.statements.map((s, i) => ({ s, i })).filter(({ s }) => s.principal || s.notPrincipal);
  if (!withPrincipal.length) return undefined;
  const first = withPrincipal[0].i + 1;
  if (withPrincipal.some(({ s }) => s.resource || s.notResource)) return { type: looksLikeRcp(doc) ? 'rcp' : 'resource', statement: first };
  const assumes = withPrincipal.find(({ s }) => (s.action?.values ?? []).some((a) => /^sts:assumerole/i.test(a.value)));
  return assumes ? { type: 'trust', statement: assumes.i + 1 } : { type: 'resource', statement: first };
}

function looksLikeRcp(doc: PolicyDocument): boolean {
  const services = new Set<string>();
  for (const s of doc.statements) {
    if (s.effect?.value !== 'Deny' || !s.principal || !isEveryone(s.principal)) return false;
    for (const a of s.action?.values ?? []) {
      const colon = a.value.indexOf(':');
      if (colon > 0) services.add(a.value.slice(0, colon).toLowerCase());
    }
  }
  return services.size > 1;
}

function isEveryone(p: NonNullable<PolicyDocument['statements'][number]['principal']>): boolean {
  if (p.bare) return p.bare.value === '*';
  return p.types.length === 1 && p.types[0].type === 'AWS' && p.types[0].list.values.length === 1 && p.types[0].list.values[0].value === '*';
}

export function policyTypeFromContent(doc: PolicyDocument): PolicyType | undefined {
  return contentDecision(doc)?.type;
}

export function decidePolicyType(uri: string, doc: PolicyDocument, settings: ServiceSettings, chosen?: PolicyType): PolicyTypeDecision {
  if (chosen) return { type: chosen, source: 'command' };
  let path = uri;
  try { path = decodeURIComponent(new URL(uri).pathname); } catch { /* not a URL: a plain path */ }
  for (const [glob, type] of Object.entries(settings.policyTypes)) {
    if (POLICY_TYPES.includes(type) && globMatches(glob, path)) return { type, source: 'setting', detail: glob };
  }
  const byName = fileNameConvention(path);
  if (byName) return { type: byName.type, source: 'file name', detail: byName.suffix };
  const byContent = contentDecision(doc);
  if (byContent) return { type: byContent.type, source: 'content', detail: String(byContent.statement) };
  return { type: 'identity', source: 'default' };
}

/** Why the document has its type, in plain text (the status bar tooltip). */
export function policyTypeReason(d: PolicyTypeDecision): string {
  switch (d.source) {
    case 'command': return l10n.t('chosen with "IAM Policy: Change Policy Type"');
    case 'setting': return l10n.t('the iamPolicy.policyTypes setting maps "{0}" to it', d.detail ?? '');
    case 'file name': return l10n.t('the file name ends in "{0}"', d.detail ?? '');
    case 'content': return d.type === 'trust' ? l10n.t('statement {0} has a Principal and an sts:AssumeRole action', d.detail ?? '')
      : d.type === 'rcp' ? l10n.t('statement {0} has a Principal, and every statement denies "*" actions of several services (a resource control policy)', d.detail ?? '')
      : l10n.t('statement {0} has a Principal', d.detail ?? '');
    default: return l10n.t('no chosen type, setting, file-name convention or Principal says otherwise, and identity is the default');
  }
}

/** What to do when the content made the document resource-based but it is meant for a user, group or role. */
export function policyTypeAdvice(d: PolicyTypeDecision): string | undefined {
  if (d.source !== 'content' && d.source !== 'default') return undefined;
  if (d.type === 'identity') return l10n.t('If it is meant for a resource (a bucket, key, queue...) or a role\'s trust, add a Principal or choose the type with "IAM Policy: Change Policy Type".');
  return l10n.t('If it is meant for a user, group or role, it is an identity-based policy, which has no Principal (it applies to whoever it is attached to): remove the Principal, or choose the type with "IAM Policy: Change Policy Type".');
}
