// The reports of the role CodeLenses: "Who can assume this role?" (iamPolicy/whoCan with sts:AssumeRole on the role)
// and "Which services can receive these roles?" (the roles an iam:PassRole statement names, the service principals
// their trust policies allow, and who in the model may pass each). Pure (no vscode import) so unit tests run in Node;
// texts through the translator.
import type { ModelRoleItem, WhoCanResult } from '../../../server/src/protocol';
import type { Translator } from '../translator';
import { modelProblemQuote } from './effectiveReport';

const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;
const isService = (p: string) => /\.amazonaws\.com(\.cn)?$/.test(p);

export function whoCanAssumeMarkdown(roleArn: string, r: WhoCanResult, l10n: Translator): string {
  const out = [`# ${l10n.t('Who can assume {0}?', roleArn)}`, '',
    l10n.t('Both must allow: the caller\'s identity policy (`sts:AssumeRole` on the role) and the role\'s trust policy; in the same account the trust policy alone suffices when it names the principal itself (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html).'), ''];
  for (const e of r.errors) out.push(`> ${l10n.t('**Error:** {0}', e)}`, '');
  if (!r.principals.length && !r.errors.length) out.push(l10n.t('No principal of the workspace model can assume this role.'), '');
  for (const p of r.principals) out.push(`- ${p.via.length ? l10n.t('{0} via {1}', code(p.principal), p.via.map(code).join(' → ')) : code(p.principal)}`);
  if (r.principals.length) out.push('');
  for (const p of r.problems) out.push(modelProblemQuote(p, l10n), '');
  return out.join('\n');
}

/** a role the statement names, and the principals of the model with a PassRole edge to it (`iam-policy paths`) */
export interface PassRoleTarget { role: ModelRoleItem; passers: string[] }

export function passRoleServicesMarkdown(resources: string[], passedToService: string[], targets: PassRoleTarget[], l10n: Translator): string {
  const out = [`# ${l10n.t('Which services can receive these roles?')}`, '', l10n.t('The `iam:PassRole` statement names {0}.', resources.map(code).join(', ')),
    l10n.t('A service receives a role only when the role\'s trust policy allows that service principal to assume it (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html).'), ''];
  if (passedToService.length) out.push(l10n.t('The statement\'s `iam:PassedToService` condition narrows it to {0}.', passedToService.map(code).join(', ')), '');
  if (!targets.length) out.push(l10n.t('No role of the workspace model matches these resources.'), '');
  for (const { role, passers } of targets) {
    out.push(`## ${role.name}`, '', code(role.arn), '');
    const services = role.trustedPrincipals.filter((t) => isService(t.principal));
    const allowed = services.filter((s) => !passedToService.length || passedToService.includes(s.principal));
    if (!services.length) out.push(l10n.t('Its trust policy allows no service: no service can receive it.'));
    for (const s of services) {
      const narrowed = !allowed.includes(s);
      out.push(`- ${code(s.principal)}${s.conditional ? l10n.t(' (the trust policy has conditions)') : ''}${narrowed ? l10n.t(' — not for this statement: iam:PassedToService excludes it') : ''}`);
    }
    out.push('', l10n.t('Who in the model can pass it to a service that then runs as it (`iam-policy paths`):'), '');
    out.push(...(passers.length ? passers.map((p) => `- ${code(p)}`) : [`- ${l10n.t('nobody')}`]), '');
  }
  return out.join('\n');
}

/** the values of an `iam:PassedToService` condition of a statement (any string operator), empty when none */
export function passedToServiceOf(condition: unknown): string[] {
  if (!condition || typeof condition !== 'object') return [];
  const out: string[] = [];
  for (const block of Object.values(condition as Record<string, unknown>)) {
    if (!block || typeof block !== 'object') continue;
    for (const [key, v] of Object.entries(block as Record<string, unknown>)) {
      if (key.toLowerCase() !== 'iam:passedtoservice') continue;
      for (const s of Array.isArray(v) ? v : [v]) if (typeof s === 'string') out.push(s);
    }
  }
  return out;
}
