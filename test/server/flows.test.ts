// Flows over real LSP (stdio, dist/server.js): iamPolicy/simulate with a model and request.assumeRole/passRole returns
// the steps; iamPolicy/scenarioResults evaluates a scenario file's flows (the CodeLens results in the editor);
// iamPolicy/whoCan and iamPolicy/escalationPaths answer the whole-model questions.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { EscalationPathsResult, ScenarioResultsResult, SimulateResult, WhoCanResult } from '../../server/src/protocol';
import { LspClient } from './lspClient';

const root = join(__dirname, '..', '..');
const MODEL_URI = pathToFileURL(join(root, 'test', 'fixtures', 'flows', 'flows.iam-model.json')).toString();
const none = { identityPolicies: [], permissionBoundaries: [], scps: [], rcps: [] };

describe('flows over LSP', () => {
  let lsp: LspClient;
  // the model files are read from disk, which the server allows inside the workspace folders only
  before(async () => { lsp = await LspClient.start({ workspaceFolders: [pathToFileURL(join(root, 'test', 'fixtures')).toString()] }); });
  after(async () => { await lsp?.stop(); });

  it('iamPolicy/simulate: an AssumeRole chain into another account, step by step', async () => {
    const r = await lsp.request<SimulateResult>('iamPolicy/simulate', {
      ...none, model: { uris: [MODEL_URI] },
      request: { principal: 'user/Hoge', assumeRole: ['role/Deploy', 'arn:aws:iam::222222222222:role/Auditor'], action: 's3:GetObject', resource: 'arn:aws:s3:::audit-bucket/r.csv' },
    });
    assert.deepEqual(r.errors, []);
    assert.equal(r.result?.decision, 'Allowed');
    assert.deepEqual(r.result?.steps?.map((s) => `${s.step} ${s.principal} ${s.decision}`), [
      'assumeRole arn:aws:iam::111111111111:user/Hoge Allowed',
      'assumeRole arn:aws:sts::111111111111:assumed-role/Deploy/session Allowed',
      'request arn:aws:sts::222222222222:assumed-role/Auditor/session Allowed',
    ]);
  });

  it('iamPolicy/simulate: PassRole to a role that does not trust the service fails at serviceAssumesRole', async () => {
    const r = await lsp.request<SimulateResult>('iamPolicy/simulate', {
      ...none, model: { uris: [MODEL_URI] },
      request: { principal: 'user/dev', passRole: 'role/Ec2Only', action: 'lambda:CreateFunction', resource: '*' },
    });
    assert.equal(r.result?.decision, 'ImplicitlyDenied');
    assert.deepEqual(r.result?.steps?.map((s) => `${s.step}:${s.decision}`), ['request:Allowed', 'passRole:Allowed', 'serviceAssumesRole:ImplicitlyDenied']);
    const bad = await lsp.request<SimulateResult>('iamPolicy/simulate', { ...none, model: { uris: [MODEL_URI] }, request: { principal: 'user/dev', passRole: 7, action: 'lambda:CreateFunction', resource: '*' } });
    assert.equal(bad.result, null);
    assert.match(bad.errors.join(), /request\.passRole: expected/);
  });

  it('iamPolicy/scenarioResults: every flow scenario of the fixture file meets its expectation', async () => {
    const uri = pathToFileURL(join(root, 'test', 'fixtures', 'flows', 'flows.scenario.json')).toString();
    const r = await lsp.request<ScenarioResultsResult>('iamPolicy/scenarioResults', { uri });
    assert.deepEqual(r.errors, []);
    assert.equal(r.scenarios.length, 12);
    for (const s of r.scenarios) assert.equal(s.result?.pass, true, `${s.name}: ${s.result?.decision} ${s.errors.join('; ')}`);
    assert.ok(r.scenarios.every((s) => s.result?.steps?.length), 'each result carries its steps');
  });
});

describe('who-can and escalation paths over LSP', () => {
  let lsp: LspClient;
  // the model files are read from disk, which the server allows inside the workspace folders only
  before(async () => { lsp = await LspClient.start({ workspaceFolders: [pathToFileURL(join(root, 'test', 'fixtures')).toString()] }); });
  after(async () => { await lsp?.stop(); });
  const ESC_URI = pathToFileURL(join(root, 'test', 'fixtures', 'paths', 'escalation.iam-model.json')).toString();

  it('iamPolicy/whoCan: direct, through an AssumeRole chain, and bad input', async () => {
    const r = await lsp.request<WhoCanResult>('iamPolicy/whoCan', { model: { uris: [MODEL_URI] }, action: 's3:GetObject', resource: 'arn:aws:s3:::audit-bucket/x' });
    assert.deepEqual(r.errors, []);
    const via = new Map(r.principals.map((p) => [p.principal, p.via]));
    assert.deepEqual(via.get('arn:aws:iam::111111111111:role/Deploy'), ['arn:aws:iam::222222222222:role/Auditor']);
    const bad = await lsp.request<WhoCanResult>('iamPolicy/whoCan', { model: { uris: [MODEL_URI] }, action: 42, resource: null });
    assert.match(bad.errors.join(), /not an action of the catalog/);
  });

  it('iamPolicy/escalationPaths: findings with their enabling statements; an unknown --from says so', async () => {
    const r = await lsp.request<EscalationPathsResult>('iamPolicy/escalationPaths', { model: { uris: [ESC_URI] }, from: 'user/passer' });
    assert.deepEqual(r.errors, []);
    const f = r.edges.find((e) => e.escalation && e.to === 'arn:aws:iam::111111111111:role/AdminLambdaRole');
    assert.ok(f);
    assert.deepEqual(f.via, ['iam:PassRole', 'lambda:CreateFunction']);
    const bad = await lsp.request<EscalationPathsResult>('iamPolicy/escalationPaths', { model: { uris: [ESC_URI] }, from: 'user/pasher' });
    assert.match(bad.errors.join(), /Did you mean "user\/passer"/);
  });
});
