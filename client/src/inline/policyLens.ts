// "Simulate" above each statement of a policy (also of each policy inside a CloudFormation/SAM template or .tf file):
// opens the panel with the policy in its slot and the statement's first action and resource in the request form.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { PolicyStatementsResult } from '../../../server/src/protocol';
import { PolicyStatementsRequest } from '../requests';
import { isScenarioFile } from './scenarios';

export class PolicyLensProvider implements vscode.CodeLensProvider {
  constructor(private readonly client: LanguageClient, private readonly ready: Promise<void>, private readonly enabled: () => boolean) {}

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    if (!this.enabled() || isScenarioFile(document.uri)) return [];
    await this.ready;
    let r: PolicyStatementsResult;
    try { r = await this.client.sendRequest<PolicyStatementsResult>(PolicyStatementsRequest, { uri: document.uri.toString() }, token); } catch { return []; }
    return r.statements.map((s) => {
      const range = new vscode.Range(s.range.start.line, s.range.start.character, s.range.start.line, s.range.start.character);
      const what = s.action ? ` ${s.action}` : '';
      return new vscode.CodeLens(range, {
        title: `$(play) ${vscode.l10n.t('Simulate')}${what}`,
        tooltip: s.sid ? vscode.l10n.t('Open the Simulate Request panel with the first action and resource of statement "{0}"', s.sid) : vscode.l10n.t('Open the Simulate Request panel with the first action and resource of statement {0}', s.index + 1),
        command: 'iamPolicy.simulateStatement',
        // a statement of a policy inside a template names its policy by reference (a string: vscode.Uri would re-encode
        // the fragment) and brings the policy's type
        arguments: [document.uri, { index: s.index, action: s.action ?? '', resource: s.resource ?? '', ...(s.policyUri ? { policyUri: s.policyUri } : {}), ...(s.policyType ? { policyType: s.policyType } : {}) }],
      });
    });
  }
}
