import { getNodeValue } from 'jsonc-parser';
import type { Catalog } from '../../../core/catalog/catalog';
import type { Statement } from '../../../core/policy/model';
import { globMatch, hasWildcard } from '../../../core/wildcard';
import type { Fix } from '../fixes';
import type { Rule } from '../rule';
import * as l10n from '@vscode/l10n';

function indentOf(text: string, offset: number): string {
  const ls = text.lastIndexOf('\n', offset - 1) + 1;
  const pre = text.slice(ls, offset);
  return /^[ \t]*$/.test(pre) ? pre : '';
}

function stringify(obj: unknown, indent: string): string {
  return JSON.stringify(obj, null, 2).split('\n').join(`\n${indent}`);
}

/** Split: the `*`-only actions move to their own statement with "Resource": "*", keeping Effect, Principal and Condition. */
export function splitFix(text: string, s: Statement, starOnly: Set<string>, statementIsObject: boolean): Fix | undefined {
  if (!s.action || s.notAction) return undefined;
  const value = getNodeValue(s.node) as Record<string, unknown>;
  const keep = s.action.values.filter((v) => !starOnly.has(v.value)).map((v) => v.value);
  const moved = s.action.values.filter((v) => starOnly.has(v.value)).map((v) => v.value);
  const indent = indentOf(text, s.span.offset);
  const b: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'Sid') b.Sid = `${String(v)}StarOnly`;
    else if (k === 'Action') b.Action = moved.length === 1 ? moved[0] : moved;
    else if (k === 'Resource' || k === 'NotResource') b.Resource = '*';
    else b[k] = v;
  }
  let newText: string;
  if (!keep.length) newText = stringify(b, indent);
  else {
    const a = { ...value, Action: keep.length === 1 ? keep[0] : keep };
    newText = `${stringify(a, indent)},\n${indent}${stringify(b, indent)}`;
    if (statementIsObject) newText = `[${newText}]`;
  }
  return { title: keep.length ? l10n.t('Split the statement: move the actions that only support "*" to a statement with "Resource": "*"') : l10n.t('Change "Resource" to "*" (these actions support only "*")'), edits: [{ offset: s.span.offset, length: s.span.length, newText }] };
}

/**
 * A resource pattern that covers every resource of the action's service, whole or of one resource type, in any
 * Region and account it names: `arn:aws:s3:::*`, `arn:aws:logs:*:*:log-group:*` (`log-group:` opens the service's
 * log-group ARN format). AWS does not document which ARN a `*`-only action is matched against, but such patterns
 * work in practice and AWS's own managed policies use them, so they are not reported.
 */
export function isServiceWidePattern(catalog: Catalog, resource: string, service: string): boolean {
  const parts = resource.split(':');
  if (parts.length < 6 || parts[0] !== 'arn' || !globMatch(parts[2], service, true)) return false;
  const path = parts.slice(5).join(':');
  if (path === '*') return true;
  if (!path.endsWith('*')) return false;
  const head = path.slice(0, -1);
  return /[:/]$/.test(head) && !hasWildcard(head) && typeHeads(catalog, service).has(head);
}

const heads = new WeakMap<Catalog, Map<string, Set<string>>>();

/** The literal openings of a service's resource ARN paths that name a type: "log-group:", "function:", "key/". */
function typeHeads(catalog: Catalog, service: string): Set<string> {
  let byService = heads.get(catalog);
  if (!byService) { byService = new Map(); heads.set(catalog, byService); }
  let set = byService.get(service.toLowerCase());
  if (!set) {
    set = new Set();
    for (const rt of catalog.resourceTypesOfService(service)) {
      const path = rt.arnFormat.split(':').slice(5).join(':');
      const m = /^([A-Za-z0-9_.-]+[:/])\$\{/.exec(path);
      if (m) set.add(m[1]);
    }
    byService.set(service.toLowerCase(), set);
  }
  return set;
}

/** Actions that support only "Resource": "*" in a statement that names only specific ARNs: they never match. */
export const starOnlyAction: Rule = {
  code: 'IAM403',
  slug: 'star-only-action',
  defaultSeverity: 'warning',
  description: 'Some actions (e.g. s3:ListAllMyBuckets, ec2:DescribeInstances) support only "Resource": "*"; in a statement that lists only specific ARNs they never match. A pattern that covers the whole service, or every resource of one type (arn:aws:s3:::*, arn:aws:logs:*:*:log-group:*), is not reported.',
  check(ctx) {
    const { catalog } = ctx;
    for (const s of ctx.doc.statements) {
      if (!s.action || !s.resource?.values.length) continue;
      if (s.resource.values.some((r) => globMatch(r.value, '*', false))) continue;
      const bad = s.action.values.filter((v) => !hasWildcard(v.value) && catalog.actionSupportsOnlyStar(v.value)
        && !s.resource!.values.some((r) => isServiceWidePattern(catalog, r.value, v.value.slice(0, v.value.indexOf(':')))));
      if (!bad.length) continue;
      const names = [...new Set(bad.map((v) => v.value))];
      const fix = splitFix(ctx.doc.text, s, new Set(names), ctx.doc.statementIsObject);
      ctx.report({
        span: bad[0].span,
        message: names.length === 1
          ? l10n.t('"{0}" supports only "Resource": "*", but this statement names specific resources, so it never matches. Move it to a statement with "Resource": "*".', names[0])
          : l10n.t('{0} support only "Resource": "*", but this statement names specific resources, so they never match. Move them to a statement with "Resource": "*".', names.map((n) => `"${n}"`).join(', ')),
        related: bad.slice(1).map((v) => ({ span: v.span, message: l10n.t('"{0}" supports only "*"', v.value) })),
        data: fix ? { fixes: [fix] } : undefined,
      });
    }
  },
};
