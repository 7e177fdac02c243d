// Marks the statements that decided the panel's last evaluation in every visible editor, while the panel is open:
// Deny statements in the error colour, Allow statements in the passed-test colour, with an after-text saying so.
import * as vscode from 'vscode';
import type { SimulateResult } from '../../../server/src/protocol';
import { toRange } from '../ranges';

export class DeciderDecorations {
  private readonly allow = vscode.window.createTextEditorDecorationType({
    isWholeLine: true,
    backgroundColor: new vscode.ThemeColor('diffEditor.insertedLineBackground'),
    overviewRulerColor: new vscode.ThemeColor('testing.iconPassed'),
    overviewRulerLane: vscode.OverviewRulerLane.Left,
  });
  private readonly deny = vscode.window.createTextEditorDecorationType({
    isWholeLine: true,
    backgroundColor: new vscode.ThemeColor('diffEditor.removedLineBackground'),
    overviewRulerColor: new vscode.ThemeColor('testing.iconFailed'),
    overviewRulerLane: vscode.OverviewRulerLane.Left,
  });
  /** what is decorated now, by editor document URI (tests read it) */
  readonly applied = new Map<string, { allow: number; deny: number }>();

  apply(response: SimulateResult | undefined): void {
    this.applied.clear();
    const matched = response?.result?.matchedStatements ?? [];
    for (const editor of vscode.window.visibleTextEditors) {
      const uri = editor.document.uri.toString();
      const mine = matched.filter((m) => m.file === uri && m.range);
      const toOptions = (effect: 'Allow' | 'Deny'): vscode.DecorationOptions[] => mine.filter((m) => m.effect === effect).map((m) => ({
        range: toRange(m.range!),
        hoverMessage: effect === 'Deny' ? vscode.l10n.t('Simulate Request: this statement explicitly denies the request ({0}).', response!.result!.decision) : vscode.l10n.t('Simulate Request: this statement allows the request ({0}).', response!.result!.decision),
      }));
      const allow = toOptions('Allow');
      const deny = toOptions('Deny');
      editor.setDecorations(this.allow, allow);
      editor.setDecorations(this.deny, deny);
      if (allow.length || deny.length) this.applied.set(uri, { allow: allow.length, deny: deny.length });
    }
  }

  dispose(): void {
    this.applied.clear();
    this.allow.dispose();
    this.deny.dispose();
  }
}
