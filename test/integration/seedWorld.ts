// The IAM model suites' common ground: the extension activated with a copy of examples/model/seed-world.iam-model.json
// in the test workspace, and walking the IAM view (an item's label, the child of an item or of the root by label).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../client/src/extension';
import type { IamNode } from '../../client/src/model/iamView';
import { EXTENSION_ID } from './host';

/** activates the extension and copies the seed world into the workspace; the caller refreshes the model */
export async function withSeedWorld(): Promise<{ api: ExtensionApi; workspace: vscode.Uri; model: vscode.Uri }> {
  const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID)!;
  const api = await ext.activate();
  await api.ready;
  const workspace = vscode.workspace.workspaceFolders![0].uri;
  const model = vscode.Uri.joinPath(workspace, 'seed-world.iam-model.json');
  await vscode.workspace.fs.copy(vscode.Uri.file(path.join(ext.extensionPath, 'examples/model/seed-world.iam-model.json')), model, { overwrite: true });
  return { api, workspace, model };
}

export function iamTree(api: () => ExtensionApi) {
  const label = (n: IamNode) => {
    const l = api().iamModel.tree.getTreeItem(n).label;
    return typeof l === 'string' ? l : l?.label ?? '';
  };
  const child = async (parent: IamNode | undefined, text: string) => {
    const kids = await api().iamModel.tree.getChildren(parent);
    const found = kids.find((k) => label(k) === text);
    assert.ok(found, `no "${text}" under ${parent ? label(parent) : 'the root'}: ${kids.map(label).join(', ')}`);
    return found;
  };
  return { label, child };
}
