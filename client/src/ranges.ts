import * as vscode from 'vscode';

/** A vscode.Range from a range the server sent (plain LSP-shaped JSON). */
export const toRange = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
  new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
