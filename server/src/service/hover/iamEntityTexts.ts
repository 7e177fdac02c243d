// What IAM users, groups, roles and managed policies are, for hovers on their ARNs (in Principal, Resource and
// condition values) and for completion documentation of their ARN templates.
import * as l10n from '@vscode/l10n';

const IAM_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/';

export type IamEntityKind = 'user' | 'group' | 'role' | 'service-linked role' | 'aws managed policy' | 'customer managed policy';

/** The IAM entity an ARN names, or undefined for any other ARN. Wildcards are kept as written. */
export function iamEntityOf(arn: string): { kind: IamEntityKind; account: string; name: string } | undefined {
  const m = /^arn:aws[a-z-]*:iam::([^:]*):(user|group|role|policy)(\/.*)$/.exec(arn);
  if (!m) return undefined;
  const [, account, type, rest] = m;
  const name = rest.slice(rest.lastIndexOf('/') + 1);
  if (type === 'policy') return { kind: account === 'aws' ? 'aws managed policy' : 'customer managed policy', account, name };
  if (type === 'role' && rest.startsWith('/aws-service-role/')) return { kind: 'service-linked role', account, name };
  return { kind: type as 'user' | 'group' | 'role', account, name };
}

const customerManaged = () => l10n.t('A **customer managed policy** is a standalone policy that you create and maintain in your account; you can attach it to many users, groups and roles, and it keeps up to five versions.');
const managedLink = () => ' ' + l10n.t('[Managed and inline policies]({0})', `${IAM_DOC}access_policies_managed-vs-inline.html`);
const inline = () => l10n.t('An **inline** policy, by contrast, is embedded in one user, group or role: it has no ARN and is deleted with its identity.');

/** What an entity kind is, independent of a particular ARN (in the server's language, so computed on each call). */
export function iamEntityText(kind: IamEntityKind): string {
  switch (kind) {
    case 'user':
      return l10n.t('An **IAM user** is a person or application with **long-term credentials**: a console password and/or access keys. Its permissions are its own policies plus those of every group it belongs to.')
        + ' ' + l10n.t('[IAM users]({0})', `${IAM_DOC}id_users.html`);
    case 'group':
      return l10n.t('An **IAM group** is a collection of users: every member gets the group\'s policies. A group is not a principal: it cannot sign in or make requests, and cannot be named in a `Principal` (name the users, or use a role).')
        + ' ' + l10n.t('[IAM groups]({0})', `${IAM_DOC}id_groups.html`);
    case 'role':
      return l10n.t('An **IAM role** has **no long-term credentials**. Whoever its trust policy allows assumes it and gets **temporary credentials**: one hour by default, from 15 minutes up to the role\'s maximum session duration (1 to 12 hours). Nothing long-lived can leak, which is why roles are safer than access keys. Its permissions come from the policies attached to it, not from its trust policy.')
        + ' ' + l10n.t('[IAM roles]({0})', `${IAM_DOC}id_roles.html`);
    case 'service-linked role':
      return l10n.t('A **service-linked role** (path `/aws-service-role/`) is a role an AWS service creates and manages for itself: its trust policy and permissions are set by the service, and you cannot edit them.')
        + ' ' + l10n.t('[Service-linked roles]({0})', `${IAM_DOC}using-service-linked-roles.html`);
    case 'aws managed policy':
      return l10n.t('An **AWS managed policy** (account `aws`) is created and maintained by AWS and is the same in every account: you can attach it to users, groups and roles but not edit it, and AWS updates it as services change (new actions can appear in it).')
        + ' ' + inline() + managedLink();
    case 'customer managed policy':
      return `${customerManaged()} ${inline()}${managedLink()}`;
  }
}

/** The IAM resource types whose ARN templates completion documents with the texts above. */
export function iamResourceTypeText(type: string): string | undefined {
  if (type === 'user' || type === 'group' || type === 'role') return iamEntityText(type);
  if (type === 'policy') {
    return `${customerManaged()} ${l10n.t('**AWS managed policies** have the account `aws` instead (`arn:aws:iam::aws:policy/ReadOnlyAccess`): AWS maintains them and you cannot change them.')} ${inline()}${managedLink()}`;
  }
  return undefined;
}

/** The paragraph for an ARN naming an IAM user, group, role or managed policy. */
export function iamEntityMarkdown(arn: string): string | undefined {
  const e = iamEntityOf(arn);
  return e && iamEntityText(e.kind);
}
