// Validation of documents built to be expensive (issue 16): the work must grow with what matters (distinct patterns
// and formats), not with the number of copies, and the diagnostics stay a readable list. Timed by CPU.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_DIAGNOSTICS_PER_DOCUMENT, MAX_DIAGNOSTICS_PER_RULE, TOO_MANY_PROBLEMS_CODE } from '../../../server/src/service/validation';
import { messageText } from '../helpers';
import { lint, policy, S } from './lint';

function cpuMs<T>(f: () => T): { ms: number; value: T } {
  const t0 = process.cpuUsage();
  const value = f();
  const d = process.cpuUsage(t0);
  return { ms: (d.user + d.system) / 1000, value };
}

describe('hostile policies: bounded work and a bounded list of diagnostics', () => {
  it('Action "s3:*?*?…*" (30 pairs) validates in ≤ 100 ms CPU', () => {
    lint(policy(S({ Action: 's3:*?' })));
    const { ms, value } = cpuMs(() => lint(policy(S({ Action: 's3:' + '*?'.repeat(30) + '*' }))));
    assert.ok(ms <= 100, `${ms.toFixed(1)} ms CPU`);
    assert.ok(!value.diagnostics.some((d) => d.code === 'IAM204'), 'the pattern matches S3 actions');
  });

  it('100 statements of "*:*" with ARN resources validate in ≤ 100 ms CPU once the catalog is warm', () => {
    const make = (tag: string) => policy(...Array.from({ length: 100 }, (_, i) => ({ Effect: 'Allow', Action: '*:*', Resource: `arn:aws:s3:::${tag}-${i}/*` })));
    lint(make('warm'));
    const { ms, value } = cpuMs(() => lint(make('bucket')));
    assert.ok(ms <= 100, `${ms.toFixed(1)} ms CPU`);
    assert.ok(!value.diagnostics.some((d) => d.code === 'IAM402'), 'S3 object ARNs fit s3 actions');
  });

  it('100 statements of "*:*" with service condition keys validate in ≤ 100 ms CPU once the catalog is warm', () => {
    const make = (tag: string) => policy(...Array.from({ length: 100 }, (_, i) => ({
      Effect: 'Allow', Action: '*:*', Resource: `arn:aws:s3:::${tag}-${i}/*`, Condition: { StringEquals: { 's3:prefix': 'x', 'ec2:Region': 'eu-west-1' } },
    })));
    lint(make('warm'));
    const { ms, value } = cpuMs(() => lint(make('bucket')));
    assert.ok(ms <= 100, `${ms.toFixed(1)} ms CPU`);
    assert.ok(!value.diagnostics.some((d) => d.code === 'IAM303'), 'every key applies to some action of *:*');
  });

  it('100,000 unclosed "${" give at most 200 diagnostics of the rule plus one IAM703 summary, in ≤ 2 s CPU', () => {
    const text = policy(S({ Resource: 'arn:aws:s3:::b/' + '${'.repeat(100_000) }));
    const { ms, value } = cpuMs(() => lint(text));
    assert.ok(ms <= 2000, `${ms.toFixed(1)} ms CPU`);
    const syntax = value.diagnostics.filter((d) => d.code === 'IAM601');
    assert.equal(syntax.length, MAX_DIAGNOSTICS_PER_RULE);
    const summary = value.diagnostics.filter((d) => d.code === TOO_MANY_PROBLEMS_CODE);
    assert.equal(summary.length, 1);
    assert.match(messageText(summary[0]), /^99,800 more problem\(s\) are not listed .*IAM601 variable-syntax: 99,800/);
    assert.ok(value.diagnostics.length <= MAX_DIAGNOSTICS_PER_DOCUMENT + 1);
  });

  it('a 60 KB wildcard action is quoted cut in the middle, in ≤ 100 ms CPU', () => {
    const action = 's3:' + '*x'.repeat(30_000);
    const { ms, value } = cpuMs(() => lint(policy(S({ Action: action }))));
    assert.ok(ms <= 100, `${ms.toFixed(1)} ms CPU`);
    for (const d of value.diagnostics) assert.ok(messageText(d).length < 600, `${d.code}: ${messageText(d).length} characters`);
    assert.match(messageText(value.diagnostics.find((d) => d.code === 'IAM204')!), /\(60,003 characters\)/);
  });

  it('a 50 KB resource ARN is checked in ≤ 100 ms CPU (resource types are not matched past 2,048 characters)', () => {
    const { ms } = cpuMs(() => lint(policy(S({ Resource: 'arn:aws:s3:::' + 'x'.repeat(50_000) }))));
    assert.ok(ms <= 100, `${ms.toFixed(1)} ms CPU`);
  });
});
