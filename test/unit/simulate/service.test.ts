// server/src/service/simulate.ts: panel requests and scenario files evaluated with the real catalog and examples.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parsePolicy } from '../../../server/src/core/policy/model';
import { actionSuggestions, policyStatements, scenarioResults, simulateForPanel, type ReadText } from '../../../server/src/service/simulate';
import type { SimulateParams } from '../../../server/src/protocol';
import { catalog } from '../helpers';

const root = join(__dirname, '..', '..', '..');
const uri = (p: string) => pathToFileURL(join(root, p)).toString();
const disk = (u: string): string | undefined => { try { return readFileSync(fileURLToPath(u), 'utf8'); } catch { return undefined; } };
/** disk, with some files replaced by in-memory text (what an open, edited editor holds) */
const withOverrides = (over: Record<string, string>): ReadText => (u) => over[u] ?? disk(u);

const READ = uri('examples/policies/app-read-s3.policy.json');
const BUCKET = uri('examples/policies/reports-bucket.resource.json');
const params = (context: Record<string, unknown> = {}): SimulateParams => ({
  identityPolicies: [{ uri: READ }], permissionBoundaries: [], resourcePolicy: { uri: BUCKET }, scps: [], rcps: [],
  request: { principal: 'arn:aws:sts::111122223333:assumed-role/app-role/s1', action: 's3:GetObject', resource: 'arn:aws:s3:::acme-reports/q3.csv', context },
});

describe('simulateForPanel', () => {
  it('evaluates the chosen files and names deciding statements by URI with their ranges', () => {
    const r = simulateForPanel(params({ 'aws:SecureTransport': 'true' }), disk, catalog);
    assert.equal(r.result?.decision, 'Allowed');
    const m = r.result!.matchedStatements.find((s) => s.sid === 'ReadReports');
    assert.equal(m?.file, READ);
    assert.deepEqual(m?.range?.start, { line: 3, character: 4 });
    assert.equal(r.policyNames[READ], 'app-read-s3.policy.json');
    assert.equal(r.actionKnown, true);
  });

  it('lists the context keys the policies reference for the action, typed from the catalog', () => {
    const r = simulateForPanel(params(), disk, catalog);
    assert.deepEqual(r.contextKeys.find((k) => k.name === 'aws:SecureTransport'), { name: 'aws:SecureTransport', type: 'Bool', multiValued: false, description: r.contextKeys.find((k) => k.name === 'aws:SecureTransport')!.description });
    assert.ok(r.resourceTemplates.includes('arn:aws:s3:::${BucketName}/${ObjectName}'), r.resourceTemplates.join());
  });

  it('passes the session issuer through (R6: a grant to the IAM user who federated, limited by the session policy)', () => {
    const BUCKET_FOR_BOB = 'untitled:bucket-for-bob';
    const SESSION = 'untitled:session';
    const texts: Record<string, string> = {
      [BUCKET_FOR_BOB]: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:user/bob' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-reports/*' }] }),
      [SESSION]: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }),
    };
    const p = (sessionIssuer?: string): SimulateParams => ({
      identityPolicies: [], permissionBoundaries: [], resourcePolicy: { uri: BUCKET_FOR_BOB }, sessionPolicy: { uri: SESSION }, scps: [], rcps: [],
      request: { principal: 'arn:aws:sts::111122223333:federated-user/bob', action: 's3:GetObject', resource: 'arn:aws:s3:::acme-reports/q3.csv', resourceAccount: '111122223333', ...(sessionIssuer ? { sessionIssuer } : {}) },
    });
    const read = withOverrides(texts);
    assert.equal(simulateForPanel(p('arn:aws:iam::111122223333:user/bob'), read, catalog).result?.decision, 'Allowed');
    assert.equal(simulateForPanel(p(), read, catalog).result?.decision, 'ImplicitlyDenied');
  });

  it('a switched-off policy is left out', () => {
    const p = params({ 'aws:SecureTransport': 'false' });
    assert.equal(simulateForPanel(p, disk, catalog).result?.decision, 'ExplicitlyDenied');
    p.resourcePolicy!.enabled = false;
    assert.equal(simulateForPanel(p, disk, catalog).result?.decision, 'Allowed');
  });

  it('uses the editor text over the file on disk', () => {
    const edited = disk(READ)!.replace('"Statement": [', '"Statement": [ { "Sid": "No", "Effect": "Deny", "Action": "s3:*", "Resource": "*" },');
    const r = simulateForPanel(params({ 'aws:SecureTransport': 'true' }), withOverrides({ [READ]: edited }), catalog);
    assert.equal(r.result?.decision, 'ExplicitlyDenied');
    assert.equal(r.result?.matchedStatements[0].sid, 'No');
  });

  it('a policy that is not valid JSON is reported with its line and never allows', () => {
    const broken = '{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "*" "Resource": "*" } ] }';
    const r = simulateForPanel({ ...params(), resourcePolicy: undefined }, withOverrides({ [READ]: broken }), catalog);
    assert.match(r.errors.join('\n'), /app-read-s3\.policy\.json is not valid JSON: .* at line 1, column \d+/);
    assert.notEqual(r.result?.decision, 'Allowed');
  });

  it('a missing file and an empty action are errors that say what to do', () => {
    const p = params();
    p.identityPolicies = [{ uri: uri('examples/policies/nope.json') }];
    assert.match(simulateForPanel(p, disk, catalog).errors.join('\n'), /cannot read .*nope\.json\. Open the file or choose another one/);
    const q = params();
    q.request.action = '';
    const r = simulateForPanel(q, disk, catalog);
    assert.equal(r.result, null);
    assert.match(r.errors.join('\n'), /Enter an action/);
  });
});

describe('scenarioResults', () => {
  const SCEN = uri('examples/scenarios/app-reads-reports.scenario.json');

  it('runs every scenario of the example, with ranges and policy URIs', () => {
    const r = scenarioResults(SCEN, disk(SCEN)!, disk, catalog);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.scenarios.map((s) => [s.name, s.result?.decision, s.result?.pass]), [
      ['app role reads a report over TLS', 'Allowed', true],
      ['plain HTTP is denied by the bucket policy', 'ExplicitlyDenied', true],
      ['writing is not granted', 'ImplicitlyDenied', true],
    ]);
    const text = disk(SCEN)!;
    const lines = text.split('\n');
    for (const s of r.scenarios) assert.match(lines[s.range.start.line + 1], new RegExp(`"name": "${s.name}"`));
    assert.ok(r.policyUris.includes(READ) && r.policyUris.includes(BUCKET));
    assert.ok(r.scenarios[1].result!.matchedStatements.some((m) => m.file === BUCKET && m.sid === 'DenyInsecureTransport'));
  });

  it('follows an edited policy: the expectation then fails', () => {
    const edited = disk(READ)!.replace('"s3:ListBucket"]', '"s3:ListBucket", "s3:PutObject"]');
    assert.notEqual(edited, disk(READ));
    const r = scenarioResults(SCEN, disk(SCEN)!, withOverrides({ [READ]: edited }), catalog);
    assert.equal(r.scenarios[2].result?.decision, 'Allowed');
    assert.equal(r.scenarios[2].result?.pass, false);
  });

  it('a bad scenario is reported at its JSON path and the others still run', () => {
    const text = JSON.stringify([
      { name: 'good', identityPolicies: [{ file: '../policies/app-read-s3.policy.json' }], request: { principal: 'anonymous', action: 's3:GetObject', resource: '*' } },
      { name: 'bad file', identityPolicies: [{ file: '../policies/missing.json' }], request: { principal: 'anonymous', action: 's3:GetObject', resource: '*' } },
    ], null, 2);
    const r = scenarioResults(SCEN, text, disk, catalog);
    assert.deepEqual(r.scenarios.map((s) => [s.index, s.name, !!s.result]), [[0, 'good', true], [1, 'bad file', false]]);
    assert.equal(r.errors.length, 1);
    assert.match(r.errors[0].message, /cannot read policy file "..\/policies\/missing.json"/);
    assert.equal(text.split('\n')[r.errors[0].range.start.line].includes('"file": "../policies/missing.json"'), true);
  });

  it('a file that is not JSON is one error at its start', () => {
    const r = scenarioResults(SCEN, '{ "request": ', disk, catalog);
    assert.equal(r.scenarios.length, 0);
    assert.match(r.errors[0].message, /not valid JSON/);
  });
});

describe('panel helpers', () => {
  it('suggests service prefixes, then actions of the typed service', () => {
    assert.ok(actionSuggestions('s3', catalog).includes('s3:'));
    const s3 = actionSuggestions('s3:GetObj', catalog);
    assert.ok(s3.includes('s3:GetObject') && s3.every((a) => a.toLowerCase().startsWith('s3:getobj')), s3.join());
    assert.deepEqual(actionSuggestions('nosuchservice:', catalog), []);
  });

  it('lists statements with their first action and resource for the CodeLens', () => {
    const st = policyStatements(parsePolicy(disk(READ)!));
    assert.deepEqual(st.map((s) => [s.index, s.sid, s.action, s.resource, s.range.start.line]), [
      [0, 'ReadReports', 's3:GetObject', 'arn:aws:s3:::acme-reports', 3],
      [1, 'DecryptReports', 'kms:Decrypt', 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', 9],
      [2, 'TypoToFix', 'dyanmodb:GetItem', 'arn:aws:dynamodb:eu-west-1:111122223333:table/orders', 18],
    ]);
  });
});
