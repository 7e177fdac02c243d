// Effective permissions (shared/spec/iam-model.md §3): identity ∩ boundary ∩ SCP levels, minus denies, over the whole
// catalog. A permissions boundary sets the maximum permissions an identity-based policy can grant:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { effectivePermissions } from '../../../server/src/core/model/access';
import { orgPolicies, principalPolicies, resolvePrincipal, isNotFound } from '../../../server/src/core/model/gather';
import { loadModel } from '../../../server/src/core/model/load';
import { loadManagedPolicies, loadModelFiles } from '../../../server/src/node/modelFiles';
import { catalog } from '../helpers';

const root = join(__dirname, '..', '..', '..');
const managed = loadManagedPolicies(join(root, 'server', 'data'));
const seed = loadModelFiles([join(root, 'examples', 'model', 'seed-world.iam-model.json')]).model;

function access(model: typeof seed, who: string, service?: string, now?: number) {
  const r = resolvePrincipal(model, who);
  assert.ok(r && !isNotFound(r), isNotFound(r) ? r.error : who);
  return effectivePermissions([...principalPolicies(r.entity), ...orgPolicies(model, 'scp')], catalog, { service, now });
}
const modelOf = (account: Record<string, unknown>, org?: unknown) =>
  loadModel([{ name: 'm.iam-model.json', text: JSON.stringify({ id: '123456789012', ...account, ...(org ? { organization: org } : {}) }) }], { managed }).model;
const policy = (...statements: Record<string, unknown>[]) => ({ Version: '2012-10-17', Statement: statements });

describe('effective permissions', () => {
  it('AdministratorAccess under an S3-only boundary shows S3 only', () => {
    const r = access(seed, 'user/Fuga');
    const services = new Set(r.actions.map((a) => a.service));
    assert.deepEqual([...services], ['s3']);
    assert.equal(r.actions.length, catalog.actionsOfService('s3').length);
    const put = r.actions.find((a) => a.action === 's3:PutObject')!;
    assert.deepEqual(put, { action: 's3:PutObject', service: 's3', accessLevel: 'Write', resources: ['*'], conditional: false, conditions: [] });
  });

  it('ReadOnlyAccess through a group: reads and lists, no writes; the group\'s inline AssumeRole on one role', () => {
    const r = access(seed, 'user/Hoge');
    const by = new Map(r.actions.map((a) => [a.action, a]));
    assert.equal(by.get('s3:GetObject')?.accessLevel, 'Read');
    assert.ok(!by.has('s3:PutObject'));
    assert.deepEqual(by.get('sts:AssumeRole')?.resources, ['arn:aws:iam::111111111111:role/ReadOnlyRole']);
    // every action comes from a pattern of ReadOnlyAccess (or the group's AssumeRole statement)
    const ro = managed.get('arn:aws:iam::aws:policy/ReadOnlyAccess')!.document as { Statement: { Action: string[] }[] };
    const patterns = ro.Statement.flatMap((st) => st.Action).map((p) => new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i'));
    const stray = r.actions.filter((a) => a.action !== 'sts:AssumeRole' && !patterns.some((re) => re.test(a.action)));
    assert.deepEqual(stray, []);
    assert.equal(r.actions.filter((a) => a.service === 'iam' && a.accessLevel === 'Permissions management').length, 0);
  });

  it('an SCP Deny takes an action away from an administrator', () => {
    const m = modelOf({ users: { admin: { policies: ['arn:aws:iam::aws:policy/AdministratorAccess'] } } },
      { scps: [policy({ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 'cloudtrail:StopLogging', Resource: '*' })] });
    const r = access(m, 'user/admin', 'cloudtrail');
    assert.ok(r.actions.some((a) => a.action === 'cloudtrail:LookupEvents'));
    assert.ok(!r.actions.some((a) => a.action === 'cloudtrail:StopLogging'));
  });

  it('resources are intersected: an Allow on * under a boundary on one bucket keeps that bucket', () => {
    const m = modelOf({
      users: { u: { policies: [policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' })], permissionsBoundary: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }) } },
    });
    const r = access(m, 'user/u');
    assert.deepEqual(r.actions.map((a) => [a.action, a.resources]), [['s3:GetObject', ['arn:aws:s3:::b/*']]]);
  });

  it('a resource pattern counts only where a resource of the action could match it', () => {
    const m = modelOf({ users: { u: { policies: [policy({ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::b/*' })] } } });
    const names = access(m, 'user/u').actions.map((a) => a.action);
    assert.ok(names.includes('s3:GetObject'));
    // s3:ListAllMyBuckets takes only "*"; an object ARN pattern cannot name it
    assert.ok(!names.includes('s3:ListAllMyBuckets'));
  });

  it('conditions make an action conditional and are listed as assumed; a conditional Deny too', () => {
    const m = modelOf({
      users: { u: { policies: [policy(
        { Effect: 'Allow', Action: 'ec2:StartInstances', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/team': 'a' } } },
        { Effect: 'Allow', Action: 'ec2:StopInstances', Resource: '*' },
        { Effect: 'Deny', Action: 'ec2:StopInstances', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } },
      )] } },
    });
    const r = access(m, 'user/u');
    const start = r.actions.find((a) => a.action === 'ec2:StartInstances')!;
    assert.equal(start.conditional, true);
    assert.deepEqual(start.conditions, ['StringEquals aws:ResourceTag/team a']);
    const stop = r.actions.find((a) => a.action === 'ec2:StopInstances')!;
    assert.equal(stop.conditional, true);
    assert.deepEqual(stop.conditions, ['denied when Bool aws:MultiFactorAuthPresent false']);
    assert.deepEqual(r.assumedConditions, ['StringEquals aws:ResourceTag/team a', 'denied when Bool aws:MultiFactorAuthPresent false'].sort());
  });

  it('an unconditional Deny on part of the resources is listed as an exception', () => {
    const m = modelOf({ users: { u: { policies: [policy(
      { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
      { Effect: 'Deny', Action: 's3:GetObject', Resource: 'arn:aws:s3:::secret/*' },
    )] } } });
    const get = access(m, 'user/u').actions.find((a) => a.action === 's3:GetObject')!;
    assert.deepEqual(get.resources, ['*']);
    assert.deepEqual(get.except, ['arn:aws:s3:::secret/*']);
  });

  it('--service limits the answer to one service prefix', () => {
    const r = access(seed, 'user/Hoge', 'sts');
    assert.ok(r.actions.length > 0 && r.actions.every((a) => a.service === 'sts'));
  });

  it('time conditions are decided with the current time: an expired grant is gone, a current one unconditional', () => {
    const m = modelOf({ users: { u: { policies: [policy(
      { Effect: 'Allow', Action: 'ec2:StartInstances', Resource: '*', Condition: { DateLessThan: { 'aws:CurrentTime': '2026-01-01T00:00:00Z' } } },
      { Effect: 'Allow', Action: 'ec2:StopInstances', Resource: '*', Condition: { DateGreaterThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' }, NumericLessThan: { 'aws:EpochTime': '1893456000' } } },
    )] } } });
    const r = access(m, 'user/u', 'ec2', Date.parse('2026-11-29T00:00:00Z'));
    assert.ok(!r.actions.some((a) => a.action === 'ec2:StartInstances'), 'the grant expired on 2026-01-01');
    assert.deepEqual(r.actions.find((a) => a.action === 'ec2:StopInstances')?.conditional, false);
    const before = access(m, 'user/u', 'ec2', Date.parse('2025-06-01T00:00:00Z'));
    assert.ok(before.actions.some((a) => a.action === 'ec2:StartInstances'));
  });
});
