// Whole-model questions benchmark (issue 12), from outside on the user's path: `iam-policy paths` and `iam-policy
// who-can` as processes on a generated model of 500 users, 500 roles and 200 customer managed policies. Targets: paths
// ≤ 5 s, who-can ≤ 1 s. Baselines from the same run, interleaved: `iam-policy --version` (process start, catalog and
// managed policies read) and the same command on the small flows fixture model.
// Run: npm run bench:paths (run `node scripts/build.mjs` first).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const root = join(__dirname, '..');
const CLI = join(root, 'dist', 'cli.js');
const SMALL = join(root, 'test', 'fixtures', 'flows', 'flows.iam-model.json');
const A = '111111111111';
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const ms = (x: number) => `${x.toFixed(0)} ms`;

/**
 * A deterministic model: most policies are plain service permissions; some grant IAM writes, PassRole or AssumeRole.
 * With `functions`, the account also holds that many Lambda functions (each running as a service role) and every tenth
 * policy may update the code and configuration of one of them.
 */
export function generateModel(users: number, roles: number, policies: number, functions = 0): object {
  let seed = 12;
  const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const services = ['s3:GetObject', 's3:PutObject', 'dynamodb:GetItem', 'sqs:SendMessage', 'ec2:DescribeInstances', 'logs:PutLogEvents', 'kms:Decrypt', 'lambda:InvokeFunction'];
  const pol: Record<string, object> = {};
  for (let i = 0; i < policies; i++) {
    const st: object[] = [{ Effect: 'Allow', Action: [services[i % services.length], services[(i * 3 + 1) % services.length]], Resource: i % 2 ? '*' : `arn:aws:s3:::bucket-${i}/*` }];
    if (i % 10 === 0) st.push({ Effect: 'Allow', Action: 'iam:PassRole', Resource: `arn:aws:iam::${A}:role/svc-${rnd(roles)}` }, { Effect: 'Allow', Action: 'lambda:CreateFunction', Resource: '*' });
    if (i % 15 === 0) st.push({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${A}:role/app-${rnd(roles)}` });
    if (i % 25 === 0) st.push({ Effect: 'Allow', Action: ['iam:CreatePolicyVersion'], Resource: `arn:aws:iam::${A}:policy/p${rnd(policies)}` });
    if (i % 40 === 0) st.push({ Effect: 'Allow', Action: ['iam:AttachUserPolicy', 'iam:CreateAccessKey'], Resource: `arn:aws:iam::${A}:user/u${rnd(users)}` });
    if (i % 33 === 0) st.push({ Effect: 'Deny', Action: 'iam:*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } });
    if (functions && i % 10 === 0) st.push({ Effect: 'Allow', Action: ['lambda:UpdateFunctionCode', 'lambda:UpdateFunctionConfiguration'], Resource: `arn:aws:lambda:us-east-1:${A}:function:fn-${i % functions}` });
    pol[`p${i}`] = { Version: '2012-10-17', Statement: st };
  }
  const u: Record<string, object> = {};
  for (let i = 0; i < users; i++) u[`u${i}`] = { groups: [`g${i % 20}`], policies: [`p${rnd(policies)}`, `p${rnd(policies)}`] };
  const g: Record<string, object> = {};
  for (let i = 0; i < 20; i++) g[`g${i}`] = { policies: [`p${rnd(policies)}`] };
  const r: Record<string, object> = {};
  for (let i = 0; i < roles; i++) {
    const name = i % 2 ? `svc-${i}` : `app-${i}`;
    const principal = i % 2 ? { Service: ['lambda.amazonaws.com', 'ec2.amazonaws.com', 'ecs-tasks.amazonaws.com'][i % 3] } : i % 4 ? { AWS: `arn:aws:iam::${A}:root` } : { AWS: `arn:aws:iam::${A}:user/u${rnd(users)}` };
    r[name] = { trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }] }, policies: [`p${rnd(policies)}`, ...(i % 50 === 0 ? ['arn:aws:iam::aws:policy/AdministratorAccess'] : [])] };
  }
  // roles named svc-N / app-N by parity: point the generated references at existing names
  for (const p of Object.values(pol) as { Statement: { Resource: string }[] }[]) {
    for (const s of p.Statement) {
      const m = /role\/(svc|app)-(\d+)$/.exec(s.Resource);
      if (m) { const n = Number(m[2]); s.Resource = s.Resource.replace(/role\/.*$/, `role/${m[1]}-${m[1] === 'svc' ? n | 1 : n & ~1}`); }
    }
  }
  const fns: Record<string, object> = {};
  for (let i = 0; i < functions; i++) fns[`fn-${i}`] = { role: `svc-${(2 * i + 1) % roles}` };
  return { id: A, users: u, groups: g, roles: r, policies: pol, ...(functions ? { functions: fns } : {}) };
}

function timeCli(args: string[]): { t: number; out: string } {
  const t0 = performance.now();
  const res = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const t = performance.now() - t0;
  if (res.status !== 0) throw new Error(`iam-policy ${args.join(' ')} exited ${res.status}: ${res.stderr}`);
  return { t, out: res.stdout };
}

function main() {
  const dir = mkdtempSync(join(tmpdir(), 'iam-paths-bench-'));
  const big = join(dir, 'big.iam-model.json');
  writeFileSync(big, JSON.stringify(generateModel(500, 500, 200)));
  const withFunctions = join(dir, 'functions.iam-model.json');
  writeFileSync(withFunctions, JSON.stringify(generateModel(500, 500, 200, 200)));
  const version: number[] = [], pathsSmall: number[] = [], pathsBig: number[] = [], whoSmall: number[] = [], whoBig: number[] = [], pathsFunctions: number[] = [];
  let summary = '', functionsSummary = '', who = 0;
  timeCli(['--version']);
  for (let i = 0; i < RUNS; i++) {
    version.push(timeCli(['--version']).t);
    pathsSmall.push(timeCli(['paths', '--model', SMALL]).t);
    const p = timeCli(['paths', '--model', big]);
    pathsBig.push(p.t);
    summary = p.out.split('\n')[0];
    const f = timeCli(['paths', '--model', withFunctions]);
    pathsFunctions.push(f.t);
    functionsSummary = f.out.split('\n')[0];
    whoSmall.push(timeCli(['who-can', 's3:GetObject', 'arn:aws:s3:::bucket-4/x', '--model', SMALL]).t);
    const w = timeCli(['who-can', 's3:GetObject', 'arn:aws:s3:::bucket-4/x', '--model', big, '--format', 'json']);
    whoBig.push(w.t);
    who = (JSON.parse(w.out) as unknown[]).length;
  }
  const v = median(version);
  const row = (what: string, value: number, baseline: number, base: string, target: string) =>
    console.log(`| ${what} | ${ms(value)} | ${base} ${ms(baseline)} | ${(value / baseline).toFixed(2)}× | ${target} |`);
  console.log(`Generated model: 500 users (20 groups), 500 roles, 200 customer managed policies; medians of ${RUNS} interleaved runs, CLI as a process.\n`);
  console.log('| command | time | baseline (same run) | ratio | target |');
  console.log('|---|---|---|---|---|');
  row('`iam-policy paths` (500/500/200)', median(pathsBig), v, '`--version`', '≤ 5 s');
  row('`iam-policy paths` (500/500/200)', median(pathsBig), median(pathsSmall), 'paths on the 10-principal fixture', '');
  row('`iam-policy paths` (500/500/200 and 200 Lambda functions)', median(pathsFunctions), median(pathsBig), 'paths without the functions', '');
  row('`iam-policy who-can s3:GetObject …` (500/500/200)', median(whoBig), v, '`--version`', '≤ 1 s');
  row('`iam-policy who-can s3:GetObject …` (500/500/200)', median(whoBig), median(whoSmall), 'who-can on the fixture', '');
  console.log(`\npaths on the generated model: ${summary}; with the functions: ${functionsSummary}; who-can: ${who} principals.`);
}

if (require.main === module) main();
