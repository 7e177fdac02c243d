// Conditions: R17 operators and missing keys, R18 combining, R19 policy variables, R20 set operators, R21 derived
// context. From the IAM User Guide pages on condition operators, multivalued keys, policy variables, global keys.
import { A, allow, deny, doc, rule, SESSION, USER, type Input, type Stmt } from './fixtures';

/** An Allow of s3:GetObject with one condition block. */
const when = (Condition: unknown): Stmt => allow('s3:GetObject', '*', { Condition });
const unless = (Condition: unknown): Stmt => deny('s3:GetObject', '*', { Condition });
const A3 = (Condition: unknown, context?: Record<string, unknown>): Input => ({ identity: [when(Condition)], context });
const D3 = (Condition: unknown, context?: Record<string, unknown>): Input => ({ identity: [allow('*'), unless(Condition)], context });
const tag = (v: unknown) => ({ 'aws:PrincipalTag/team': v });

rule('R17 String operators', [
  ['StringEquals match', A3({ StringEquals: { 'aws:PrincipalTag/team': 'red' } }, tag('red')), 'Allowed'],
  ['StringEquals mismatch', A3({ StringEquals: { 'aws:PrincipalTag/team': 'red' } }, tag('blue')), 'ImplicitlyDenied'],
  ['StringNotEquals deny', D3({ StringNotEquals: { 'aws:PrincipalTag/team': 'red' } }, tag('blue')), 'ExplicitlyDenied'],
  ['StringNotEquals allow on equal value', A3({ StringNotEquals: { 'aws:PrincipalTag/team': 'red' } }, tag('red')), 'ImplicitlyDenied'],
  ['StringEqualsIgnoreCase', A3({ StringEqualsIgnoreCase: { 'aws:PrincipalTag/team': 'RED' } }, tag('red')), 'Allowed'],
  ['StringNotEqualsIgnoreCase deny', D3({ StringNotEqualsIgnoreCase: { 'aws:PrincipalTag/team': 'RED' } }, tag('blue')), 'ExplicitlyDenied'],
  ['StringLike with *', A3({ StringLike: { 's3:prefix': 'home/*' } }, { 's3:prefix': 'home/alice/x' }), 'Allowed'],
  ['StringLike with ?', A3({ StringLike: { 's3:prefix': 'v?' } }, { 's3:prefix': 'v12' }), 'ImplicitlyDenied'],
  ['StringEquals does not treat * as a wildcard', A3({ StringEquals: { 's3:prefix': 'home/*' } }, { 's3:prefix': 'home/alice' }), 'ImplicitlyDenied'],
  ['StringNotLike deny', D3({ StringNotLike: { 's3:prefix': 'home/*' } }, { 's3:prefix': 'tmp/x' }), 'ExplicitlyDenied'],
]);

rule('R17 Numeric operators', [
  ['NumericLessThan true', A3({ NumericLessThan: { 's3:max-keys': '10' } }, { 's3:max-keys': '5' }), 'Allowed'],
  ['NumericLessThan false', A3({ NumericLessThan: { 's3:max-keys': '10' } }, { 's3:max-keys': 50 }), 'ImplicitlyDenied'],
  ['NumericLessThanEquals on the boundary', A3({ NumericLessThanEquals: { 's3:max-keys': '10' } }, { 's3:max-keys': '10' }), 'Allowed'],
  ['NumericGreaterThan deny', D3({ NumericGreaterThan: { 's3:max-keys': '100' } }, { 's3:max-keys': '1000' }), 'ExplicitlyDenied'],
  ['NumericNotEquals', A3({ NumericNotEquals: { 's3:max-keys': '10' } }, { 's3:max-keys': '10.0' }), 'ImplicitlyDenied'],
  ['NumericEquals with a non-number request value', A3({ NumericEquals: { 's3:max-keys': '10' } }, { 's3:max-keys': 'ten' }), 'ImplicitlyDenied'],
  ['NumericGreaterThanEquals', A3({ NumericGreaterThanEquals: { 's3:max-keys': 1 } }, { 's3:max-keys': '1' }), 'Allowed'],
]);

rule('R17 Date operators: ISO 8601 and epoch seconds', [
  ['DateLessThan ISO vs derived aws:CurrentTime', A3({ DateLessThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' } }), 'Allowed'],
  ['DateGreaterThan ISO vs derived aws:CurrentTime', A3({ DateGreaterThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' } }), 'ImplicitlyDenied'],
  ['epoch-seconds policy value vs ISO request value', A3({ DateLessThan: { 'aws:CurrentTime': '1893456000' } }), 'Allowed'],
  ['ISO policy value vs epoch request value', A3({ DateGreaterThan: { 'aws:TokenIssueTime': '2026-01-01T00:00:00Z' } }, { 'aws:TokenIssueTime': '1780000000' }), 'Allowed'],
  ['date-only ISO value', A3({ DateGreaterThanEquals: { 'aws:CurrentTime': '2026-06-01' } }), 'Allowed'],
  ['DateEquals same instant in two notations', A3({ DateEquals: { 'aws:TokenIssueTime': '2026-06-01T00:00:00Z' } }, { 'aws:TokenIssueTime': String(Date.UTC(2026, 5, 1) / 1000) }), 'Allowed'],
  ['aws:EpochTime with a numeric operator', A3({ NumericLessThan: { 'aws:EpochTime': '1893456000' } }), 'Allowed'],
  ['deny after an expiry date', D3({ DateGreaterThan: { 'aws:CurrentTime': '2026-01-01T00:00:00Z' } }), 'ExplicitlyDenied'],
  ['unparseable date', A3({ DateLessThan: { 'aws:CurrentTime': 'next year' } }), 'ImplicitlyDenied'],
]);

rule('R17 Bool and Binary operators', [
  ['Bool true', A3({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } }, { 'aws:MultiFactorAuthPresent': true }), 'Allowed'],
  ['Bool false vs true', A3({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } }, { 'aws:MultiFactorAuthPresent': 'false' }), 'ImplicitlyDenied'],
  ['Bool deny on insecure transport', D3({ Bool: { 'aws:SecureTransport': 'false' } }, { 'aws:SecureTransport': 'false' }), 'ExplicitlyDenied'],
  ['Bool with a JSON boolean in the policy', A3({ Bool: { 'aws:SecureTransport': true } }), 'Allowed'],
  ['BinaryEquals same bytes', A3({ BinaryEquals: { 'custom:blob': 'QmluYXJ5VmFsdWU=' } }, { 'custom:blob': 'QmluYXJ5VmFsdWU=' }), 'Allowed'],
  ['BinaryEquals other bytes', A3({ BinaryEquals: { 'custom:blob': 'QmluYXJ5VmFsdWU=' } }, { 'custom:blob': 'T3RoZXI=' }), 'ImplicitlyDenied'],
  ['BinaryEquals in a deny', D3({ BinaryEquals: { 'custom:blob': 'QmluYXJ5VmFsdWU=' } }, { 'custom:blob': 'QmluYXJ5VmFsdWU=' }), 'ExplicitlyDenied'],
]);

rule('R17 IP address operators: IPv4 and IPv6 CIDRs', [
  ['IPv4 inside the block', A3({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, { 'aws:SourceIp': '203.0.113.10' }), 'Allowed'],
  ['IPv4 outside the block', A3({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, { 'aws:SourceIp': '198.51.100.1' }), 'ImplicitlyDenied'],
  ['bare address means /32', A3({ IpAddress: { 'aws:SourceIp': '203.0.113.10' } }, { 'aws:SourceIp': '203.0.113.11' }), 'ImplicitlyDenied'],
  ['IPv6 inside the block', A3({ IpAddress: { 'aws:SourceIp': '2001:db8::/32' } }, { 'aws:SourceIp': '2001:db8:1234::1' }), 'Allowed'],
  ['IPv6 outside the block', A3({ IpAddress: { 'aws:SourceIp': '2001:db8::/32' } }, { 'aws:SourceIp': '2001:db9::1' }), 'ImplicitlyDenied'],
  ['IPv4 request against an IPv6 block', A3({ IpAddress: { 'aws:SourceIp': '::/0' } }, { 'aws:SourceIp': '203.0.113.1' }), 'ImplicitlyDenied'],
  ['NotIpAddress deny from outside', D3({ NotIpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:db8::/32'] } }, { 'aws:SourceIp': '198.51.100.1' }), 'ExplicitlyDenied'],
  ['NotIpAddress deny from inside', D3({ NotIpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:db8::/32'] } }, { 'aws:SourceIp': '2001:db8::5' }), 'Allowed'],
]);

const topic = `arn:aws:sns:eu-west-1:${A}:alerts`;
rule('R17 ARN operators: per-segment matching', [
  ['ArnLike with a region wildcard', A3({ ArnLike: { 'aws:SourceArn': `arn:aws:sns:*:${A}:*` } }, { 'aws:SourceArn': topic }), 'Allowed'],
  ['ArnEquals is ArnLike', A3({ ArnEquals: { 'aws:SourceArn': `arn:aws:sns:*:${A}:alerts` } }, { 'aws:SourceArn': topic }), 'Allowed'],
  ['StringLike matches across colons where ArnLike does not', A3({ ArnLike: { 'aws:SourceArn': `arn:aws:sns:*:${A}:*` } }, { 'aws:SourceArn': `arn:aws:sns:eu-west-1:999999999999:x:${A}:y` }), 'ImplicitlyDenied'],
  ['the same value under StringLike matches', A3({ StringLike: { 'aws:SourceArn': `arn:aws:sns:*:${A}:*` } }, { 'aws:SourceArn': `arn:aws:sns:eu-west-1:999999999999:x:${A}:y` }), 'Allowed'],
  ['ArnLike against a value that is not an ARN', A3({ ArnLike: { 'aws:SourceArn': '*' } }, { 'aws:SourceArn': 'not-an-arn' }), 'ImplicitlyDenied'],
  ['ArnNotLike deny when the key is missing', D3({ ArnNotLike: { 'aws:SourceArn': `arn:aws:sns:*:${A}:*` } }), 'ExplicitlyDenied'],
  ['ArnNotEquals deny on the derived principal ARN', D3({ ArnNotEquals: { 'aws:PrincipalArn': `arn:aws:iam::${A}:user/bob` } }), 'ExplicitlyDenied'],
]);

rule('R17 Null, IfExists and missing keys', [
  ['Null true with the key absent', A3({ Null: { 'aws:TokenIssueTime': 'true' } }), 'Allowed'],
  ['Null true with the key present', A3({ Null: { 'aws:TokenIssueTime': 'true' } }, { 'aws:TokenIssueTime': '2026-01-01T00:00:00Z' }), 'ImplicitlyDenied'],
  ['Null false with the key present', A3({ Null: { 'aws:TokenIssueTime': 'false' } }, { 'aws:TokenIssueTime': '2026-01-01T00:00:00Z' }), 'Allowed'],
  ['deny when MFA is absent (Null true)', D3({ Null: { 'aws:MultiFactorAuthAge': 'true' } }), 'ExplicitlyDenied'],
  ['StringEqualsIfExists with the key absent', A3({ StringEqualsIfExists: { 'ec2:InstanceType': 't3.micro' } }), 'Allowed'],
  ['StringEqualsIfExists with another value', A3({ StringEqualsIfExists: { 'ec2:InstanceType': 't3.micro' } }, { 'ec2:InstanceType': 'm5.large' }), 'ImplicitlyDenied'],
  ['Deny StringNotEqualsIfExists still denies with the key missing', D3({ StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-1' } }), 'ExplicitlyDenied'],
  ['StringEquals with the key missing is false', A3({ StringEquals: { 'aws:PrincipalOrgID': 'o-1' } }), 'ImplicitlyDenied'],
  ['StringNotEquals with the key missing is true', A3({ StringNotEquals: { 'aws:PrincipalOrgID': 'o-1' } }), 'Allowed'],
  ['Deny StringNotEquals with the key missing applies', D3({ StringNotEquals: { 'aws:PrincipalOrgID': 'o-1' } }), 'ExplicitlyDenied'],
  ['NumericLessThanIfExists with the key absent', A3({ NumericLessThanIfExists: { 's3:max-keys': '10' } }), 'Allowed'],
  ['unknown operator never matches', A3({ StringEqualz: { 'aws:PrincipalTag/team': 'red' } }, tag('red')), 'ImplicitlyDenied'],
]);

rule('R18 combining: operators AND, keys AND, values OR, negated values NOR', [
  ['two operators both true', A3({ StringEquals: { 'aws:PrincipalTag/team': 'red' }, Bool: { 'aws:SecureTransport': 'true' } }, tag('red')), 'Allowed'],
  ['two operators, one false', A3({ StringEquals: { 'aws:PrincipalTag/team': 'red' }, Bool: { 'aws:SecureTransport': 'false' } }, tag('red')), 'ImplicitlyDenied'],
  ['two keys under one operator, one false', A3({ StringEquals: { 'aws:PrincipalTag/team': 'red', 'aws:PrincipalTag/env': 'prod' } }, { ...tag('red'), 'aws:PrincipalTag/env': 'dev' }), 'ImplicitlyDenied'],
  ['values are ORed', A3({ StringEquals: { 'aws:PrincipalTag/team': ['blue', 'red'] } }, tag('red')), 'Allowed'],
  ['negated values: matches one, so false', A3({ StringNotEquals: { 'aws:PrincipalTag/team': ['blue', 'red'] } }, tag('red')), 'ImplicitlyDenied'],
  ['negated values: matches none, so true', A3({ StringNotEquals: { 'aws:PrincipalTag/team': ['blue', 'red'] } }, tag('green')), 'Allowed'],
  ['deny with negated values', D3({ StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1', 'eu-central-1'] } }, { 'aws:RequestedRegion': 'us-east-1' }), 'ExplicitlyDenied'],
]);

const home = (Resource: string, Version = '2012-10-17'): Input['identityDoc'] => ({ Version, Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource }] });
rule('R19 policy variables: Version 2012-10-17, defaults, escapes, literal substitution', [
  ['${aws:username} in Resource', { res: 'arn:aws:s3:::b/alice/x', identityDoc: home('arn:aws:s3:::b/${aws:username}/*') }, 'Allowed'],
  ['${aws:username} for another user', { principal: `arn:aws:iam::${A}:user/bob`, res: 'arn:aws:s3:::b/alice/x', identityDoc: home('arn:aws:s3:::b/${aws:username}/*') }, 'ImplicitlyDenied'],
  ['Version 2008-10-17: the variable is literal text', { res: 'arn:aws:s3:::b/alice/x', identityDoc: home('arn:aws:s3:::b/${aws:username}/*', '2008-10-17') }, 'ImplicitlyDenied'],
  ['Version 2008-10-17: literal text matches itself', { res: 'arn:aws:s3:::b/${aws:username}/x', identityDoc: home('arn:aws:s3:::b/${aws:username}/*', '2008-10-17') }, 'Allowed'],
  ['no Version: the variable is literal text', { res: 'arn:aws:s3:::b/alice/x', identityDoc: { Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/${aws:username}/*' }] } }, 'ImplicitlyDenied'],
  ['unresolved variable (session has no aws:username) matches no resource', { principal: SESSION, res: 'arn:aws:s3:::b/alice/x', identityDoc: home('arn:aws:s3:::b/${aws:username}/*') }, 'ImplicitlyDenied'],
  ['default value when the tag is missing', { res: 'arn:aws:s3:::bucket-company-wide/x', identityDoc: home("arn:aws:s3:::bucket-${aws:PrincipalTag/team, 'company-wide'}/*") }, 'Allowed'],
  ['tag value wins over the default', { res: 'arn:aws:s3:::bucket-red/x', context: tag('red'), identityDoc: home("arn:aws:s3:::bucket-${aws:PrincipalTag/team, 'company-wide'}/*") }, 'Allowed'],
  ['${*} is a literal asterisk', { res: 'arn:aws:s3:::b/x', identityDoc: home('arn:aws:s3:::b/${*}') }, 'ImplicitlyDenied'],
  ['${*} matches a literal asterisk', { res: 'arn:aws:s3:::b/*', identityDoc: home('arn:aws:s3:::b/${*}') }, 'Allowed'],
  ['${?} and ${$} are literal', { res: 'arn:aws:s3:::b/a?$', identityDoc: home('arn:aws:s3:::b/a${?}${$}') }, 'Allowed'],
  ['a substituted * is not a wildcard', { res: 'arn:aws:s3:::b/anything', context: tag('*'), identityDoc: home('arn:aws:s3:::b/${aws:PrincipalTag/team}') }, 'ImplicitlyDenied'],
  ['unresolved variable in NotResource: the deny does not apply', { principal: SESSION, identity: [allow('*'), { Effect: 'Deny', Action: 's3:*', NotResource: 'arn:aws:s3:::b/${aws:username}/*' }] }, 'Allowed'],
  ['resolved variable in NotResource: the deny applies elsewhere', { identity: [allow('*'), { Effect: 'Deny', Action: 's3:*', NotResource: 'arn:aws:s3:::b/${aws:username}/*' }] }, 'ExplicitlyDenied'],
  ['variable key names are case-insensitive', { res: 'arn:aws:s3:::b/alice/x', identityDoc: home('arn:aws:s3:::b/${AWS:UserName}/*') }, 'Allowed'],
  ['variable in an ArnLike condition', A3({ ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:${aws:PrincipalAccount}:*' } }, { 'aws:SourceArn': `arn:aws:sns:eu-west-1:${A}:t` }), 'Allowed'],
  ['a substituted * in an ArnLike condition is literal', A3({ ArnLike: { 'aws:SourceArn': 'arn:aws:sns:eu-west-1:${aws:PrincipalTag/team}:t' } }, { ...tag('*'), 'aws:SourceArn': `arn:aws:sns:eu-west-1:${A}:t` }), 'ImplicitlyDenied'],
  ['variable in a StringLike condition', A3({ StringLike: { 's3:prefix': 'home/${aws:username}/*' } }, { 's3:prefix': 'home/alice/docs' }), 'Allowed'],
  ['variable in a StringLike condition, other user', A3({ StringLike: { 's3:prefix': 'home/${aws:username}/*' } }, { 's3:prefix': 'home/bob/docs' }), 'ImplicitlyDenied'],
  ['deny when the resource tag differs from the principal tag', D3({ StringNotEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } }, { ...tag('red'), 'aws:ResourceTag/team': 'blue' }), 'ExplicitlyDenied'],
  ['unresolved variable under a negated operator matches (deny applies)', D3({ StringNotEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } }, { 'aws:ResourceTag/team': 'blue' }), 'ExplicitlyDenied'],
  ['unresolved variable under a positive operator does not match', A3({ StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } }, { 'aws:ResourceTag/team': 'blue' }), 'ImplicitlyDenied'],
]);

rule('R20 set operators: ForAllValues true on empty/missing, ForAnyValue false on missing', [
  ['ForAllValues: subset', A3({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a', 'b', 'c'] } }, { 'aws:TagKeys': ['a', 'b'] }), 'Allowed'],
  ['ForAllValues: one value outside', A3({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a', 'b', 'c'] } }, { 'aws:TagKeys': ['a', 'd'] }), 'ImplicitlyDenied'],
  ['ForAllValues: key missing is true', A3({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a'] } }), 'Allowed'],
  ['ForAllValues: empty list is true', A3({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a'] } }, { 'aws:TagKeys': [] }), 'Allowed'],
  ['ForAllValues with Null false: missing key no longer allowed', A3({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a'] }, Null: { 'aws:TagKeys': 'false' } }), 'ImplicitlyDenied'],
  ['Deny ForAllValues:StringNotLike on an absent key matches', D3({ 'ForAllValues:StringNotLike': { 'aws:TagKeys': ['temp*'] } }), 'ExplicitlyDenied'],
  ['ForAnyValue: one match', A3({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['a'] } }, { 'aws:TagKeys': ['a', 'd'] }), 'Allowed'],
  ['ForAnyValue: no match', A3({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['a'] } }, { 'aws:TagKeys': ['d'] }), 'ImplicitlyDenied'],
  ['ForAnyValue: key missing is false', A3({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['a'] } }), 'ImplicitlyDenied'],
  ['Deny ForAnyValue on a forbidden tag key', D3({ 'ForAnyValue:StringLike': { 'aws:TagKeys': ['secret*'] } }, { 'aws:TagKeys': ['ok', 'secret-x'] }), 'ExplicitlyDenied'],
  ['ForAnyValue:StringNotEquals: some value outside', A3({ 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': ['a'] } }, { 'aws:TagKeys': ['a', 'b'] }), 'Allowed'],
  ['plain operator on a multivalued request value does not match', A3({ StringEquals: { 'aws:TagKeys': ['a', 'b'] } }, { 'aws:TagKeys': ['a', 'b'] }), 'ImplicitlyDenied'],
  ['plain operator on a single-element list', A3({ StringEquals: { 'aws:TagKeys': 'a' } }, { 'aws:TagKeys': ['a'] }), 'Allowed'],
]);

rule('R21 derived context: always-present keys unless the request sets them', [
  ['aws:PrincipalAccount derived', A3({ StringEquals: { 'aws:PrincipalAccount': A } }), 'Allowed'],
  ['aws:username derived for an IAM user', A3({ StringEquals: { 'aws:username': 'alice' } }), 'Allowed'],
  ['aws:username absent for a role session', { principal: SESSION, identity: [when({ StringEquals: { 'aws:username': 'alice' } })] }, 'ImplicitlyDenied'],
  ['aws:PrincipalType for a role session', { principal: SESSION, identity: [when({ StringEquals: { 'aws:PrincipalType': 'AssumedRole' } })] }, 'Allowed'],
  ['aws:PrincipalArn of a session is the role ARN', { principal: SESSION, identity: [when({ ArnEquals: { 'aws:PrincipalArn': `arn:aws:iam::${A}:role/app` } })] }, 'Allowed'],
  ['request value overrides the derived one', A3({ StringEquals: { 'aws:PrincipalAccount': A } }, { 'aws:PrincipalAccount': '999999999999' }), 'ImplicitlyDenied'],
  ['deny by derived aws:PrincipalAccount', D3({ StringNotEquals: { 'aws:PrincipalAccount': '999999999999' } }), 'ExplicitlyDenied'],
  ['aws:userid of the root user is the account', { principal: `arn:aws:iam::${A}:root`, action: 's3:GetObject', identity: [], resource: [{ ...deny('s3:*'), Principal: '*', Condition: { StringEquals: { 'aws:userid': A } } }] }, 'ExplicitlyDenied'],
  ['aws:SecureTransport defaults to true', { resource: [{ ...deny('s3:*'), Principal: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }], identity: [allow('*')] }, 'Allowed'],
]);

void USER; void doc;
