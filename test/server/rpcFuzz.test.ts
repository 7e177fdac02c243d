// Random JSON-RPC sequences against the real server (dist/server.js over stdio): open/change/close out of order,
// stale versions, positions out of range, wrong parameter types, unknown documents. The server must survive all of
// it and still answer correctly afterwards. Seeded, bounded in count and time.
import { describe, it, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { LspClient, hoverText } from './lspClient';

const POLICY = '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }]\n}\n';

type Step =
  | { op: 'open'; doc: number; text: string; lang: string }
  | { op: 'change'; doc: number; text: string; version: number }
  | { op: 'close'; doc: number }
  | { op: 'hover' | 'completion' | 'symbols' | 'folding' | 'format' | 'codeAction'; doc: number; line: number; character: number }
  | { op: 'garbage'; method: string; params: unknown };

const text = fc.oneof(fc.constant(POLICY), fc.string({ unit: 'binary', maxLength: 200 }), fc.constant('{"Statement":[{"Action":"s3:'), fc.constant(''));
const position = { doc: fc.nat(3), line: fc.integer({ min: -5, max: 1_000_000 }), character: fc.integer({ min: -5, max: 1_000_000 }) };
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('open' as const), doc: fc.nat(3), text, lang: fc.constantFrom('iam-policy', 'json', 'jsonc', 'plaintext') }),
  fc.record({ op: fc.constant('change' as const), doc: fc.nat(3), text, version: fc.integer({ min: -3, max: 1000 }) }),
  fc.record({ op: fc.constant('close' as const), doc: fc.nat(3) }),
  fc.record({ op: fc.constantFrom('hover' as const, 'completion' as const, 'symbols' as const, 'folding' as const, 'format' as const, 'codeAction' as const), ...position }),
  fc.record({
    op: fc.constant('garbage' as const),
    method: fc.constantFrom('textDocument/hover', 'textDocument/completion', 'completionItem/resolve', 'textDocument/codeAction', 'iamPolicy/policyType', 'iamPolicy/simulate', 'iamPolicy/whoCan', 'iamPolicy/escalationPaths', 'iamPolicy/setPolicyType', 'textDocument/documentSymbol'),
    params: fc.oneof(fc.constant(null), fc.constant(undefined), fc.jsonValue({ maxDepth: 3 }), fc.record({ textDocument: fc.record({ uri: fc.string() }), position: fc.jsonValue({ maxDepth: 1 }) })),
  }),
);

describe('server survives random JSON-RPC sequences', () => {
  let lsp: LspClient;
  before(async () => { lsp = await LspClient.start(); });
  after(async () => { await lsp.stop(); });

  it('never crashes and keeps answering', async () => {
    const c = lsp.connection;
    const uri = (d: number) => `file:///fuzz/doc${d}.policy.json`;
    const deadline = Date.now() + 60_000;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 30 }), async (steps) => {
        const pending: Promise<unknown>[] = [];
        for (const s of steps) {
          if (s.op === 'open') c.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(s.doc), languageId: s.lang, version: 1, text: s.text } });
          else if (s.op === 'change') c.sendNotification('textDocument/didChange', { textDocument: { uri: uri(s.doc), version: s.version }, contentChanges: [{ text: s.text }] });
          else if (s.op === 'close') c.sendNotification('textDocument/didClose', { textDocument: { uri: uri(s.doc) } });
          else if (s.op === 'garbage') pending.push(c.sendRequest(s.method, s.params).catch(() => undefined));
          else {
            const td = { uri: uri(s.doc) };
            const pos = { line: s.line, character: s.character };
            const method = { hover: 'textDocument/hover', completion: 'textDocument/completion', symbols: 'textDocument/documentSymbol', folding: 'textDocument/foldingRange', format: 'textDocument/formatting', codeAction: 'textDocument/codeAction' }[s.op];
            const params = s.op === 'format' ? { textDocument: td, options: { tabSize: 2, insertSpaces: true } }
              : s.op === 'codeAction' ? { textDocument: td, range: { start: pos, end: pos }, context: { diagnostics: [] } } : { textDocument: td, position: pos };
            // errors are acceptable answers (e.g. an unknown document); a dead server is not
            pending.push(c.sendRequest(method, params).catch(() => undefined));
          }
        }
        await Promise.all(pending);
        assert.equal(lsp.proc.exitCode, null, `server exited: ${lsp.stderr}`);
        for (let d = 0; d < 4; d++) c.sendNotification('textDocument/didClose', { textDocument: { uri: uri(d) } });
      }),
      { seed: 1128, numRuns: 60, interruptAfterTimeLimit: Math.max(1000, deadline - Date.now()) },
    );
    // still healthy: a fresh document gets diagnostics and hover
    const u = lsp.open('after-fuzz.policy.json', POLICY.replace('"*" }', '"*", }'));
    const diags = await lsp.diagnostics(u);
    assert.ok(diags.length > 0, 'diagnostics after the fuzzing');
    const h = await lsp.hover(u, POLICY.indexOf('s3:GetObject') + 3);
    assert.match(hoverText(h), /GetObject/);
    assert.doesNotMatch(lsp.stderr, /Internal error in rule/);
  });
});

describe('non-policy JSON over LSP', () => {
  let lsp: LspClient;
  before(async () => { lsp = await LspClient.start(); });
  after(async () => { await lsp.stop(); });

  const dir = join(__dirname, '..', 'fixtures', 'non-policy');
  for (const f of readdirSync(dir)) {
    it(`${f} opened as json gets no diagnostics, completion or hover`, async () => {
      const body = readFileSync(join(dir, f), 'utf8');
      const u = lsp.open(`np-${f}`, body, 'json');
      // a served document gets a publishDiagnostics; give the debounce time, then check nothing (non-empty) came
      await new Promise((r) => setTimeout(r, 400));
      assert.deepEqual(lsp.publishedFor(u).flatMap((p) => p.diagnostics), []);
      for (const at of [1, body.indexOf(':') + 2, body.length >> 1]) {
        assert.equal(await lsp.hover(u, at), null);
        assert.deepEqual(await lsp.completion(u, at), []);
      }
    });
  }
});
