// The server answers in the locale of LSP initialize (issue 15): "ja" gives Japanese hovers, diagnostics and quick-fix
// titles from l10n/bundle.l10n.ja.json (or the bundle the client passes in initializationOptions), "en" and locales
// without a bundle stay English. Codes, element names, action names and AWS's action descriptions are never translated.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction } from 'vscode-languageserver-protocol/node';
import type { EffectivePermissionsResult, ModelListResult, PathEdge, ScenarioResultsResult, SimulateResult } from '../../server/src/protocol';
import { hoverText, LspClient } from './lspClient';

const TEXT = `${JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObjekt', 's3:GetObject'], Resource: '*' }] }, null, 2)}\n`;

async function answers(lsp: LspClient, name: string) {
  const uri = lsp.open(name, TEXT);
  const diagnostics = await lsp.diagnostics(uri);
  const unknown = diagnostics.find((d) => d.code === 'IAM202');
  assert.ok(unknown, JSON.stringify(diagnostics));
  const fixes = await lsp.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: unknown.range, context: { diagnostics: [unknown] } });
  return {
    unknown: typeof unknown.message === 'string' ? unknown.message : unknown.message.value,
    fix: fixes[0]?.title ?? '',
    actionElement: hoverText(await lsp.hover(uri, TEXT.indexOf('"Action"') + 2)),
    action: hoverText(await lsp.hover(uri, TEXT.indexOf('"s3:GetObject"') + 4)),
  };
}

describe('the server speaks the locale it was initialised with', () => {
  let ja: LspClient;
  let en: LspClient;
  let fr: LspClient;
  before(async () => {
    [ja, en, fr] = await Promise.all([LspClient.start({ locale: 'ja' }), LspClient.start({ locale: 'en' }), LspClient.start({ locale: 'fr' })]);
  });
  after(async () => { await Promise.all([ja?.stop(), en?.stop(), fr?.stop()]); });

  it('locale "ja": diagnostics, quick-fix titles and hovers in Japanese; code, action names and AWS descriptions unchanged', async () => {
    const a = await answers(ja, 'app.policy.json');
    assert.equal(a.unknown, '不明なアクション "s3:GetObjekt": サービス "s3" にそのようなアクションはありません。 "s3:GetObject" ではありませんか?');
    assert.equal(a.fix, '"s3:GetObject" に変更');
    assert.match(a.actionElement, /^ステートメントが対象とするアクション。`service:Action` の形式で書きます/);
    assert.match(a.action, /^\*\*s3:GetObject\*\* — Read/);
    assert.match(a.action, /Grants permission to retrieve objects from Amazon S3/, 'AWS\'s description stays English');
    assert.match(a.action, /リソースタイプ \(Resource の ARN はいずれかに一致する必要があります\):/);
    assert.match(a.action, /\[サービス認証リファレンス \(英語\)\]\(https:\/\/docs\.aws\.amazon\.com\/service-authorization\/latest\/reference\/list_s3\.html[^)]*\) · \[サービス認証リファレンス \(日本語\)\]\(https:\/\/docs\.aws\.amazon\.com\/ja_jp\/service-authorization\/latest\/reference\/list_s3\.html/);
  });

  it('locale "ja": policy-type texts, the status bar reason and a simulation explanation in Japanese', async () => {
    const text = `${JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] }, null, 2)}\n`;
    const uri = ja.open('guardrails.scp.json', text);
    await ja.diagnostics(uri);
    assert.match(hoverText(await ja.hover(uri, text.indexOf('"Allow"') + 2)), /^SCP の \*\*Allow\*\* は何も付与しません。/);
    const cond = `${JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 's3:*', Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': 'eu-west-1' } } }] }, null, 2)}\n`;
    const condUri = ja.open('region.policy.json', cond);
    await ja.diagnostics(condUri);
    const op = hoverText(await ja.hover(condUri, cond.indexOf('"StringNotEquals"') + 3));
    assert.match(op, /^\*\*StringNotEquals\*\* — String 演算子\n\nキーの値が、列挙した文字列のどれとも一致しない/);
    assert.match(op, /キーがない場合、条件は\*\*真\*\*になります/);
    const type = await ja.request<{ label: string; reason: string }>('iamPolicy/policyType', { uri });
    assert.equal(type.label, 'サービスコントロールポリシー (SCP)');
    assert.equal(type.reason, 'ファイル名が ".scp.json" で終わります');
    const sim = await ja.request<{ result?: { decision: string; explanation: string[] } }>('iamPolicy/simulate', {
      identityPolicies: [{ name: 'deny-reads', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 's3:GetObject', Resource: '*' }] } }],
      permissionBoundaries: [], scps: [], rcps: [],
      request: { principal: 'arn:aws:iam::111122223333:user/alice', action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' },
    });
    assert.equal(sim.result?.decision, 'ExplicitlyDenied', JSON.stringify(sim));
    assert.match(sim.result!.explanation[0], /^ExplicitlyDenied: .*が適用されます。明示的な拒否はすべての許可より優先されます \[R1\]。$/);
    assert.equal(sim.result!.explanation[1], 'プリンシパル: IAM ユーザー arn:aws:iam::111122223333:user/alice (アカウント 111122223333)。リソースのアカウント 111122223333 (リソースの ARN にアカウントがなく指定もなかったため、プリンシパルのアカウント 111122223333 と仮定しました)。');
    const mfa = await ja.request<{ result?: { decision: string; statements: { reason: string }[] } }>('iamPolicy/simulate', {
      identityPolicies: [{ name: 'mfa', policy: { Version: '2012-10-17', Statement: [
        { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } },
        { Effect: 'Allow', Action: 's3:PutObject', Resource: '*' },
      ] } }],
      permissionBoundaries: [], scps: [], rcps: [],
      request: { principal: 'arn:aws:iam::111122223333:user/alice', action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' },
    });
    assert.equal(mfa.result?.decision, 'ImplicitlyDenied', JSON.stringify(mfa));
    assert.deepEqual(mfa.result!.statements.map((st) => st.reason), [
      '条件を満たしていません: aws:MultiFactorAuthPresent がないため、Bool は false になります [R17]',
      's3:GetObject は Action に含まれていません [R15, R16]',
    ]);
  });

  it('locale "ja": messages built in rule helpers (IAM205, IAM404 for a Deny, IAM801, Bool values) are whole Japanese sentences', async () => {
    const text = `${JSON.stringify({ Version: '2012-10-17', Statement: [
      { Effect: 'Allow', Action: ['s3GetObject', 'iam:PassRole'], Resource: '*' },
      { Effect: 'Deny', Action: ['s3:GetObject', 's3:ListBucket'], Resource: 'arn:aws:s3:::bucket/*' },
      { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'yes' } } },
    ] }, null, 2)}\n`;
    const uri = ja.open('helpers.policy.json', text);
    const diagnostics = await ja.diagnostics(uri);
    const message = (code: string) => {
      const d = diagnostics.find((x) => x.code === code);
      assert.ok(d, `${code} in ${JSON.stringify(diagnostics)}`);
      return typeof d.message === 'string' ? d.message : d.message.value;
    };
    assert.equal(message('IAM205'), '"s3GetObject" はアクションではありません。"service:Action" (例: "s3:GetObject")、"service:*"、または "*" と書いてください。');
    assert.equal(message('IAM404'), '"s3:ListBucket" はこのステートメントのリソースには決して適用されません。このアクションが対象とするのは "arn:aws:s3:${Region}:${Account}:accesspoint/${AccessPointName}" または "arn:aws:s3:::${BucketName}" で、ここにはそのようなリソースがないため、このステートメントはこのアクションについて何も拒否しません。 一致するリソースを持つステートメントに移すか、削除してください。');
    assert.match(message('IAM801'), /^このステートメントは条件なしですべてのロールに対して iam:PassRole を許可しています。/);
    const bool = diagnostics.find((d) => (typeof d.message === 'string' ? d.message : d.message.value).includes('"Bool"'));
    assert.equal(bool && (typeof bool.message === 'string' ? bool.message : bool.message.value), '"Bool" が取るのは "true" または "false" で、"yes" ではありません。');
  });

  it('locale "ja": IAM entity, AssumeRole/PassRole, ARN part-by-part and managed-policy hovers in Japanese', async () => {
    const text = `${JSON.stringify({ Version: '2012-10-17', Statement: [
      { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::111122223333:role/App' },
      { Effect: 'Allow', Action: 'iam:AttachRolePolicy', Resource: '*', Condition: { ArnEquals: { 'iam:PolicyARN': 'arn:aws:iam::aws:policy/ReadOnlyAccess' } } },
    ] }, null, 2)}\n`;
    const uri = ja.open('hovers.policy.json', text);
    await ja.diagnostics(uri);
    const role = hoverText(await ja.hover(uri, text.indexOf('role/App') + 2));
    assert.match(role, /\*\*IAM ロール\*\*には\*\*長期的な認証情報がありません\*\*/);
    assert.match(role, /リソースタイプ `role` \(`sts:AssumeRole`\):/);
    assert.match(role, /この ARN の各部分:\n- パーティション `\$\{Partition\}`: `aws`\n- サービス: `iam`\n- リージョン: _\(空\)_\n- アカウント `\$\{Account\}`: `111122223333`/);
    const assume = hoverText(await ja.hover(uri, text.indexOf('sts:AssumeRole') + 5));
    assert.match(assume, /\*\*2 つのポリシーが許可する必要があります。\*\*/);
    assert.match(assume, /\*\*`iam:PassRole` と混同しないでください\*\*/);
    const managed = hoverText(await ja.hover(uri, text.indexOf('policy/ReadOnlyAccess') + 3));
    assert.match(managed, /^\*\*AWS 管理ポリシー\*\* `ReadOnlyAccess` \(v\d+、/);
    assert.match(managed, /個のサービスの \*\*[\d,]+\*\* 個のアクションを許可します: /);
    assert.match(managed, /ステートメント:/);
  });

  it('locale "ja": what a service principal is used for, and IAM013 on an empty value, in Japanese', async () => {
    const text = `${JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }, { Effect: 'Allow', Action: [], Resource: '*' }] }, null, 2)}\n`;
    const uri = ja.open('fn.trust.json', text);
    const diagnostics = await ja.diagnostics(uri);
    const empty = diagnostics.find((d) => d.code === 'IAM013');
    assert.equal(empty && (typeof empty.message === 'string' ? empty.message : empty.message.value), '"Action" が空です: アクションを 1 つ以上列挙するか、ステートメントを削除してください。');
    assert.match(hoverText(await ja.hover(uri, text.indexOf('lambda.amazonaws.com') + 3)), / — Lambda 関数の実行ロール\./);
  });

  it('locale "ja": messages that were built from English pieces (Sid format, unknown operator, redundant statement) are whole Japanese sentences', async () => {
    const text = `${JSON.stringify({ Version: '2012-10-17', Statement: [
      { Sid: 'read-all', Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { Zorblax: { 'aws:SourceIp': '203.0.113.0/24' } } },
      { Sid: 'A', Effect: 'Allow', Action: 's3:*', Resource: '*' },
      { Sid: 'B', Effect: 'Allow', Action: 's3:PutObject', Resource: '*' },
    ] }, null, 2)}\n`;
    const uri = ja.open('pieces.policy.json', text);
    const messages = (await ja.diagnostics(uri)).map((d) => (typeof d.message === 'string' ? d.message : d.message.value));
    assert.ok(messages.includes('この Sid には IAM が許可しない文字が含まれています: 英字と数字だけを使ってください (例: "readall")。'), messages.join('\n'));
    assert.ok(messages.includes('不明な条件演算子 "Zorblax"。StringEquals、StringLike、ArnLike、NumericLessThan、DateGreaterThan、Bool、IpAddress、Null などの IAM の演算子を使ってください。'), messages.join('\n'));
    assert.ok(messages.includes('このステートメントは冗長です: ステートメント "A" が同じ効果を持ち、すでにすべてのアクションとリソースをカバーしています。削除してください。'), messages.join('\n'));
  });

  it('locale "ja": a template hover says where a value came from in Japanese ("In this template")', async () => {
    const text = `${JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: { Q: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: {
      Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::b/*' } }] } } } } }, null, 2)}\n`;
    const uri = ja.open('app.template.json', text, 'json');
    await ja.diagnostics(uri);
    const h = hoverText(await ja.hover(uri, text.indexOf('AWS::Partition') + 4));
    assert.match(h, /\*\*このテンプレートでは:\*\* `AWS::Partition` を `aws` と仮定しました。/);
  });

  it('locale "ja": the new-policy and new-statement snippets are labelled in Japanese and still found by their English words', async () => {
    const empty = ja.open('empty.trust.json', '');
    await ja.diagnostics(empty);
    const policy = (await ja.completion(empty, 0)).find((i) => i.filterText === 'New trust policy');
    assert.equal(policy?.label, '新しいロールの信頼ポリシー');
    const text = '{"Version": "2012-10-17", "Statement": [\n]}';
    const uri = ja.open('stmt.policy.json', text);
    await ja.diagnostics(uri);
    const statement = (await ja.completion(uri, text.indexOf('\n') + 1)).find((i) => i.filterText === 'New statement');
    assert.equal(statement?.label, '新しいステートメント');
    assert.equal(statement?.detail, 'アイデンティティベースのポリシーのステートメント');
    const enUri = en.open('stmt.policy.json', text);
    await en.diagnostics(enUri);
    assert.equal((await en.completion(enUri, text.indexOf('\n') + 1)).find((i) => i.filterText === 'New statement')?.label, 'New statement');
  });

  it('locale "en" stays English, and a locale without a bundle ("fr") falls back to English', async () => {
    for (const lsp of [en, fr]) {
      const a = await answers(lsp, 'app.policy.json');
      assert.equal(a.unknown, 'Unknown action "s3:GetObjekt": the service "s3" has no such action. Did you mean "s3:GetObject"?');
      assert.equal(a.fix, 'Change to "s3:GetObject"');
      assert.match(a.actionElement, /^The actions the statement covers, as `service:Action`/);
      assert.match(a.action, /\[Service Authorization Reference\]\(https:\/\/docs\.aws\.amazon\.com\/service-authorization\//);
      assert.doesNotMatch(a.action, /ja_jp/);
    }
  });
});

describe('the bundle the client passes in initializationOptions wins over the shipped one', () => {
  let lsp: LspClient;
  before(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iam-l10n-'));
    const bundle = join(dir, 'bundle.l10n.ja.json');
    writeFileSync(bundle, JSON.stringify({ 'Unknown action "{0}": the service "{1}" has no such action.': 'CLIENT BUNDLE {0} {1}' }));
    lsp = await LspClient.start({ locale: 'ja', initializationOptions: { l10nBundle: bundle } });
  });
  after(async () => { await lsp?.stop(); });

  it('uses the texts of that file', async () => {
    const a = await answers(lsp, 'app.policy.json');
    assert.match(a.unknown, /^CLIENT BUNDLE s3:GetObjekt s3 /);
  });
});

describe('the model\'s texts follow the locale too: policy-origin labels, escalation assumptions, flow steps', () => {
  const root = join(__dirname, '..', '..');
  const SEED_URI = pathToFileURL(join(root, 'examples', 'model', 'seed-world.iam-model.json')).toString();
  const FLOWS_SCENARIOS = pathToFileURL(join(root, 'test', 'fixtures', 'flows', 'flows.scenario.json')).toString();
  let ja: LspClient;
  let en: LspClient;
  before(async () => {
    const workspaceFolders = [pathToFileURL(root).toString()];
    [ja, en] = await Promise.all([LspClient.start({ locale: 'ja', workspaceFolders }), LspClient.start({ locale: 'en', workspaceFolders })]);
  });
  after(async () => { await Promise.all([ja?.stop(), en?.stop()]); });

  const labels = async (lsp: LspClient) => {
    const list = await lsp.request<ModelListResult>('iamPolicy/modelList', { uris: [SEED_URI] });
    const main = list.accounts.find((a) => a.id === '111111111111')!;
    const fuga = await lsp.request<EffectivePermissionsResult>('iamPolicy/effectivePermissions', { model: { uris: [SEED_URI] }, principal: 'user/Fuga' });
    const hoge = await lsp.request<SimulateResult>('iamPolicy/simulate', {
      identityPolicies: [], permissionBoundaries: [], scps: [], rcps: [], model: { uris: [SEED_URI] },
      request: { principal: 'user/Hoge', action: 's3:GetObject', resource: 'arn:aws:s3:::example-shared-bucket/a.csv' },
    });
    const paths = await lsp.request<{ edges: PathEdge[] }>('iamPolicy/escalationPaths', { model: { uris: [SEED_URI] } });
    return {
      groupInline: main.groups.find((g) => g.name === 'Developers')!.policies.find((p) => p.name === 'AssumeReadOnlyRole')!.origin.label,
      fuga: fuga.gathered.map((g) => g.origin.label),
      hoge: hoge.model!.gathered.map((g) => g.origin.label),
      resourceName: hoge.model!.gathered[4]?.name,
      assumptions: paths.edges.filter((e) => e.escalation).flatMap((e) => e.assumptions),
    };
  };

  it('locale "ja": the labels of gathered and listed policies, and the escalation assumptions, are Japanese; ARNs and names stay', async () => {
    const l = await labels(ja);
    assert.equal(l.groupInline, 'グループ Developers のインラインポリシー AssumeReadOnlyRole');
    assert.deepEqual(l.fuga, [
      'ユーザー Fuga にアタッチされた arn:aws:iam::aws:policy/AdministratorAccess',
      'ユーザー Fuga にアタッチされたアクセス許可の境界 arn:aws:iam::111111111111:policy/S3OnlyBoundary',
      'account の SCP FullAWSAccess',
      'account の SCP ProtectCloudTrail',
    ]);
    assert.deepEqual(l.hoge, [
      'グループ Developers 経由の arn:aws:iam::aws:policy/ReadOnlyAccess',
      'グループ Developers のインラインポリシー AssumeReadOnlyRole',
      'account の SCP FullAWSAccess',
      'account の SCP ProtectCloudTrail',
      'arn:aws:s3:::example-shared-bucket のリソースベースのポリシー (アカウント 111111111111)',
    ]);
    assert.deepEqual(l.assumptions, ['lambda.amazonaws.com がロールを受け取る。新しい関数を呼び出せる (lambda:InvokeFunction、またはイベントソース)']);
    assert.equal(l.resourceName, 'arn:aws:s3:::example-shared-bucket のリソースベースのポリシー', 'the name the model gives the document');
  });

  it('locale "en": the same labels in English, as before', async () => {
    const l = await labels(en);
    assert.equal(l.groupInline, 'inline policy AssumeReadOnlyRole of group Developers');
    assert.deepEqual(l.fuga, [
      'arn:aws:iam::aws:policy/AdministratorAccess attached to user Fuga',
      'boundary arn:aws:iam::111111111111:policy/S3OnlyBoundary attached to user Fuga',
      'SCP FullAWSAccess at account',
      'SCP ProtectCloudTrail at account',
    ]);
    assert.deepEqual(l.hoge, [
      'arn:aws:iam::aws:policy/ReadOnlyAccess via group Developers',
      'inline policy AssumeReadOnlyRole of group Developers',
      'SCP FullAWSAccess at account',
      'SCP ProtectCloudTrail at account',
      'resource policy of arn:aws:s3:::example-shared-bucket (account 111111111111)',
    ]);
    assert.deepEqual(l.assumptions, ['lambda.amazonaws.com receives the role; the new function can be invoked (lambda:InvokeFunction, or an event source)']);
    assert.equal(l.resourceName, 'resource policy of arn:aws:s3:::example-shared-bucket');
  });

  it('locale "ja": a scenario with an AssumeRole flow explains its steps in Japanese', async () => {
    const r = await ja.request<ScenarioResultsResult>('iamPolicy/scenarioResults', { uri: FLOWS_SCENARIOS });
    const named = r.scenarios.find((s) => s.name.startsWith('same account, trust names the user'));
    assert.ok(named?.result, JSON.stringify(r.errors));
    assert.equal(named.result.decision, 'Allowed');
    assert.match(named.result.explanation[0], /^ステップ 1 assumeRole: arn:aws:iam::111111111111:user\/Named sts:AssumeRole arn:aws:iam::111111111111:role\/NamedTrust: Allowed。$/);
    assert.ok(named.result.explanation.includes('すべてのステップが Allowed です。'), named.result.explanation.join('\n'));
  });
});
