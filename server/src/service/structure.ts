// Document symbols (statements by Sid and effect), folding ranges and formatting.
import { createScanner, format as formatJson, type SyntaxKind } from 'jsonc-parser';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange, type FormattingOptions, type Range, type TextEdit,
} from 'vscode-languageserver-types';
import type { ConditionClause, Entry, Statement } from '../core/policy/model';
import { parsed, rangeOf } from './documents';

// jsonc-parser's SyntaxKind is a const enum, which isolated modules cannot read: its values, spelled out
const TOKEN = { OpenBrace: 1, CloseBrace: 2, OpenBracket: 3, CloseBracket: 4, BlockComment: 13, EOF: 17 } as const;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function symbol(doc: TextDocument, name: string, kind: SymbolKind, entry: Entry, detail?: string, children?: DocumentSymbol[]): DocumentSymbol {
  return { name: name || '""', kind, detail, range: rangeOf(doc, entry.span), selectionRange: rangeOf(doc, entry.keySpan), children };
}

function valuesDetail(node: Entry['valueNode'], word: string): string | undefined {
  if (!node) return undefined;
  if (node.type === 'string') return String(node.value);
  if (node.type === 'array') return node.children?.length === 1 && node.children[0].type === 'string' ? String(node.children[0].value) : plural(node.children?.length ?? 0, word);
  return undefined;
}

function conditionSymbols(doc: TextDocument, clauses: ConditionClause[]): DocumentSymbol[] {
  return clauses.map((cl) => symbol(doc, cl.operator, SymbolKind.Operator, cl.entry, plural(cl.keys.length, 'key'),
    cl.keys.map((k) => symbol(doc, k.key, SymbolKind.Key, k.entry, k.values.map((v) => v.value).join(', ') || undefined))));
}

function statementSymbol(doc: TextDocument, s: Statement): DocumentSymbol {
  const children: DocumentSymbol[] = [];
  for (const e of s.entries) {
    switch (e.key) {
      case 'Action': case 'NotAction': children.push(symbol(doc, e.key, SymbolKind.Array, e, valuesDetail(e.valueNode, 'action'))); break;
      case 'Resource': case 'NotResource': children.push(symbol(doc, e.key, SymbolKind.Array, e, valuesDetail(e.valueNode, 'resource'))); break;
      case 'Principal': case 'NotPrincipal': {
        const el = e.key === 'Principal' ? s.principal : s.notPrincipal;
        const types = el?.types.map((t) => symbol(doc, t.type, SymbolKind.Property, t.list.entry, valuesDetail(t.list.entry.valueNode, 'principal')));
        children.push(symbol(doc, e.key, SymbolKind.Object, e, el?.bare?.value, types));
        break;
      }
      case 'Condition': children.push(symbol(doc, e.key, SymbolKind.Object, e, plural(s.conditions.length, 'operator'), conditionSymbols(doc, s.conditions))); break;
      default: break;
    }
  }
  const name = s.sid?.value || `Statement ${s.index + 1}`;
  const effect = s.effect?.kind === 'string' ? s.effect.value : undefined;
  return { name, kind: SymbolKind.Object, detail: effect, range: rangeOf(doc, s.span), selectionRange: rangeOf(doc, s.sid?.span ?? { offset: s.span.offset, length: 1 }), children };
}

/** The outline: Version and Id, then the statements by Sid (or number) and effect, with their elements. */
export function documentSymbols(doc: TextDocument): DocumentSymbol[] {
  const policy = parsed(doc);
  const out: DocumentSymbol[] = [];
  for (const e of policy.entries) {
    if (e.key === 'Statement') {
      const statements = policy.statements.map((s) => statementSymbol(doc, s));
      if (policy.statementIsObject && statements.length) {
        statements[0].range = rangeOf(doc, e.span);
        statements[0].selectionRange = rangeOf(doc, e.keySpan);
        out.push(...statements);
      } else out.push(symbol(doc, 'Statement', SymbolKind.Array, e, plural(statements.length, 'statement'), statements));
    } else {
      out.push(symbol(doc, e.key, SymbolKind.Constant, e, e.valueNode?.type === 'string' ? String(e.valueNode.value) : undefined));
    }
  }
  return out;
}

/** Every object and array spanning several lines folds; the scanner keeps this working in broken documents. */
export function foldingRanges(doc: TextDocument): FoldingRange[] {
  if (parsed(doc).tooDeepAt !== undefined) return [];
  const text = doc.getText();
  const scanner = createScanner(text, false);
  const stack: { line: number; kind: number }[] = [];
  const out: FoldingRange[] = [];
  for (let t: SyntaxKind | number = scanner.scan(); t !== TOKEN.EOF; t = scanner.scan()) {
    if (t === TOKEN.OpenBrace || t === TOKEN.OpenBracket) {
      stack.push({ line: doc.positionAt(scanner.getTokenOffset()).line, kind: t });
    } else if (t === TOKEN.CloseBrace || t === TOKEN.CloseBracket) {
      const want = t === TOKEN.CloseBrace ? TOKEN.OpenBrace : TOKEN.OpenBracket;
      const i = stack.map((s) => s.kind).lastIndexOf(want);
      if (i < 0) continue;
      const open = stack[i];
      stack.length = i;
      const endLine = doc.positionAt(scanner.getTokenOffset()).line;
      // the closing line stays visible, as in VS Code's JSON folding
      if (endLine - 1 > open.line) out.push({ startLine: open.line, endLine: endLine - 1 });
    } else if (t === TOKEN.BlockComment) {
      const start = doc.positionAt(scanner.getTokenOffset()).line;
      const end = doc.positionAt(scanner.getTokenOffset() + scanner.getTokenLength()).line;
      if (end > start) out.push({ startLine: start, endLine: end, kind: FoldingRangeKind.Comment });
    }
  }
  return out.sort((a, b) => a.startLine - b.startLine);
}

/** Formats the document or a range with jsonc-parser, honouring the editor's tab size and spaces-or-tabs. */
export function format(doc: TextDocument, range: Range | undefined, options: FormattingOptions): TextEdit[] {
  // indenting absurd nesting produces output quadratic in the depth (seconds of work, megabytes of edits)
  if (parsed(doc).tooDeepAt !== undefined) return [];
  const text = doc.getText();
  const r = range ? { offset: doc.offsetAt(range.start), length: doc.offsetAt(range.end) - doc.offsetAt(range.start) } : undefined;
  const edits = formatJson(text, r, {
    tabSize: options.tabSize,
    insertSpaces: options.insertSpaces,
    eol: text.includes('\r\n') ? '\r\n' : '\n',
    insertFinalNewline: !range && options.insertFinalNewline === true,
    keepLines: false,
  });
  return edits.map((e) => ({ range: rangeOf(doc, e), newText: e.content }));
}
