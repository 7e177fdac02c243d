// Statement elements: R9 NotAction, R10 NotResource, R11 required elements, R15 case sensitivity, R16 wildcards,
// R22 errors. From the IAM User Guide pages on Action, NotAction, Resource, NotResource.
import { A, allow, BUCKET_OBJS, deny, doc, OBJ, rule, USER } from './fixtures';

const mfaDeny = { Effect: 'Deny', NotAction: ['iam:*', 'sts:GetSessionToken'], Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } };

rule('R9 NotAction matches every action except the listed ones', [
  ['Allow NotAction iam:* grants s3', { identity: [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }] }, 'Allowed'],
  ['Allow NotAction iam:* does not grant iam', { action: 'iam:CreateUser', res: `arn:aws:iam::${A}:user/x`, identity: [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }] }, 'ImplicitlyDenied'],
  ['Deny NotAction with MFA absent denies s3', { identity: [allow('*'), mfaDeny], context: { 'aws:MultiFactorAuthPresent': 'false' } }, 'ExplicitlyDenied'],
  ['Deny NotAction with MFA present', { identity: [allow('*'), mfaDeny], context: { 'aws:MultiFactorAuthPresent': 'true' } }, 'Allowed'],
  ['Deny NotAction does not cover the listed iam action', { action: 'iam:ListUsers', identity: [allow('*'), mfaDeny], context: { 'aws:MultiFactorAuthPresent': 'false' } }, 'Allowed'],
  ['NotAction is case-insensitive too', { action: 'iam:ListUsers', identity: [{ Effect: 'Allow', NotAction: 'IAM:*', Resource: '*' }] }, 'ImplicitlyDenied'],
]);

rule('R10 NotResource matches every resource except the listed ones', [
  ['Allow NotResource covers other objects', { identity: [{ Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::reports/secret/*' }] }, 'Allowed'],
  ['Allow NotResource excludes the listed objects', { res: 'arn:aws:s3:::reports/secret/a', identity: [{ Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::reports/secret/*' }] }, 'ImplicitlyDenied'],
  ['Deny NotResource denies everything unlisted', { res: 'arn:aws:s3:::other/x', identity: [allow('s3:*'), { Effect: 'Deny', Action: 's3:*', NotResource: ['arn:aws:s3:::reports', BUCKET_OBJS] }] }, 'ExplicitlyDenied'],
  ['Deny NotResource leaves the listed resource alone', { identity: [allow('s3:*'), { Effect: 'Deny', Action: 's3:*', NotResource: ['arn:aws:s3:::reports', BUCKET_OBJS] }] }, 'Allowed'],
]);

rule('R11 required elements: a statement missing Effect, Action or Resource does not apply', [
  ['statement without Effect', { identity: [{ Action: 's3:GetObject', Resource: '*' }] }, 'ImplicitlyDenied'],
  ['statement with Effect "allow" (wrong case)', { identity: [{ Effect: 'allow', Action: 's3:GetObject', Resource: '*' }] }, 'ImplicitlyDenied'],
  ['identity statement without Action', { identity: [{ Effect: 'Allow', Resource: '*' }] }, 'ImplicitlyDenied'],
  ['identity statement without Resource', { identity: [{ Effect: 'Allow', Action: 's3:GetObject' }] }, 'ImplicitlyDenied'],
  ['trust policy without Resource applies', { action: 'sts:AssumeRole', res: `arn:aws:iam::${A}:role/app`, resource: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { AWS: USER } }] }, 'Allowed'],
  ['resource-policy statement without Principal does not apply', { resource: [allow('s3:GetObject', BUCKET_OBJS)] }, 'ImplicitlyDenied'],
  ['valid deny next to an invalid statement', { identity: [allow('*'), { Effect: 'Deny', Resource: '*' }, deny('s3:GetObject')] }, 'ExplicitlyDenied'],
]);

rule('R15 case: actions and key names are case-insensitive; resources and values are case-sensitive', [
  ['action in other case', { identity: [allow('S3:getobject')] }, 'Allowed'],
  ['action pattern in other case', { identity: [allow('S3:GET*')] }, 'Allowed'],
  ['deny with action in other case', { identity: [allow('*'), deny('s3:GETOBJECT')] }, 'ExplicitlyDenied'],
  ['resource ARN in other case', { identity: [allow('s3:GetObject', 'arn:aws:s3:::Reports/*')] }, 'ImplicitlyDenied'],
  ['condition key name in other case', { identity: [allow('s3:GetObject', '*', { Condition: { IpAddress: { 'AWS:SOURCEIP': '203.0.113.0/24' } } })], context: { 'aws:SourceIp': '203.0.113.7' } }, 'Allowed'],
  ['condition value in other case', { identity: [allow('s3:GetObject', '*', { Condition: { StringEquals: { 'aws:PrincipalTag/env': 'Prod' } } })], context: { 'aws:PrincipalTag/env': 'prod' } }, 'ImplicitlyDenied'],
  ['tag key part of the key name in other case', { identity: [allow('s3:GetObject', '*', { Condition: { StringEquals: { 'aws:PrincipalTag/ENV': 'prod' } } })], context: { 'aws:PrincipalTag/env': 'prod' } }, 'Allowed'],
]);

rule('R16 wildcards: * and ? in actions; in resources per segment, a segment-final * spans colons', [
  ['s3:Get*', { identity: [allow('s3:Get*')] }, 'Allowed'],
  ['s3:Get?bject', { identity: [allow('s3:Get?bject')] }, 'Allowed'],
  ['s3:*Object*', { identity: [allow('s3:*Object*')] }, 'Allowed'],
  ['s3:Put* does not cover GetObject', { identity: [allow('s3:Put*')] }, 'ImplicitlyDenied'],
  ['? is exactly one character', { identity: [allow('s3:GetObjec?s')] }, 'ImplicitlyDenied'],
  ['action without a service prefix matches nothing', { identity: [allow('GetObject')] }, 'ImplicitlyDenied'],
  ['* spans slashes in the resource part', { res: 'arn:aws:s3:::b/a/test/x', identity: [allow('s3:GetObject', 'arn:aws:s3:::b/*/test/*')] }, 'Allowed'],
  ['? in a resource: one character', { res: 'arn:aws:s3:::b/file1.txt', identity: [allow('s3:GetObject', 'arn:aws:s3:::b/file?.txt')] }, 'Allowed'],
  ['? in a resource: not two characters', { res: 'arn:aws:s3:::b/file12.txt', identity: [allow('s3:GetObject', 'arn:aws:s3:::b/file?.txt')] }, 'ImplicitlyDenied'],
  ['* in the region segment', { action: 'sqs:SendMessage', res: `arn:aws:sqs:eu-west-1:${A}:q`, identity: [allow('sqs:SendMessage', `arn:aws:sqs:*:${A}:q`)] }, 'Allowed'],
  ['mid-segment * does not cross a colon', { action: 'sqs:SendMessage', res: `arn:aws:sqs:eu-west-1:${A}:queue`, identity: [allow('sqs:SendMessage', 'arn:aws:sqs:eu-w*3:queue')] }, 'ImplicitlyDenied'],
  ['segment-final * spans the remaining colons', { action: 'sqs:SendMessage', res: `arn:aws:sqs:eu-west-1:${A}:q`, identity: [allow('sqs:SendMessage', 'arn:aws:sqs:*')] }, 'Allowed'],
  ['regex metacharacters are literal', { res: 'arn:aws:s3:::b/aXb', identity: [allow('s3:GetObject', 'arn:aws:s3:::b/a.b')] }, 'ImplicitlyDenied'],
  ['deny with a resource wildcard', { identity: [allow('s3:*'), deny('s3:GetObject', 'arn:aws:s3:::reports/2026/*')] }, 'ExplicitlyDenied'],
]);

rule('R22 errors never allow', [
  ['principal that is not a principal', { principal: 'alice', identity: [allow('*')] }, 'ImplicitlyDenied'],
  ['wildcard action in the request', { action: 's3:*', identity: [allow('*')] }, 'ImplicitlyDenied'],
  ['principal ARN without an account', { principal: 'arn:aws:iam:::user/alice', identity: [allow('*')] }, 'ImplicitlyDenied'],
  ['policy that is not an object, next to one that allows', { identityDoc: doc(allow('*')), resourceDoc: 'not a policy' }, 'Allowed'],
  ['empty resource', { res: '', identity: [allow('*')] }, 'ImplicitlyDenied'],
  ['policy that is not an object does not hide a deny elsewhere', { identityDoc: doc(allow('*'), deny('s3:GetObject')), resourceDoc: ['not', 'a', 'policy'] }, 'ExplicitlyDenied'],
]);

void OBJ;
