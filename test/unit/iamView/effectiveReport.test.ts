// "Show effective permissions": the server's answer as the Markdown report the editor opens.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { effectivePermissionsMarkdown } from '../../../client/src/model/effectiveReport';
import type { EffectivePermissionsResult } from '../../../server/src/protocol';
import { english } from '../../../client/src/translator';
import { japanese } from './japaneseTranslator';

const base: EffectivePermissionsResult = {
  principal: 'arn:aws:iam::111111111111:user/Hoge',
  actions: [
    { action: 's3:PutObject', service: 's3', accessLevel: 'Write', resources: ['arn:aws:s3:::acme-reports/*'], conditional: true, conditions: ['Bool aws:SecureTransport = true'] },
    { action: 's3:GetObject', service: 's3', accessLevel: 'Read', resources: ['arn:aws:s3:::acme-reports/*', 'except arn:aws:s3:::acme-reports/secret/*'], conditional: false },
    { action: 's3:ListAllMyBuckets', service: 's3', accessLevel: 'List', resources: ['*'], conditional: false },
    { action: 'ec2:DescribeInstances', service: 'ec2', accessLevel: 'List', resources: ['*'], conditional: false },
  ],
  gathered: [
    { policyType: 'identity', name: 'AdministratorAccess', origin: { kind: 'aws-managed', label: 'arn:aws:iam::aws:policy/AdministratorAccess', arn: 'arn:aws:iam::aws:policy/AdministratorAccess' } },
    { policyType: 'boundary', name: 'S3Only', origin: { kind: 'customer-managed', label: 'boundary S3Only' } },
  ],
  assumedConditions: ['aws:MultiFactorAuthPresent is true'],
  errors: [],
  problems: [],
};

describe('effective permissions report', () => {
  it('groups actions per service (sorted) and access level (List, Read, Write, …), with resources and conditions', () => {
    const md = effectivePermissionsMarkdown('user/Hoge', base, english);
    assert.match(md, /^# Effective permissions of arn:aws:iam::111111111111:user\/Hoge/);
    assert.match(md, /4 actions in 2 services/);
    assert.ok(md.indexOf('## ec2') < md.indexOf('## s3'), 'services sorted');
    const s3 = md.slice(md.indexOf('## s3'));
    assert.ok(s3.indexOf('### List (1)') < s3.indexOf('### Read (1)') && s3.indexOf('### Read (1)') < s3.indexOf('### Write (1)'), 'levels in IAM order');
    assert.match(md, /- `s3:PutObject` on `arn:aws:s3:::acme-reports\/\*` — only when `Bool aws:SecureTransport = true`/);
    assert.match(md, /- `s3:GetObject` on `arn:aws:s3:::acme-reports\/\*` except `arn:aws:s3:::acme-reports\/secret\/\*`\n/);
    assert.match(md, /Assumed to hold[^\n]*\n\n- aws:MultiFactorAuthPresent is true/);
    assert.match(md, /- boundary: boundary S3Only/);
  });

  it('a principal that is not in the model shows the error and no action list', () => {
    const md = effectivePermissionsMarkdown('user/Hgoe', { ...base, principal: '', actions: [], gathered: [], errors: ['user/Hgoe is not in the model. Did you mean user/Hoge?'] }, english);
    assert.match(md, /^# Effective permissions of user\/Hgoe/);
    assert.match(md, /> \*\*Error:\*\* user\/Hgoe is not in the model\. Did you mean user\/Hoge\?/);
    assert.doesNotMatch(md, /actions? in/);
  });

  it('says so when nothing is allowed, and names model problems with file and JSON path', () => {
    const md = effectivePermissionsMarkdown('user/Hoge', { ...base, actions: [], problems: [{ uri: 'file:///w/acme.iam-model.json', path: '$.users.Hoge.groups[0]', message: 'unknown group "Devs"' }] }, english);
    assert.match(md, /No action is allowed\./);
    assert.match(md, /Model problem\*\* in file:\/\/\/w\/acme\.iam-model\.json at `\$\.users\.Hoge\.groups\[0\]`: unknown group "Devs"/);
  });

  it('in Japanese (the bundle vscode.l10n loads for display language ja): headings, summary, lines and origins translated; ARNs, actions and access levels as they are', () => {
    const md = effectivePermissionsMarkdown('user/Hoge', base, japanese);
    assert.match(md, /^# arn:aws:iam::111111111111:user\/Hoge の有効なアクセス許可\n/);
    assert.match(md, /\n2 つのサービスの 4 個のアクション \(アクセス許可の境界、SCP、RCP を適用した後\)。\n/);
    assert.match(md, /\n成り立つと仮定した条件 \(答えはこれらに依存します\):\n\n- aws:MultiFactorAuthPresent is true\n/);
    assert.match(md, /\n### Read \(1\)\n\n- `arn:aws:s3:::acme-reports\/\*` \(`arn:aws:s3:::acme-reports\/secret\/\*` を除く\) に対する `s3:GetObject`\n/);
    assert.match(md, /- `arn:aws:s3:::acme-reports\/\*` に対する `s3:PutObject` — `Bool aws:SecureTransport = true` の場合のみ\n/);
    assert.match(md, /\n## 考慮したポリシー\n\n- アイデンティティベース: arn:aws:iam::aws:policy\/AdministratorAccess\n- アクセス許可の境界: boundary S3Only\n/);
    const none = effectivePermissionsMarkdown('user/Hoge', { ...base, actions: [], errors: ['x'], problems: [{ uri: 'file:///w/acme.iam-model.json', path: '$.users.Hoge.groups[0]', message: '不明なグループ "Devs"' }] }, japanese);
    assert.match(none, /\n> \*\*エラー:\*\* x\n/);
    assert.match(none, /\n許可されるアクションはありません。\n/);
    assert.match(none, /> file:\/\/\/w\/acme\.iam-model\.json の `\$\.users\.Hoge\.groups\[0\]` に\*\*モデルの問題\*\*: 不明なグループ "Devs"/);
    assert.doesNotMatch(md + none, /Effective permissions|actions in|Assumed to hold|Policies taken|No action|Model problem| on `| except `/, 'no English sentence left');
  });

  it('in English (no bundle) the summary and the policy list read as before', () => {
    const md = effectivePermissionsMarkdown('user/Hoge', base, english);
    assert.match(md, /\n4 actions in 2 services, after permissions boundaries, SCPs and RCPs\.\n/);
    assert.match(md, /\n## Policies taken into account\n\n- identity: arn:aws:iam::aws:policy\/AdministratorAccess\n- boundary: boundary S3Only\n/);
  });
});
