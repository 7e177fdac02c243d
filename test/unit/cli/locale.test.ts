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
    const missing = cli({}, 'lint', '--locale', 'ja', join(tmpdir(), 'no-such-policy.json'));
    assert.match(missing.stdout + missing.stderr, /no-such-policy\.json: error: 読み込めません: .*no-such-policy\.json: そのようなファイルはありません。パスを確認してください。/);
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

  it('--help, access, who-can and paths --locale ja: usage texts and the text reports in Japanese, command lines and ARNs as they are', () => {
    const model = join(root, 'examples', 'model', 'seed-world.iam-model.json');
    const help = cli({}, '--locale', 'ja', '--help');
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^使い方:\n {2}iam-policy lint FILES… \[--format text\|json\|sarif\]/);
    assert.match(help.stdout, /終了コード: 0 問題なし、1 検出結果あり \(lint\)/);
    const access = cli({}, 'access', '--locale', 'ja', 'user/Fuga', '--model', model);
    assert.equal(access.status, 0, access.stderr);
    assert.match(access.stdout, /^arn:aws:iam::111111111111:user\/Fuga: 1 つのサービスの \d+ 個のアクション\n {2}アイデンティティベース から: ユーザー Fuga にアタッチされた arn:aws:iam::aws:policy\/AdministratorAccess\n {2}アクセス許可の境界 から: ユーザー Fuga にアタッチされたアクセス許可の境界 arn:aws:iam::111111111111:policy\/S3OnlyBoundary\n {2}SCP から: account の SCP FullAWSAccess\n/);
    const hoge = cli({}, 'access', '--locale', 'ja', 'user/Hoge', '--model', model, '--service', 's3');
    assert.match(hoge.stdout, /\n {2}アイデンティティベース から: グループ Developers 経由の arn:aws:iam::aws:policy\/ReadOnlyAccess\n {2}アイデンティティベース から: グループ Developers のインラインポリシー AssumeReadOnlyRole\n/);
    assert.doesNotMatch(access.stdout + hoge.stdout, /attached to|inline policy|via group| at account|from identity/, 'no English origin label left');
    const unknown = cli({}, 'access', '--locale', 'ja', 'user/Fugaa', '--model', model);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /iam-policy access: モデルにユーザー "Fugaa" はありません。 "user\/Fuga" ではありませんか\?/);
    const dir = mkdtempSync(join(tmpdir(), 'iam-cli-l10n-who-'));
    const empty = join(dir, 'empty.iam-model.json');
    writeFileSync(empty, JSON.stringify({ accounts: [{ id: '111111111111', users: { u: {} } }] }));
    const nobody = cli({}, 'who-can', '--locale', 'ja', 's3:PutObject', 'arn:aws:s3:::b/k', '--model', empty);
    assert.equal(nobody.status, 0, nobody.stderr);
    assert.equal(nobody.stdout, 'モデル内に arn:aws:s3:::b/k に対して s3:PutObject を実行できる者はいません\n');
    const paths = cli({}, 'paths', '--locale', 'ja', '--model', model);
    assert.equal(paths.status, 0, paths.stderr);
    assert.match(paths.stdout, /^権限昇格の検出 \d+ 件、誰が誰になれるかのエッジ \d+ 本 \(--format json ですべてを列挙します\)/);
    assert.match(paths.stdout, /\n権限昇格 arn:aws:iam::111111111111:user\/ci-deployer → arn:aws:iam::111111111111:role\/service-role\/LambdaServiceRole: iam:PassRole \(iam:PassRole, lambda:CreateFunction\)\n/);
    assert.match(paths.stdout, /\n {4}仮定: lambda\.amazonaws\.com がロールを受け取る。新しい関数を呼び出せる \(lambda:InvokeFunction、またはイベントソース\)\n/);
    assert.doesNotMatch(paths.stdout, /ESCALATION|receives the role|can be invoked/, 'no English label or assumption left');
    const via = cli({}, 'who-can', '--locale', 'ja', 's3:GetObject', 'arn:aws:s3:::b/k', '--model', join(root, 'test', 'fixtures', 'flows', 'flows.iam-model.json'));
    assert.equal(via.status, 0, via.stderr);
    assert.match(via.stdout, /^arn:aws:iam::111111111111:user\/Named \(arn:aws:iam::111111111111:role\/NamedTrust を経由\)$/m);
    const bogus = cli({}, '--locale', 'ja', 'bogus');
    assert.equal(bogus.status, 2);
    assert.match(bogus.stderr, /^iam-policy: 不明なコマンド "bogus"\n使い方:/);
  });

  it('model problems (IAM1002) and template notes (IAM704) --locale ja in Japanese', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iam-cli-l10n-model-'));
    const model = join(dir, 'bad.iam-model.json');
    writeFileSync(model, JSON.stringify({ accounts: [{ id: '111111111111', users: { u: { groups: ['nope'] } } }] }));
    const r = cli({}, 'access', '--locale', 'ja', 'user/u', '--model', model);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /bad\.iam-model\.json の \$\.accounts\[0\]\.users\.u\.groups\[0\]: error: 不明なグループ "nope" \(ユーザー u\): アカウント 111111111111 にそのようなグループはありません。/);
    const template = join(dir, 'app.template.json');
    writeFileSync(template, JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: { P: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: 'not json' } } } }));
    const lint = cli({}, 'lint', '--locale', 'ja', template);
    assert.equal(lint.status, 0, lint.stdout + lint.stderr);
    assert.match(lint.stdout, /information IAM704: このポリシーは、値を埋めると JSON オブジェクトにならない文字列か、デプロイ時に計算される値であるため、分析されません。/);
  });

  it('test --locale ja: the errors of a bad scenario file in Japanese, field names and decisions as they are; English unchanged', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iam-cli-l10n-scenario-'));
    const bad = join(dir, 'bad.scenario.json');
    writeFileSync(bad, JSON.stringify({ request: { principal: 'arn:aws:iam::111122223333:user/a', action: 's3:Get*', resource: '*', bogus: 1 }, expected: 'Maybe' }));
    const ja = cli({}, 'test', '--locale', 'ja', bad);
    assert.equal(ja.status, 2);
    assert.match(ja.stderr, /bad\.scenario\.json の \$\.request\.bogus: 不明なリクエストのフィールド "bogus"。principal, action, resource, /);
    assert.match(ja.stderr, /bad\.scenario\.json の \$\.request\.action: "s3:Get\*" は 1 つのアクション "service:Name" ではありません \(リクエストではワイルドカードを使えません\)/);
    assert.match(ja.stderr, /bad\.scenario\.json の \$\.expected: Allowed, ExplicitlyDenied, ImplicitlyDenied のいずれかを指定してください/);
    const wild = join(dir, 'wild.scenario.json');
    writeFileSync(wild, JSON.stringify({ request: { principal: 'arn:aws:iam::111122223333:user/*', action: 's3:GetObject', resource: '*' } }));
    assert.match(cli({}, 'test', '--locale', 'ja', wild).stderr, /wild\.scenario\.json の \$\.request\.principal: プリンシパル "arn:aws:iam::111122223333:user\/\*" にワイルドカードが含まれています。/);
    const en = cli({}, 'test', bad);
    assert.match(en.stderr, /bad\.scenario\.json at \$\.request\.bogus: unknown request field "bogus"; expected one of principal, action, resource, /);
    assert.match(en.stderr, /bad\.scenario\.json at \$\.expected: expected one of Allowed, ExplicitlyDenied, ImplicitlyDenied/);
  });

  it('--locale without a value is a usage error', () => {
    const r = cli({}, 'lint', policy, '--locale');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--locale needs a value, e\.g\. --locale ja/);
  });
});
