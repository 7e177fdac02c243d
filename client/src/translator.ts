// The translator the pure report modules of the client take as an argument (they import no vscode, so unit tests run
// them in Node): the extension hands them `vscode.l10n`, tests hand them `english` or a bundle's texts. Name the
// parameter `l10n` and call `l10n.t('…')`, so scripts/l10n.mjs extracts the messages as it does for vscode.l10n.t.
export interface Translator {
  t(message: string, ...args: (string | number | boolean)[]): string;
}

/** `{0}`, `{1}`… replaced by the arguments, as vscode.l10n.t does when no bundle is loaded */
export const format = (message: string, args: (string | number | boolean)[]): string =>
  message.replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : m));

export const english: Translator = { t: (message, ...args) => format(message, args) };
