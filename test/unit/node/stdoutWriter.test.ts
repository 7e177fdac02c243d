// The CLI's standard output (issue 13): a file or a device gets the text through fs.writeSync, byte for byte; anything
// else (a pipe, a terminal, a descriptor that cannot be inspected) goes through the stream as before.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stdoutWriter } from '../../../server/src/node/stdoutWriter';

function fakeStream() {
  const writes: string[] = [];
  return { writes, stream: { write: (s: string) => { writes.push(s); return true; } } as unknown as NodeJS.WritableStream };
}

describe('stdoutWriter', () => {
  it('writes to a file directly, every byte, non-ASCII and long texts included', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'iam-stdout-')), 'out.json');
    const fd = openSync(path, 'w');
    const { writes, stream } = fakeStream();
    const w = stdoutWriter(fd, stream);
    const long = 'x'.repeat(200_000);
    w.write('ポリシー "é" 🚀\n');
    w.write(long);
    closeSync(fd);
    assert.deepEqual(writes, []);
    assert.equal(readFileSync(path, 'utf8'), `ポリシー "é" 🚀\n${long}`);
  });

  it('writes to a character device such as /dev/null directly', () => {
    const fd = openSync('/dev/null', 'w');
    const { writes, stream } = fakeStream();
    stdoutWriter(fd, stream).write('dropped');
    closeSync(fd);
    assert.deepEqual(writes, []);
  });

  it('falls back to the stream when the descriptor cannot be inspected', () => {
    const fd = openSync('/dev/null', 'w');
    closeSync(fd);
    const { writes, stream } = fakeStream();
    stdoutWriter(fd, stream).write('kept');
    assert.deepEqual(writes, ['kept']);
  });

  it('falls back to the stream for a pipe', () => {
    // a pipe as a child process sees its standard output: this process's own stdout when the runner pipes it is not
    // certain, so a spawned node reports what it would do with its piped fd 1
    const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
    const script = `const { stdoutWriter } = require(${JSON.stringify(join(__dirname, '..', '..', '..', 'server', 'src', 'node', 'stdoutWriter.ts'))});
      let viaStream = 0; stdoutWriter(1, { write: (s) => { viaStream++; process.stdout.write(s); } }).write('piped\\n');
      process.stderr.write(String(viaStream));`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, 'piped\n');
    assert.equal(r.stderr.trim().split('\n').at(-1), '1');
  });
});
