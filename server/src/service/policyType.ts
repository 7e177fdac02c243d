// Which kind of policy a document is: a per-document choice (the "Change Policy Type" command), else the
// iamPolicy.policyTypes setting (glob -> type), else the file-name convention, else the content.
import { LruCache } from '../core/lru';
import { PatternBuilder, type Matcher } from '../core/wildcard';
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

export function policyTypeFromFileName(path: string): PolicyType | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  const m = /(?:^|\.)([a-z-]+)(?:\.policy|\.iam)?\.jsonc?$/.exec(name);
  return m ? FILE_NAME_CONVENTIONS[m[1]] : undefined;
}

export function policyTypeFromContent(doc: PolicyDocument): PolicyType | undefined {
  const withPrincipal = doc.statements.filter((s) => s.principal || s.notPrincipal);
  if (!withPrincipal.length) return undefined;
  const assumesRole = withPrincipal.some((s) => (s.action?.values ?? []).some((a) => /^sts:assumerole/i.test(a.value)));
  return assumesRole ? 'trust' : 'resource';
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
