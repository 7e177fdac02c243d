// @vscode/l10n's `t(message, ...args)` for the translator core's texts go through, giving the same strings: the
// bundle's text for the message (or the message), `{name}` replaced by `args[name]` when that is not null or
// undefined. @vscode/l10n runs a regular expression with a callback on every call; a CLI run over thousands of
// scenarios makes tens of thousands of calls with the same few messages, so each message is split at its
// placeholders once. test/unit/l10n/translate.test.ts compares the two on every message of the bundles.
import type { Translate } from '../core/localize';

/** A bundle as @vscode/l10n takes it: message → text, or { message, comment }. */
export type BundleContents = Record<string, string | { message: string; comment: string[] }>;

const PLACEHOLDER = /{([^}]+)}/g;

/** A message split at its placeholders: literal, name, literal, name, …, literal. */
function split(template: string): string[] {
  const parts: string[] = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    parts.push(template.slice(last, m.index), m[1]);
    last = m.index! + m[0].length;
  }
  parts.push(template.slice(last));
  return parts;
}

export function bundleTranslator(contents: BundleContents): Translate {
  const splits = new Map<string, string[]>();
  return (message, ...args) => {
    // as @vscode/l10n: a plain property lookup; a string, or an object's message when it carries a comment
    const entry = contents ? (contents as Record<string, unknown>)[message] as BundleContents[string] | undefined : undefined;
    const template = !entry ? message : typeof entry === 'string' ? entry : entry.comment ? entry.message : message;
    if (args.length === 0) return template;
    let parts = splits.get(template);
    if (!parts) {
      if (splits.size >= 4096) splits.clear();
      parts = split(template);
      splits.set(template, parts);
    }
    let out = parts[0];
    for (let i = 1; i < parts.length; i += 2) {
      const value = (args as unknown as Record<string, unknown>)[parts[i]];
      out += (value === undefined || value === null ? `{${parts[i]}}` : String(value)) + parts[i + 1];
    }
    return out;
  };
}
