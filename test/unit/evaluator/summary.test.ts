// summarize() (the CLI's path: the result built from the decision path) equals simulate() without `statements`, key
// order included, on generated scenarios: every policy type, principal kind and rule the generator covers, policies
// with source text (ranges), the same policy listed twice, broken policies and requests that cannot be evaluated.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { generate, rng } from '../../../bench/generate';
import { compilePolicySet, explanationStats, type PolicySource, type Scenario, type SimulationResult } from '../../../server/src/core/evaluator';
import { loadCatalog } from '../../../server/src/node/catalogFiles';
import { readFileSync } from 'node:fs';
import { setTranslator } from '../../../server/src/core/localize';
import { bundleTranslator } from '../../../server/src/node/l10nTranslate';

const catalog = loadCatalog(join(__dirname, '..', '..', '..', 'server', 'data'));
const NOW = Date.UTC(2026, 10, 29, 12, 0, 0);

/** Variations the generator does not make: source text and files, a policy listed twice, broken input. */
function vary(s: Scenario, r: () => number): Scenario {
  const withText = (p: PolicySource, i: number): PolicySource => (r() < 0.5 ? { ...p, file: `p${i}.json`, text: JSON.stringify(p.policy, null, i % 2 ? 2 : 4) } : p);
  const out: Scenario = { ...s, identityPolicies: s.identityPolicies.map(withText), permissionBoundaries: s.permissionBoundaries.map(withText) };
  if (s.resourcePolicy) out.resourcePolicy = withText(s.resourcePolicy, 9);
  if (out.identityPolicies.length && r() < 0.15) out.identityPolicies = [...out.identityPolicies, out.identityPolicies[0]];
  if (r() < 0.03) out.identityPolicies = [...out.identityPolicies, { name: 'broken', policy: [] }];
  if (r() < 0.03) out.request = { ...s.request, principal: 'not a principal' };
  if (r() < 0.02) out.request = { ...s.request, action: 's3:Get*' };
  return out;
}

function withoutStatements(r: SimulationResult): Omit<SimulationResult, 'statements'> {
  const { statements, ...rest } = r;
  void statements;
  return rest;
}

describe('summarize() is simulate() without the per-statement detail', () => {
  it('gives the same result, key order included, on 3,000 generated scenarios', () => {
    const r = rng(99);
    let n = 0, allowed = 0, denied = 0, matched = 0;
    for (const seed of [1, 20261129]) {
      for (const { scenario } of generate(seed, 1500)) {
        const s = vary(scenario, r);
        const compiled = compilePolicySet(s, catalog);
        const options = { now: NOW, name: s.name, expected: r() < 0.5 ? ('Allowed' as const) : undefined };
        const full = withoutStatements(compiled.simulate(s.request, options));
        const before = explanationStats.statements;
        const summary = compiled.summarize(s.request, options);
        assert.equal(explanationStats.statements, before, 'summarize builds no statement explanation');
        assert.equal(JSON.stringify(summary), JSON.stringify(full), `${s.name}: ${JSON.stringify(s)}`);
        assert.deepEqual(summary, full);
        n++;
        if (full.decision === 'Allowed') allowed++;
        if (full.decision === 'ExplicitlyDenied') denied++;
        if (full.matchedStatements.length) matched++;
      }
    }
    // the generated set exercises every decision and matched statements
    assert.equal(n, 3000);
    assert.ok(allowed > 300 && denied > 300 && matched > 600, `${allowed} allowed, ${denied} denied, ${matched} with matched statements`);
  });

  // issue 13: the sentences that depend only on a statement and the caller (the statement's name, how its Principal
  // names the caller, the caller's sentence) are kept between requests; a change of language must not reuse them
  it('kept sentences follow a change of language and come back the same', () => {
    const role = 'arn:aws:iam::111122223333:role/app';
    const scenario: Scenario = {
      identityPolicies: [{ name: 'app', policy: { Version: '2012-10-17', Statement: [{ Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] } }],
      permissionBoundaries: [], scps: [], rcps: [],
      resourcePolicy: { name: 'bucket', policy: { Version: '2012-10-17', Statement: [{ Sid: 'App', Effect: 'Allow', Principal: { AWS: role }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }] } },
      request: { principal: 'arn:aws:sts::111122223333:assumed-role/app/s1', action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' },
    };
    const compiled = compilePolicySet(scenario, catalog);
    const english = compiled.summarize(scenario.request, { now: NOW }).explanation;
    assert.ok(english.some((l) => l.includes('of identity policy "app"')) && english.some((l) => l.includes('the principal element names the role')), english.join('\n'));
    const ja = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'l10n', 'bundle.l10n.ja.json'), 'utf8'));
    try {
      setTranslator(bundleTranslator(ja));
      const japanese = compiled.summarize(scenario.request, { now: NOW }).explanation;
      assert.equal(japanese.length, english.length);
      for (const [i, line] of japanese.entries()) {
        assert.notEqual(line, english[i]);
        assert.doesNotMatch(line, /of identity policy|of resource policy|the principal element|Principal: role session/, line);
      }
    } finally { setTranslator(undefined); }
    assert.deepEqual(compiled.summarize(scenario.request, { now: NOW }).explanation, english);
  });

  it('would notice a difference (negative control): a result with one sentence changed is not equal', () => {
    const [{ scenario }] = generate(5, 1);
    const compiled = compilePolicySet(scenario, catalog);
    const summary = compiled.summarize(scenario.request, { now: NOW });
    const full = withoutStatements(compiled.simulate(scenario.request, { now: NOW }));
    full.explanation = [...full.explanation.slice(0, -1), `${full.explanation.at(-1)} `];
    assert.notEqual(JSON.stringify(summary), JSON.stringify(full));
  });
});
