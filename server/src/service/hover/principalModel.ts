// Hover on a user or role ARN (or an account) in any document when the workspace has model files (iam-model.md §4):
// what the model knows about it: its account and model file, a user's groups and policies, a role's trust (who may
// assume it) and policies, and whether escalation paths start there; or that the model does not know it.
import type { PathEdge } from '../../core/model/paths';
import { trustedPrincipals } from '../../core/model/trustedServices';
import type { IamModel, ModelAccount, ModelRole, ModelUser, PolicyAttachment } from '../../core/model/types';
import { globMatch, hasWildcard } from '../../core/wildcard';
import { inlineCode } from './markdownText';
import * as l10n from '@vscode/l10n';

const fileName = (uri: string) => uri.slice(uri.lastIndexOf('/') + 1);
const accountLabel = (a: ModelAccount) => (a.name ? `${a.id} (${a.name})` : a.id);
const attachmentName = (p: PolicyAttachment) => (p.kind === 'inline' ? l10n.t('{0} (inline)', p.doc.name) : p.policy.awsManaged ? p.policy.arn.replace(/^arn:aws:iam::aws:policy\//, 'aws/') : p.policy.name);
const list = (xs: string[]) => (xs.length ? xs.map((x) => inlineCode(x)).join(', ') : l10n.t('none'));

/** What an ARN under the cursor names in model terms; undefined when it names no IAM user, role or account. */
function parseTarget(text: string): { kind: 'user' | 'role'; account: string; name: string; arn: string } | { kind: 'account'; account: string } | undefined {
  const entity = /^arn:aws[a-z-]*:iam::(\d{12}|\*):(user|role)\/(?:.*\/)?([^/]+)$/.exec(text);
  if (entity) return { kind: entity[2] as 'user' | 'role', account: entity[1], name: entity[3], arn: text };
  const session = /^arn:aws[a-z-]*:sts::(\d{12}):assumed-role\/([^/]+)\/[^/]+$/.exec(text);
  if (session) return { kind: 'role', account: session[1], name: session[2], arn: text };
  const root = /^(?:arn:aws[a-z-]*:iam::(\d{12}):root|(\d{12}))$/.exec(text);
  if (root) return { kind: 'account', account: root[1] ?? root[2] };
  return undefined;
}

function escalationLine(arn: string, edges: PathEdge[] | undefined): string {
  if (!edges) return l10n.t('Escalation paths: not computed on hover for a model this large; the IAM view marks them, and `iam-policy paths` lists them.');
  const paths = edges.filter((e) => e.escalation && e.from === arn);
  if (!paths.length) return l10n.t('No escalation path starts here (`iam-policy paths`).');
  const first = paths[0];
  const steps = (first.steps?.length ? first.steps : [first]).map((s) => `${s.to.replace(/^arn:aws[\w-]*:iam::\d{12}:/, '')} (${s.via.join(' + ')})`).join(' → ');
  return l10n.t('**{0} escalation path(s) start here** (`iam-policy paths`); the first: {1}', paths.length, steps);
}

function userLines(u: ModelUser, edges: () => PathEdge[] | undefined): string[] {
  const groupPolicies = u.groups.flatMap((g) => g.policies.map((p) => `${attachmentName(p)} ← ${g.name}`));
  return [
    `- ${l10n.t('Groups: {0}', list(u.groups.map((g) => g.name)))}`,
    `- ${l10n.t('Policies: {0}', list([...u.policies.map(attachmentName), ...groupPolicies]))}`,
    ...(u.boundary ? [`- ${l10n.t('Permissions boundary: {0}', inlineCode(attachmentName(u.boundary)))}`] : []),
    '', escalationLine(u.arn, edges()),
  ];
}

function roleLines(r: ModelRole, edges: () => PathEdge[] | undefined): string[] {
  const trusted = trustedPrincipals(r.trustPolicy?.document).map((t) => (t.conditional ? l10n.t('{0} (with conditions)', inlineCode(t.principal)) : inlineCode(t.principal)));
  return [
    `- ${l10n.t('Trust policy (who may assume it): {0}', trusted.length ? trusted.join(', ') : l10n.t('no one'))}`,
    `- ${l10n.t('Policies: {0}', list(r.policies.map(attachmentName)))}`,
    ...(r.boundary ? [`- ${l10n.t('Permissions boundary: {0}', inlineCode(attachmentName(r.boundary)))}`] : []),
    '', escalationLine(r.arn, edges()),
  ];
}

/**
 * The paragraph about `text` (an ARN or an account ID) from the model, or undefined when the text names no IAM user,
 * role or account. `edges` is asked only for a principal the model holds (it may be slow on a large model); undefined
 * from it means the paths are not known.
 */
export function principalModelMarkdown(text: string, model: IamModel, files: string[], edges: () => PathEdge[] | undefined): string | undefined {
  const t = parseTarget(text);
  if (!t) return undefined;
  const head = l10n.t('**In the IAM model** ({0})', files.map(fileName).join(', '));
  if (t.kind === 'account') {
    const a = model.accounts.get(t.account);
    if (!a) return `${head}: ${l10n.t('account {0} is not in the model; the accounts are {1}.', t.account, [...model.accounts.keys()].join(', ') || l10n.t('none'))}`;
    return `${head}: ${l10n.t('account {0} in {1}: {2} users, {3} groups, {4} roles.', accountLabel(a), a.files.map(fileName).join(', '), a.users.size, a.groups.size, a.roles.size)}`;
  }
  const kindText = t.kind === 'user' ? l10n.t('user') : l10n.t('role');
  if (hasWildcard(t.name) || t.account === '*') {
    const pool = [...model.accounts.values()].filter((a) => t.account === '*' || a.id === t.account).flatMap((a) => [...(t.kind === 'user' ? a.users : a.roles).values()]);
    const hits = pool.filter((e) => globMatch(`arn:aws:iam::${t.account}:${t.kind}/*${t.name}`, e.arn, true) || globMatch(t.arn, e.arn, true));
    return `${head}: ${hits.length ? l10n.t('this pattern matches {0} {1}(s) of the model: {2}', hits.length, kindText, list(hits.slice(0, 8).map((e) => e.arn)) + (hits.length > 8 ? ' …' : '')) : l10n.t('this pattern matches no {0} of the model.', kindText)}`;
  }
  const a = model.accounts.get(t.account);
  if (!a) return `${head}: ${l10n.t('account {0} is not in the model, so it knows nothing about this {1}; the accounts are {2}.', t.account, kindText, [...model.accounts.keys()].join(', ') || l10n.t('none'))}`;
  const e = (t.kind === 'user' ? a.users : a.roles).get(t.name.toLowerCase());
  if (!e) return `${head}: ${l10n.t('account {0} has no {1} named {2}: the model does not know it (a name that is not in the export, a typo, or a principal created later).', accountLabel(a), kindText, inlineCode(t.name))}`;
  const title = `${head}: ${l10n.t('{0} {1} of account {2}, written in {3}', kindText, `**${e.name}**`, accountLabel(a), fileName(e.at.file))}`;
  return [title, '', ...(e.kind === 'user' ? userLines(e, edges) : roleLines(e, edges))].join('\n');
}
