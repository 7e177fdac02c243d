// The one door core's texts pass through to be translated. node/ installs the translator (@vscode/l10n with the
// bundle of the chosen locale); without one, core answers in English. This keeps core free of the l10n package and
// the file reads it does, so it can run in a web worker later. Call it as `l10n.t(...)` (import * as l10n) so the
// bundle extractor (scripts/l10n.mjs) finds the messages.
export type Translate = (message: string, ...args: (string | number | boolean)[]) => string;

let translator: Translate | undefined;
let generation = 0;

export function setTranslator(translate: Translate | undefined): void {
  translator = translate;
  generation++;
}

/** Changes each time the translator does: a text kept across calls is valid while this stays the same. */
export function textGeneration(): number {
  return generation;
}

/** `message` in the installed language, `{0}`, `{1}`… replaced by the arguments (as @vscode/l10n's `t`). */
export function t(message: string, ...args: (string | number | boolean)[]): string {
  if (translator) return translator(message, ...args);
  return message.replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : m));
}
