// Document symbols (statements by Sid and effect), folding ranges and formatting.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentSymbol, FoldingRange, FormattingOptions, Range, TextEdit } from 'vscode-languageserver-types';

export function documentSymbols(_doc: TextDocument): DocumentSymbol[] {
  return [];
}

export function foldingRanges(_doc: TextDocument): FoldingRange[] {
  return [];
}

export function format(_doc: TextDocument, _range: Range | undefined, _options: FormattingOptions): TextEdit[] {
  return [];
}
