// Every rule, flagged and not flagged, with the range it reports.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { PolicyType } from '../../../server/src/core/policy/policyType';
import { RULES } from '../../../server/src/service/validation/rules';
import { lint, policy, S } from './lint';

interface Case { code: string; name: string; text: string; type?: PolicyType; flagged: boolean; at?: string; message?: RegExp }
const trust = (extra: object = {}) => ({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole', ...extra });
const cond = (c: object, extra: object = {}) => policy(S({ Condition: c, ...extra }));
const gh = (sub: unknown) => policy({ Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' }, StringLike: { 'token.actions.githubusercontent.com:sub': sub } } });

const CASES: Case[] = [
  // IAM001
  { code: 'IAM001', name: 'trailing comma', text: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*",}]}', flagged: true },
  { code: 'IAM001', name: 'comment', text: '{"Version":"2012-10-17", // x\n"Statement":[]}', flagged: true },
  { code: 'IAM001', name: 'valid JSON', text: policy(S()), flagged: false },
  // IAM002
  { code: 'IAM002', name: 'wrong case element', text: '{"Version":"2012-10-17","Statement":[{"effect":"Allow","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}', flagged: true, at: '"effect"', message: /write "Effect"/ },
  { code: 'IAM002', name: 'misspelt element', text: policy(S({ Resourse: '*' })), flagged: true, at: '"Resourse"', message: /Did you mean "Resource"/ },
  { code: 'IAM002', name: 'unknown top-level', text: '{"Version":"2012-10-17","Foo":1,"Statement":[]}', flagged: true, at: '"Foo"' },
  { code: 'IAM002', name: 'valid elements', text: policy(S({ Sid: 'A', Condition: { Bool: { 'aws:SecureTransport': 'true' } } })), flagged: false },
  // IAM003
  { code: 'IAM003', name: 'duplicate Effect', text: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Effect":"Deny","Action":"s3:GetObject","Resource":"*"}]}', flagged: true, at: '"Effect"' },
  { code: 'IAM003', name: 'no duplicates', text: policy(S()), flagged: false },
  // IAM004
  { code: 'IAM004', name: 'no Statement', text: '{"Version":"2012-10-17"}', flagged: true },
  { code: 'IAM004', name: 'Statement is a string', text: '{"Version":"2012-10-17","Statement":"x"}', flagged: true, at: '"x"' },
  { code: 'IAM004', name: 'single statement object', text: JSON.stringify({ Version: '2012-10-17', Statement: S() }), flagged: false },
  // IAM005
  { code: 'IAM005', name: 'lowercase effect', text: policy(S({ Effect: 'allow' })), flagged: true, at: '"allow"', message: /"Allow"/ },
  { code: 'IAM005', name: 'missing effect', text: policy({ Action: 's3:GetObject', Resource: '*' }), flagged: true },
  { code: 'IAM005', name: 'Deny', text: policy(S({ Effect: 'Deny' })), flagged: false },
  // IAM006 / IAM007
  { code: 'IAM006', name: 'missing action', text: policy({ Effect: 'Allow', Resource: '*' }), flagged: true },
  { code: 'IAM006', name: 'NotAction counts', text: policy({ Effect: 'Deny', NotAction: 's3:*', Resource: '*' }), flagged: false },
  { code: 'IAM007', name: 'missing resource', text: policy({ Effect: 'Allow', Action: 's3:GetObject' }), flagged: true },
  { code: 'IAM007', name: 'trust policy needs none', type: 'trust', text: policy(trust()), flagged: false },
  // IAM008
  { code: 'IAM008', name: 'Action and NotAction', text: policy(S({ NotAction: 's3:PutObject' })), flagged: true, at: '"NotAction"' },
  { code: 'IAM008', name: 'one of each', text: policy(S()), flagged: false },
  // IAM009 / IAM010
  { code: 'IAM009', name: 'date as version', text: JSON.stringify({ Version: '2024-01-01', Statement: [S()] }), flagged: true, at: '"2024-01-01"' },
  { code: 'IAM009', name: 'legacy version in SCP', type: 'scp', text: JSON.stringify({ Version: '2008-10-17', Statement: [{ Effect: 'Deny', Action: 's3:*', Resource: '*' }] }), flagged: true },
  { code: 'IAM009', name: 'current version', text: policy(S()), flagged: false },
  { code: 'IAM010', name: 'no version', text: JSON.stringify({ Statement: [S()] }), flagged: true, at: '"Statement"' },
  { code: 'IAM010', name: 'version present', text: policy(S()), flagged: false },
  // IAM011 / IAM012
  { code: 'IAM011', name: 'duplicate Sid', text: policy(S({ Sid: 'A' }), S({ Sid: 'A', Action: 's3:PutObject' })), flagged: true, message: /already used/ },
  { code: 'IAM011', name: 'unique Sids', text: policy(S({ Sid: 'A' }), S({ Sid: 'B', Action: 's3:PutObject' })), flagged: false },
  { code: 'IAM012', name: 'Sid with space', text: policy(S({ Sid: 'Read objects' })), flagged: true, at: '"Read objects"' },
  { code: 'IAM012', name: 'Sid with space in a bucket policy', type: 'resource', text: policy(S({ Sid: 'Read objects', Principal: { AWS: '111122223333' } })), flagged: false },
  { code: 'IAM012', name: 'alphanumeric Sid', text: policy(S({ Sid: 'ReadObjects1' })), flagged: false },
  // IAM013 / IAM014 / IAM015
  { code: 'IAM013', name: 'empty Action', text: policy(S({ Action: [] })), flagged: true, at: '[]' },
  { code: 'IAM013', name: 'empty Condition', text: policy(S({ Condition: {} })), flagged: true, at: '{}' },
  { code: 'IAM013', name: 'non-empty values', text: policy(S()), flagged: false },
  { code: 'IAM014', name: 'number in Action', text: policy(S({ Action: ['s3:GetObject', 5] })), flagged: true, at: '5' },
  { code: 'IAM014', name: 'Effect as array', text: policy(S({ Effect: ['Allow'] })), flagged: true },
  { code: 'IAM014', name: 'right types', text: policy(S()), flagged: false },
  { code: 'IAM015', name: 'typographic quote', text: policy(S({ Sid: 'A\u2019s' })), flagged: true, at: '\u2019' },
  { code: 'IAM015', name: 'latin-1 is fine', text: policy(S({ Resource: 'arn:aws:s3:::bucket/caf\u00e9' })), flagged: false },
  // IAM101-106
  { code: 'IAM101', name: 'Principal in identity policy', text: policy(S({ Principal: '*' })), flagged: true, at: '"Principal"' },
  { code: 'IAM101', name: 'Principal in SCP', type: 'scp', text: policy(S({ Effect: 'Deny', Principal: '*' })), flagged: true },
  { code: 'IAM101', name: 'Principal in resource policy', type: 'resource', text: policy(S({ Principal: { AWS: '111122223333' } })), flagged: false },
  { code: 'IAM102', name: 'bucket policy without Principal', type: 'resource', text: policy(S()), flagged: true },
  { code: 'IAM102', name: 'identity policy needs none', text: policy(S()), flagged: false },
  { code: 'IAM103', name: 'NotPrincipal in trust', type: 'trust', text: policy({ Effect: 'Deny', NotPrincipal: { AWS: '111122223333' }, Action: 'sts:AssumeRole' }), flagged: true },
  { code: 'IAM103', name: 'NotPrincipal Deny in resource policy', type: 'resource', text: policy(S({ Effect: 'Deny', NotPrincipal: { AWS: '111122223333' } })), flagged: false },
  { code: 'IAM104', name: 'Resource in trust', type: 'trust', text: policy(trust({ Resource: '*' })), flagged: true, at: '"Resource"' },
  { code: 'IAM104', name: 'trust without Resource', type: 'trust', text: policy(trust()), flagged: false },
  { code: 'IAM105', name: 'non-sts action in trust', type: 'trust', text: policy(trust({ Action: ['sts:AssumeRole', 's3:GetObject'] })), flagged: true, at: '"s3:GetObject"' },
  { code: 'IAM105', name: 'SAML principal with AssumeRole', type: 'trust', text: policy({ Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::111122223333:saml-provider/Okta' }, Action: 'sts:AssumeRole' }), flagged: true, message: /AssumeRoleWithSAML/ },
  { code: 'IAM105', name: 'Roles Anywhere without TagSession', type: 'trust', text: policy({ Effect: 'Allow', Principal: { Service: 'rolesanywhere.amazonaws.com' }, Action: 'sts:AssumeRole' }), flagged: true, message: /TagSession/ },
  { code: 'IAM105', name: 'valid trust actions', type: 'trust', text: policy(trust({ Action: ['sts:AssumeRole', 'sts:TagSession'] })), flagged: false },
  { code: 'IAM106', name: 'RCP Allow', type: 'rcp', text: policy({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }), flagged: true },
  { code: 'IAM106', name: 'RCP named principal', type: 'rcp', text: policy({ Effect: 'Deny', Principal: { AWS: '111122223333' }, Action: 's3:*', Resource: '*' }), flagged: true },
  { code: 'IAM106', name: 'RCP unsupported service', type: 'rcp', text: policy({ Effect: 'Deny', Principal: '*', Action: 'ec2:RunInstances', Resource: '*' }), flagged: true, at: '"ec2:RunInstances"' },
  { code: 'IAM106', name: 'RCPFullAWSAccess', type: 'rcp', text: policy({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }), flagged: false },
  { code: 'IAM106', name: 'RCP deny on s3', type: 'rcp', text: policy({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { BoolIfExists: { 'aws:SecureTransport': 'false' } } }), flagged: false },
  // IAM201-206
  { code: 'IAM201', name: 'dyanmodb', text: policy(S({ Action: 'dyanmodb:PutItem', Resource: '*' })), flagged: true, at: '"dyanmodb:PutItem"', message: /^Unknown service "dyanmodb".*Did you mean "dynamodb"/ },
  { code: 'IAM201', name: 'known service', text: policy(S({ Action: 'dynamodb:PutItem', Resource: '*' })), flagged: false },
  { code: 'IAM202', name: 'GetObjekt', text: policy(S({ Action: 's3:GetObjekt' })), flagged: true, at: '"s3:GetObjekt"', message: /Did you mean "s3:GetObject"/ },
  { code: 'IAM202', name: 'case-insensitive action names', text: policy(S({ Action: 'S3:getobject' })), flagged: false },
  { code: 'IAM203', name: 'ListObjectsV2', text: policy(S({ Action: 's3:ListObjectsV2', Resource: 'arn:aws:s3:::bucket' })), flagged: true, message: /s3:ListBucket/ },
  { code: 'IAM203', name: 'HeadObject', text: policy(S({ Action: 's3:HeadObject' })), flagged: true, message: /s3:GetObject/ },
  { code: 'IAM203', name: 'real action', text: policy(S({ Action: 's3:ListBucket', Resource: 'arn:aws:s3:::bucket' })), flagged: false },
  { code: 'IAM204', name: 'wildcard matching nothing', text: policy(S({ Action: 's3:Gte*' })), flagged: true, at: '"s3:Gte*"' },
  { code: 'IAM204', name: 'valid wildcards', text: policy(S({ Action: ['s3:Get*', 'ec2:Describe*', 'iam:List*Tags', 's3:Get?bject', '*'], Resource: '*' })), flagged: false },
  { code: 'IAM205', name: 'no colon', text: policy(S({ Action: 's3GetObject' })), flagged: true },
  { code: 'IAM205', name: 'well-formed', text: policy(S()), flagged: false },
  { code: 'IAM206', name: 'wildcard in service', text: policy(S({ Action: 's*:List*', Resource: '*' })), flagged: true },
  { code: 'IAM206', name: 'wildcard in name only', text: policy(S({ Action: 's3:List*', Resource: '*' })), flagged: false },
  // IAM301-311
  { code: 'IAM301', name: 'StringEqual', text: cond({ StringEqual: { 'aws:PrincipalTag/team': 'a' } }), flagged: true, at: '"StringEqual"', message: /Did you mean "StringEquals"/ },
  { code: 'IAM301', name: 'stringequals case', text: cond({ stringequals: { 'aws:PrincipalTag/team': 'a' } }), flagged: true, message: /case-sensitive/ },
  { code: 'IAM301', name: 'valid operators', text: cond({ 'ForAnyValue:StringLikeIfExists': { 'aws:TagKeys': 'a*' }, NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } }), flagged: false },
  { code: 'IAM302', name: 'unknown global key', text: cond({ IpAddress: { 'aws:SourceIpp': '203.0.113.0/24' } }), flagged: true, at: '"aws:SourceIpp"', message: /Did you mean "aws:SourceIp"/ },
  { code: 'IAM302', name: 'unknown service key', text: cond({ StringEquals: { 's3:prefx': 'home/' } }), flagged: true, message: /s3:prefix/ },
  { code: 'IAM302', name: 'patterned key typo keeps the tag', text: cond({ StringEquals: { 'aws:ResourceTga/team': 'x' } }), flagged: true, message: /aws:ResourceTag\/team/ },
  { code: 'IAM302', name: 'patterned and OIDC keys', text: cond({ StringEquals: { 'aws:ResourceTag/team': 'x', 'accounts.google.com:aud': 'x', 's3:prefix': 'x' } }), flagged: false },
  { code: 'IAM303', name: 'key of another service', text: cond({ StringEquals: { 'ec2:InstanceType': 't3.micro' } }), flagged: true, at: '"ec2:InstanceType"' },
  { code: 'IAM303', name: 'key the action supports', text: policy(S({ Action: 's3:ListBucket', Resource: 'arn:aws:s3:::bucket', Condition: { StringLike: { 's3:prefix': 'home/*' } } })), flagged: false },
  { code: 'IAM304', name: 'String operator on aws:SourceIp', text: cond({ StringEquals: { 'aws:SourceIp': '203.0.113.1' } }), flagged: true, at: '"StringEquals"', message: /IpAddress/ },
  { code: 'IAM304', name: 'String operator on a date', text: cond({ StringLessThan: {} }), flagged: false },
  { code: 'IAM304', name: 'DateGreaterThan on aws:CurrentTime', text: cond({ DateGreaterThan: { 'aws:CurrentTime': '2026-01-01T00:00:00Z' } }), flagged: false },
  { code: 'IAM304', name: 'StringEquals on aws:CurrentTime', text: cond({ StringEquals: { 'aws:CurrentTime': '2026-01-01' } }), flagged: true, message: /DateEquals/ },
  { code: 'IAM305', name: 'invalid CIDR', text: cond({ IpAddress: { 'aws:SourceIp': '203.0.113.0/33' } }), flagged: true, at: '"203.0.113.0/33"' },
  { code: 'IAM305', name: 'invalid bool', text: cond({ Bool: { 'aws:SecureTransport': 'yes' } }), flagged: true },
  { code: 'IAM305', name: 'invalid date', text: cond({ DateGreaterThan: { 'aws:CurrentTime': 'tomorrow' } }), flagged: true },
  { code: 'IAM305', name: 'invalid number', text: cond({ NumericLessThan: { 'aws:MultiFactorAuthAge': 'one hour' } }), flagged: true },
  { code: 'IAM305', name: 'invalid region', text: cond({ StringEquals: { 'aws:RequestedRegion': 'us-eest-1' } }), flagged: true },
  { code: 'IAM305', name: 'valid values', text: cond({ IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:db8::/32'] }, Bool: { 'aws:SecureTransport': true }, StringEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] }, DateLessThan: { 'aws:CurrentTime': '2026-12-31T23:59:59Z' } }), flagged: false },
  { code: 'IAM306', name: 'ForAllValues on single-valued key', text: cond({ 'ForAllValues:StringEquals': { 'aws:PrincipalTag/team': 'a' } }), flagged: true },
  { code: 'IAM306', name: 'ForAllValues on aws:TagKeys', text: cond({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a'] } }), flagged: false },
  { code: 'IAM307', name: 'plain operator on aws:TagKeys', text: cond({ StringEquals: { 'aws:TagKeys': 'a' } }), flagged: true, at: '"StringEquals"' },
  { code: 'IAM307', name: 'qualified', text: cond({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'a' } }), flagged: false },
  { code: 'IAM308', name: 'wildcard with StringEquals', text: cond({ StringEquals: { 'aws:PrincipalTag/team': 'dev-*' } }), flagged: true, at: '"dev-*"', message: /StringLike/ },
  { code: 'IAM308', name: 'StringLike', text: cond({ StringLike: { 'aws:PrincipalTag/team': 'dev-*' } }), flagged: false },
  { code: 'IAM308', name: 'literal ${*}', text: cond({ StringEquals: { 'aws:PrincipalTag/team': 'a${*}' } }), flagged: false },
  { code: 'IAM309', name: 'NullIfExists', text: cond({ NullIfExists: { 'aws:PrincipalTag/team': 'true' } }), flagged: true },
  { code: 'IAM309', name: 'Null', text: cond({ Null: { 'aws:PrincipalTag/team': 'true' } }), flagged: false },
  { code: 'IAM310', name: 'same key different case', text: cond({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24', 'aws:sourceip': '198.51.100.0/24' } }), flagged: true, at: '"aws:sourceip"' },
  { code: 'IAM310', name: 'different keys', text: cond({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24', 'aws:VpcSourceIp': '10.0.0.0/8' } }), flagged: false },
  { code: 'IAM311', name: 'private SourceIp', text: cond({ IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }), flagged: true, at: '"10.0.0.0/8"' },
  { code: 'IAM311', name: 'public SourceIp', text: cond({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }), flagged: false },
  // IAM401-403
  { code: 'IAM401', name: 'not an ARN', text: policy(S({ Resource: 'my-bucket' })), flagged: true, at: '"my-bucket"' },
  { code: 'IAM401', name: 'bad partition', text: policy(S({ Resource: 'arn:awz:s3:::bucket/*' })), flagged: true, message: /"aws"/ },
  { code: 'IAM401', name: 'bad region', text: policy(S({ Action: 'dynamodb:GetItem', Resource: 'arn:aws:dynamodb:us-eest-1:111122223333:table/t' })), flagged: true, message: /us-east-1/ },
  { code: 'IAM401', name: 'region on S3 bucket', text: policy(S({ Resource: 'arn:aws:s3:us-east-1::bucket/*' })), flagged: false },
  { code: 'IAM401', name: 'region where none exists', text: policy(S({ Action: 'iam:GetRole', Resource: 'arn:aws:iam:us-east-1:111122223333:role/x' })), flagged: true, message: /no Region/ },
  { code: 'IAM401', name: 'account not 12 digits', text: policy(S({ Action: 'dynamodb:GetItem', Resource: 'arn:aws:dynamodb:us-east-1:1234:table/t' })), flagged: true },
  { code: 'IAM401', name: 'valid ARNs', text: policy(S({ Resource: ['arn:aws:s3:::bucket/*', 'arn:aws:s3:::${aws:username}/*', '*'] })), flagged: false },
  { code: 'IAM402', name: 'table ARN for S3 action', text: policy(S({ Resource: 'arn:aws:dynamodb:us-east-1:111122223333:table/t' })), flagged: true, at: '"arn:aws:dynamodb:us-east-1:111122223333:table/t"' },
  { code: 'IAM402', name: 'bucket ARN for object action', text: policy(S({ Resource: 'arn:aws:s3:::bucket' })), flagged: true },
  { code: 'IAM402', name: 'matching ARN', text: policy(S({ Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::bucket', 'arn:aws:s3:::bucket/*'] })), flagged: false },
  { code: 'IAM403', name: 'ListAllMyBuckets on a bucket', text: policy(S({ Action: ['s3:ListAllMyBuckets', 's3:GetObject'] })), flagged: true, at: '"s3:ListAllMyBuckets"' },
  { code: 'IAM403', name: 'ListAllMyBuckets on *', text: policy(S({ Action: 's3:ListAllMyBuckets', Resource: '*' })), flagged: false },
  // IAM501-503
  { code: 'IAM501', name: 'short account id', type: 'resource', text: policy(S({ Principal: { AWS: '12345' } })), flagged: true, at: '"12345"' },
  { code: 'IAM501', name: 'bad principal type', type: 'resource', text: policy(S({ Principal: { Aws: '111122223333' } })), flagged: true, message: /"AWS"/ },
  { code: 'IAM501', name: 'service under AWS', type: 'resource', text: policy(S({ Principal: { AWS: 'lambda.amazonaws.com' } })), flagged: true, message: /"Service"/ },
  { code: 'IAM501', name: 'valid principals', type: 'resource', text: policy(S({ Principal: { AWS: ['111122223333', 'arn:aws:iam::111122223333:role/r', 'arn:aws:sts::111122223333:assumed-role/r/s'], Service: 'cloudfront.amazonaws.com' } })), flagged: false },
  { code: 'IAM502', name: 'wildcard in role ARN', type: 'resource', text: policy(S({ Principal: { AWS: 'arn:aws:iam::111122223333:role/dev-*' } })), flagged: true },
  { code: 'IAM502', name: 'star alone', type: 'resource', text: policy(S({ Principal: { AWS: '*' }, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc' } } })), flagged: false },
  { code: 'IAM503', name: 'role unique id', type: 'resource', text: policy(S({ Principal: { AWS: 'AROAEXAMPLEID12345678' } })), flagged: true },
  { code: 'IAM503', name: 'role ARN', type: 'resource', text: policy(S({ Principal: { AWS: 'arn:aws:iam::111122223333:role/r' } })), flagged: false },
  // IAM601-604
  { code: 'IAM601', name: 'missing brace', text: policy(S({ Resource: 'arn:aws:s3:::bucket/${aws:username/*' })), flagged: true, message: /closing brace/ },
  { code: 'IAM601', name: 'space in variable', text: policy(S({ Resource: 'arn:aws:s3:::bucket/${ aws:username}/*' })), flagged: true },
  { code: 'IAM601', name: 'default value without quotes', text: policy(S({ Resource: 'arn:aws:s3:::bucket/${aws:username, x}/*' })), flagged: true },
  { code: 'IAM601', name: 'valid variables', text: policy(S({ Resource: ["arn:aws:s3:::bucket/${aws:username}/*", "arn:aws:s3:::b/${aws:PrincipalTag/team, 'none'}/*"] })), flagged: false },
  { code: 'IAM602', name: 'variable in Action', text: policy(S({ Action: 's3:${aws:username}' })), flagged: true },
  { code: 'IAM602', name: 'variable with Numeric operator', text: cond({ NumericLessThan: { 'aws:MultiFactorAuthAge': '${aws:username}' } }), flagged: true },
  { code: 'IAM602', name: 'variable in resource path', text: policy(S({ Resource: 'arn:aws:s3:::bucket/${aws:username}/*' })), flagged: false },
  { code: 'IAM603', name: 'variable without Version', text: JSON.stringify({ Statement: [S({ Resource: 'arn:aws:s3:::bucket/${aws:username}/*' })] }), flagged: true, at: '${aws:username}' },
  { code: 'IAM603', name: 'variable with 2012-10-17', text: policy(S({ Resource: 'arn:aws:s3:::bucket/${aws:username}/*' })), flagged: false },
  { code: 'IAM604', name: 'unknown variable key', text: policy(S({ Resource: 'arn:aws:s3:::bucket/${aws:usrname}/*' })), flagged: true, message: /aws:username/ },
  { code: 'IAM604', name: 'multivalued variable key', text: policy(S({ Resource: 'arn:aws:s3:::bucket/${aws:TagKeys}/*' })), flagged: true },
  { code: 'IAM604', name: 'single-valued key', text: policy(S({ Resource: 'arn:aws:s3:::bucket/${aws:PrincipalTag/team}/*' })), flagged: false },
  // IAM701
  { code: 'IAM701', name: 'trust policy over 2048', type: 'trust', text: policy(trust({ Condition: { StringEquals: { 'sts:ExternalId': 'x'.repeat(2100) } } })), flagged: true },
  { code: 'IAM701', name: 'SCP counts white space', type: 'scp', text: policy({ Effect: 'Deny', Action: 's3:*', Resource: '*' }).replace(/\n/g, '\n' + ' '.repeat(1000)), flagged: true, message: /white space counts/ },
  { code: 'IAM701', name: 'identity policy ignores white space', text: policy(S()).replace(/\n/g, '\n' + ' '.repeat(3000)), flagged: false },
  // IAM801-807
  { code: 'IAM801', name: 'PassRole on *', text: policy(S({ Action: 'iam:PassRole', Resource: '*' })), flagged: true, at: '"iam:PassRole"' },
  { code: 'IAM801', name: 'PassRole via iam:*', text: policy(S({ Action: 'iam:*', Resource: '*' })), flagged: true, at: '"iam:*"' },
  { code: 'IAM801', name: 'PassRole on a role', text: policy(S({ Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/app' })), flagged: false },
  { code: 'IAM802', name: 'CreateServiceLinkedRole on *', text: policy(S({ Action: 'iam:CreateServiceLinkedRole', Resource: '*' })), flagged: true },
  { code: 'IAM802', name: 'with AWSServiceName condition', text: policy(S({ Action: 'iam:CreateServiceLinkedRole', Resource: '*', Condition: { StringEquals: { 'iam:AWSServiceName': 'ecs.amazonaws.com' } } })), flagged: false },
  { code: 'IAM803', name: 'Allow NotAction', text: policy({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }), flagged: true, at: '"NotAction"' },
  { code: 'IAM803', name: 'Deny NotAction', text: policy({ Effect: 'Deny', NotAction: 'iam:*', Resource: '*' }), flagged: false },
  { code: 'IAM804', name: 'Allow NotPrincipal', type: 'resource', text: policy(S({ NotPrincipal: { AWS: '111122223333' } })), flagged: true },
  { code: 'IAM804', name: 'Deny NotPrincipal', type: 'resource', text: policy(S({ Effect: 'Deny', NotPrincipal: { AWS: '111122223333' } })), flagged: false },
  { code: 'IAM805', name: 'public bucket', type: 'resource', text: policy(S({ Principal: '*' })), flagged: true, at: '"*"' },
  { code: 'IAM805', name: 'public with org condition', type: 'resource', text: policy(S({ Principal: '*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } })), flagged: false },
  { code: 'IAM806', name: 'OIDC without conditions', type: 'trust', text: policy({ Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' }, Action: 'sts:AssumeRoleWithWebIdentity' }), flagged: true, message: /:aud.*:sub/ },
  { code: 'IAM806', name: 'OIDC with aud and sub', type: 'trust', text: gh('repo:acme/web:ref:refs/heads/main'), flagged: false },
  { code: 'IAM807', name: 'GitHub sub "*"', type: 'trust', text: gh('*'), flagged: true },
  { code: 'IAM807', name: 'GitHub whole org', type: 'trust', text: gh('repo:acme/*'), flagged: true, at: '"repo:acme/*"' },
  { code: 'IAM807', name: 'GitHub pinned repo and branch', type: 'trust', text: gh('repo:acme/web:ref:refs/heads/main'), flagged: false },
  // IAM901-902
  { code: 'IAM901', name: 'covered by wildcard', text: policy(S({ Action: ['s3:Get*', 's3:GetObject'] })), flagged: true, at: '"s3:GetObject"' },
  { code: 'IAM901', name: 'duplicate action', text: policy(S({ Action: ['s3:GetObject', 's3:getobject'] })), flagged: true, at: '"s3:getobject"' },
  { code: 'IAM901', name: 'distinct actions', text: policy(S({ Action: ['s3:GetObject', 's3:PutObject'] })), flagged: false },
  { code: 'IAM902', name: 'statement covered by another', text: policy(S({ Sid: 'A', Action: 's3:*' }), S({ Sid: 'B' })), flagged: true, at: '"B"' },
  { code: 'IAM902', name: 'different resources', text: policy(S({ Sid: 'A' }), S({ Sid: 'B', Resource: 'arn:aws:s3:::other/*' })), flagged: false },
];

describe('validation rules', () => {
  for (const c of CASES) {
    it(`${c.code} ${c.flagged ? 'flags' : 'accepts'}: ${c.name}`, () => {
      const r = lint(c.text, c.type);
      const hits = r.diagnostics.filter((d) => d.code === c.code);
      if (!c.flagged) { assert.deepEqual(hits.map((d) => d.message), []); return; }
      assert.ok(hits.length > 0, `expected ${c.code}; got ${r.diagnostics.map((d) => `${d.code} ${d.message}`).join(' | ') || 'nothing'}`);
      if (c.at) assert.ok(hits.some((d) => r.textOf(d) === c.at), `expected range ${c.at}, got ${hits.map((d) => r.textOf(d)).join(', ')}`);
      if (c.message) assert.ok(hits.some((d) => c.message!.test(d.message)), `message ${hits.map((d) => d.message).join(' | ')} does not match ${c.message}`);
      for (const d of hits) {
        assert.match(String(d.codeDescription?.href), new RegExp(`rules\\.md#${c.code.toLowerCase()}-`));
        assert.equal(d.source, 'iam-policy');
      }
    });
  }

  it('covers every rule with a flagged and an accepted case', () => {
    for (const rule of RULES) {
      assert.ok(CASES.some((c) => c.code === rule.code && c.flagged), `${rule.code} has no flagged case`);
      assert.ok(CASES.some((c) => c.code === rule.code && !c.flagged), `${rule.code} has no accepted case`);
    }
  });

  it('gives every rule a unique code and slug', () => {
    assert.equal(new Set(RULES.map((r) => r.code)).size, RULES.length);
    assert.equal(new Set(RULES.map((r) => r.slug)).size, RULES.length);
  });
});
