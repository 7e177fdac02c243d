// Read-only documents the IAM model features open: AWS managed policies (iam-aws-managed:/path/Name.json, text from
// the language server's bundled data) and the Markdown reports (iam-effective:/Name.md, kept in memory), shown in
// VS Code's built-in Markdown preview; its "Open Source" shows the Markdown text.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ManagedPolicyResult } from '../../../server/src/protocol';
import { MANAGED_POLICY_SCHEME, ManagedPolicyRequest } from '../requests';

export const REPORT_SCHEME = 'iam-effective';
const AWS_MANAGED_ARN = /^arn:aws[\w-]*:iam::aws:policy(\/.+)$/;

/** `arn:aws:iam::aws:policy/service-role/X` -> `iam-aws-managed:/service-role/X.json` */
export function managedPolicyUri(arn: string): vscode.Uri | undefined {
  const m = AWS_MANAGED_ARN.exec(arn);
  return m ? vscode.Uri.from({ scheme: MANAGED_POLICY_SCHEME, path: `${m[1]}.json` }) : undefined;
}

export function registerReadOnlyDocuments(client: LanguageClient, ready: Promise<void>): { disposable: vscode.Disposable; showReport(name: string, markdown: string): Promise<vscode.TextDocument> } {
  const reports = new Map<string, string>();
  const reportChanged = new vscode.EventEmitter<vscode.Uri>();
  const managed: vscode.TextDocumentContentProvider = {
    async provideTextDocumentContent(uri) {
      await ready;
      const arn = `arn:aws:iam::aws:policy${uri.path.replace(/\.json$/, '')}`;
      const r = await client.sendRequest<ManagedPolicyResult>(ManagedPolicyRequest, { arn });
      if (r.text !== undefined) return r.text;
      const hint = r.didYouMean?.length ? ` ${vscode.l10n.t('Did you mean {0}?', r.didYouMean.join(', '))}` : '';
      return `// ${vscode.l10n.t('{0} is not an AWS managed policy in the bundled data ({1} {2}, data of {3}).', arn, r.data.package, r.data.version, r.data.dataUpdatedAt)}${hint}\n`;
    },
  };
  const report: vscode.TextDocumentContentProvider = {
    onDidChange: reportChanged.event,
    provideTextDocumentContent: (uri) => reports.get(uri.toString()) ?? '',
  };
  const disposable = vscode.Disposable.from(reportChanged,
    vscode.workspace.registerTextDocumentContentProvider(MANAGED_POLICY_SCHEME, managed),
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, report));
  return {
    disposable,
    async showReport(name, markdown) {
      const uri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${name.replace(/[^A-Za-z0-9._+=,@-]+/g, '-')}.md` });
      reports.set(uri.toString(), markdown);
      reportChanged.fire(uri);
      const doc = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), 'markdown');
      try {
        await vscode.commands.executeCommand('markdown.showPreview', uri);
      } catch {
        // no built-in Markdown extension (disabled, or a host without it): the Markdown text is still readable
        await vscode.window.showTextDocument(doc, { preview: false });
      }
      return doc;
    },
  };
}
