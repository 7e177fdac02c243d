// Differential test: our evaluator against @cloud-copilot/iam-simulate (AGPL-3.0, installed only in bench/oracle/,
// used as a black box). Generates seeded scenarios, compares decisions, and groups disagreements by the known
// deviation (docs/evaluator-deviations.md) they touch. A dev script, not part of npm test.
//   cd bench/oracle && npm ci && cd ../.. && node --import tsx bench/differential.ts [count] [seed]
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { loadCatalog } from '../server/src/node/catalogFiles';
import { decide, simulate, type Scenario } from '../server/src/core/evaluator';
import { generate } from './generate';
import { peerSimulation } from './differential-peer';

const oracle = createRequire(join(__dirname, 'oracle', 'package.json'))('@cloud-copilot/iam-simulate');
const catalog = loadCatalog(join(__dirname, '..', 'server', 'data'));
const NOW = Date.UTC(2026, 5, 1);

/** The known deviation (docs/evaluator-deviations.md) a disagreement is attributed to, tried in this order. */
const KNOWN = [
  'root-user', 'scp-on-non-member-principal', 'federated-without-session-policy', 'rcp-unsupported-service', 'date-epoch-vs-iso',
  'version-2008-variables', 'resource-star-spans-colons', 'session-policy', 'aws-reserved',
  'passrole-resource-policy', 'passrole-other-account', 'kms-alias-other-account',
];

/** The direction each deviation can move the decision; a disagreement the other way stays unexplained. */
function fits(feature: string, ours: string, peer: string): boolean {
  switch (feature) {
    case 'root-user': return ours === 'Allowed' && peer === 'ImplicitlyDenied';
    case 'scp-on-non-member-principal': return peer === 'ExplicitlyDenied' || (peer === 'ImplicitlyDenied' && ours === 'Allowed');
    case 'federated-without-session-policy': return ours === 'ImplicitlyDenied' && peer === 'Allowed';
    case 'rcp-unsupported-service': return peer === 'ExplicitlyDenied';
    case 'session-policy': return ours === 'Allowed' && peer === 'ImplicitlyDenied';
    // the peer also refuses AWS managed policy writes, but as ImplicitlyDenied even when a Deny applies
    case 'aws-reserved': return (ours === 'ImplicitlyDenied' && peer === 'Allowed') || (ours === 'ExplicitlyDenied' && peer === 'ImplicitlyDenied');
    case 'passrole-resource-policy': case 'passrole-other-account': case 'kms-alias-other-account': return ours === 'ImplicitlyDenied' && peer === 'Allowed';
    default: return true;
  }
}

async function main() {
  const count = Number(process.argv[2] ?? 3000);
  const seed = Number(process.argv[3] ?? 20261128);
  const verbose = process.argv.includes('--verbose');
  const scenarios = generate(seed, count);
  let agree = 0, peerErrors = 0, plainCompared = 0, plainAgree = 0;
  const byFeature = new Map<string, number>();
  const byTarget = new Map<string, { compared: number; agree: number }>();
  const unexplained: { s: Scenario; ours: string; peer: string; why: string[] }[] = [];
  const samples = new Map<string, { s: Scenario; ours: string; peer: string; why: string[] }>();
  const decisions: Record<string, number> = { Allowed: 0, ExplicitlyDenied: 0, ImplicitlyDenied: 0 };
  const t0 = performance.now();
  for (const { scenario: s, features } of scenarios) {
    const ours = decide(s, catalog, { now: NOW });
    const full = simulate(s, catalog, { now: NOW });
    if (full.decision !== ours) throw new Error(`decide/simulate disagree on ${s.name}`);
    decisions[ours]++;
    const res = await oracle.runSimulation(peerSimulation(oracle, s, full.derivedContext), {});
    if (res.resultType === 'error') { peerErrors++; if (verbose) console.log('peer error', s.name, JSON.stringify(res.errors).slice(0, 300)); continue; }
    const peer = res.overallResult as string;
    const target = `${s.request.action} ${s.request.resource}`;
    const t = byTarget.get(target) ?? { compared: 0, agree: 0 };
    t.compared++; if (peer === ours) t.agree++;
    byTarget.set(target, t);
    const plain = !KNOWN.some((f) => features.has(f));
    if (plain) { plainCompared++; if (peer === ours) plainAgree++; }
    if (peer === ours) { agree++; continue; }
    const known = KNOWN.find((f) => features.has(f) && fits(f, ours, peer));
    const entry = { s, ours, peer, why: full.explanation };
    if (known) {
      byFeature.set(known, (byFeature.get(known) ?? 0) + 1);
      if (!samples.has(known)) samples.set(known, entry);
    } else unexplained.push(entry);
  }
  const ms = performance.now() - t0;
  const compared = count - peerErrors;
  console.log(`# Differential test: ${count} scenarios, seed ${seed}, ${(ms / 1000).toFixed(1)} s`);
  console.log(`our decisions: ${JSON.stringify(decisions)}`);
  console.log(`peer rejected (validation errors, not compared): ${peerErrors}`);
  console.log(`compared: ${compared}; agree: ${agree} (${((agree / compared) * 100).toFixed(2)}%)`);
  console.log(`scenarios touching no known deviation: ${plainCompared}; agree: ${plainAgree} (${((plainAgree / plainCompared) * 100).toFixed(2)}%)`);
  console.log(`disagreements attributed to known deviations:`);
  for (const f of KNOWN) console.log(`  ${f}: ${byFeature.get(f) ?? 0}`);
  console.log(`per request (action resource): compared, agree`);
  for (const [t, n] of [...byTarget].sort()) console.log(`  ${t}: ${n.compared}, ${n.agree}`);
  console.log(`unexplained disagreements: ${unexplained.length}`);
  const show = (label: string, e: { s: Scenario; ours: string; peer: string; why: string[] }) => {
    console.log(`\n--- ${label}: ours ${e.ours}, peer ${e.peer}`);
    console.log(JSON.stringify({ ...e.s, identityPolicies: e.s.identityPolicies.map((p) => p.policy), permissionBoundaries: e.s.permissionBoundaries.map((p) => p.policy), sessionPolicy: e.s.sessionPolicy?.policy, resourcePolicy: e.s.resourcePolicy?.policy, scps: e.s.scps.map((l) => l.policies.map((p) => p.policy)), rcps: e.s.rcps.map((l) => l.policies.map((p) => p.policy)) }));
    for (const w of e.why) console.log(`  ${w}`);
  };
  if (verbose) for (const [f, e] of samples) show(`sample of ${f}`, e);
  for (const e of unexplained.slice(0, verbose ? 20 : 5)) show('unexplained', e);
  process.exitCode = unexplained.length ? 1 : 0;
}

main().catch((e) => { console.error(e); process.exitCode = 2; });
