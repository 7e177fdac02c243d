// The "Show effective permissions" report: EffectivePermissionsResult as Markdown, per service and access level,
// with resources and conditions. Pure (no vscode import) so unit tests run in Node.
import type { EffectiveAction, EffectivePermissionsResult } from '../../../server/src/protocol';

const LEVEL_ORDER = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'];
const levelRank = (l: string) => (LEVEL_ORDER.includes(l) ? LEVEL_ORDER.indexOf(l) : LEVEL_ORDER.length);
const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const t of items) m.set(key(t), [...(m.get(key(t)) ?? []), t]);
  return m;
}

function actionLine(a: EffectiveAction): string {
  // the server lists resources a Deny takes out of the allowed ones as "except ARN"
  const allowed = a.resources.filter((r) => !r.startsWith('except '));
  const except = a.resources.filter((r) => r.startsWith('except ')).map((r) => r.slice(7));
  const res = `${allowed.length ? allowed.map(code).join(', ') : 'no resource'}${except.length ? ` except ${except.map(code).join(', ')}` : ''}`;
  const cond = a.conditional ? ` — only when ${(a.conditions?.length ? a.conditions : ['conditions hold']).map(code).join(' and ')}` : '';
  return `- ${code(a.action)} on ${res}${cond}`;
}

export function effectivePermissionsMarkdown(principal: string, r: EffectivePermissionsResult): string {
  const out: string[] = [`# Effective permissions of ${r.principal || principal}`, ''];
  for (const e of r.errors) out.push(`> **Error:** ${e}`, '');
  if (r.principal) {
    const services = groupBy(r.actions, (a) => a.service);
    out.push(`${r.actions.length} action${r.actions.length === 1 ? '' : 's'} in ${services.size} service${services.size === 1 ? '' : 's'}, after permissions boundaries, SCPs and RCPs.`, '');
    if (r.assumedConditions.length) out.push('Assumed to hold (the answer depends on them):', '', ...r.assumedConditions.map((c) => `- ${c}`), '');
    for (const [service, actions] of [...services].sort(([a], [b]) => a.localeCompare(b))) {
      out.push(`## ${service}`, '');
      const levels = [...groupBy(actions, (a) => a.accessLevel)].sort(([a], [b]) => levelRank(a) - levelRank(b) || a.localeCompare(b));
      for (const [level, list] of levels) {
        out.push(`### ${level} (${list.length})`, '', ...list.sort((a, b) => a.action.localeCompare(b.action)).map(actionLine), '');
      }
    }
    if (!r.actions.length) out.push('No action is allowed.', '');
  }
  if (r.gathered.length) {
    out.push('## Policies taken into account', '', ...r.gathered.map((g) => `- ${g.policyType}${g.orgIdentifier ? ` (${g.orgIdentifier})` : ''}: ${g.origin.label}`), '');
  }
  for (const p of r.problems) out.push(`> **Model problem** in ${p.uri} at ${code(p.path)}: ${p.message}`, '');
  return out.join('\n');
}
