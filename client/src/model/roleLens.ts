// CodeLenses that ask the workspace model about roles (issue 12): "Who can assume this role?" above each role of a
// model file and at the top of a `NAME.trust.json` (the role of the model named NAME), and "Which services can
// receive these roles?" above each Allow statement that grants iam:PassRole.
import { findNodeAtLocation, parseTree, getNodeValue, type Node } from 'jsonc-parser';
import * as vscode from 'vscode';
import type { WorkspaceModel } from './workspaceModel';
import { arnPatternMatches } from './arnPattern';
import { passedToServiceOf } from './roleReports';

export const WHO_CAN_ASSUME = 'iamPolicy.whoCanAssumeRole';
export const PASS_ROLE_SERVICES = 'iamPolicy.passRoleServices';

const isModelFile = (u: vscode.Uri) => /\.(iam-model|authz)\.json$/i.test(u.path);
const trustRoleName = (u: vscode.Uri) => /([^/]+)\.trust\.json$/i.exec(u.path)?.[1];
const strings = (v: unknown): string[] => (Array.isArray(v) ? v : [v]).filter((s): s is string => typeof s === 'string');

/** Allow statements (objects with Effect and Action) anywhere in the document whose Action names iam:PassRole, itself
 * or by an `iam:` wildcard (a bare "*", as in FullAWSAccess, grants everything and is not about passing roles) */
function passRoleStatements(root: Node): Node[] {
  const found: Node[] = [];
  const walk = (n: Node) => {
    if (n.type === 'object') {
      const effect = findNodeAtLocation(n, ['Effect']);
      const action = findNodeAtLocation(n, ['Action']);
      if (effect?.value === 'Allow' && action && strings(getNodeValue(action)).some((a) => /^iam:/i.test(a) && arnPatternMatches(a.toLowerCase(), 'iam:passrole'))) found.push(n);
    }
    for (const c of n.children ?? []) walk(c);
  };
  walk(root);
  return found;
}

export class RoleLensProvider implements vscode.CodeLensProvider {
  constructor(private readonly model: WorkspaceModel) {}

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const lenses: vscode.CodeLens[] = [];
    const at = (offset: number) => new vscode.Range(document.positionAt(offset), document.positionAt(offset));
    const roleName = trustRoleName(document.uri);
    if (isModelFile(document.uri) || roleName) {
      const { listing } = await this.model.get();
      const roles = listing.accounts.flatMap((a) => a.roles);
      if (roleName) {
        const role = roles.find((r) => r.name === roleName);
        lenses.push(new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), {
          title: `$(account) ${vscode.l10n.t('Who can assume this role?')}`,
          tooltip: role ? role.arn : vscode.l10n.t('No role named {0} in the workspace model: pick one', roleName),
          command: WHO_CAN_ASSUME, arguments: [role?.arn],
        }));
      } else {
        for (const r of roles) {
          if (r.uri !== document.uri.toString() || !r.range) continue;
          const start = new vscode.Position(r.range.start.line, r.range.start.character);
          lenses.push(new vscode.CodeLens(new vscode.Range(start, start), { title: `$(account) ${vscode.l10n.t('Who can assume this role?')}`, tooltip: r.arn, command: WHO_CAN_ASSUME, arguments: [r.arn] }));
        }
      }
    }
    const root = parseTree(document.getText());
    if (root) {
      for (const s of passRoleStatements(root)) {
        const resource = findNodeAtLocation(s, ['Resource']);
        const condition = findNodeAtLocation(s, ['Condition']);
        const resources = resource ? strings(getNodeValue(resource)) : [];
        lenses.push(new vscode.CodeLens(at(s.offset), {
          title: `$(server-process) ${vscode.l10n.t('Which services can receive these roles?')}`,
          tooltip: resources.join('\n'),
          command: PASS_ROLE_SERVICES, arguments: [resources, condition ? passedToServiceOf(getNodeValue(condition)) : []],
        }));
      }
    }
    return lenses;
  }
}
