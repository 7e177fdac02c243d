// Test support: run completion at a `|` caret, apply an item's edit, expand snippet syntax to plain text.
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { complete } from '../../../server/src/service/completion';
import type { PolicyType } from '../../../server/src/core/policy/policyType';
import { catalog, docWithCaret } from '../helpers';

let version = 0;

export function completeAt(text: string, policyType?: PolicyType) {
  // a fresh URI per call: the parse cache is keyed by URI and version
  const { doc, position } = docWithCaret(text, 'iam-policy', `file:///test/c${++version}.json`);
  const list = complete(doc, position, catalog, policyType);
  return { doc, list, items: list.items, labels: list.items.map((i) => i.label) };
}

/**
 * Expands snippet syntax the way an editor would with every placeholder left at its default: `${1:x}` -> x,
 * `${1|a,b|}` -> a, `$1`/`${1}` -> '', and `\$`, `\}`, `\\` -> the literal character.
 */
export function expandSnippet(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && i + 1 < s.length && '$}\\'.includes(s[i + 1])) { out += s[++i]; continue; }
    if (c === '$') {
      const m = /^\$(\d+)|^\$\{(\d+)\}/.exec(s.slice(i));
      if (m) { i += m[0].length - 1; continue; }
      const choice = /^\$\{\d+\|([^,|]*)[^|]*\|\}/.exec(s.slice(i));
      if (choice) { out += choice[1]; i += choice[0].length - 1; continue; }
      const ph = /^\$\{\d+:/.exec(s.slice(i));
      if (ph) {
        // a placeholder's default may nest other placeholders: find the matching brace
        let depth = 1, j = i + ph[0].length;
        for (; j < s.length && depth; j++) {
          if (s[j] === '\\') { j++; continue; }
          if (s[j] === '{' && s[j - 1] === '$') depth++;
          else if (s[j] === '}') depth--;
        }
        out += expandSnippet(s.slice(i + ph[0].length, j - 1));
        i = j - 1;
        continue;
      }
    }
    out += c;
  }
  return out;
}

/** The document text after applying an item's text edit, with snippet syntax expanded. */
export function applyItem(doc: TextDocument, item: CompletionItem): string {
  const edit = item.textEdit as TextEdit;
  const newText = item.insertTextFormat === 2 ? expandSnippet(edit.newText) : edit.newText;
  return TextDocument.applyEdits(doc, [{ range: edit.range, newText }]);
}

export function item(items: CompletionItem[], label: string): CompletionItem {
  const found = items.find((i) => i.label === label);
  if (!found) throw new Error(`no item ${label} among ${items.slice(0, 30).map((i) => i.label).join(', ')}`);
  return found;
}

export { catalog };
