// Policies inside Terraform: jsonencode(...), JSON heredocs with interpolations, aws_iam_policy_document blocks,
// values resolved from variables, locals, data sources and resources, findings at the characters written.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeTerraformFile } from '../../../server/src/service/embedded/templates';
import { loadTerraformParser, type TerraformParse } from '../../../server/src/node/terraformParser';
import { DEFAULT_SETTINGS } from '../../../server/src/service/settings';
import { catalog } from '../helpers';

const MAIN = readFileSync(join(__dirname, '..', '..', 'fixtures', 'templates', 'terraform', 'main.tf'), 'utf8');
let parse: TerraformParse;
const analyze = (text = MAIN) => analyzeTerraformFile('file:///main.tf', text, parse, catalog, DEFAULT_SETTINGS);
/** the host text a range covers, without the quotes of a string literal (findings on strings cover the literal) */
const textAt = (text: string, r: { start: { line: number; character: number }; end: { line: number; character: number } }) => {
  const doc = TextDocument.create('file:///x.tf', 'terraform', 1, text);
  return text.slice(doc.offsetAt(r.start), doc.offsetAt(r.end)).replace(/^"(.*)"$/s, '$1');
};

describe('Terraform: extraction', () => {
  before(async () => { parse = await loadTerraformParser(); });

  it('finds jsonencode, inline_policy, policy documents and heredocs with their addresses and types', () => {
    assert.deepEqual(analyze().policies.map((p) => `${p.policyType} ${p.id}`), [
      'trust aws_iam_role.worker.assume_role_policy',
      'identity aws_iam_role.worker.inline_policy.0.policy',
      'identity data.aws_iam_policy_document.reports',
      'resource aws_s3_bucket_policy.partner.policy',
    ]);
  });

  it('resolves variables with defaults, locals, data sources and resource attributes; &{} is an IAM variable', () => {
    const [, inline, doc, heredoc] = analyze().policies.map((p) => p.virtual.text);
    assert.match(inline, /"Resource": "arn:aws:sqs:us-east-1:123456789012:jobs"/);
    assert.match(doc, /"arn:aws:s3:::acme-reports\/reports\/\$\{aws:username\}\/\*"/);
    assert.match(doc, /"StringLike": \{\s*"s3:prefix": \[\s*"reports\/\$\{aws:username\}\/\*"/);
    assert.match(doc, /"Effect": "Allow"/, 'effect defaults to Allow');
    assert.match(heredoc, /"Resource": "arn:aws:s3:::acme-reports\/\*"/);
  });

  it('reports what it cannot analyse (templatefile) as information, and nothing else on a clean module', () => {
    const d = analyze().diagnostics;
    assert.deepEqual(d.map((x) => x.code), ['IAM704']);
    assert.match(String(d[0].message), /templatefile/);
  });

  it('a variable without default is an unknown placeholder: the principal ARN built from it is not flagged', () => {
    const heredoc = analyze().policies[3].virtual;
    assert.ok(heredoc.segments.some((s) => s.kind === 'unknown' && /external_account/.test(s.note ?? '')));
  });
});

describe('Terraform: a policy document takes its type from where it is used', () => {
  before(async () => { parse = await loadTerraformParser(); });
  const TRUST = readFileSync(join(__dirname, '..', '..', 'fixtures', 'templates', 'terraform', 'trust-through-functions.tf'), 'utf8');

  it('a document used as assume_role_policy through coalesce(try(...)), actions from a variable, is a trust policy', () => {
    const a = analyze(TRUST);
    assert.deepEqual(a.policies.map((p) => `${p.policyType} ${p.id}`), [
      'trust data.aws_iam_policy_document.assume_role',
      'resource data.aws_iam_policy_document.bucket',
    ]);
    // a trust policy needs no Resource (IAM007 would say a resource policy does), and the coalesce is not a policy
    // left unanalysed: the document it names is checked where it is written
    assert.deepEqual(a.diagnostics.map((d) => `${d.code} ${d.message}`), []);
  });

  it('without the role that uses it, the same document is read as a resource policy (it names principals)', () => {
    const alone = TRUST.slice(0, TRUST.indexOf('resource "aws_iam_role"'));
    const a = analyze(alone);
    assert.equal(a.policies.find((p) => p.id.endsWith('assume_role'))?.policyType, 'resource');
    assert.ok(a.diagnostics.some((d) => d.code === 'IAM007'));
  });
});

describe('Terraform: condition keys built from interpolations (IRSA trust policies)', () => {
  before(async () => { parse = await loadTerraformParser(); });
  const OIDC = readFileSync(join(__dirname, '..', '..', 'fixtures', 'templates', 'terraform', 'oidc-trust.tf'), 'utf8');

  it('a key "${replace(var.oidc, ...)}:sub" is an unknown placeholder: no unknown-key error, no empty Condition', () => {
    const a = analyze(OIDC);
    assert.deepEqual(a.diagnostics.map((d) => `${d.code} ${d.message}`), []);
    const [heredoc, doc] = a.policies.map((p) => p.virtual);
    for (const vp of [heredoc, doc]) {
      assert.match(vp.text, /"Condition": \{\s*"StringEquals": \{\s*"value:sub": /);
      assert.ok(vp.segments.some((s) => s.kind === 'unknown' && /computed at plan time/.test(s.note ?? '')));
      assert.ok(!vp.text.includes('xxxx'), 'no blanked characters leak into the policy');
    }
  });

  it('a real error next to the computed key is still reported, at the scalar written (heredoc operator)', () => {
    const text = OIDC.replace('"StringEquals": {\n          "${replace', '"StringEqualz": {\n          "${replace');
    const d = analyze(text).diagnostics;
    const op = d.find((x) => /StringEqualz/.test(String(x.message)));
    assert.ok(op, d.map((x) => `${x.code} ${x.message}`).join('; '));
    assert.equal(textAt(text, op.range), 'StringEqualz');
  });

  it('a real error next to the computed key is still reported, at the scalar written (policy document action)', () => {
    const text = OIDC.replace('actions = ["sts:AssumeRoleWithWebIdentity"]', 'actions = ["sts:AssumeRoleWithWebIdentiy"]');
    const d = analyze(text).diagnostics.find((x) => x.code === 'IAM202');
    assert.ok(d);
    assert.equal(textAt(text, d.range), 'sts:AssumeRoleWithWebIdentiy');
  });
});

describe('Terraform: findings where they were written', () => {
  before(async () => { parse = await loadTerraformParser(); });

  it('in jsonencode: a typo in an action next to a resource reference', () => {
    const text = MAIN.replace('"sqs:DeleteMessage"]', '"sqs:DeleteMesage"]');
    const d = analyze(text).diagnostics.find((x) => x.code === 'IAM202')!;
    assert.equal(textAt(text, d.range), 'sqs:DeleteMesage');
    assert.equal((d.data as { policy: string }).policy, 'aws_iam_role.worker.inline_policy.0.policy');
  });

  it('in an aws_iam_policy_document: a typo in actions and a wrong operator in a condition block', () => {
    const text = MAIN.replace('actions   = ["s3:ListBucket"]', 'actions   = ["s3:ListBukcet"]').replace('test     = "StringLike"', 'test     = "StringLikes"');
    const d = analyze(text).diagnostics;
    const at = (code: string) => d.filter((x) => x.code === code).map((x) => textAt(text, x.range));
    assert.ok(at('IAM202').includes('s3:ListBukcet'), JSON.stringify(d.map((x) => [x.code, x.message])));
    assert.ok(d.some((x) => textAt(text, x.range).includes('StringLikes')), JSON.stringify(d.map((x) => [x.code, textAt(text, x.range)])));
  });

  it('in a JSON heredoc with interpolations: the typo is found at its characters', () => {
    const text = MAIN.replace('"Action": "s3:GetObject",\n      "Resource": "arn:aws:s3:::${var.bucket_name}/*"', '"Action": "s3:GetObjekt",\n      "Resource": "arn:aws:s3:::${var.bucket_name}/*"');
    const d = analyze(text).diagnostics.find((x) => x.code === 'IAM202')!;
    assert.ok(d);
    assert.equal(textAt(text, d.range), 's3:GetObjekt');
  });

  it('checks the derived ARN: an S3 action on aws_sqs_queue.jobs.arn is a resource mismatch at the reference', () => {
    const text = MAIN.replace('Action   = ["sqs:ReceiveMessage", "sqs:DeleteMessage"]', 'Action   = ["s3:GetObject"]');
    const d = analyze(text).diagnostics.find((x) => String(x.code).startsWith('IAM4'));
    assert.ok(d, JSON.stringify(analyze(text).diagnostics.map((x) => x.code)));
    assert.equal(textAt(text, d.range), 'aws_sqs_queue.jobs.arn');
  });

  it('a syntax error gives one diagnostic and the other policies are still checked', () => {
    const text = MAIN.replace('resource "aws_iam_policy" "reports" {', 'resource "aws_iam_policy" "reports" {\n  broken = [\n').replace('"sqs:DeleteMessage"]', '"sqs:DeleteMesage"]');
    const d = analyze(text).diagnostics;
    assert.equal(d.filter((x) => x.code === 'IAM001').length, 1);
    assert.ok(d.some((x) => x.code === 'IAM202'));
  });

  it('dynamic statement blocks are reported as not analysed, never as a missing Statement', () => {
    const text = 'data "aws_iam_policy_document" "d" {\n  dynamic "statement" {\n    for_each = var.s\n    content {\n      actions = statement.value\n    }\n  }\n}\n';
    const d = analyze(text).diagnostics;
    assert.ok(d.some((x) => x.code === 'IAM704' && /dynamic/.test(String(x.message))), JSON.stringify(d));
    assert.ok(!d.some((x) => x.code === 'IAM004'), JSON.stringify(d.map((x) => x.code)));
  });
});

describe('Terraform: policies handed to modules', () => {
  before(async () => { parse = await loadTerraformParser(); });

  it('a policy passed to a module as an input is noted (IAM704) at the input, never skipped silently', () => {
    const text = 'module "lambda" {\n  source = "./modules/lambda"\n  name   = "worker"\n  policy_json = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }]\n  })\n  trust = data.aws_iam_policy_document.assume.json\n}\n';
    const d = analyze(text).diagnostics;
    assert.deepEqual(d.map((x) => [x.code, textAt(text, x.range)]), [['IAM704', 'policy_json'], ['IAM704', 'trust']]);
    assert.match(String(d[0].message), /module "lambda"/);
  });
});
