// The CLI's stdout buffer: few large writes, and stderr lines never overtake the stdout lines printed before them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bufferedOutput } from '../../../server/src/cli/bufferedOutput';

function streams() {
  const log: string[] = [];
  let writes = 0;
  const stream = (name: string) => ({ write: (s: string) => { writes++; log.push(`${name}:${s}`); return true; } }) as unknown as NodeJS.WritableStream;
  return { log, stdout: stream('out'), stderr: stream('err'), writes: () => writes };
}

describe('bufferedOutput', () => {
  it('writes thousands of lines in a few writes and keeps stdout before a later stderr line', () => {
    const s = streams();
    const o = bufferedOutput(s.stdout, s.stderr);
    for (let i = 0; i < 5000; i++) o.out(`pass  line ${i}`);
    o.err('a warning');
    o.out('last');
    o.flush();
    assert.ok(s.writes() < 10, `${s.writes()} writes`);
    const text = s.log.join('');
    assert.equal(text.indexOf('err:a warning'), text.indexOf('out:last') - 'err:a warning\n'.length);
    const lines = s.log.filter((l) => l.startsWith('out:')).map((l) => l.slice(4)).join('').split('\n');
    assert.equal(lines.length, 5002);
    assert.equal(lines[4999], 'pass  line 4999');
    assert.equal(lines[5000], 'last');
  });
});
