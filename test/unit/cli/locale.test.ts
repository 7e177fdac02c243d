// The CLI as a process in Japanese (issue 15): `--locale ja` and LANG=ja_JP.UTF-8 translate the text output (findings,
// summaries, scenario results); codes, severities, element and action names stay, and JSON/SARIF keep their field
// names. Bundled from the sources into a temporary folder laid out as shipped (dist/cli.js, dist/data, l10n/).
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = join(__dirname, '..', '..', '..');
const pkgDir = mkdtempSync(join(tmpdir(), 'iam-cli-l10n-'));
const NO_LOCALE = { LANG: '', LC_ALL: '', LC_MESSAGES: '', GITHUB_ACTIONS: '' };
const cli = (env: NodeJS.ProcessEnv, ...args: string[]) =>
  spawnSync(process.execPath, [join(pkgDir, 'dist', 'cli.js'), ...args], { encoding: 'utf8', env: { ...process.env, ...NO_LOCALE, ...env } });
let policy = '';
let scenario = '';

describe('iam-policy in Japanese, as a process', () => {
  before(async () => {
    mkdirSync(join(pkgDir, 'dist'));
    await build({
      entryPoints: [join(root, 'server', 'src', 'cli.ts')], outfile: join(pkgDir, 'dist', 'cli.js'), absWorkingDir: root,
      bundle: true, platform: 'node', target: 'node20', format: 'cjs', mainFields: ['module', 'main'], logLevel: 'error',
    });
    symlinkSync(join(root, 'server', 'data'), join(pkgDir, 'dist', 'data'));
    symlinkSync(join(root, 'l10n'), join(pkgDir, 'l10n'));
    const dir = mkdtempSync(join(tmpdir(), 'iam-cli-l10n-files-'));
    policy = join(dir, 'app.policy.json');
    writeFileSync(policy, JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObjekt', Resource: '*' }] }, null, 2));
    scenario = join(dir, 'reads.scenario.json');
    writeFileSync(scenario, JSON.stringify({
      name: 'reads', identityPolicies: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }],
      request: { principal: 'arn:aws:iam::111122223333:user/alice', action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' }, expected: 'Allowed',
    }));
  });

  it('lint --locale ja: the finding and the summary in Japanese, the code and severity as they are', () => {
    const r = cli({}, 'lint', '--locale', 'ja', policy);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /:6:17: error IAM202: 不明なアクション "s3:GetObjekt": サービス "s3" にそのようなアクションはありません。 "s3:GetObject" ではありませんか\?/);
    assert.match(r.stdout, /1 個のファイルをチェックしました: エラー 1 件、警告 0 件/);
  });

  it('LANG=ja_JP.UTF-8 picks Japanese too; --locale en wins over it; no locale is English', () => {
    assert.match(cli({ LANG: 'ja_JP.UTF-8' }, 'lint', policy).stdout, /不明なアクション "s3:GetObjekt"/);
    const en = cli({ LANG: 'ja_JP.UTF-8' }, 'lint', '--locale=en', policy).stdout;
    assert.match(en, /error IAM202: Unknown action "s3:GetObjekt": the service "s3" has no such action\. Did you mean "s3:GetObject"\?/);
    assert.match(en, /1 file\(s\) checked: 1 error\(s\), 0 warning\(s\)/);
    assert.match(cli({}, 'lint', policy).stdout, /Unknown action "s3:GetObjekt"/);
  });

  it('JSON and SARIF keep their field names; only the message texts are Japanese', () => {
    const json = JSON.parse(cli({}, 'lint', '--locale', 'ja', '--format', 'json', policy).stdout) as { file: string; diagnostics: { code: string; severity: string; message: string }[] }[];
    assert.deepEqual(Object.keys(json[0].diagnostics[0]).sort(), ['code', 'message', 'range', 'severity']);
    assert.equal(json[0].diagnostics[0].code, 'IAM202');
    assert.equal(json[0].diagnostics[0].severity, 'error');
    assert.match(json[0].diagnostics[0].message, /^不明なアクション/);
    const sarif = JSON.parse(cli({}, 'lint', '--locale', 'ja', '--format', 'sarif', policy).stdout) as { runs: { results: { ruleId: string; level: string; message: { text: string } }[] }[] };
    const res = sarif.runs[0].results[0];
    assert.equal(res.ruleId, 'IAM202');
    assert.equal(res.level, 'error');
    assert.match(res.message.text, /^不明なアクション/);
  });

  it('test --locale ja: the summary line in Japanese, the decision (data) as it is', () => {
    const r = cli({}, 'test', '--locale', 'ja', scenario);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /pass {2}.*reads\.scenario\.json: reads: Allowed/);
    assert.match(r.stdout, /1 件成功、0 件失敗/);
  });

  it('--locale without a value is a usage error', () => {
    const r = cli({}, 'lint', policy, '--locale');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--locale needs a value, e\.g\. --locale ja/);
  });
});
