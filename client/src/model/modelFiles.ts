// Finds the IAM model files of the workspace (shared/spec/iam-model.md §1): hand-written `*.iam-model.json` and
// AWS authorization-details exports named `*.authz.json`; an export with another name counts while it is open in an
// editor (recognised by a top-level UserDetailList or RoleDetailList). All of them together are the workspace model.
import * as vscode from 'vscode';

export const MODEL_GLOB = '**/{*.iam-model.json,*.authz.json}';
const EXCLUDE = '{**/node_modules/**,**/.git/**}';

/** an open document that is an authorization-details export although its name does not say so */
function isOpenExport(d: vscode.TextDocument): boolean {
  if (d.uri.scheme !== 'file' && d.uri.scheme !== 'untitled') return false;
  if (!/json/.test(d.languageId) && d.languageId !== 'iam-policy') return false;
  return /^\s*\{[\s\S]{0,200}"(UserDetailList|RoleDetailList|GroupDetailList)"\s*:/.test(d.getText(new vscode.Range(0, 0, 20, 0)));
}

/** URIs of the workspace's model files, sorted (the same order every time, so the model is the same). */
export async function findModelFiles(): Promise<vscode.Uri[]> {
  const found = await vscode.workspace.findFiles(MODEL_GLOB, EXCLUDE, 500);
  const open = vscode.workspace.textDocuments.filter(isOpenExport).map((d) => d.uri);
  const all = new Map([...found, ...open].map((u) => [u.toString(), u]));
  return [...all.values()].sort((a, b) => a.toString().localeCompare(b.toString()));
}

/** Fires when a model file is created, changed, deleted or edited (debounced by the caller's refresh). */
export function watchModelFiles(onChange: () => void): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher(MODEL_GLOB);
  const isModel = (u: vscode.Uri) => /\.(iam-model|authz)\.json$/i.test(u.path);
  return vscode.Disposable.from(watcher,
    watcher.onDidCreate(onChange), watcher.onDidChange(onChange), watcher.onDidDelete(onChange),
    vscode.workspace.onDidChangeTextDocument((e) => { if (e.contentChanges.length && (isModel(e.document.uri) || isOpenExport(e.document))) onChange(); }),
    vscode.workspace.onDidOpenTextDocument((d) => { if (isOpenExport(d)) onChange(); }));
}
