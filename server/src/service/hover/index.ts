// Hover: plain-language explanations of whatever is under the cursor: elements, actions and wildcard patterns,
// resource ARNs, principals, condition operators and keys, policy variables.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { Catalog } from '../../core/catalog/catalog';
import type { Statement } from '../../core/policy/model';
import { PRINCIPAL_TYPE_VALUES } from '../../core/principals';
import { hasWildcard } from '../../core/wildcard';
import { cursorAt, type Cursor } from '../cursor';
import { parsed, rangeOf } from '../documents';
import { variablesIn } from '../validation/variableScanning';
import { inlineCode } from './markdownText';
import { DEFAULT_SETTINGS } from '../settings';
import { decidePolicyType, type PolicyTypeDecision } from '../policyType';
import { iamEntityMarkdown } from './iamEntityTexts';
import { effectElementMarkdown, effectValueMarkdown, principalElementMarkdown } from './policyTypeTexts';
import {
  actionMarkdown, conditionKeyMarkdown, ELEMENT_TEXTS, footer, operatorMarkdown, patternMarkdown,
  principalMarkdown, resourceMarkdown, variableMarkdown, VERSION_VALUE_TEXTS,
} from './texts';

/** The concrete actions a statement names (wildcards expanded), capped to keep hover and completion fast. */
export function statementActionNames(catalog: Catalog, s: Statement | undefined, cap = 2000): string[] {
  const out = new Set<string>();
  for (const v of s?.action?.values ?? []) {
    if (out.size >= cap) break;
    if (hasWildcard(v.value)) for (const a of catalog.expandActions(v.value).slice(0, cap)) out.add(a);
    else {
      const info = catalog.action(v.value);
      if (info) out.add(info.fullName);
    }
  }
  return [...out];
}

function variableAt(c: Cursor): string | undefined {
  if (!c.literal) return undefined;
  const rel = c.offset - c.replace.offset;
  for (const v of variablesIn(c.content)) {
    if (v.closed && rel >= v.index && rel <= v.index + v.text.length) return v.inner;
  }
  return undefined;
}

function markdownFor(c: Cursor, catalog: Catalog, type: () => PolicyTypeDecision): string | undefined {
  const text = c.content;
  const area = c.area;
  const variable = variableAt(c);
  if (variable !== undefined) return variableMarkdown(catalog, variable);
  if (c.isKey) {
    switch (area.kind) {
      case 'statement':
        if (text === 'Effect') return effectElementMarkdown(type().type);
        if (text === 'Principal' || text === 'NotPrincipal') return principalElementMarkdown(ELEMENT_TEXTS[text], type());
        return ELEMENT_TEXTS[text];
      case 'root': case 'principalType': return ELEMENT_TEXTS[text];
      case 'condition': return operatorMarkdown(text);
      case 'conditionOperator': return conditionKeyMarkdown(catalog, text);
      default: return undefined;
    }
  }
  switch (area.kind) {
    case 'version': return VERSION_VALUE_TEXTS[text];
    case 'effect': return effectValueMarkdown(text, type().type);
    case 'action':
      return hasWildcard(text) ? patternMarkdown(catalog, text) : actionMarkdown(catalog, text) ?? unknownAction(catalog, text);
    case 'resource': return resourceMarkdown(catalog, text, statementActionNames(catalog, c.statement));
    case 'principal': return principalMarkdown(undefined, text);
    case 'principalType': return area.type ? principalMarkdown(area.type, text) : undefined;
    case 'conditionKey': {
      if (/^aws:principaltype$/i.test(area.key)) {
        const v = PRINCIPAL_TYPE_VALUES.find((p) => p.value === text);
        if (v) return `**${v.value}**: ${v.meaning}.`;
      }
      if (/^null$/i.test(area.operator)) return text === 'true' ? `\`true\`: the condition holds when ${inlineCode(area.key)} is **absent** from the request.` : text === 'false' ? `\`false\`: the condition holds when ${inlineCode(area.key)} is **present** in the request.` : undefined;
      const entity = iamEntityMarkdown(text);
      return entity && `**${inlineCode(text)}**\n\n${entity}`;
    }
    default: return undefined;
  }
}

function unknownAction(catalog: Catalog, text: string): string {
  const colon = text.indexOf(':');
  const svc = colon > 0 ? catalog.service(text.slice(0, colon)) : undefined;
  if (colon < 0) return `**${inlineCode(text)}** is not an action: actions are written \`service:ActionName\`, e.g. \`s3:GetObject\`.`;
  return svc
    ? `**${inlineCode(text)}**: ${svc.name} (\`${svc.prefix}\`) has no action with this name in the catalog (${svc.actionCount} actions known). It may be an API operation name rather than an IAM action.\n\n${footer(catalog)}`
    : `**${inlineCode(text)}**: no service with the prefix ${inlineCode(text.slice(0, colon))} in the catalog.\n\n${footer(catalog)}`;
}

/** `policyType` is the document's type and why (the server's decision); without it, the default settings decide. */
export function hover(doc: TextDocument, position: Position, catalog: Catalog, policyType?: PolicyTypeDecision): Hover | null {
  const policy = parsed(doc);
  const offset = doc.offsetAt(position);
  let c = cursorAt(policy, offset);
  // the mouse on an opening quote: explain the string that starts there
  if (!c.inString && policy.text[offset] === '"') c = cursorAt(policy, offset + 1);
  if (!c.inString || !c.literal) return null;
  const value = markdownFor(c, catalog, () => policyType ?? decidePolicyType(doc.uri, policy, DEFAULT_SETTINGS));
  if (!value) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value },
    range: rangeOf(doc, c.literal),
  };
}
