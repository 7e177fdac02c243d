// The graph webview's texts in the display language: the webview (client/webview/graph, tx() of the simulator's
// l10n.ts) looks each English text up in this table, which the panel embeds in its HTML. Each text is a literal
// vscode.l10n.t call so that scripts/l10n.mjs extracts it, and checks that every tx('…') of the webview is here.
import * as vscode from 'vscode';

export function graphWebviewTexts(): Record<string, string> {
  return {
    'Who can become whom': vscode.l10n.t('Who can become whom'),
    'Zoom': vscode.l10n.t('Zoom'),
    'Fit': vscode.l10n.t('Fit'),
    'Refresh': vscode.l10n.t('Refresh'),
    'Problems': vscode.l10n.t('Problems'),
    'Graph': vscode.l10n.t('Graph'),
    'Details': vscode.l10n.t('Details'),
    'Principals': vscode.l10n.t('Principals'),
    'Escalation paths': vscode.l10n.t('Escalation paths'),
    'Escalation path': vscode.l10n.t('Escalation path'),
    'No principal can reach more permissions than it has.': vscode.l10n.t('No principal can reach more permissions than it has.'),
    'Legend': vscode.l10n.t('Legend'),
    'a step on an escalation path': vscode.l10n.t('a step on an escalation path'),
    'the path of the chosen finding': vscode.l10n.t('the path of the chosen finding'),
    'who can become whom, no escalation': vscode.l10n.t('who can become whom, no escalation'),
    'may escalate its permissions': vscode.l10n.t('may escalate its permissions'),
    '{0} users and roles with no edge are not drawn.': vscode.l10n.t('{0} users and roles with no edge are not drawn.'),
    'passed to {0}': vscode.l10n.t('passed to {0}'),
    'group {0}': vscode.l10n.t('group {0}'),
    'group': vscode.l10n.t('group'),
    'user': vscode.l10n.t('user'),
    'role': vscode.l10n.t('role'),
    'service': vscode.l10n.t('service'),
    'account': vscode.l10n.t('account'),
    '{0} statement {1} of {2} ({3})': vscode.l10n.t('{0} statement {1} of {2} ({3})'),
    'No statement was recorded for this step.': vscode.l10n.t('No statement was recorded for this step.'),
    'Takes for granted': vscode.l10n.t('Takes for granted'),
    'Open its definition': vscode.l10n.t('Open its definition'),
    'Escalation paths from here': vscode.l10n.t('Escalation paths from here'),
    'Highlight this path': vscode.l10n.t('Highlight this path'),
    'None.': vscode.l10n.t('None.'),
    'Can become or change': vscode.l10n.t('Can become or change'),
    'Reached from': vscode.l10n.t('Reached from'),
    'Choose a node or a finding to see its details.': vscode.l10n.t('Choose a node or a finding to see its details.'),
    'runs code as the role': vscode.l10n.t('runs code as the role'),
    'member of the group': vscode.l10n.t('member of the group'),
    'The model has {0} edges, too many to draw at once: the drawing shows {1} of them, around {2}. Choose a finding or a principal to move.': vscode.l10n.t('The model has {0} edges, too many to draw at once: the drawing shows {1} of them, around {2}. Choose a finding or a principal to move.'),
    '{0} more edges of {1} are not drawn.': vscode.l10n.t('{0} more edges of {1} are not drawn.'),
  };
}
