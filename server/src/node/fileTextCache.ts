// File texts kept between requests and read again only when the file changed. The server reads the workspace's model
// files (tens of MB for a large authorization-details export) on every hover of a principal and every validation that
// asks IAM810; a stat (device, inode, size, modification and change times) stands in for the read while the file is
// unchanged, and the cached string is the very object returned before, so the model cache compares it in O(1).
// A file whose last change is younger than the file system's time step is read every time and not kept: a second write
// within the same step could leave the same stat (git calls these files "racy"). Times in whole seconds (FAT 2 s,
// HFS+ and ext3 1 s) give COARSE_SETTLE_MS; finer times step by the system clock's tick (1–16 ms), FINE_SETTLE_MS is
// well above it. The first read once the file is older than that is kept.
import { statSync, type BigIntStats } from 'node:fs';
import { readTextFile, type ReadOptions, type ReadResult } from './safeFile';

/** A file whose modification time is a whole second and that changed more recently than this is read on every request. */
export const COARSE_SETTLE_MS = 3000;
/** The same for other files (file systems that keep sub-second times). */
export const FINE_SETTLE_MS = 250;

/** How long after its last change a file's stat can be trusted to show the next change. */
function settleMs(st: BigIntStats): number {
  return st.mtimeNs % 1_000_000_000n === 0n ? COARSE_SETTLE_MS : FINE_SETTLE_MS;
}

export interface FileTextCacheOptions {
  /** the reader behind the cache (default: readTextFile) */
  read?: (file: string, options: ReadOptions) => ReadResult;
  /** the clock (default: Date.now) */
  now?: () => number;
  /** texts kept at most, in characters, least recently used dropped first (default: 512 Mi) */
  maxChars?: number;
}

type Kept = { stamp: string; result: Extract<ReadResult, { ok: true }> };

function statOf(file: string): BigIntStats | undefined {
  try { return statSync(file, { bigint: true, throwIfNoEntry: false }); } catch { return undefined; }
}

export class FileTextCache {
  private readonly kept = new Map<string, Kept>();
  private chars = 0;
  private readonly readFile: NonNullable<FileTextCacheOptions['read']>;
  private readonly now: () => number;
  private readonly maxChars: number;

  constructor(options: FileTextCacheOptions = {}) {
    this.readFile = options.read ?? readTextFile;
    this.now = options.now ?? Date.now;
    this.maxChars = options.maxChars ?? 512 * 1024 * 1024;
  }

  /** readTextFile(file, options), from the cache while the file's stat is the one it had when it was read. */
  read(file: string, options: ReadOptions = {}): ReadResult {
    // refusals depend on the size limit and the allowed folders: a text read under other ones is not reused
    const key = `${options.maxBytes ?? ''}\0${options.roots ? options.roots.join('\0') : '*'}\0${file}`;
    // stat before the read: a change after it gives a later stamp, so the text is read again next time
    const st = statOf(file);
    const stamp = st?.isFile() ? `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}` : undefined;
    const hit = this.kept.get(key);
    if (hit) {
      this.kept.delete(key);
      if (stamp === hit.stamp) { this.kept.set(key, hit); return hit.result; }
      this.chars -= hit.result.text.length;
    }
    const result = this.readFile(file, options);
    const settled = st && this.now() - Math.max(Number(st.mtimeMs), Number(st.ctimeMs)) >= settleMs(st);
    if (result.ok && stamp && settled && result.text.length <= this.maxChars) {
      this.kept.set(key, { stamp, result });
      this.chars += result.text.length;
      for (const [k, v] of this.kept) {
        if (this.chars <= this.maxChars) break;
        this.kept.delete(k);
        this.chars -= v.result.text.length;
      }
    }
    return result;
  }

  /** Reads `file` again next time (the client reported a change the stat may not show, e.g. on a network drive). */
  forget(file: string): void {
    for (const [k, v] of this.kept) {
      if (!k.endsWith(`\0${file}`)) continue;
      this.kept.delete(k);
      this.chars -= v.result.text.length;
    }
  }
}
