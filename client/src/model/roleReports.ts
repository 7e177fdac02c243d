// The reports of the role CodeLenses: "Who can assume this role?" (iamPolicy/whoCan with sts:AssumeRole on the role)
// and "Which services can receive these roles?" (the roles an iam:PassRole statement names, the service principals
// their trust policies allow, and who in the model may pass each). Pure (no vscode import) so unit tests run in Node.
import type { ModelRoleItem, WhoCanResult } from '../../../server/src/protocol';

const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;
const isService = (p: string) => /\.amazonaws\.com(\.cn)?$/.test(p);

export function whoCanAssumeMarkdown(roleArn: string, r: WhoCanResult): string {
  const out = [`# Who can assume ${roleArn}?`, '',
    'Both must allow: the caller\'s identity policy (`sts:AssumeRole` on the role) and the role\'s trust policy; '
    + 'in the same account the trust policy alone suffices when it names the principal itself (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html).', ''];
  for (const e of r.errors) out.push(`> **Error:** ${e}`, '');
  if (!r.principals.length && !r.errors.length) out.push('No principal of the workspace model can assume this role.', '');
  for (const p of r.principals) out.push(`- ${code(p.principal)}${p.via.length ? ` via ${p.via.map(code).join(' → ')}` : ''}`);
  if (r.principals.length) out.push('');
  for (const p of r.problems) out.push(`> **Model problem** in ${p.uri} at ${code(p.path)}: ${p.message}`, '');
  return out.join('\n');
}

/** a role the statement names, and the principals of the model with a PassRole edge to it (`iam-policy paths`) */
export interface PassRoleTarget { role: ModelRoleItem; passers: string[] }

export function passRoleServicesMarkdown(resources: string[], passedToService: string[], targets: PassRoleTarget[]): string {
  const out = [`# Which services can receive these roles?`, '', `The \`iam:PassRole\` statement names ${resources.map(code).join(', ')}.`,
    'A service receives a role only when the role\'s trust policy allows that service principal to assume it '
    + '(https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html).', ''];
  if (passedToService.length) out.push(`The statement's \`iam:PassedToService\` condition narrows it to ${passedToService.map(code).join(', ')}.`, '');
  if (!targets.length) out.push('No role of the workspace model matches these resources.', '');
  for (const { role, passers } of targets) {
    out.push(`## ${role.name}`, '', code(role.arn), '');
    const services = role.trustedPrincipals.filter((t) => isService(t.principal));
    const allowed = services.filter((s) => !passedToService.length || passedToService.includes(s.principal));
    if (!services.length) out.push('Its trust policy allows no service: no service can receive it.');
    for (const s of services) {
      const narrowed = !allowed.includes(s);
      out.push(`- ${code(s.principal)}${s.conditional ? ' (the trust policy has conditions)' : ''}${narrowed ? ' — not for this statement: iam:PassedToService excludes it' : ''}`);
    }
    out.push('', 'Who in the model can pass it to a service that then runs as it (`iam-policy paths`):', '');
    out.push(...(passers.length ? passers.map((p) => `- ${code(p)}`) : ['- nobody']), '');
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
