// The small tree every infrastructure-code host (JSON, YAML) is read into: maps, sequences and scalars with offsets
// into the real text, CloudFormation short-form tags kept on the node. Extractors and partial evaluation work on
// this tree only, so they never see which format the template was written in.
import type { Piece } from './virtualPolicy';

/** [start, end) offsets into the host text. */
export type HostRange = [number, number];

interface NodeBase {
  range: HostRange;
  /** a YAML tag as written (`!Sub`, `!GetAtt`, ...); JSON has none */
  tag?: string;
}

export interface HostScalar extends NodeBase {
  kind: 'scalar';
  value: string | number | boolean | null;
  /**
   * Where the scalar's characters stand one for one in the host text, the offset of its first character; absent when
   * escapes, folding or block indentation make the source differ from the value (then only the whole token maps).
   */
  contentOffset?: number;
  /** a string the host already evaluated (a Terraform template with interpolations): its pieces, each mapped */
  pieces?: Piece[];
}

export interface HostEntry {
  key: string;
  keyRange: HostRange;
  /** a key the host evaluated (a Terraform interpolation in a condition key): its pieces, each mapped */
  keyPieces?: Piece[];
  value: HostNode;
}

export interface HostMap extends NodeBase {
  kind: 'map';
  entries: HostEntry[];
}

export interface HostSeq extends NodeBase {
  kind: 'seq';
  items: HostNode[];
}

export type HostNode = HostScalar | HostMap | HostSeq;

export interface HostSyntaxError {
  range: HostRange;
  message: string;
}

/** A host file read into the tree: `root` is whatever could be read, even when `errors` is not empty. */
export interface HostTree {
  text: string;
  root: HostNode | undefined;
  errors: HostSyntaxError[];
}

export function entry(node: HostNode | undefined, key: string): HostNode | undefined {
  if (node?.kind !== 'map') return undefined;
  for (const e of node.entries) if (e.key === key) return e.value;
  return undefined;
}

export function scalarString(node: HostNode | undefined): string | undefined {
  return node?.kind === 'scalar' && node.value !== null && !node.tag ? String(node.value) : undefined;
}
