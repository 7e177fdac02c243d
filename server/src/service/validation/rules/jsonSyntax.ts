import { printParseErrorCode } from 'jsonc-parser';
import type { Rule } from '../rule';

const MESSAGES: Record<string, string> = {
  InvalidCommentToken: 'Comments are not allowed in IAM policies: remove the comment.',
  CommaExpected: 'A comma is expected here.',
  ColonExpected: 'A colon is expected after the key.',
  PropertyNameExpected: 'A property name in double quotes is expected (a trailing comma is not allowed in IAM policies).',
  ValueExpected: 'A value is expected (a trailing comma is not allowed in IAM policies).',
  CloseBraceExpected: 'A closing brace } is expected.',
  CloseBracketExpected: 'A closing bracket ] is expected.',
  EndOfFileExpected: 'Nothing may follow the policy object: remove the extra text.',
  UnexpectedEndOfComment: 'The comment is not closed; IAM policies do not allow comments.',
  UnexpectedEndOfString: 'The string is not closed: add the closing double quote.',
  InvalidEscapeCharacter: 'Invalid escape sequence in the string.',
  InvalidUnicode: 'Invalid \\u escape in the string.',
  InvalidCharacter: 'Invalid character in JSON.',
  InvalidSymbol: 'Invalid symbol: strings need double quotes.',
  InvalidNumberFormat: 'Invalid number.',
};

/** JSON that IAM would reject: syntax errors, comments, trailing commas. */
export const jsonSyntax: Rule = {
  code: 'IAM001',
  slug: 'json-syntax',
  defaultSeverity: 'error',
  runsOnLargeDocuments: true,
  description: 'The policy must be valid JSON without comments or trailing commas.',
  check(ctx) {
    if (ctx.doc.tooDeepAt !== undefined) {
      ctx.report({ span: { offset: ctx.doc.tooDeepAt, length: 1 }, message: 'The JSON nests deeper than any IAM policy can (more than 256 levels); the document is not checked further. Remove the extra nesting.' });
      return;
    }
    for (const e of ctx.doc.syntaxErrors) {
      const name = printParseErrorCode(e.error);
      ctx.report({ span: { offset: e.offset, length: Math.max(e.length, 1) }, message: MESSAGES[name] ?? `JSON syntax error: ${name}.` });
    }
  },
};
