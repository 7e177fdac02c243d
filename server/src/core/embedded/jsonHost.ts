// JSON (and the JSON CDK writes to cdk.out) read into the host tree, through jsonc-parser for exact offsets.
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { HostNode, HostTree } from './hostTree';
import { exceedsNestingLimit } from './nesting';
import * as l10n from '../localize';

export function readJsonHost(text: string): HostTree {
  if (exceedsNestingLimit(text)) return { text, root: undefined, errors: [{ range: [0, 0], message: l10n.t('The template nests deeper than 256 levels; it is not read.') }] };
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  return {
    text,
    root: tree && convert(tree, text),
    errors: errors.map((e) => ({ range: [e.offset, e.offset + e.length], message: l10n.t('JSON syntax error: {0}', printParseErrorCode(e.error)) })),
  };
}

function convert(node: Node, text: string): HostNode {
  const range: [number, number] = [node.offset, node.offset + node.length];
  if (node.type === 'object') {
    const entries = [];
    for (const prop of node.children ?? []) {
      const [k, v] = prop.children ?? [];
      if (!k || !v) continue;
      entries.push({ key: String(k.value), keyRange: [k.offset, k.offset + k.length] as [number, number], value: convert(v, text) });
    }
    return { kind: 'map', range, entries };
  }
  if (node.type === 'array') return { kind: 'seq', range, items: (node.children ?? []).map((c) => convert(c, text)) };
  const value = node.type === 'null' ? null : (node.value as string | number | boolean);
  if (node.type === 'string') {
    // one for one only when the literal has no escapes: the source between the quotes is the value
    const inner = text.slice(node.offset + 1, node.offset + node.length - 1);
    return { kind: 'scalar', range, value, ...(inner === value ? { contentOffset: node.offset + 1 } : {}) };
  }
  return { kind: 'scalar', range, value, contentOffset: node.offset };
}
