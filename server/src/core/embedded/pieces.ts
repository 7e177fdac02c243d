// Strings as pieces (virtualPolicy.ts `Piece`): cutting a run out of them, and mapping an offset of the string they
// spell back to the host.
import type { Piece } from './virtualPolicy';

export class PieceIndex {
  readonly text: string;
  private readonly starts: number[] = [];

  constructor(readonly pieces: readonly Piece[]) {
    let at = 0;
    for (const p of pieces) { this.starts.push(at); at += p.text.length; }
    this.text = pieces.map((p) => p.text).join('');
  }

  private pieceAt(i: number): number {
    let lo = 0, hi = this.pieces.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (this.starts[mid] <= i) lo = mid; else hi = mid - 1; }
    return lo;
  }

  /** the host offset of character i of the text; `end` maps an end offset (to the end of the piece it closes) */
  host(i: number, end = false): number {
    const k = this.pieceAt(Math.max(0, end ? i - 1 : i));
    const p = this.pieces[k];
    if (!p) return 0;
    if (p.kind === 'exact') return p.offset + (i - this.starts[k]);
    return end ? p.range[1] : p.range[0];
  }

  /** the pieces covering [a, b) of the text, cut to it */
  slice(a: number, b: number): Piece[] {
    const out: Piece[] = [];
    for (let k = this.pieceAt(a); k < this.pieces.length && this.starts[k] < b; k++) {
      const p = this.pieces[k];
      const from = Math.max(a, this.starts[k]) - this.starts[k], to = Math.min(b, this.starts[k] + p.text.length) - this.starts[k];
      if (to <= from) continue;
      const text = p.text.slice(from, to);
      out.push(p.kind === 'exact' ? { text, kind: 'exact', offset: p.offset + from } : { ...p, text });
    }
    return out;
  }
}
