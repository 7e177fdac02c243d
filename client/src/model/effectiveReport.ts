// The "Show effective permissions" report: EffectivePermissionsResult as Markdown, per service and access level,
// with resources and conditions. Pure (no vscode import) so unit tests run in Node; texts through the translator.
import type { EffectiveAction, EffectivePermissionsResult, ModelProblem } from '../../../server/src/protocol';
import type { Translator } from '../translator';

const LEVEL_ORDER = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'];
const levelRank = (l: string) => (LEVEL_ORDER.includes(l) ? LEVEL_ORDER.indexOf(l) : LEVEL_ORDER.length);
const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const t of items) m.set(key(t), [...(m.get(key(t)) ?? []), t]);
  return m;
}

/** "> **Model problem** in FILE at `$.path`: message", as the reports of the IAM view show a model's problems */
export const modelProblemQuote = (p: ModelProblem, l10n: Translator): string => `> ${l10n.t('**Model problem** in {0} at {1}: {2}', p.uri, code(p.path), p.message)}`;

/** the policy type of a gathered policy (data: identity, boundary, resource, scp, rcp) as the reports name it */
export function gatheredTypeName(type: EffectivePermissionsResult['gathered'][number]['policyType'], l10n: Translator): string {
  switch (type) {
    case 'identity': return l10n.t('identity');
    case 'boundary': return l10n.t('boundary');
    case 'resource': return l10n.t('resource');
    case 'scp': return l10n.t('scp');
    case 'rcp': return l10n.t('rcp');
  }
}

function actionLine(a: EffectiveAction, l10n: Translator): string {
  // the server lists resources a Deny takes out of the allowed ones as "except ARN"
  const allowed = a.resources.filter((r) => !r.startsWith('except '));
  const except = a.resources.filter((r) => r.startsWith('except ')).map((r) => r.slice(7));
  const on = allowed.length ? allowed.map(code).join(', ') : l10n.t('no resource');
  const res = except.length ? l10n.t('{0} except {1}', on, except.map(code).join(', ')) : on;
  const cond = a.conditional ? l10n.t(' — only when {0}', (a.conditions?.length ? a.conditions : [l10n.t('conditions hold')]).map(code).join(l10n.t(' and '))) : '';
  return `- ${l10n.t('{0} on {1}', code(a.action), res)}${cond}`;
}

function summary(actions: number, services: number, l10n: Translator): string {
  if (actions === 1) return l10n.t('1 action in 1 service, after permissions boundaries, SCPs and RCPs.');
  if (services === 1) return l10n.t('{0} actions in 1 service, after permissions boundaries, SCPs and RCPs.', actions);
  return l10n.t('{0} actions in {1} services, after permissions boundaries, SCPs and RCPs.', actions, services);
}

export function effectivePermissionsMarkdown(principal: string, r: EffectivePermissionsResult, l10n: Translator): string {
  const out: string[] = [`# ${l10n.t('Effective permissions of {0}', r.principal || principal)}`, ''];
  for (const e of r.errors) out.push(`> ${l10n.t('**Error:** {0}', e)}`, '');
  if (r.principal) {
    const services = groupBy(r.actions, (a) => a.service);
    out.push(summary(r.actions.length, services.size, l10n), '');
    if (r.assumedConditions.length) out.push(l10n.t('Assumed to hold (the answer depends on them):'), '', ...r.assumedConditions.map((c) => `- ${c}`), '');
    for (const [service, actions] of [...services].sort(([a], [b]) => a.localeCompare(b))) {
      out.push(`## ${service}`, '');
      const levels = [...groupBy(actions, (a) => a.accessLevel)].sort(([a], [b]) => levelRank(a) - levelRank(b) || a.localeCompare(b));
      for (const [level, list] of levels) {
        out.push(`### ${level} (${list.length})`, '', ...list.sort((a, b) => a.action.localeCompare(b.action)).map((a) => actionLine(a, l10n)), '');
      }
    }
    if (!r.actions.length) out.push(l10n.t('No action is allowed.'), '');
  }
  if (r.gathered.length) {
    out.push(`## ${l10n.t('Policies taken into account')}`, '', ...r.gathered.map((g) => `- ${gatheredTypeName(g.policyType, l10n)}${g.orgIdentifier ? ` (${g.orgIdentifier})` : ''}: ${g.origin.label}`), '');
  }
  for (const p of r.problems) out.push(modelProblemQuote(p, l10n), '');
  return out.join('\n');
}
