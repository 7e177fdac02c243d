// Hover: plain-language explanations of what is under the cursor.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { Catalog } from '../../core/catalog/catalog';
import { statementActions, type Value } from '../../core/policy/model';
import { parsed } from '../documents';

function valueAt(values: Value[], offset: number): Value | undefined {
  return values.find((v) => offset >= v.span.offset && offset <= v.span.offset + v.span.length);
}

export function hover(doc: TextDocument, position: Position, catalog: Catalog): Hover | null {
  const policy = parsed(doc);
  const offset = doc.offsetAt(position);
  for (const s of policy.statements) {
    const v = valueAt(statementActions(s), offset);
    if (!v) continue;
    const info = catalog.action(v.value);
    if (!info) return null;
    const lines = [
      `**${info.fullName}** (${info.accessLevels.join(', ')})`,
      '',
      catalog.actionDescription(info.fullName) ?? '',
      '',
      `[Service Authorization Reference](${info.docUrl})`,
      '',
      `_${catalog.version.label}_`,
    ];
    return {
      contents: { kind: MarkupKind.Markdown, value: lines.join('\n') },
      range: { start: doc.positionAt(v.span.offset), end: doc.positionAt(v.span.offset + v.span.length) },
    };
  }
  return null;
}
