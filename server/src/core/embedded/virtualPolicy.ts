// An embedded policy rendered as JSON text (the "virtual document" every rule, hover and completion already
// understands) plus a position map from its pieces back to the host file. Values the template computes are
// partially evaluated by the host's `Resolver`; what cannot be known becomes a typed placeholder, never skipped and
// never a made-up wildcard.
import type { HostNode, HostRange } from './hostTree';

/**
 * How a run of virtual text relates to the host text:
 * - exact: character for character (scalar content as written);
 * - token: the whole host token stands for it (an escaped or block scalar, a key);
 * - structural: brackets and punctuation the renderer wrote for a map or list;
 * - assumed: a pseudo parameter given its configured default (`${AWS::Partition}` → `aws`);
 * - derived: a value of known shape built from the template (`!GetAtt Queue.Arn` → an SQS queue ARN);
 * - unknown: a placeholder for a value only known at deploy time; findings on it are not reported.
 */
export type SegmentKind = 'exact' | 'token' | 'structural' | 'assumed' | 'derived' | 'unknown';

export interface Segment {
  /** [start, end) in the virtual text */
  v: [number, number];
  /** [start, end) in the host text */
  h: HostRange;
  kind: SegmentKind;
  /** where the value came from, for hover: "`${AWS::Partition}` assumed `aws`" */
  note?: string;
}

/** A string value as pieces, each knowing where in the host it came from. */
export type Piece =
  | { text: string; kind: 'exact'; offset: number }
  | { text: string; kind: Exclude<SegmentKind, 'exact' | 'structural'>; range: HostRange; note?: string };

/** What a host's resolver makes of an intrinsic (a map such as `{"Fn::Sub": ...}` or `{"Ref": ...}`). */
export type Resolved =
  | { kind: 'string'; pieces: Piece[] }
  /** `Fn::If`: the branches that can be taken (`AWS::NoValue` ones dropped) */
  | { kind: 'choice'; branches: HostNode[] }
  /** `Ref: AWS::NoValue`: the property is left out */
  | { kind: 'none' };

export interface Resolver {
  /** undefined when the node is not an intrinsic (an ordinary map) */
  resolve(node: HostNode): Resolved | undefined;
}

export interface VirtualPolicy {
  text: string;
  segments: Segment[];
  /** true when some value is only known at deploy time (size checks are then approximate) */
  hasUnknowns: boolean;
  /** how many `Fn::If` choices outside lists the rendering met (each can be rendered with its other branch) */
  choices: number;
}

/**
 * Renders a policy; `branches[i]` picks the branch of the i-th `Fn::If` met outside a list (default the first), so
 * a caller can render each combination and check every branch.
 */
export function renderVirtualPolicy(root: HostNode, resolver: Resolver, branches: readonly number[] = []): VirtualPolicy {
  return new Renderer(resolver, branches).render(root);
}

class Renderer {
  private out = '';
  private segments: Segment[] = [];
  private hasUnknowns = false;
  private choices = 0;

  constructor(private resolver: Resolver, private branches: readonly number[]) {}

  render(root: HostNode): VirtualPolicy {
    this.value(root, 0);
    return { text: this.out, segments: this.segments, hasUnknowns: this.hasUnknowns, choices: this.choices };
  }

  private emit(text: string, h: HostRange, kind: SegmentKind, note?: string): void {
    const start = this.out.length;
    this.out += text;
    // an empty exact run is kept: it is where typing in an empty string ("" in JSON, '' in YAML) lands
    if (text.length || kind === 'exact') this.segments.push({ v: [start, this.out.length], h, kind, ...(note ? { note } : {}) });
  }

  private value(node: HostNode, indent: number): void {
    const r = node.kind === 'map' ? this.resolver.resolve(node) : undefined;
    if (r?.kind === 'string') return this.string(r.pieces, node.range);
    if (r?.kind === 'choice') {
      const picked = r.branches[this.branches[this.choices++] ?? 0] ?? r.branches[0];
      if (picked) return this.value(picked, indent);
      return this.emit('null', node.range, 'structural');
    }
    if (r?.kind === 'none') return this.emit('null', node.range, 'structural');
    if (node.kind === 'scalar') {
      if (node.pieces) return this.string(node.pieces, node.range);
      if (typeof node.value === 'string' || node.tag) return this.string(scalarPieces(node), node.range);
      return this.emit(JSON.stringify(node.value), node.range, node.contentOffset !== undefined ? 'exact' : 'token');
    }
    const pad = '\n' + '  '.repeat(indent + 1);
    if (node.kind === 'seq') {
      const items = this.listItems(node.items);
      this.emit('[', [node.range[0], node.range[0]], 'structural');
      items.forEach((item, i) => {
        this.emit((i ? ',' : '') + pad, [item.range[0], item.range[0]], 'structural');
        this.value(item, indent + 1);
      });
      this.emit((items.length ? '\n' + '  '.repeat(indent) : '') + ']', [node.range[1], node.range[1]], 'structural');
      return;
    }
    const entries = node.entries.filter((e) => !this.isNoValue(e.value));
    this.emit('{', [node.range[0], node.range[0]], 'structural');
    entries.forEach((e, i) => {
      this.emit((i ? ',' : '') + pad, [e.keyRange[0], e.keyRange[0]], 'structural');
      if (e.keyPieces) this.string(e.keyPieces, e.keyRange);
      else this.emit(JSON.stringify(e.key), e.keyRange, 'token');
      this.emit(': ', [e.keyRange[1], e.keyRange[1]], 'structural');
      this.value(e.value, indent + 1);
    });
    this.emit((entries.length ? '\n' + '  '.repeat(indent) : '') + '}', [node.range[1], node.range[1]], 'structural');
  }

  private isNoValue(node: HostNode): boolean {
    return node.kind === 'map' && this.resolver.resolve(node)?.kind === 'none';
  }

  /** List items with `Fn::If` items spread into the union of their branches and `AWS::NoValue` items dropped. */
  private listItems(items: HostNode[], depth = 0): HostNode[] {
    const out: HostNode[] = [];
    for (const item of items) {
      const r = item.kind === 'map' ? this.resolver.resolve(item) : undefined;
      if (r?.kind === 'none') continue;
      if (r?.kind === 'choice' && depth < 8) {
        for (const b of r.branches) out.push(...(b.kind === 'seq' ? this.listItems(b.items, depth + 1) : this.listItems([b], depth + 1)));
        continue;
      }
      out.push(item);
    }
    return out;
  }

  /** A JSON string literal from pieces: quotes structural, each piece mapped by its kind (escaped pieces by token). */
  private string(pieces: Piece[], whole: HostRange): void {
    this.emit('"', [whole[0], whole[0]], 'structural');
    for (const p of pieces) {
      const escaped = JSON.stringify(p.text).slice(1, -1);
      if (p.kind === 'unknown') this.hasUnknowns = true;
      if (p.kind === 'exact') {
        if (escaped === p.text) this.emit(escaped, [p.offset, p.offset + p.text.length], 'exact');
        else this.emit(escaped, [p.offset, p.offset + p.text.length], 'token');
      } else this.emit(escaped, p.range, p.kind, p.note);
    }
    this.emit('"', [whole[1], whole[1]], 'structural');
  }
}

/** A scalar as one piece: exact when its characters stand one for one in the host, else the whole token. */
export function scalarPieces(node: HostNode & { kind: 'scalar' }): Piece[] {
  if (node.pieces) return node.pieces;
  const text = node.value === null ? '' : String(node.value);
  if (!text) return node.contentOffset !== undefined && node.value === '' ? [{ text, kind: 'exact', offset: node.contentOffset }] : [];
  return node.contentOffset !== undefined
    ? [{ text, kind: 'exact', offset: node.contentOffset }]
    : [{ text, kind: 'token', range: node.range }];
}

/** The host range a virtual range maps to: exact segments to the character, others to their whole host token. */
export function hostRangeOf(vp: VirtualPolicy, start: number, end: number): HostRange {
  const a = segmentAt(vp, start), b = segmentAt(vp, Math.max(start, end - 1));
  const from = a ? (a.kind === 'exact' ? a.h[0] + (start - a.v[0]) : a.h[0]) : 0;
  const to = b ? (b.kind === 'exact' ? b.h[0] + (Math.max(start, end) - b.v[0]) : b.h[1]) : from;
  return [from, Math.max(from, to)];
}

/** The virtual offset of a host offset, when an exact or token segment covers it. */
export function virtualOffsetOf(vp: VirtualPolicy, hostOffset: number): number | undefined {
  for (const s of vp.segments) {
    if (s.kind === 'structural' || hostOffset < s.h[0] || hostOffset > s.h[1]) continue;
    return s.kind === 'exact' ? s.v[0] + Math.min(hostOffset - s.h[0], s.v[1] - s.v[0]) : s.v[0];
  }
  return undefined;
}

/** Segments of the given kinds overlapping a virtual range. */
export function segmentsIn(vp: VirtualPolicy, start: number, end: number, kinds: readonly SegmentKind[]): Segment[] {
  return vp.segments.filter((s) => kinds.includes(s.kind) && s.v[0] < Math.max(end, start + 1) && s.v[1] > start);
}

function segmentAt(vp: VirtualPolicy, offset: number): Segment | undefined {
  // segments are in virtual order: binary search for the last one starting at or before offset
  let lo = 0, hi = vp.segments.length - 1, found: Segment | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (vp.segments[mid].v[0] <= offset) { found = vp.segments[mid]; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}
