// Quick fixes for diagnostics (did-you-mean, add Version, ...). Built out with the validation rules.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CodeActionContext, Range } from 'vscode-languageserver-types';
import type { Catalog } from '../../core/catalog/catalog';

export function codeActions(_doc: TextDocument, _range: Range, _context: CodeActionContext, _catalog: Catalog): CodeAction[] {
  return [];
}
