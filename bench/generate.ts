// Seeded random scenarios for the differential test and the benchmark. Every scenario is made of pieces whose AWS
// meaning is covered by a rule of shared/spec/evaluation.md; `features` tags the parts that touch a known deviation
// of the peer library, so disagreements can be attributed.
import type { PolicySource, Scenario, OrgLevel } from '../server/src/core/evaluator';

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const A = '111122223333';
export const B = '444455556666';

/**
 * `features`: the known deviations (docs/evaluator-deviations.md) every scenario on this target may touch;
 * `acrossFeature` one it touches when the principal's account is not the resource's.
 */
interface Target {
  action: string; resource: string; resourceAccount?: string; bucketish: string[];
  features?: string[]; acrossFeature?: string;
  /** a deviation touched when the scenario has a resource policy */
  resourcePolicyFeature?: string;
}
const TARGETS: Target[] = [
  { action: 's3:GetObject', resource: 'arn:aws:s3:::reports/2026/q3.csv', resourceAccount: A, bucketish: ['arn:aws:s3:::reports/*', 'arn:aws:s3:::reports/2026/*', 'arn:aws:s3:::reports/2026/q?.csv', 'arn:aws:s3:::other/*'] },
  { action: 's3:PutObject', resource: 'arn:aws:s3:::reports/alice/new.csv', resourceAccount: A, bucketish: ['arn:aws:s3:::reports/*', 'arn:aws:s3:::reports/${aws:username}/*', 'arn:aws:s3:::reports/bob/*'] },
  { action: 's3:ListBucket', resource: 'arn:aws:s3:::reports', resourceAccount: A, bucketish: ['arn:aws:s3:::reports', 'arn:aws:s3:::rep*', 'arn:aws:s3:::reports/*'] },
  { action: 's3:GetObject', resource: 'arn:aws:s3:::partner-data/x.json', resourceAccount: B, bucketish: ['arn:aws:s3:::partner-data/*', 'arn:aws:s3:::*'] },
  { action: 'sqs:SendMessage', resource: `arn:aws:sqs:eu-west-1:${A}:orders`, bucketish: [`arn:aws:sqs:eu-west-1:${A}:orders`, `arn:aws:sqs:*:${A}:*`, `arn:aws:sqs:us-east-1:${A}:orders`] },
  { action: 'sqs:SendMessage', resource: `arn:aws:sqs:eu-west-1:${B}:inbox`, bucketish: [`arn:aws:sqs:eu-west-1:${B}:inbox`, 'arn:aws:sqs:*'] },
  { action: 'dynamodb:GetItem', resource: `arn:aws:dynamodb:eu-west-1:${A}:table/orders`, bucketish: [`arn:aws:dynamodb:eu-west-1:${A}:table/orders`, `arn:aws:dynamodb:*:*:table/*`, `arn:aws:dynamodb:eu-west-1:${A}:table/ord*`] },
  { action: 'ec2:DescribeInstances', resource: '*', bucketish: ['*'] },
  { action: 'iam:CreateUser', resource: `arn:aws:iam::${A}:user/new-user`, bucketish: [`arn:aws:iam::${A}:user/*`, `arn:aws:iam::${A}:user/new-?ser`] },
  { action: 'kms:Decrypt', resource: `arn:aws:kms:eu-west-1:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab`, bucketish: [`arn:aws:kms:eu-west-1:${A}:key/*`, `arn:aws:kms:*:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab`] },
  { action: 'ssm:GetParameter', resource: `arn:aws:ssm:eu-west-1:${A}:parameter/app/db`, bucketish: [`arn:aws:ssm:eu-west-1:${A}:parameter/app/*`, `arn:aws:ssm:*:*:parameter/*`] },
  { action: 'secretsmanager:GetSecretValue', resource: `arn:aws:secretsmanager:eu-west-1:${A}:secret:db-AbCdEf`, bucketish: [`arn:aws:secretsmanager:eu-west-1:${A}:secret:db-*`, `arn:aws:secretsmanager:*:${A}:secret:*`] },
  // requests AWS authorizes by rules of their own (server/src/core/evaluator/actionRules.ts)
  { action: 'sts:GetCallerIdentity', resource: '*', bucketish: ['*'] },
  { action: 'kms:CreateAlias', resource: `arn:aws:kms:eu-west-1:${A}:alias/app`, bucketish: [`arn:aws:kms:eu-west-1:${A}:alias/app`, `arn:aws:kms:*:${A}:alias/*`, `arn:aws:kms:eu-west-1:${A}:key/*`], acrossFeature: 'kms-alias-other-account' },
  { action: 'kms:DeleteAlias', resource: `arn:aws:kms:eu-west-1:${B}:alias/partner`, bucketish: [`arn:aws:kms:eu-west-1:${B}:alias/*`, 'arn:aws:kms:*'], acrossFeature: 'kms-alias-other-account' },
  { action: 'kms:CreateAlias', resource: `arn:aws:kms:eu-west-1:${A}:alias/aws/s3`, bucketish: [`arn:aws:kms:eu-west-1:${A}:alias/*`, `arn:aws:kms:eu-west-1:${A}:alias/aws/*`], features: ['aws-reserved'], acrossFeature: 'kms-alias-other-account' },
  { action: 'iam:CreatePolicyVersion', resource: 'arn:aws:iam::aws:policy/ReadOnlyAccess', bucketish: ['arn:aws:iam::aws:policy/*', 'arn:aws:iam::*:policy/*', `arn:aws:iam::${A}:policy/*`], features: ['aws-reserved'] },
  { action: 'iam:GetPolicy', resource: 'arn:aws:iam::aws:policy/ReadOnlyAccess', bucketish: ['arn:aws:iam::aws:policy/*', 'arn:aws:iam::aws:policy/ReadOnly*', `arn:aws:iam::${A}:policy/*`] },
  { action: 'iam:PassRole', resource: `arn:aws:iam::${A}:role/MyServiceRole`, bucketish: [`arn:aws:iam::${A}:role/MyServiceRole`, `arn:aws:iam::${A}:role/*`, `arn:aws:iam::${B}:role/*`], resourcePolicyFeature: 'passrole-resource-policy', acrossFeature: 'passrole-other-account' },
  { action: 'iam:PassRole', resource: `arn:aws:iam::${B}:role/partner`, bucketish: [`arn:aws:iam::${B}:role/partner`, 'arn:aws:iam::*:role/*'], resourcePolicyFeature: 'passrole-resource-policy', acrossFeature: 'passrole-other-account' },
];

interface PrincipalDef { arn: string; kind: string }
const PRINCIPALS: PrincipalDef[] = [
  { arn: `arn:aws:iam::${A}:user/alice`, kind: 'user' },
  { arn: `arn:aws:iam::${A}:user/bob`, kind: 'user' },
  { arn: `arn:aws:sts::${A}:assumed-role/app/s1`, kind: 'session' },
  { arn: `arn:aws:sts::${A}:assumed-role/app/s1`, kind: 'session' },
  { arn: `arn:aws:sts::${A}:federated-user/fed`, kind: 'federated' },
  { arn: `arn:aws:iam::${A}:root`, kind: 'root' },
  { arn: `arn:aws:iam::${B}:user/carol`, kind: 'user' },
  { arn: `arn:aws:sts::${B}:assumed-role/partner/s2`, kind: 'session' },
  { arn: 'anonymous', kind: 'anonymous' },
  { arn: 'cloudtrail.amazonaws.com', kind: 'service' },
];

const RESOURCE_PRINCIPALS: unknown[] = [
  '*', { AWS: '*' }, { AWS: `arn:aws:iam::${A}:user/alice` }, { AWS: A }, { AWS: `arn:aws:iam::${A}:root` }, { AWS: B },
  { AWS: `arn:aws:iam::${A}:role/app` }, { AWS: `arn:aws:sts::${A}:assumed-role/app/s1` }, { AWS: `arn:aws:iam::${B}:user/carol` },
  { AWS: `arn:aws:iam::${B}:role/partner` }, { Service: 'cloudtrail.amazonaws.com' }, { AWS: [`arn:aws:iam::${A}:user/bob`, B] },
  { AWS: `arn:aws:sts::${A}:federated-user/fed` },
];

type Cond = { block: Record<string, Record<string, unknown>>; feature?: string };
const CONDITIONS: Cond[] = [
  { block: { Bool: { 'aws:SecureTransport': 'false' } } },
  { block: { Bool: { 'aws:SecureTransport': 'true' } } },
  { block: { StringEquals: { 'aws:PrincipalTag/team': 'red' } } },
  { block: { StringEquals: { 'aws:PrincipalTag/team': ['red', 'blue'] } } },
  { block: { StringNotEquals: { 'aws:PrincipalTag/team': 'red' } } },
  { block: { StringLike: { 'aws:PrincipalTag/team': 'r*' } } },
  { block: { StringEqualsIgnoreCase: { 'aws:PrincipalTag/team': 'RED' } } },
  { block: { StringEqualsIfExists: { 'aws:PrincipalTag/team': 'red' } } },
  { block: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-abc' } } },
  { block: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc' } } },
  { block: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1', 'eu-central-1'] } } },
  { block: { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:db8::/32'] } } },
  { block: { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } },
  { block: { DateLessThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' } } },
  { block: { DateGreaterThan: { 'aws:CurrentTime': '2026-12-01T00:00:00Z' } } },
  { block: { DateLessThan: { 'aws:CurrentTime': '1893456000' } }, feature: 'date-epoch-vs-iso' },
  { block: { NumericLessThan: { 'aws:EpochTime': '1893456000' } } },
  { block: { ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${A}:role/*` } } },
  { block: { ArnNotLike: { 'aws:PrincipalArn': `arn:aws:iam::${A}:user/*` } } },
  { block: { StringEquals: { 'aws:PrincipalAccount': A } } },
  { block: { StringEquals: { 'aws:username': 'alice' } } },
  { block: { Null: { 'aws:MultiFactorAuthAge': 'true' } } },
  { block: { Null: { 'aws:PrincipalTag/team': 'false' } } },
  { block: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } },
  { block: { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': ['o-abc/r-root/ou-prod/*'] } } },
  { block: { 'ForAllValues:StringLike': { 'aws:PrincipalOrgPaths': ['o-abc/r-root/*'] } } },
  { block: { StringEquals: { 'aws:PrincipalTag/team': '${aws:PrincipalTag/owner}' } } },
  { block: { StringEquals: { 'aws:ResourceAccount': '${aws:PrincipalAccount}' } } },
];

export interface Generated { scenario: Scenario; features: Set<string> }

export function generate(seed: number, count: number): Generated[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const chance = (p: number) => r() < p;
  const out: Generated[] = [];
  for (let n = 0; n < count; n++) {
    const features = new Set<string>();
    const target = pick(TARGETS);
    const principal = pick(PRINCIPALS);
    for (const f of target.features ?? []) features.add(f);
    const accountOf = (arn: string) => /^arn:[^:]*:[^:]*:[^:]*:(\d{12}):/.exec(arn)?.[1];
    if (target.acrossFeature && accountOf(principal.arn) && accountOf(principal.arn) !== accountOf(target.resource)) features.add(target.acrossFeature);
    const prefix = target.action.split(':')[0];
    const actionPatterns = [target.action, `${prefix}:*`, '*', `${target.action.slice(0, target.action.length - 3)}*`, `${prefix}:Get*`, target.action.toUpperCase(), `${target.action.slice(0, -2)}?${target.action.slice(-1)}`, 's3:DeleteObject', 'ec2:*'];
    const statement = (effect: 'Allow' | 'Deny', withPrincipal: boolean): Record<string, unknown> => {
      const st: Record<string, unknown> = { Effect: effect };
      if (chance(0.12)) st.NotAction = pick(['iam:*', 's3:DeleteObject', `${prefix}:*`]);
      else st.Action = chance(0.3) ? [pick(actionPatterns), pick(actionPatterns)] : pick(actionPatterns);
      const res = chance(0.35) ? '*' : pick(target.bucketish);
      if (res.split(':').length < 6 && res.endsWith('*') && res !== '*') features.add('resource-star-spans-colons');
      if (chance(0.08)) st.NotResource = pick(target.bucketish);
      else st.Resource = res;
      if (withPrincipal) {
        if (chance(0.06) && effect === 'Deny') st.NotPrincipal = pick(RESOURCE_PRINCIPALS.filter((p) => p !== '*'));
        else st.Principal = pick(RESOURCE_PRINCIPALS);
      }
      if (chance(0.4)) {
        const conds: Record<string, Record<string, unknown>> = {};
        const k = chance(0.25) ? 2 : 1;
        for (let i = 0; i < k; i++) {
          const c = pick(CONDITIONS);
          if (c.feature) features.add(c.feature);
          for (const [op, kv] of Object.entries(c.block)) conds[op] = { ...(conds[op] ?? {}), ...kv };
        }
        st.Condition = conds;
      }
      return st;
    };
    const policy = (name: string, kind: 'plain' | 'resource', nStatements: number, denyRate: number): PolicySource => {
      const v2008 = chance(0.05);
      const statements = Array.from({ length: nStatements }, () => statement(chance(denyRate) ? 'Deny' : 'Allow', kind === 'resource'));
      if (v2008 && JSON.stringify(statements).includes('${')) features.add('version-2008-variables');
      return { name, policy: { Version: v2008 ? '2008-10-17' : '2012-10-17', Statement: statements } };
    };
    const hasIdentity = !['anonymous', 'service', 'root'].includes(principal.kind);
    const identityPolicies = hasIdentity ? Array.from({ length: Math.floor(r() * 3) }, (_, i) => policy(`identity${i}`, 'plain', 1 + Math.floor(r() * 3), 0.2)) : [];
    const permissionBoundaries = hasIdentity && chance(0.25) ? [policy('boundary', 'plain', 1 + Math.floor(r() * 2), 0.15)] : [];
    const sessionPolicy = (principal.kind === 'session' || principal.kind === 'federated') && chance(0.35) ? policy('session', 'plain', 1 + Math.floor(r() * 2), 0.15) : undefined;
    const resourcePolicy = chance(0.55) ? policy('resource', 'resource', 1 + Math.floor(r() * 3), 0.25) : undefined;
    if (resourcePolicy && target.resourcePolicyFeature) features.add(target.resourcePolicyFeature);
    const orgLevels = (kind: 'scp' | 'rcp'): OrgLevel[] => {
      const levels: OrgLevel[] = [];
      const depth = 1 + Math.floor(r() * 3);
      for (let i = 0; i < depth; i++) {
        const policies: PolicySource[] = [];
        if (kind === 'scp' && chance(0.85)) policies.push({ name: 'FullAWSAccess', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } });
        if (kind === 'scp' && chance(0.2)) policies.push(policy(`scp-allow${i}`, 'plain', 1, 0));
        if (chance(0.4)) {
          const p = policy(`${kind}-deny${i}`, 'plain', 1, 1);
          if (kind === 'rcp') for (const st of (p.policy as { Statement: Record<string, unknown>[] }).Statement) st.Principal = '*';
          policies.push(p);
        }
        levels.push({ orgIdentifier: i === 0 ? 'r-root' : i === depth - 1 ? 'account' : `ou-${i}`, policies });
      }
      return levels;
    };
    const scps = chance(0.3) ? orgLevels('scp') : [];
    const rcps = chance(0.2) ? orgLevels('rcp') : [];
    const context: Record<string, unknown> = {};
    if (chance(0.7)) context['aws:SecureTransport'] = pick(['true', 'false']);
    if (chance(0.6)) context['aws:PrincipalTag/team'] = pick(['red', 'blue', 'green']);
    if (chance(0.3)) context['aws:PrincipalTag/owner'] = pick(['red', 'blue']);
    if (chance(0.5)) context['aws:SourceIp'] = pick(['203.0.113.10', '198.51.100.7', '2001:db8::1']);
    if (chance(0.5)) context['aws:RequestedRegion'] = pick(['eu-west-1', 'us-east-1']);
    if (chance(0.4)) context['aws:PrincipalOrgID'] = pick(['o-abc', 'o-other']);
    if (chance(0.3)) context['aws:PrincipalOrgPaths'] = pick([['o-abc/r-root/ou-prod/'], ['o-abc/r-root/ou-dev/', 'o-abc/r-root/ou-prod/x/']]);
    if (chance(0.2)) context['aws:MultiFactorAuthPresent'] = pick(['true', 'false']);
    if (principal.kind === 'root') features.add('root-user');
    if ((principal.kind === 'service' || principal.kind === 'anonymous') && scps.length) features.add('scp-on-non-member-principal');
    if (principal.kind === 'federated' && !sessionPolicy) features.add('federated-without-session-policy');
    if (rcps.length && !['s3', 'sqs', 'kms', 'sts', 'secretsmanager', 'dynamodb'].includes(prefix)) features.add('rcp-unsupported-service');
    if (sessionPolicy) features.add('session-policy');
    out.push({
      features,
      scenario: {
        name: `generated ${n}`,
        identityPolicies, permissionBoundaries, sessionPolicy, resourcePolicy, scps, rcps,
        request: { principal: principal.arn, action: target.action, resource: target.resource, resourceAccount: target.resourceAccount, context },
      },
    });
  }
  return out;
}
