// `iam-policy lint` on CloudFormation/SAM templates as users run it: the JSON contract of shared/spec/iac.md
// (each file's policies with id, type and range; each diagnostic with its policy) and file:line:col in text.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const fixtures = join(root, 'test', 'fixtures', 'templates');
const cli = (...args: string[]) => spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), ...args], { encoding: 'utf8' });
let dir = '';

describe('iam-policy lint on templates', () => {
  before(() => {
    const b = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, encoding: 'utf8' });
    assert.equal(b.status, 0, b.stderr);
    dir = mkdtempSync(join(tmpdir(), 'iam-lint-tpl-'));
    writeFileSync(join(dir, 'app.yaml'), readFileSync(join(fixtures, 'app.template.yaml'), 'utf8').replace('- s3:PutObject\n', '- s3:PutObjcet\n'));
    copyFileSync(join(fixtures, 'sam.yaml'), join(dir, 'sam.yaml'));
    copyFileSync(join(fixtures, 'non-template', 'deployment.yaml'), join(dir, 'deployment.yaml'));
  });

  it('gives each file its policies and each diagnostic its policy id and host range', () => {
    const r = cli('lint', join(dir, 'app.yaml'), join(dir, 'sam.yaml'), '--format', 'json');
    assert.equal(r.status, 1, r.stdout + r.stderr);
    const out = JSON.parse(r.stdout) as { file: string; policies: { id: string; policyType: string; range: { start: { line: number } } }[]; diagnostics: { code: string; policy?: string; range: { start: { line: number; character: number } } }[] }[];
    assert.deepEqual(out[0].policies.map((p) => `${p.policyType} ${p.id}`), [
      'trust Resources/WorkerRole/Properties/AssumeRolePolicyDocument',
      'identity Resources/WorkerRole/Properties/Policies/0/PolicyDocument',
      'resource Resources/BucketPolicy/Properties/PolicyDocument',
      'scp Resources/Guard/Properties/Content',
    ]);
    const typo = out[0].diagnostics.find((d) => d.code === 'IAM202')!;
    assert.equal(typo.policy, 'Resources/WorkerRole/Properties/Policies/0/PolicyDocument');
    const line = readFileSync(join(dir, 'app.yaml'), 'utf8').split('\n')[typo.range.start.line];
    assert.equal(line.slice(typo.range.start.character, typo.range.start.character + 12), 's3:PutObjcet');
    assert.deepEqual(out[1].diagnostics.filter((d) => d.code !== 'IAM010'), []);
  });

  it('lints Terraform: policy addresses as ids, findings at the characters written', () => {
    writeFileSync(join(dir, 'main.tf'), readFileSync(join(fixtures, 'terraform', 'main.tf'), 'utf8').replace('"sqs:DeleteMessage"]', '"sqs:DeleteMesage"]'));
    const r = cli('lint', join(dir, 'main.tf'), '--format', 'json');
    assert.equal(r.status, 1, r.stdout + r.stderr);
    const [out] = JSON.parse(r.stdout) as { policies: { id: string }[]; diagnostics: { code: string; policy?: string; range: { start: { line: number; character: number } } }[] }[];
    assert.deepEqual(out.policies.map((p) => p.id), ['aws_iam_role.worker.assume_role_policy', 'aws_iam_role.worker.inline_policy.0.policy', 'data.aws_iam_policy_document.reports', 'aws_s3_bucket_policy.partner.policy']);
    const typo = out.diagnostics.find((d) => d.code === 'IAM202')!;
    assert.equal(typo.policy, 'aws_iam_role.worker.inline_policy.0.policy');
    const line = readFileSync(join(dir, 'main.tf'), 'utf8').split('\n')[typo.range.start.line];
    assert.equal(line.slice(typo.range.start.character, typo.range.start.character + 18), '"sqs:DeleteMesage"');
  });

  it('prints file:line:col in text and skips YAML that is not a template', () => {
    const r = cli('lint', join(dir, 'app.yaml'), join(dir, 'deployment.yaml'));
    assert.equal(r.status, 1);
    assert.match(r.stdout, /app\.yaml:39:21: error IAM202: Unknown action "s3:PutObjcet"/);
    assert.match(r.stdout, /deployment\.yaml: skipped: not a CloudFormation or SAM template/);
  });
});
