// Hover on an AWS managed policy ARN in any served JSON document (policies, model files, templates): what the policy
// grants, by service and access level, a few of its statements, and the data date of the bundled copy.
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import type { Catalog } from '../../core/catalog/catalog';
import { ACCESS_LEVELS } from '../../core/catalog/catalog';
import { effectivePermissions } from '../../core/model/access';
import { isAwsManagedArn, type ManagedPolicies } from '../../core/model/managedPolicies';
import type { Range } from '../../core/text';
import * as l10n from '@vscode/l10n';

/** The JSON string literal around an offset on its line (without quotes), if any. */
export function stringAt(text: string, offset: number): { value: string; start: number; end: number } | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  if (lineEnd - lineStart > 10000) return undefined;
  let open = -1;
  for (let i = lineStart; i < lineEnd; i++) {
    const c = text[i];
    if (c === '\\') { i++; continue; }
    if (c !== '"') continue;
    if (open < 0) open = i;
    else {
      if (offset >= open && offset <= i) return { value: text.slice(open + 1, i), start: open + 1, end: i };
      open = -1;
    }
  }
  return undefined;
}

const summaries = new Map<string, string>();

/** Markdown about a bundled AWS managed policy; undefined when the ARN is not one. */
export function managedPolicyMarkdown(arn: string, managed: ManagedPolicies, catalog: Catalog): string | undefined {
  const cached = summaries.get(arn);
  if (cached) return cached;
  const p = managed.get(arn);
  if (!p) return undefined;
  const { actions } = effectivePermissions([{ policyType: 'identity', source: { name: p.name, policy: p.document }, origin: { kind: 'aws-managed', label: p.arn } }], catalog);
  const services = new Map<string, Map<string, number>>();
  for (const a of actions) {
    if (!services.has(a.service)) services.set(a.service, new Map());
    const m = services.get(a.service)!;
    m.set(a.accessLevel, (m.get(a.accessLevel) ?? 0) + 1);
  }
  const levels = new Map<string, number>();
  for (const m of services.values()) for (const [l, n] of m) levels.set(l, (levels.get(l) ?? 0) + n);
  const lines = [l10n.t('**AWS managed policy** {0} ({1}, updated {2})', `\`${p.name}\``, p.versionId, p.updatedAt), ''];
  if (!actions.length) lines.push(l10n.t('Grants no action of the catalog on its own (it may only deny, or name actions the catalog does not know).'));
  else {
    const byLevel = ACCESS_LEVELS.filter((l) => levels.get(l)).map((l) => `${l} ${levels.get(l)}`).join(' · ');
    const count = actions.length.toLocaleString('en-US');
    lines.push(actions.length === 1 ? l10n.t('Allows **1** action in **1** service: {0}', byLevel)
      : services.size === 1 ? l10n.t('Allows **{0}** actions in **1** service: {1}', count, byLevel)
        : l10n.t('Allows **{0}** actions in **{1}** services: {2}', count, services.size, byLevel));
    const top = [...services].sort((a, b) => sum(b[1]) - sum(a[1]) || a[0].localeCompare(b[0])).slice(0, 8);
    lines.push('');
    for (const [svc, m] of top) lines.push(`- \`${svc}\`: ${ACCESS_LEVELS.filter((l) => m.get(l)).map((l) => `${l} ${m.get(l)}`).join(', ')}`);
    if (services.size > top.length) lines.push(`- ${l10n.t('… and {0} more services', services.size - top.length)}`);
  }
  const stmts = statementsOf(p.document).slice(0, 3);
  if (stmts.length) {
    lines.push('', l10n.t('Statements:'));
    for (const s of stmts) lines.push(`- ${s}`);
  }
  lines.push('', l10n.t('_{0}. Go to Definition opens the document._', managed.label));
  const md = lines.join('\n');
  if (summaries.size > 200) summaries.clear();
  summaries.set(arn, md);
  return md;
}

const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

function statementsOf(doc: unknown): string[] {
  const st = (doc as { Statement?: unknown })?.Statement;
  const list = Array.isArray(st) ? st : st ? [st] : [];
  const brief = (v: unknown) => {
    const xs = typeof v === 'string' ? [v] : Array.isArray(v) ? v.map(String) : [];
    return xs.length > 3 ? `${xs.slice(0, 3).map((x) => `\`${x}\``).join(', ')} … (${xs.length})` : xs.map((x) => `\`${x}\``).join(', ');
  };
  return list.map((s: Record<string, unknown>) => {
    const action = s.Action !== undefined ? brief(s.Action) : l10n.t('not {0}', brief(s.NotAction));
    const resource = s.Resource !== undefined ? brief(s.Resource) : l10n.t('not {0}', brief(s.NotResource));
    return `${s.Sid ? `\`${s.Sid}\` ` : ''}${l10n.t('{0} {1} on {2}', String(s.Effect), action, resource)}${s.Condition ? ` ${l10n.t('(with conditions)')}` : ''}`;
  });
}

/** Hover for the managed policy ARN under the cursor, or null. `rangeOf` turns offsets into the editor's range. */
export function managedPolicyHover(text: string, offset: number, managed: () => ManagedPolicies, catalog: Catalog, rangeOf: (start: number, end: number) => Range): Hover | null {
  const s = stringAt(text, offset);
  if (!s || !isAwsManagedArn(s.value)) return null;
  const md = managedPolicyMarkdown(s.value, managed(), catalog);
  if (!md) {
    const close = managed().didYouMean(s.value);
    return { contents: { kind: MarkupKind.Markdown, value: l10n.t('Not an AWS managed policy in the bundled data ({0}).', managed().label) + (close.length ? ` ${l10n.t('Did you mean {0}?', close.map((c) => `\`${c}\``).join(l10n.t(' or ')))}` : '') }, range: rangeOf(s.start, s.end) };
  }
  return { contents: { kind: MarkupKind.Markdown, value: md }, range: rangeOf(s.start, s.end) };
}
