// The localisation bundles are complete: scripts/l10n.mjs --check extracts every l10n.t / vscode.l10n.t message of the
// client and the server with @vscode/l10n-dev and fails when l10n/bundle.l10n.json is stale, when a message or a
// manifest text (package.nls.json) has no Japanese text, or when a translation's placeholders differ.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const check = (...extra: string[]) => spawnSync(process.execPath, ['scripts/l10n.mjs', '--check', ...extra], { cwd: root, encoding: 'utf8' });
const tmp = mkdtempSync(join(tmpdir(), 'iam-l10n-'));

test('every message of the client and the server and every manifest text has a Japanese text', () => {
  const r = check();
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /bundle\.l10n\.ja\.json: (\d+)\/\1 messages translated/);
  assert.match(r.stdout, /package\.nls\.ja\.json: (\d+)\/\1 manifest texts translated/);
});

test('a server message without Japanese text fails the check (negative control)', () => {
  const ja = JSON.parse(readFileSync(join(root, 'l10n/bundle.l10n.ja.json'), 'utf8')) as Record<string, string>;
  const english = JSON.parse(readFileSync(join(root, 'l10n/bundle.l10n.json'), 'utf8')) as Record<string, string>;
  const serverKey = Object.keys(english).find((k) => k.startsWith('Unknown action'));
  assert.ok(serverKey, 'the server\'s messages are in the bundle');
  delete ja[serverKey];
  writeFileSync(join(tmp, 'ja.json'), JSON.stringify(ja));
  const r = check('--ja', join(tmp, 'ja.json'));
  assert.equal(r.status, 1);
  assert.ok(r.stderr.includes(`no text for message ${JSON.stringify(serverKey)}`), r.stderr);
});

test('a client message without Japanese text, or with other placeholders, fails the check (negative control)', () => {
  const ja = JSON.parse(readFileSync(join(root, 'l10n/bundle.l10n.ja.json'), 'utf8')) as Record<string, string>;
  delete ja['Save Scenario'];
  ja['Saved {0}.'] = '保存しました。';
  writeFileSync(join(tmp, 'ja2.json'), JSON.stringify(ja));
  const r = check('--ja', join(tmp, 'ja2.json'));
  assert.equal(r.status, 1);
  assert.match(r.stderr, /no text for message "Save Scenario"/);
  assert.match(r.stderr, /"Saved \{0\}\." has placeholders \[\], the English \[\{0\}\]/);
});

test('a manifest text without Japanese text fails the check (negative control)', () => {
  const nls = JSON.parse(readFileSync(join(root, 'package.nls.ja.json'), 'utf8')) as Record<string, string>;
  delete nls['command.simulate.title'];
  writeFileSync(join(tmp, 'nls.json'), JSON.stringify(nls));
  const r = check('--nls-ja', join(tmp, 'nls.json'));
  assert.equal(r.status, 1);
  assert.match(r.stderr, /no text for manifest text "command\.simulate\.title"/);
});
