// Simulate on policies inside templates: references to embedded policies, their statements at the template's
// place, the evaluator's ranges mapped back to the template, and deploy-time values reported as unknown.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeTemplate, templateFormatOf } from '../../../server/src/service/embedded/templates';
import {
  embeddedReference, embeddedStatements, parseEmbeddedReference, resolveEmbedded, resultInTemplates, unknownValueWarnings,
} from '../../../server/src/service/embedded/embeddedSimulate';
import { simulateForPanel } from '../../../server/src/service/simulate';
import { DEFAULT_SETTINGS } from '../../../server/src/service/settings';
import { catalog } from '../helpers';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'templates');
const NAME = 'app.template.yaml';
const URI = `file:///work/${NAME}`;
const TEXT = readFileSync(join(FIXTURES, NAME), 'utf8');
const analysis = analyzeTemplate(URI, TEXT, templateFormatOf(NAME, TEXT), catalog, DEFAULT_SETTINGS)!;
const host = TextDocument.create(URI, 'yaml', 1, TEXT);
const textAt = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) => TEXT.slice(host.offsetAt(r.start), host.offsetAt(r.end));

describe('embedded policy references', () => {
  it('round-trips the template URI and the policy id (slashes, spaces, # and %)', () => {
    for (const id of ['Resources/WorkerRole/Properties/Policies/0/PolicyDocument', 'aws_iam_policy.a b#c%d/policy']) {
      const ref = embeddedReference(URI, id);
      assert.ok(ref.startsWith(`${URI}#iam-embedded=`), ref);
      assert.deepEqual(parseEmbeddedReference(ref), { templateUri: URI, policyId: id });
    }
    assert.equal(parseEmbeddedReference(URI), undefined);
    assert.equal(parseEmbeddedReference('file:///p.json#frag'), undefined);
  });

  it('resolves a reference to the policy of that id, and says what is wrong for a policy that is gone', () => {
    const ok = resolveEmbedded(embeddedReference(URI, 'Resources/BucketPolicy/Properties/PolicyDocument'), { text: TEXT, analysis });
    assert.ok(!('error' in ok));
    assert.equal(ok.policy.policyType, 'resource');
    const gone = resolveEmbedded(embeddedReference(URI, 'Resources/Gone/Properties/PolicyDocument'), { text: TEXT, analysis });
    assert.ok('error' in gone);
    assert.match(gone.error, /no policy at Resources\/Gone\/Properties\/PolicyDocument.*it has: Resources\/WorkerRole/);
  });
});

describe('statements of embedded policies', () => {
  it('lists each statement at the template place with its first action, resource, reference and policy type', () => {
    const st = embeddedStatements(URI, TEXT, analysis, catalog);
    const read = st.find((s) => s.sid === 'ReadOwnPrefix')!;
    assert.ok(read, JSON.stringify(st));
    assert.equal(read.action, 's3:GetObject');
    assert.equal(read.policyType, 'identity');
    assert.equal(read.policyUri, embeddedReference(URI, 'Resources/WorkerRole/Properties/Policies/0/PolicyDocument'));
    assert.match(textAt(read.range), /^Sid: ReadOwnPrefix\n/);
    const trust = st.find((s) => s.policyType === 'trust')!;
    assert.equal(trust.action, 'sts:AssumeRole');
    assert.match(textAt(trust.range), /^Effect: Allow/);
    assert.deepEqual([...new Set(st.map((s) => s.policyType))], ['trust', 'identity', 'resource', 'scp']);
  });
});

describe('simulating an embedded policy', () => {
  const ref = embeddedReference(URI, 'Resources/WorkerRole/Properties/Policies/0/PolicyDocument');
  const resolved = resolveEmbedded(ref, { text: TEXT, analysis });
  if ('error' in resolved) throw new Error(resolved.error);
  const read = (uri: string) => (uri === ref ? resolved.policy.virtual.text : undefined);

  it('decides on the virtual policy and reveals the deciding statement in the template', () => {
    const r = simulateForPanel({
      identityPolicies: [{ uri: ref }], permissionBoundaries: [], scps: [], rcps: [],
      request: { principal: 'arn:aws:iam::123456789012:role/worker', action: 'sqs:ReceiveMessage', resource: 'arn:aws:sqs:us-east-1:123456789012:Queue' },
    }, read, catalog);
    assert.equal(r.result?.decision, 'Allowed', JSON.stringify(r));
    const mapped = resultInTemplates(r.result!, new Map([[ref, resolved]]));
    const consume = mapped.matchedStatements.find((s) => s.sid === 'Consume')!;
    assert.equal(consume.file, URI);
    assert.match(textAt(consume.range!), /^Sid: Consume\n/);
  });

  it('names each deploy-time value with its place in the template instead of treating it as literal text', () => {
    const bucketRef = embeddedReference(URI, 'Resources/BucketPolicy/Properties/PolicyDocument');
    const bucket = resolveEmbedded(bucketRef, { text: TEXT, analysis });
    if ('error' in bucket) throw new Error(bucket.error);
    const warnings = unknownValueWarnings('resource policy', bucket.policy, host);
    const principal = warnings.find((w) => /ExternalPrincipal/.test(w));
    assert.ok(principal, JSON.stringify(warnings));
    const lines = TEXT.split('\n');
    const line = lines.findIndex((l) => l.includes('!Ref ExternalPrincipal'));
    const column = lines[line].indexOf('ExternalPrincipal') + 1;
    assert.match(principal, new RegExp(`^resource policy: "ExternalPrincipal" at line ${line + 1}, column ${column} is unknown until deploy time \\(parameter \`ExternalPrincipal\` has no default`));
  });
});
