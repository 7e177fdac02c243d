// The server's file texts between requests (issue 13): a file is read from disk once and served from the cache while
// its stat is unchanged; any change (written in place, replaced by a rename, deleted) is read again; a file changed
// within its file system's time step is read every time (a second write in the same step could leave the same stat).
import { strict as assert } from 'node:assert';
import { mkdtempSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { COARSE_SETTLE_MS, FileTextCache, FINE_SETTLE_MS } from '../../../server/src/node/fileTextCache';
import { readTextFile, type ReadOptions } from '../../../server/src/node/safeFile';

/** a cache over the real reader that counts the reads reaching the disk; `later` ms are added to the clock */
function counting(later = COARSE_SETTLE_MS + 1000, maxChars?: number) {
  const reads: string[] = [];
  const cache = new FileTextCache({ read: (f: string, o: ReadOptions) => { reads.push(f); return readTextFile(f, o); }, now: () => Date.now() + later, maxChars });
  const text = (f: string, o?: ReadOptions) => { const r = cache.read(f, o); assert.ok(r.ok, JSON.stringify(r)); return r.text; };
  return { cache, reads, text };
}

/** writes `text` with its own modification time (seconds), so two versions never share a stat */
function write(file: string, text: string, mtime: number): void {
  writeFileSync(file, text);
  utimesSync(file, mtime, mtime);
}

describe('FileTextCache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iam-file-cache-'));

  it('reads an unchanged file once and returns the same string object every time after', () => {
    const f = join(dir, 'same.json');
    write(f, '{"a": 1}', 1_000_000);
    const { reads, text } = counting();
    const first = text(f);
    for (let i = 0; i < 50; i++) assert.equal(text(f), first);
    assert.deepEqual(reads, [f]);
  });

  it('reads again after the file is written in place (same size), replaced by a rename, or deleted', () => {
    const f = join(dir, 'changing.json');
    write(f, '{"a": 1}', 1_000_000);
    const { cache, reads, text } = counting();
    assert.equal(text(f), '{"a": 1}');
    write(f, '{"a": 2}', 1_000_100);
    assert.equal(text(f), '{"a": 2}');
    assert.equal(text(f), '{"a": 2}');
    // the way `aws iam ... > tmp && mv tmp model.json` replaces it: a new inode
    write(`${f}.tmp`, '{"b": 3}', 1_000_100);
    renameSync(`${f}.tmp`, f);
    assert.equal(text(f), '{"b": 3}');
    assert.equal(reads.length, 3);
    rmSync(f);
    const gone = cache.read(f);
    assert.ok(!gone.ok && gone.code === 'not-found', JSON.stringify(gone));
  });

  it('reads a file changed within FINE_SETTLE_MS every time, and keeps it once it is older', () => {
    const f = join(dir, 'fresh.json');
    writeFileSync(f, '{"fresh": true}');
    // this file system keeps sub-second times (the test would otherwise measure the coarse case twice)
    assert.notEqual(statSync(f, { bigint: true }).mtimeNs % 1_000_000_000n, 0n);
    const now = counting(0);
    now.text(f); now.text(f); now.text(f);
    assert.equal(now.reads.length, 3);
    const later = counting(FINE_SETTLE_MS + 50);
    later.text(f); later.text(f); later.text(f);
    assert.equal(later.reads.length, 1);
  });

  it('waits COARSE_SETTLE_MS for a file whose time is a whole second (FAT, HFS+, ext3 keep no more)', () => {
    const f = join(dir, 'coarse.json');
    write(f, '{"coarse": true}', Math.floor(Date.now() / 1000));
    const soon = counting(FINE_SETTLE_MS + 50);
    soon.text(f); soon.text(f);
    assert.equal(soon.reads.length, 2);
    const later = counting(COARSE_SETTLE_MS + 1000);
    later.text(f); later.text(f);
    assert.equal(later.reads.length, 1);
  });

  it('forget(file) reads it again next time (the client reported a change)', () => {
    const f = join(dir, 'forget.json');
    write(f, '{"x": 1}', 1_000_000);
    const { cache, reads, text } = counting();
    text(f, { maxBytes: 100 }); text(f, { maxBytes: 100 });
    cache.forget(f);
    text(f, { maxBytes: 100 });
    assert.equal(reads.length, 2);
  });

  it('does not reuse a text read under other limits: a smaller size limit or other allowed folders refuse it', () => {
    const f = join(dir, 'limits.json');
    write(f, '{"padding": "0123456789"}', 1_000_000);
    const { cache, text } = counting();
    text(f, { maxBytes: 1000, roots: [dir] });
    const small = cache.read(f, { maxBytes: 10, roots: [dir] });
    assert.ok(!small.ok && small.code === 'too-large', JSON.stringify(small));
    const outside = cache.read(f, { maxBytes: 1000, roots: [join(dir, 'elsewhere')] });
    assert.ok(!outside.ok && outside.code === 'outside', JSON.stringify(outside));
  });

  it('keeps at most maxChars characters, dropping the least recently used text first', () => {
    const [a, b] = [join(dir, 'a.json'), join(dir, 'b.json')];
    write(a, '[1, 2, 3]', 1_000_000);
    write(b, '[4, 5, 6]', 1_000_000);
    const { reads, text } = counting(COARSE_SETTLE_MS + 1000, 12);
    text(a); text(a);
    text(b); text(b);
    text(a);
    assert.deepEqual(reads, [a, b, a]);
  });
});
