// The read-only reports (effective permissions, who can assume a role, …) open in VS Code's built-in Markdown preview.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { poll } from './host';

/** waits until the active tab is the Markdown preview of `report` (tab label "Preview NAME.md", localized) */
export async function assertShownAsPreview(report: vscode.TextDocument): Promise<vscode.Tab> {
  const name = path.posix.basename(report.uri.path);
  const isPreview = (t: vscode.Tab | undefined) => t?.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType) && t.label.includes(name);
  const tab = await poll(() => vscode.window.tabGroups.activeTabGroup.activeTab, isPreview);
  const input = tab?.input instanceof vscode.TabInputWebview ? tab.input.viewType : (tab?.input as object | undefined)?.constructor.name;
  assert.ok(isPreview(tab), `the active tab is not the Markdown preview of ${name}: ${tab?.label} (${String(input)})`);
  return tab!;
}
