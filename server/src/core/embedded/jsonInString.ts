// A policy written as a JSON string inside a template (a CloudFormation string or `!Sub` block, a Terraform heredoc):
// the string's value is given as pieces that know where they came from (literal runs exact, interpolations
// resolved), parsed as JSON, and every node of the result mapped back through those pieces.
import type { HostEntry, HostNode, HostRange } from './hostTree';
import { readJsonHost } from './jsonHost';
import { PieceIndex } from './pieces';
import type { Piece } from './virtualPolicy';

/** The JSON object the pieces spell, as host nodes; undefined when it is not a JSON object. */
export function jsonFromPieces(pieces: Piece[]): HostNode | undefined {
  const index = new PieceIndex(pieces);
  if (!/^\s*\{/.test(index.text)) return undefined;
  const tree = readJsonHost(index.text);
  if (!tree.root || tree.errors.length) return undefined;
  const range = (r: HostRange): HostRange => [index.host(r[0]), index.host(r[1], true)];
  // a key holding an interpolation (`"${replace(var.oidc, ...)}:sub"`) keeps its pieces, so what is computed stays
  // a placeholder; a key without escapes spans its quotes plus its characters
  const key = (text: string, r: HostRange): Omit<HostEntry, 'value'> => {
    const ps = r[1] - r[0] === text.length + 2 ? index.slice(r[0] + 1, r[1] - 1) : [];
    return ps.some((p) => p.kind !== 'exact') ? { key: text, keyRange: range(r), keyPieces: ps } : { key: text, keyRange: range(r) };
  };
  const convert = (n: HostNode): HostNode => {
    if (n.kind === 'map') return { kind: 'map', range: range(n.range), entries: n.entries.map((e) => ({ ...key(e.key, e.keyRange), value: convert(e.value) })) };
    if (n.kind === 'seq') return { kind: 'seq', range: range(n.range), items: n.items.map(convert) };
    if (typeof n.value === 'string') {
      // a literal without escapes: its content's pieces; with escapes: the whole literal as one token
      const ps = n.contentOffset !== undefined ? index.slice(n.contentOffset, n.contentOffset + n.value.length) : [{ text: n.value, kind: 'token' as const, range: range(n.range) }];
      return { kind: 'scalar', range: range(n.range), value: n.value, pieces: ps };
    }
    const ps = index.slice(n.range[0], n.range[1]);
    return { kind: 'scalar', range: range(n.range), value: n.value, ...(ps.length === 1 && ps[0].kind === 'exact' ? { contentOffset: ps[0].offset } : {}) };
  };
  return convert(tree.root);
}
