// The panel's texts in VS Code's display language: the extension embeds a table English → translation
// (client/src/simulator/webviewTexts.ts, from the l10n bundle) as <script id="iam-l10n" type="application/json">.
// Without it, or for a text it lacks, the English text is shown.
let table: Record<string, unknown> | undefined;

export function tx(text: string): string {
  if (!table) {
    try { table = JSON.parse(document.getElementById('iam-l10n')?.textContent || '{}') as Record<string, unknown>; } catch { table = {}; }
  }
  const v = table[text];
  return typeof v === 'string' ? v : text;
}
