import type { Span } from '../../../core/policy/model';
import type { Fix } from '../fixes';
import type { Rule } from '../rule';
import { syntaxProblems } from '../syntaxProblems';
import * as l10n from '@vscode/l10n';

// Past this many comments only the first ones carry "Remove all comments" (each copy lists every comment's edit).
const MAX_REMOVE_ALL_COPIES = 100;

/** The edit that removes a comment: its whole line when nothing else is on it, else the comment and the blanks before it. */
function removal(text: string, span: Span): { offset: number; length: number; newText: string } {
  const end = span.offset + span.length;
  let lineStart = span.offset;
  while (lineStart > 0 && (text[lineStart - 1] === ' ' || text[lineStart - 1] === '\t')) lineStart--;
  let lineEnd = end;
  while (lineEnd < text.length && (text[lineEnd] === ' ' || text[lineEnd] === '\t')) lineEnd++;
  const aloneBefore = lineStart === 0 || text[lineStart - 1] === '\n';
  const aloneAfter = lineEnd === text.length || text[lineEnd] === '\n' || text[lineEnd] === '\r';
  if (aloneBefore && aloneAfter && lineEnd < text.length) {
    const next = text[lineEnd] === '\r' && text[lineEnd + 1] === '\n' ? lineEnd + 2 : lineEnd + 1;
    return { offset: lineStart, length: next - lineStart, newText: '' };
  }
  return { offset: lineStart, length: end - lineStart, newText: '' };
}

/** JSON that IAM would reject: syntax errors, comments, trailing commas; one diagnostic per problem. */
export const jsonSyntax: Rule = {
  code: 'IAM001',
  slug: 'json-syntax',
  defaultSeverity: 'error',
  runsOnLargeDocuments: true,
  description: 'The policy must be valid JSON without comments or trailing commas. Each mistake is reported once: an unquoted placeholder as one problem, each comment as one problem (with quick fixes to remove it or every comment).',
  check(ctx) {
    if (ctx.doc.tooDeepAt !== undefined) {
      ctx.report({ span: { offset: ctx.doc.tooDeepAt, length: 1 }, message: l10n.t('The JSON nests deeper than any IAM policy can (more than 256 levels); the document is not checked further. Remove the extra nesting.') });
      return;
    }
    const text = ctx.doc.text;
    const problems = syntaxProblems(text, ctx.doc.syntaxErrors);
    const comments = problems.filter((p) => p.comment);
    const removeAll: Fix | undefined = comments.length > 1
      ? { title: l10n.t('Remove all comments'), edits: comments.map((c) => removal(text, c.span)) }
      : undefined;
    let copies = 0;
    for (const p of problems) {
      if (!p.comment) { ctx.report({ span: p.span, message: p.message }); continue; }
      const fixes: Fix[] = [{ title: l10n.t('Remove this comment'), edits: [removal(text, p.span)], preferred: true }];
      if (removeAll && copies++ < MAX_REMOVE_ALL_COPIES) fixes.push(removeAll);
      ctx.report({ span: p.span, message: p.message, data: { fixes } });
    }
  },
};
