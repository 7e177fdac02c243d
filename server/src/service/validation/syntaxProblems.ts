// JSON syntax errors grouped into problems, one diagnostic each. The parser reports one error per token it cannot
// use, and a single mistake cascades: an unquoted placeholder such as ${BucketArn} or {{BucketArn}} gives five to
// seven errors, a `//` comment one error plus one per run of non-Latin characters in it. Each problem found is
// repaired in a copy of the text (the run quoted, the comment blanked) and the copy parsed again, so the errors
// that follow from it disappear and the next error is a new problem.
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { Span } from '../../core/policy/model';
import * as l10n from '@vscode/l10n';

export interface SyntaxProblem {
  span: Span;
  message: string;
  /** a `//` or block comment */
  comment?: boolean;
}

// Re-parsing costs one parse per problem: past these the remaining errors are reported as the parser gives them.
const MAX_REPAIRS = 30;
const MAX_REPAIR_CHARS = 200_000;

const MESSAGES: Record<string, string> = {
  get InvalidCommentToken() { return l10n.t('Comments are not allowed in IAM policies: remove the comment.'); },
  get CommaExpected() { return l10n.t('A comma is expected here.'); },
  get ColonExpected() { return l10n.t('A colon is expected after the key.'); },
  get PropertyNameExpected() { return l10n.t('A property name in double quotes is expected.'); },
  get ValueExpected() { return l10n.t('A value is expected.'); },
  get CloseBraceExpected() { return l10n.t('A closing brace } is expected.'); },
  get CloseBracketExpected() { return l10n.t('A closing bracket ] is expected.'); },
  get EndOfFileExpected() { return l10n.t('Nothing may follow the policy object: remove the extra text.'); },
  get UnexpectedEndOfComment() { return l10n.t('The comment is not closed; IAM policies do not allow comments.'); },
  get UnexpectedEndOfString() { return l10n.t('The string is not closed: add the closing double quote.'); },
  get InvalidEscapeCharacter() { return l10n.t('Invalid escape sequence in the string.'); },
  get InvalidUnicode() { return l10n.t('Invalid \\u escape in the string.'); },
  get InvalidCharacter() { return l10n.t('Invalid character in JSON.'); },
  get InvalidSymbol() { return l10n.t('Invalid symbol: strings need double quotes.'); },
  get InvalidNumberFormat() { return l10n.t('Invalid number.'); },
};

const PARSE_OPTIONS = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: true };

function errorsOf(text: string): ParseError[] {
  const errors: ParseError[] = [];
  parse(text, errors, PARSE_OPTIONS);
  return errors.sort((a, b) => a.offset - b.offset);
}

/** The last character before `offset` that is not white space, or '' at the start. */
function previousSignificant(text: string, offset: number): string {
  for (let i = offset - 1; i >= 0; i--) if (!/\s/.test(text[i])) return text[i];
  return '';
}

/** Whether `offset` is where an object expects a property name (the innermost open bracket is `{`, after `{` or `,`). */
function inKeyPosition(text: string, offset: number): boolean {
  const stack: string[] = [];
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '"') { for (i++; i < offset && text[i] !== '"' && text[i] !== '\n'; i++) if (text[i] === '\\') i++; }
    else if (c === '{' || c === '[') stack.push(c);
    else if (c === '}' || c === ']') stack.pop();
  }
  const prev = previousSignificant(text, offset);
  return stack[stack.length - 1] === '{' && (prev === '{' || prev === ',');
}

/** The unquoted token run an error sits in: `${BucketArn}`, `{{BucketArn}}`, `arn:aws:s3:::b/*`, `not json`. */
function tokenRun(text: string, error: ParseError): { start: number; end: number; key: boolean } | undefined {
  const name = printParseErrorCode(error.error);
  const at = text[error.offset];
  const symbol = name === 'InvalidSymbol' || name === 'InvalidCharacter' || name === 'InvalidNumberFormat';
  const opener = (name === 'PropertyNameExpected' || name === 'ValueExpected') && at !== undefined && !',}]"'.includes(at) && !/\s/.test(at);
  if (!symbol && !opener) return undefined;
  let start = error.offset;
  if (text[start] === '{' && text[start - 1] === '{') start--; // {{placeholder}}: the outer brace opened the value
  const key = inKeyPosition(text, start);
  let depth = 0, end = start;
  for (; end < text.length; end++) {
    const c = text[end];
    if (c === '\n' || c === '\r' || (depth === 0 && (c === ',' || c === '"' || (key && c === ':')))) break;
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') { if (depth === 0) break; depth--; }
  }
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { start, end, key } : undefined;
}

function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ') + text.slice(end);
}

function messageOf(text: string, e: ParseError): string {
  const name = printParseErrorCode(e.error);
  const base = MESSAGES[name] ?? l10n.t('JSON syntax error: {0}.', name);
  if ((name === 'PropertyNameExpected' || name === 'ValueExpected') && previousSignificant(text, e.offset) === ',') {
    return `${base} ${l10n.t('A trailing comma is not allowed in IAM policies: remove it.')}`;
  }
  return base;
}

const shown = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

export function syntaxProblems(original: string, parserErrors: readonly ParseError[]): SyntaxProblem[] {
  if (!parserErrors.length) return [];
  const raw = (from: number) => parserErrors.filter((e) => e.offset >= from).map((e) => ({ span: { offset: e.offset, length: Math.max(e.length, 1) }, message: messageOf(original, e), comment: isComment(e) || undefined }));
  if (original.length > MAX_REPAIR_CHARS) return raw(0);
  const out: SyntaxProblem[] = [];
  let text = original;
  let pos = 0;
  let errors = [...parserErrors].sort((a, b) => a.offset - b.offset);
  for (let repairs = 0; ; ) {
    const e = errors.find((x) => x.offset >= pos);
    if (!e) return out;
    if (repairs >= MAX_REPAIRS) return out.concat(raw(pos));
    if (isComment(e)) {
      out.push({ span: { offset: e.offset, length: Math.max(e.length, 1) }, message: messageOf(text, e), comment: true });
      text = blank(text, e.offset, e.offset + e.length);
    } else {
      const run = tokenRun(text, e);
      const len = run ? run.end - run.start : 0;
      if (!run || (len < 2 && run.key)) {
        out.push({ span: { offset: e.offset, length: Math.max(e.length, 1) }, message: messageOf(text, e) });
        pos = e.offset + Math.max(e.length, 1);
        continue;
      }
      const token = original.slice(run.start, run.end);
      out.push({
        span: { offset: run.start, length: len },
        message: run.key
          ? l10n.t('{0} is not a property name: property names need double quotes ("{0}").', shown(token))
          : l10n.t('Not valid JSON: {0} (strings need double quotes; a template placeholder must be replaced by its value, or quoted).', shown(token)),
      });
      text = text.slice(0, run.start) + (len >= 2 ? `"${'x'.repeat(len - 2)}"` : '0') + text.slice(run.end);
      pos = run.end;
    }
    repairs++;
    errors = errorsOf(text);
  }
}

function isComment(e: ParseError): boolean {
  const name = printParseErrorCode(e.error);
  return name === 'InvalidCommentToken' || name === 'UnexpectedEndOfComment';
}
