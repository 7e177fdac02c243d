// YAML read into the host tree through the `yaml` package (exact offsets). CloudFormation's short-form tags
// (`!Sub`, `!Ref`, `!GetAtt` ...) are turned into the long form (`{"Fn::Sub": ...}`) here, so the rest of the
// pipeline handles one spelling; the tagged node's range is kept for both the map and its value.
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, Scalar, type Document, type Node as YamlNode } from 'yaml';
import type { HostEntry, HostNode, HostRange, HostTree } from './hostTree';
import type { Piece } from './virtualPolicy';
import { exceedsNestingLimit } from './nesting';
import * as l10n from '../localize';

/** Aliases are followed when reading, up to this many nodes in all, so an alias bomb cannot blow up the tree. */
const MAX_ALIAS_NODES = 100_000;

export function readYamlHost(text: string): HostTree {
  if (exceedsNestingLimit(text)) return { text, root: undefined, errors: [{ range: [0, 0], message: l10n.t('The template nests deeper than 256 levels; it is not read.') }] };
  // uniqueKeys: a duplicate key is an error CloudFormation would also reject; version 1.2 core schema so that
  // `2012-10-17` stays a string and `yes` is not a boolean
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, version: '1.2', strict: false });
  const errors = doc.errors.map((e) => ({ range: [e.pos[0], Math.max(e.pos[1], e.pos[0])] as HostRange, message: l10n.t('YAML syntax error: {0}', e.message.split('\n')[0]) }));
  const reader = new Reader(text, doc);
  const root = doc.contents ? reader.convert(doc.contents as YamlNode, 0) : undefined;
  if (reader.aliasOverflow) errors.push({ range: reader.aliasOverflow, message: l10n.t('YAML aliases here expand to more than {0} nodes; the rest are not expanded', MAX_ALIAS_NODES) });
  return { text, root, errors };
}

class Reader {
  /** nodes read through aliases so far */
  private viaAlias = 0;
  aliasOverflow: HostRange | undefined;

  constructor(private readonly text: string, private readonly doc: Document) {}

  convert(n: YamlNode, depth: number, inAlias = false): HostNode {
    if (inAlias) this.viaAlias++;
    if (isAlias(n)) {
      const target = this.viaAlias < MAX_ALIAS_NODES && depth < 512 ? n.resolve(this.doc) : undefined;
      if (!target) this.aliasOverflow ??= rangeOf(n);
      return target ? this.convert(target as YamlNode, depth + 1, true) : { kind: 'scalar', range: rangeOf(n), value: null };
    }
    const range = rangeOf(n);
    let node: HostNode;
    if (isMap(n)) {
      const entries: HostEntry[] = [];
      for (const p of n.items) {
        if (!isPair(p)) continue;
        const k = p.key as YamlNode | null;
        const key = isScalar(k) ? String(k.value) : k ? String(k) : '';
        const v = p.value as YamlNode | null;
        const keyRange = rangeOf(k);
        entries.push({ key, keyRange, value: v ? this.convert(v, depth + 1, inAlias) : { kind: 'scalar', range: [keyRange[1], keyRange[1]], value: null } });
      }
      node = { kind: 'map', range, entries };
    } else if (isSeq(n)) {
      node = { kind: 'seq', range, items: n.items.map((i) => (i ? this.convert(i as YamlNode, depth + 1, inAlias) : { kind: 'scalar', range, value: null })) };
    } else {
      node = scalar(n as Scalar, this.text, range);
    }
    const tag = (n as { tag?: string }).tag;
    return tag?.startsWith('!') && !tag.startsWith('!!') ? longForm(tag, node) : node;
  }
}

function rangeOf(n: YamlNode | null | undefined): HostRange {
  const r = n?.range;
  return r ? [r[0], r[1]] : [0, 0];
}

function scalar(s: Scalar, text: string, range: HostRange): HostNode {
  const src = text.slice(range[0], range[1]);
  let value = s.value as string | number | boolean | null;
  // a plain scalar keeps its source spelling as the value when it is not a string (numbers: `0123`, account ids)
  if (s.type === Scalar.PLAIN && typeof value === 'number') value = src.trim() === String(value) ? value : src.trim();
  let contentOffset: number | undefined;
  if (typeof value === 'string') {
    if (s.type === Scalar.PLAIN && src === value) contentOffset = range[0];
    else if ((s.type === Scalar.QUOTE_DOUBLE || s.type === Scalar.QUOTE_SINGLE) && src.slice(1, -1) === value) contentOffset = range[0] + 1;
  } else if (value !== null && src === String(value)) contentOffset = range[0];
  const pieces = typeof value === 'string' && s.type === Scalar.BLOCK_LITERAL ? blockLiteralPieces(value, text, range) : undefined;
  return { kind: 'scalar', range, value, ...(contentOffset !== undefined ? { contentOffset } : {}), ...(pieces ? { pieces } : {}) };
}

/**
 * A literal block scalar (`|`) keeps its lines as written, less their indentation: each line of the value is an
 * exact run at its line of the source (so a JSON policy in a `!Sub |` block maps character for character).
 */
function blockLiteralPieces(value: string, text: string, range: HostRange): Piece[] | undefined {
  const pieces: Piece[] = [];
  let at = text.indexOf('\n', range[0]) + 1; // the value starts on the line after the `|` header
  if (at <= 0) return undefined;
  const lines = value.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (i === lines.length - 1 && line === '') break;
    const eol = text.indexOf('\n', at);
    const source = text.slice(at, eol < 0 ? text.length : eol);
    const start = line === '' ? at : at + source.indexOf(line);
    if (line !== '' && (source.indexOf(line) < 0 || source.slice(source.indexOf(line)) !== line)) return undefined;
    if (line) pieces.push({ text: line, kind: 'exact', offset: start });
    if (i < lines.length - 1) pieces.push({ text: '\n', kind: 'exact', offset: eol < 0 ? text.length : eol });
    at = eol < 0 ? text.length : eol + 1;
  }
  return pieces;
}

/** `!Sub x` → `{"Fn::Sub": x}`, `!Ref x` → `{"Ref": x}`, `!Condition x` → `{"Condition": x}`. */
function longForm(tag: string, value: HostNode): HostNode {
  const name = tag.slice(1);
  const key = name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
  return { kind: 'map', range: value.range, entries: [{ key, keyRange: [value.range[0], value.range[0]], value }] };
}
