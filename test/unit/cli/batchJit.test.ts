// The V8 settings `simulate` and `test` use (server/src/cli/batchJit.ts): only flags the running V8 knows, since V8
// prints "Error: unrecognized flag …" on stderr for any other (Node 22 and 24 have no --interrupt-budget).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { batchJitFlags } from '../../../server/src/cli/batchJit';

const CLI = join(__dirname, '..', '..', '..', 'dist', 'cli.js');

describe('batch JIT flags', () => {
  it('by V8 version: the interrupt budget only on V8 11 (Node 20), inlining off on 11–13, nothing on others', () => {
    assert.deepEqual(batchJitFlags('11.3.244.8-node.33'), ['--no-turbo-inlining', '--interrupt-budget=600000']);
    assert.deepEqual(batchJitFlags('12.4.254.21-node.57'), ['--no-turbo-inlining']);
    assert.deepEqual(batchJitFlags('13.6.233.17-node.37'), ['--no-turbo-inlining']);
    assert.deepEqual(batchJitFlags('14.0.1'), []);
    assert.deepEqual(batchJitFlags('garbage'), []);
  });

  it('every flag chosen for the running V8 is one it lists in --v8-options', () => {
    const known = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    for (const flag of batchJitFlags(process.versions.v8)) {
      const name = flag.replace(/^--(no-)?/, '').replace(/=.*$/, '');
      assert.match(known, new RegExp(`^\\s+--${name} `, 'm'), `${flag} is not a flag of V8 ${process.versions.v8}`);
    }
  });

  it('iam-policy simulate writes nothing on stderr for a valid scenario file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iam-jit-'));
    try {
      writeFileSync(join(dir, 'p.json'), JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }));
      writeFileSync(join(dir, 's.scenario.json'), JSON.stringify({ scenarios: [{ name: 'read', identityPolicies: [{ file: 'p.json' }], request: { principal: 'arn:aws:iam::111122223333:user/a', action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' }, expected: 'Allowed' }] }));
      for (const command of ['simulate', 'test']) {
        const r = spawnSync(process.execPath, [CLI, command, 's.scenario.json'], { cwd: dir, encoding: 'utf8' });
        assert.equal(r.status, 0, r.stdout + r.stderr);
        assert.equal(r.stderr, '', `${command} wrote on stderr`);
      }
    } finally { rmSync(dir, { recursive: true, force: true }); }
  });
});
