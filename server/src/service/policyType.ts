// Which kind of policy a document is: a per-document choice (the "Change Policy Type" command), else the
// iamPolicy.policyTypes setting (glob -> type), else the file-name convention, else the content.
import { escapeRegExp } from '../core/arn';
import type { PolicyDocument } from '../core/policy/model';
import { POLICY_TYPES, type PolicyType } from '../core/policy/policyType';
import type { ServiceSettings } from './settings';

export type PolicyTypeSource = 'command' | 'setting' | 'file name' | 'content' | 'default';

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

/** Glob as VS Code's files.associations: `**` spans folders, `*` and `?` stay inside a name; a glob without `/` matches the file name. */
export function globMatches(glob: string, path: string): boolean {
  let src = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') { src += '.*'; i++; if (glob[i + 1] === '/') i++; }
    else if (c === '*') src += '[^/]*';
    else if (c === '?') src += '[^/]';
    else src += escapeRegExp(c);
  }
  const re = new RegExp(`^${src}$`);
  if (!glob.includes('/')) return re.test(path.slice(path.lastIndexOf('/') + 1));
  return re.test(path) || new RegExp(`(^|/)${src}$`).test(path);
}

export function policyTypeFromFileName(path: string): PolicyType | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  const m = /(?:^|\.)([a-z-]+)(?:\.policy|\.iam)?\.jsonc?$/.exec(name);
  return m ? FILE_NAME_CONVENTIONS[m[1]] : undefined;
}

/**
 * The type a document's content suggests. Statements with a principal make it a resource-based policy; a role trust
 * policy only when they name sts:AssumeRole* and none of them has Resource or NotResource (trust policies have
 * neither). Deny-only statements for `"Principal": "*"` over several services are a resource control policy (a
 * resource policy belongs to one service).
 */
export function policyTypeFromContent(doc: PolicyDocument): PolicyType | undefined {
  const withPrincipal = doc.statements.filter((s) => s.principal || s.notPrincipal);
  if (!withPrincipal.length) return undefined;
  if (withPrincipal.some((s) => s.resource || s.notResource)) return looksLikeRcp(doc) ? 'rcp' : 'resource';
  const assumesRole = withPrincipal.some((s) => (s.action?.values ?? []).some((a) => /^sts:assumerole/i.test(a.value)));
  return assumesRole ? 'trust' : 'resource';
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

export function decidePolicyType(uri: string, doc: PolicyDocument, settings: ServiceSettings, chosen?: PolicyType): { type: PolicyType; source: PolicyTypeSource } {
  if (chosen) return { type: chosen, source: 'command' };
  let path = uri;
  try { path = decodeURIComponent(new URL(uri).pathname); } catch { /* not a URL: a plain path */ }
  for (const [glob, type] of Object.entries(settings.policyTypes)) {
    if (POLICY_TYPES.includes(type) && globMatches(glob, path)) return { type, source: 'setting' };
  }
  const byName = policyTypeFromFileName(path);
  if (byName) return { type: byName, source: 'file name' };
  const byContent = policyTypeFromContent(doc);
  if (byContent) return { type: byContent, source: 'content' };
  return { type: 'identity', source: 'default' };
}
