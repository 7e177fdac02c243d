// Scenario files (shared/spec/scenario.md): the three shapes, the three policy forms, and errors with JSON paths.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { formatPath, parseScenarioFile } from '../../../server/src/core/evaluator';

const files: Record<string, string> = {
  'policies/read.json': '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}',
  'policies/broken.json': '{"Version": "2012-10-17", "Statement": [',
};
const read = (rel: string) => {
  if (!(rel in files)) throw new Error(`no such file ${rel}`);
  return { text: files[rel] };
};
const request = { principal: 'arn:aws:iam::111122223333:user/alice', action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' };

describe('parseScenarioFile', () => {
  it('refuses nesting deeper than 256 levels before parsing, strict JSON or not, and says where', () => {
    // a scenario whose request context holds `levels` nested arrays (mixed with objects), as strict JSON and with a comment
    const nested = (levels: number) => {
      let v: unknown = 'x';
      for (let i = 0; i < levels; i++) v = i % 3 ? [v] : { k: v };
      return v;
    };
    for (const levels of [251, 252, 253, 254, 300]) {
      // the scenario, its request and its context add 3 levels; the file's array 1 more
      const strict = JSON.stringify([{ request: { ...request, context: { deep: nested(levels) } } }]);
      const depth = levels + 4;
      for (const text of [strict, `// a comment\n${strict}`]) {
        const { errors } = parseScenarioFile(text, 'deep.json', read);
        if (depth > 256) {
          assert.equal(errors.length, 1, `${depth} levels`);
          assert.match(errors[0].message, /^the file nests deeper than 256 levels \(at line \d+, column \d+\)/);
          const line = text.startsWith('//') ? 2 : 1;
          const column = text.split('\n')[line - 1].length;
          assert.ok(errors[0].message.includes(`at line ${line}, column `) && column > 0);
        } else assert.ok(errors.every((e) => !/nests deeper/.test(e.message)), `${depth} levels: ${JSON.stringify(errors)}`);
      }
    }
  });

  // issue 13: a file of up to 2 MB is parsed by JSON.parse before the nesting scan, which then runs only when the
  // nesting could matter: the scenarios did not read cleanly, or a scenario gives a policy document itself
  it('refuses a deep inline policy in an otherwise clean file, and a deep file over 2 MB before parsing it', () => {
    const deepValue = (levels: number) => { let v: unknown = 'x'; for (let i = 0; i < levels; i++) v = [v]; return v; };
    const inline = JSON.stringify([{ identityPolicies: [{ name: 'p', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:x': deepValue(300) } } }] } }], request }]);
    const one = parseScenarioFile(inline, 'deep.json', read);
    assert.equal(one.errors.length, 1);
    assert.match(one.errors[0].message, /^the file nests deeper than 256 levels \(at line 1, column \d+\)/);
    // a deep value no scenario reads (a description) is left alone: the scenario reads as it is
    const described = parseScenarioFile(JSON.stringify([{ description: deepValue(300), identityPolicies: [{ file: 'policies/read.json' }], request }]), 'described.json', read);
    assert.deepEqual(described.errors, []);
    assert.equal(described.scenarios.length, 1);
    // over 2 MB: the scan runs first, so the nesting is refused before any parser (here 2,100,000 levels of "[")
    const big = parseScenarioFile('['.repeat(2_100_000), 'big.json', read);
    assert.equal(big.errors.length, 1);
    assert.match(big.errors[0].message, /^the file nests deeper than 256 levels \(at line 1, column 257\)/);
  });

  it('reads a single scenario with the three policy forms', () => {
    const text = JSON.stringify({
      name: 'one',
      identityPolicies: [{ file: 'policies/read.json' }, { name: 'inline', policy: { Version: '2012-10-17', Statement: [] } }, { Version: '2012-10-17', Statement: [] }],
      request, expected: 'Allowed',
    });
    const { scenarios, errors } = parseScenarioFile(text, 'one.json', read);
    assert.deepEqual(errors, []);
    assert.equal(scenarios.length, 1);
    const [f, n, d] = scenarios[0].identityPolicies;
    assert.equal(f.name, 'read');
    assert.equal(f.file, 'policies/read.json');
    assert.equal(f.text, files['policies/read.json']);
    assert.equal(n.name, 'inline');
    assert.equal(d.name, 'identity policy 3');
    assert.equal(scenarios[0].expected, 'Allowed');
  });

  it('reads an array and {"scenarios": [...]}; flat SCP lists become one level', () => {
    const s = { identityPolicies: [], scps: [{ Version: '2012-10-17', Statement: [] }], request };
    assert.equal(parseScenarioFile(JSON.stringify([s, s]), 'a.json', read).scenarios.length, 2);
    const r = parseScenarioFile(JSON.stringify({ scenarios: [s] }), 'b.json', read);
    assert.equal(r.scenarios[0].scps.length, 1);
    assert.equal(r.scenarios[0].scps[0].policies.length, 1);
  });

  it('reads SCP levels from the root to the account', () => {
    const s = { scps: [{ orgIdentifier: 'r-root', policies: [{ file: 'policies/read.json' }] }, { orgIdentifier: 'ou-1', policies: [] }], request };
    const r = parseScenarioFile(JSON.stringify(s), 'c.json', read);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.scenarios[0].scps.map((l) => l.orgIdentifier), ['r-root', 'ou-1']);
  });

  it('reports a bad scenario with its JSON path and keeps the others', () => {
    const text = JSON.stringify({ scenarios: [{ request }, { request: { ...request, action: 's3:*' } }, { request, expected: 'Maybe' }] });
    const r = parseScenarioFile(text, 'd.json', read);
    assert.equal(r.scenarios.length, 1);
    assert.deepEqual(r.errors.map((e) => [e.scenarioIndex, e.path]), [[1, ['scenarios', 1, 'request', 'action']], [2, ['scenarios', 2, 'expected']]]);
    assert.match(r.errors[1].message, /Allowed, ExplicitlyDenied, ImplicitlyDenied/);
  });

  it('names missing and unreadable policy files', () => {
    const text = JSON.stringify([{ identityPolicies: [{ file: 'policies/none.json' }], request }, { resourcePolicy: { file: 'policies/broken.json' }, request }]);
    const r = parseScenarioFile(text, 'e.json', read);
    assert.equal(r.scenarios.length, 0);
    assert.deepEqual(r.errors[0].path, [0, 'identityPolicies', 0, 'file']);
    assert.match(r.errors[0].message, /cannot read policy file "policies\/none.json"/);
    assert.deepEqual(r.errors[1].path, [1, 'resourcePolicy', 'file']);
    assert.match(r.errors[1].message, /not valid JSON: .* at line 1, column/);
  });

  it('reads request.sessionIssuer and keeps it optional', () => {
    const fed = { ...request, principal: 'arn:aws:sts::111122223333:federated-user/bob', sessionIssuer: 'arn:aws:iam::111122223333:user/federation-proxy' };
    const r = parseScenarioFile(JSON.stringify([{ request: fed }, { request }]), 'j.json', read);
    assert.deepEqual(r.errors, []);
    assert.equal(r.scenarios[0].request.sessionIssuer, 'arn:aws:iam::111122223333:user/federation-proxy');
    assert.equal('sessionIssuer' in r.scenarios[1].request, false);
    const session = { ...request, principal: 'arn:aws:sts::111122223333:assumed-role/app/s1', sessionIssuer: 'arn:aws:iam::111122223333:role/team/app' };
    assert.deepEqual(parseScenarioFile(JSON.stringify({ request: session }), 'k.json', read).errors, []);
    // GetFederationToken may also be called with the root user's credentials (STS API reference)
    const byRoot = { ...fed, sessionIssuer: 'arn:aws:iam::111122223333:root' };
    assert.deepEqual(parseScenarioFile(JSON.stringify({ request: byRoot }), 'm.json', read).errors, []);
  });

  it('rejects a sessionIssuer that is not an IAM user or role ARN, or contradicts the principal, with its JSON path', () => {
    const fed = (sessionIssuer: unknown) => ({ request: { ...request, principal: 'arn:aws:sts::111122223333:federated-user/bob', sessionIssuer } });
    const r = parseScenarioFile(JSON.stringify({ scenarios: [
      fed('federation-proxy'),
      fed('arn:aws:s3:::bucket'),
      fed('arn:aws:iam::444455556666:user/federation-proxy'),
      fed('arn:aws:iam::111122223333:role/app'),
      fed(42),
      { request: { ...request, sessionIssuer: 'arn:aws:iam::111122223333:user/alice' } },
      { request: { ...request, principal: 'arn:aws:sts::111122223333:assumed-role/app/s1', sessionIssuer: 'arn:aws:iam::111122223333:role/other' } },
    ] }), 'l.json', read);
    assert.equal(r.scenarios.length, 0);
    assert.deepEqual(r.errors.map((e) => [e.scenarioIndex, formatPath(e.path)]), [0, 1, 2, 3, 4, 5, 6].map((i) => [i, `$.scenarios[${i}].request.sessionIssuer`]));
    const m = r.errors.map((e) => e.message);
    assert.match(m[0], /"federation-proxy" is not an IAM user or role ARN/);
    assert.match(m[1], /"arn:aws:s3:::bucket" is not an IAM user or role ARN/);
    assert.match(m[2], /is in account 444455556666, but the session .* belongs to account 111122223333/);
    assert.match(m[3], /is a role, but a federated user session is created by GetFederationToken/);
    assert.match(m[4], /expected the ARN string/);
    assert.match(m[5], /applies only to role sessions and federated users.*an IAM user/);
    assert.match(m[6], /contradicts the principal: the session .* was created from the role arn:aws:iam::111122223333:role\/app/);
  });

  it('rejects invalid JSON, unknown fields, bad principals and context values', () => {
    assert.match(parseScenarioFile('{"request": ', 'f.json', read).errors[0].message, /f.json is not valid JSON/);
    const r = parseScenarioFile(JSON.stringify({ request: { ...request, principal: 'bob', context: { k: { x: 1 } } }, identityPolicy: [] }), 'g.json', read);
    assert.deepEqual(r.errors.map((e) => e.path), [['identityPolicy'], ['request', 'principal'], ['request', 'context', 'k']]);
    assert.match(parseScenarioFile('[]', 'h.json', read).errors[0].message, /no scenarios/);
    assert.match(parseScenarioFile('{"identityPolicies": 3}', 'i.json', read).errors[0].message, /expected a policy/);
  });
});
