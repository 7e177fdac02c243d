// The IAM view in the Explorer: the workspace model as accounts → users (with their groups), groups (with their
// members), roles (with who may assume them), customer managed and AWS managed policies, and resource policies.
// Users and roles carry "Simulate as…" and "Show effective permissions"; a policy opens where it is written.
import * as vscode from 'vscode';
import type { ModelAccountItem, ModelGroupItem, ModelPolicyItem, ModelProblem, ModelRoleItem, ModelUserItem } from '../../../server/src/protocol';
import { escalationTooltip, type EscalationsByPrincipal } from './escalations';
import type { WorkspaceModel } from './workspaceModel';

export const VIEW_ID = 'iamPolicy.iamView';

/** A place to open: a model file and range, or a bundled AWS managed policy by ARN. */
export interface ModelLocation { uri?: string; range?: { start: { line: number; character: number }; end: { line: number; character: number } }; arn?: string }

export type IamNode =
  | { kind: 'account'; account: ModelAccountItem }
  | { kind: 'folder'; folder: 'users' | 'groups' | 'roles' | 'policies' | 'resources'; account: ModelAccountItem }
  | { kind: 'user'; user: ModelUserItem; account: ModelAccountItem }
  | { kind: 'group'; group: ModelGroupItem; account: ModelAccountItem }
  | { kind: 'role'; role: ModelRoleItem; account: ModelAccountItem }
  | { kind: 'policy'; label: string; description?: string; location: ModelLocation; tooltip?: string }
  | { kind: 'info'; label: string; description?: string; icon: string; tooltip?: string }
  | { kind: 'problem'; problem: ModelProblem }
  | { kind: 'error'; message: string };

function folderLabel(folder: 'users' | 'groups' | 'roles' | 'policies' | 'resources'): string {
  switch (folder) {
    case 'users': return vscode.l10n.t('Users');
    case 'groups': return vscode.l10n.t('Groups');
    case 'roles': return vscode.l10n.t('Roles');
    case 'policies': return vscode.l10n.t('Managed policies');
    case 'resources': return vscode.l10n.t('Resource policies');
  }
}

/** the origin kind of a model policy (data: user-inline, aws-managed, …), shown as it is in English */
function originKindText(kind: ModelPolicyItem['origin']['kind']): string {
  switch (kind) {
    case 'user-inline': return vscode.l10n.t('user-inline');
    case 'group-inline': return vscode.l10n.t('group-inline');
    case 'role-inline': return vscode.l10n.t('role-inline');
    case 'customer-managed': return vscode.l10n.t('customer-managed');
    case 'aws-managed': return vscode.l10n.t('aws-managed');
    case 'trust': return vscode.l10n.t('trust');
    case 'resource': return vscode.l10n.t('resource');
    case 'scp': return vscode.l10n.t('scp');
    case 'rcp': return vscode.l10n.t('rcp');
  }
}

const policyNode = (p: ModelPolicyItem, prefix = ''): IamNode => ({
  kind: 'policy', label: `${prefix}${p.name}`, description: originKindText(p.origin.kind), tooltip: p.origin.label,
  location: { uri: p.origin.uri, range: p.origin.range, arn: p.origin.kind === 'aws-managed' ? p.origin.arn : undefined },
});

function children(n: IamNode): IamNode[] {
  switch (n.kind) {
    case 'account': {
      const a = n.account;
      const folders: IamNode[] = [];
      for (const f of ['users', 'groups', 'roles', 'policies', 'resources'] as const) {
        const count = f === 'policies' ? a.policies.length + a.awsManagedPolicies.length : a[f].length;
        if (count) folders.push({ kind: 'folder', folder: f, account: a });
      }
      return folders;
    }
    case 'folder': {
      const a = n.account;
      switch (n.folder) {
        case 'users': return a.users.map((user) => ({ kind: 'user', user, account: a }));
        case 'groups': return a.groups.map((group) => ({ kind: 'group', group, account: a }));
        case 'roles': return a.roles.map((role) => ({ kind: 'role', role, account: a }));
        case 'resources': return a.resources.map((r) => ({ kind: 'policy', label: r.arn, location: { uri: r.uri, range: r.range } }));
        case 'policies': return [
          ...a.policies.map((p): IamNode => ({ kind: 'policy', label: p.name, description: p.attachedTo.length ? vscode.l10n.t('attached to {0}', p.attachedTo.length) : vscode.l10n.t('not attached'), tooltip: [p.arn, ...p.attachedTo].join('\n'), location: { uri: p.uri, range: p.range } })),
          ...a.awsManagedPolicies.map((arn): IamNode => ({ kind: 'policy', label: arn.replace(/^arn:aws[\w-]*:iam::aws:policy\//, ''), description: vscode.l10n.t('AWS managed'), tooltip: arn, location: { arn } })),
        ];
      }
      return [];
    }
    case 'user': return [
      ...n.user.groups.map((g): IamNode => ({ kind: 'info', label: g, description: vscode.l10n.t('group'), icon: 'organization' })),
      ...n.user.policies.map((p) => policyNode(p)),
      ...(n.user.permissionsBoundary ? [policyNode(n.user.permissionsBoundary, vscode.l10n.t('boundary: '))] : []),
    ];
    case 'group': return [
      ...n.group.members.map((m): IamNode => ({ kind: 'info', label: m, description: vscode.l10n.t('member'), icon: 'person' })),
      ...n.group.policies.map((p) => policyNode(p)),
    ];
    case 'role': return [
      ...n.role.trustedPrincipals.map((t): IamNode => ({ kind: 'info', label: t.principal, description: t.conditional ? vscode.l10n.t('may assume (with conditions)') : vscode.l10n.t('may assume'), icon: 'arrow-right' })),
      ...n.role.policies.map((p) => policyNode(p)),
      ...(n.role.permissionsBoundary ? [policyNode(n.role.permissionsBoundary, vscode.l10n.t('boundary: '))] : []),
    ];
    default: return [];
  }
}

/** a principal with escalation findings: a warning icon, and the first path's steps in the tooltip */
function markEscalation(item: vscode.TreeItem, paths: import('../../../server/src/protocol').PathEdge[] | undefined): vscode.TreeItem {
  if (!paths?.length) return item;
  item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  item.tooltip = `${String(item.tooltip ?? '')}\n\n${escalationTooltip(paths, vscode.l10n)}`;
  return item;
}

const openCommand = (title: string, location: ModelLocation): vscode.Command => ({ title, command: 'iamPolicy.openModelLocation', arguments: [location] });

function treeItem(n: IamNode, escalations: EscalationsByPrincipal): vscode.TreeItem {
  const C = vscode.TreeItemCollapsibleState;
  switch (n.kind) {
    case 'account': {
      const item = new vscode.TreeItem(n.account.name ? `${n.account.name} (${n.account.id})` : n.account.id, C.Expanded);
      item.iconPath = new vscode.ThemeIcon('cloud');
      item.contextValue = 'iamAccount';
      item.tooltip = vscode.workspace.asRelativePath(vscode.Uri.parse(n.account.uri));
      return item;
    }
    case 'folder': {
      const item = new vscode.TreeItem(folderLabel(n.folder), n.folder === 'users' || n.folder === 'roles' ? C.Expanded : C.Collapsed);
      item.id = `${n.account.id}/${n.folder}`;
      return item;
    }
    case 'user': {
      const item = new vscode.TreeItem(n.user.name, C.Collapsed);
      item.id = n.user.arn;
      item.description = n.user.groups.length ? n.user.groups.join(', ') : undefined;
      item.tooltip = `${n.user.arn}${n.user.groups.length ? `\n${vscode.l10n.t('groups: {0}', n.user.groups.join(', '))}` : ''}`;
      item.iconPath = new vscode.ThemeIcon('person');
      item.contextValue = 'iamUser';
      return markEscalation(item, escalations.get(n.user.arn));
    }
    case 'group': {
      const item = new vscode.TreeItem(n.group.name, C.Collapsed);
      item.id = n.group.arn;
      item.description = n.group.members.length === 1 ? vscode.l10n.t('1 member') : vscode.l10n.t('{0} members', n.group.members.length);
      item.tooltip = n.group.arn;
      item.iconPath = new vscode.ThemeIcon('organization');
      item.contextValue = 'iamGroup';
      item.command = openCommand(vscode.l10n.t('Open'), { uri: n.group.uri, range: n.group.range });
      return item;
    }
    case 'role': {
      const item = new vscode.TreeItem(n.role.name, C.Collapsed);
      item.id = n.role.arn;
      const who = n.role.trustedPrincipals.map((t) => t.principal);
      item.description = who.length ? vscode.l10n.t('assumable by {0}', who.join(', ')) : undefined;
      item.tooltip = n.role.arn;
      item.iconPath = new vscode.ThemeIcon('shield');
      item.contextValue = 'iamRole';
      return markEscalation(item, escalations.get(n.role.arn));
    }
    case 'policy': {
      const item = new vscode.TreeItem(n.label, C.None);
      item.description = n.description;
      item.tooltip = n.tooltip;
      item.iconPath = new vscode.ThemeIcon('file-code');
      item.contextValue = 'iamPolicyDocument';
      if (n.location.uri || n.location.arn) item.command = openCommand(vscode.l10n.t('Open Policy'), n.location);
      return item;
    }
    case 'info': {
      const item = new vscode.TreeItem(n.label, C.None);
      item.description = n.description;
      item.tooltip = n.tooltip;
      item.iconPath = new vscode.ThemeIcon(n.icon);
      return item;
    }
    case 'problem': {
      const item = new vscode.TreeItem(`${n.problem.path}: ${n.problem.message}`, C.None);
      item.description = vscode.workspace.asRelativePath(vscode.Uri.parse(n.problem.uri));
      item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
      item.command = openCommand(vscode.l10n.t('Open'), { uri: n.problem.uri, range: n.problem.range });
      return item;
    }
    case 'error': {
      const item = new vscode.TreeItem(n.message, C.None);
      item.iconPath = new vscode.ThemeIcon('error');
      return item;
    }
  }
}

export class IamTreeProvider implements vscode.TreeDataProvider<IamNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<IamNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly sub: vscode.Disposable;

  constructor(private readonly model: WorkspaceModel) {
    this.sub = model.onDidChange(() => this.changed.fire(undefined));
  }

  getTreeItem(n: IamNode): vscode.TreeItem { return treeItem(n, this.model.escalations()); }

  async getChildren(n?: IamNode): Promise<IamNode[]> {
    if (n) return children(n);
    const { listing, error } = await this.model.get();
    return [
      ...(error ? [{ kind: 'error' as const, message: error }] : []),
      ...listing.accounts.map((account) => ({ kind: 'account' as const, account })),
      ...listing.problems.map((problem) => ({ kind: 'problem' as const, problem })),
    ];
  }

  dispose(): void { this.sub.dispose(); this.changed.dispose(); }
}
