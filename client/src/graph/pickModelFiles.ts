// "Choose model files…" of the graph panel (shown when the files it was drawn from are gone): the workspace's model
// files, all of them or one, or other files from the disk.
import * as vscode from 'vscode';
import type { WorkspaceModel } from '../model/workspaceModel';

type Choice = vscode.QuickPickItem & { files?: string[] | null; browse?: true };

/** The files chosen; null for all the workspace's model files (found again on each refresh); undefined when cancelled. */
export async function pickModelFiles(model: WorkspaceModel): Promise<string[] | null | undefined> {
  const { files } = await model.get();
  const items: Choice[] = [
    ...(files.length ? [{ label: vscode.l10n.t('All model files of the workspace'), description: files.map((u) => vscode.workspace.asRelativePath(u)).join(', '), files: null }] : []),
    ...files.map((u) => ({ label: vscode.workspace.asRelativePath(u), files: [u.toString()] })),
    { label: vscode.l10n.t('Browse…'), description: vscode.l10n.t('model files or AWS exports from the disk'), browse: true },
  ];
  const choice = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Draw who can become whom from which model files?'), matchOnDescription: true });
  if (!choice) return undefined;
  if (!choice.browse) return choice.files ?? null;
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: true, openLabel: vscode.l10n.t('Draw the Graph'), filters: { [vscode.l10n.t('IAM model files and AWS exports')]: ['json'] },
  });
  return picked?.length ? picked.map((u) => u.toString()) : undefined;
}
