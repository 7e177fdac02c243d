// Quick fixes carried in a finding's `data`: text edits as offsets into the document the diagnostic was computed on.
import type { Span } from '../../core/policy/model';
import * as l10n from '@vscode/l10n';

/** One quick fix: text edits given as offsets into the document the diagnostic was computed on. */
export interface Fix {
  title: string;
  edits: { offset: number; length: number; newText: string }[];
  preferred?: boolean;
}

/** A fix that replaces a span (usually a quoted JSON string) with a new JSON string. */
export function replaceString(span: Span, value: string, title = l10n.t('Change to "{0}"', value), preferred = false): Fix {
  return { title, edits: [{ offset: span.offset, length: span.length, newText: JSON.stringify(value) }], preferred };
}

/** One fix per option, each replacing the span with it; the first option (the closest suggestion) is preferred. */
export function replacementFixes(span: Span, options: string[]): Fix[] {
  return options.map((o, i) => replaceString(span, o, undefined, i === 0));
}

export function fixesData(fixes: Fix[]): { fixes: Fix[] } | undefined {
  return fixes.length ? { fixes } : undefined;
}
