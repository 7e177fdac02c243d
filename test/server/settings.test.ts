// The iamPolicy.* settings as a client sends them (workspace/configuration), through the real server.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from './lspClient';

const TYPO = '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "dyanmodb:GetItem", "Resource": "*" }]\n}\n';

describe('iamPolicy settings over LSP', () => {
  it('diagnostics.rules turns a rule off by code and changes another severity by slug', async () => {
    const plain = await LspClient.start();
    const tuned = await LspClient.start({ settings: { iamPolicy: { diagnostics: { rules: { IAM201: 'off' } } } } });
    try {
      const before = await plain.diagnostics(plain.open('a.policy.json', TYPO));
      assert.ok(before.some((d) => d.code === 'IAM201'), JSON.stringify(before));
      const after = await tuned.diagnostics(tuned.open('a.policy.json', TYPO));
      assert.ok(!after.some((d) => d.code === 'IAM201'), JSON.stringify(after));
    } finally {
      await plain.stop();
      await tuned.stop();
    }
  });

  it('policyTypes globs decide the policy type before file names and content', async () => {
    const lsp = await LspClient.start({ settings: { iamPolicy: { policyTypes: { '**/org/*.json': 'scp' } } } });
    try {
      const uri = lsp.open('file:///workspace/org/guard.trust.json', TYPO);
      await lsp.diagnostics(uri);
      const r = await lsp.request<{ type: string; source: string }>('iamPolicy/policyType', { uri });
      assert.deepEqual([r.type, r.source], ['scp', 'setting']);
      const other = lsp.open('file:///workspace/team/deploy.trust.json', TYPO);
      await lsp.diagnostics(other);
      const t = await lsp.request<{ type: string; source: string }>('iamPolicy/policyType', { uri: other });
      assert.deepEqual([t.type, t.source], ['trust', 'file name']);
    } finally {
      await lsp.stop();
    }
  });

  it('detectInJson off leaves policies in plain JSON files alone', async () => {
    const lsp = await LspClient.start({ settings: { iamPolicy: { detectInJson: false } } });
    try {
      const json = lsp.open('plain.json', TYPO, 'json');
      const policy = lsp.open('b.policy.json', TYPO);
      assert.ok((await lsp.diagnostics(policy)).length > 0);
      await new Promise((r) => setTimeout(r, 400));
      assert.deepEqual(lsp.publishedFor(json).flatMap((p) => p.diagnostics), []);
      assert.equal(await lsp.hover(json, TYPO.indexOf('dyanmodb') + 2), null);
    } finally {
      await lsp.stop();
    }
  });
  it('settings of the wrong types fall back to the defaults', async () => {
    const lsp = await LspClient.start({ settings: { iamPolicy: { detectInJson: 'no', diagnostics: { rules: 'IAM201' }, policyTypes: ['scp'] } } });
    try {
      const u = lsp.open('c.policy.json', TYPO);
      assert.ok((await lsp.diagnostics(u)).some((d) => d.code === 'IAM201'));
      const json = lsp.open('plain2.json', TYPO, 'json');
      assert.ok((await lsp.diagnostics(json)).some((d) => d.code === 'IAM201'), 'detectInJson stays on');
      const r = await lsp.request<{ type: string; source: string }>('iamPolicy/policyType', { uri: u });
      assert.equal(r.type, 'identity');
    } finally {
      await lsp.stop();
    }
  });
});
