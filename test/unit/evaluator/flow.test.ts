// Decision flow rules R1–R8 and principal rules R12–R14 of shared/spec/evaluation.md, from the AWS IAM User Guide
// (policy evaluation logic, cross-account evaluation, boundaries, session policies, Principal element).
import {
  A, B, allow, BUCKET_OBJS, deny, doc, FED, FED_ISSUER, FULL, KEY, level, OBJ, pol, ROLE, ROOT, rule, SESSION, USER, USER_BOB, XROOT, XUSER,
} from './fixtures';

const s3get = allow('s3:GetObject', BUCKET_OBJS);
const toUser = (who: unknown, extra = {}) => ({ ...allow('s3:GetObject', BUCKET_OBJS), Principal: { AWS: who }, ...extra });
const denyAll = (who: unknown = '*') => ({ ...deny('s3:*', BUCKET_OBJS), Principal: who });

rule('R1 default deny, explicit deny overrides every allow', [
  ['identity allow', { identity: [s3get] }, 'Allowed'],
  ['no policies at all', {}, 'ImplicitlyDenied'],
  ['allow for another action only', { identity: [allow('s3:PutObject')] }, 'ImplicitlyDenied'],
  ['identity allow and identity deny', { identity: [s3get, deny('s3:GetObject')] }, 'ExplicitlyDenied'],
  ['deny in a second identity policy', { identityDoc: doc(s3get, deny('s3:*', 'arn:aws:s3:::reports/2026/*')) }, 'ExplicitlyDenied'],
  ['deny in the resource policy beats identity allow', { identity: [s3get], resource: [denyAll()] }, 'ExplicitlyDenied'],
  ['deny in the boundary', { identity: [s3get], boundary: [allow('*'), deny('s3:GetObject')] }, 'ExplicitlyDenied'],
  ['deny in the session policy', { principal: SESSION, identity: [s3get], session: [allow('*'), deny('s3:*')] }, 'ExplicitlyDenied'],
  ['deny in an SCP', { identity: [s3get], scps: [level('acct', FULL, pol('d', deny('s3:GetObject')))] }, 'ExplicitlyDenied'],
  ['deny in an RCP', { identity: [s3get], rcps: [level('acct', pol('d', { ...deny('s3:*'), Principal: '*' }))] }, 'ExplicitlyDenied'],
]);

rule('R2 root user has full access to its own account unless denied', [
  ['root, no policies', { principal: ROOT }, 'Allowed'],
  ['root as a 12-digit account', { principal: A }, 'Allowed'],
  ['root capped by an SCP level without Allow', { principal: ROOT, scps: [level('r-root', FULL), level('acct', pol('onlyEc2', allow('ec2:*')))] }, 'ImplicitlyDenied'],
  ['root explicitly denied by an SCP', { principal: ROOT, scps: [level('acct', FULL, pol('d', deny('s3:*')))] }, 'ExplicitlyDenied'],
  ['root denied by the bucket policy', { principal: ROOT, resource: [denyAll()] }, 'ExplicitlyDenied'],
  ['root of another account needs the resource policy', { principal: XROOT, resourceAccount: A }, 'ImplicitlyDenied'],
  ['root of another account named by account in the bucket policy', { principal: XROOT, resourceAccount: A, resource: [toUser(B)] }, 'Allowed'],
]);

rule('R3 SCPs: every level must allow; they grant nothing; service principals exempt', [
  ['FullAWSAccess and identity allow', { identity: [s3get], scps: [level('acct', FULL)] }, 'Allowed'],
  ['root, OU and account levels all allow', { identity: [s3get], scps: [level('r-root', FULL), level('ou-1', FULL), level('acct', pol('s3', allow('s3:*')))] }, 'Allowed'],
  ['OU level without an Allow', { identity: [s3get], scps: [level('r-root', FULL), level('ou-1', pol('ec2', allow('ec2:*'))), level('acct', FULL)] }, 'ImplicitlyDenied'],
  ['deny-only SCP without FullAWSAccess', { identity: [s3get], scps: [level('acct', pol('d', deny('ec2:*')))] }, 'ImplicitlyDenied'],
  ['SCP allow grants nothing by itself', { scps: [level('acct', FULL)] }, 'ImplicitlyDenied'],
  ['SCP deny with NotAction', { identity: [s3get], scps: [level('acct', FULL, pol('d', { Effect: 'Deny', NotAction: 'iam:*', Resource: '*' }))] }, 'ExplicitlyDenied'],
  ['SCP does not limit a service principal', { principal: 'cloudtrail.amazonaws.com', resource: [{ ...s3get, Principal: { Service: 'cloudtrail.amazonaws.com' } }], scps: [level('acct', pol('none', allow('ec2:*')))] }, 'Allowed'],
  ['SCP does not limit a service-linked role', { principal: `arn:aws:sts::${A}:assumed-role/AWSServiceRoleForSupport/s`, identity: [s3get], scps: [level('acct', pol('none', allow('ec2:*')))] }, 'Allowed'],
  ['SCP with condition on requested region, outside', { identity: [s3get], scps: [level('acct', FULL, pol('region', deny('*', '*', { Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1'] } } })))], context: { 'aws:RequestedRegion': 'us-east-1' } }, 'ExplicitlyDenied'],
  ['SCP with condition on requested region, inside', { identity: [s3get], scps: [level('acct', FULL, pol('region', deny('*', '*', { Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1'] } } })))], context: { 'aws:RequestedRegion': 'eu-west-1' } }, 'Allowed'],
]);

const rcpDeny = (action: string, extra = {}) => pol('rcp', { ...deny(action), Principal: '*', ...extra });
rule('R3a RCPs: deny-only guardrails on supported services, RCPFullAWSAccess implied', [
  ['RCP without any Allow does not block (RCPFullAWSAccess implied)', { identity: [s3get], rcps: [level('r-root', rcpDeny('s3:DeleteObject'))] }, 'Allowed'],
  ['RCP deny on s3', { identity: [s3get], rcps: [level('r-root', rcpDeny('s3:*'))] }, 'ExplicitlyDenied'],
  ['RCP deny at the account level of three', { identity: [s3get], rcps: [level('r-root'), level('ou'), level('acct', rcpDeny('s3:GetObject'))] }, 'ExplicitlyDenied'],
  ['RCP deny on ssm does not apply: ssm does not support RCPs', { action: 'ssm:GetParameter', res: `arn:aws:ssm:eu-west-1:${A}:parameter/x`, identity: [allow('ssm:GetParameter')], rcps: [level('acct', rcpDeny('ssm:*'))] }, 'Allowed'],
  ['RCP deny limits a caller outside the organization', { principal: XUSER, resourceAccount: A, identity: [s3get], resource: [toUser(XUSER)], rcps: [level('acct', rcpDeny('s3:*', { Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-123' } } }))] }, 'ExplicitlyDenied'],
  ['RCP deny whose condition is not met', { identity: [s3get], rcps: [level('acct', rcpDeny('s3:*', { Condition: { Bool: { 'aws:SecureTransport': 'false' } } }))] }, 'Allowed'],
  ['RCP never grants', { rcps: [level('acct', pol('x', { ...allow('s3:*'), Principal: '*' }))] }, 'ImplicitlyDenied'],
]);

rule('R4 cross-account: both the identity side and the resource side must allow', [
  ['identity allow and bucket policy naming the user', { principal: XUSER, resourceAccount: A, identity: [s3get], resource: [toUser(XUSER)] }, 'Allowed'],
  ['identity allow only', { principal: XUSER, resourceAccount: A, identity: [s3get] }, 'ImplicitlyDenied'],
  ['bucket policy only', { principal: XUSER, resourceAccount: A, resource: [toUser(XUSER)] }, 'ImplicitlyDenied'],
  ['bucket policy names the account, identity allows', { principal: XUSER, resourceAccount: A, identity: [s3get], resource: [toUser(B)] }, 'Allowed'],
  ['bucket policy names the account root ARN, no identity allow', { principal: XUSER, resourceAccount: A, resource: [toUser(XROOT)] }, 'ImplicitlyDenied'],
  ['bucket policy names another user of the account', { principal: XUSER, resourceAccount: A, identity: [s3get], resource: [toUser(`arn:aws:iam::${B}:user/dave`)] }, 'ImplicitlyDenied'],
  ['bucket policy denies the account', { principal: XUSER, resourceAccount: A, identity: [s3get], resource: [toUser(B), { ...denyAll({ AWS: B }) }] }, 'ExplicitlyDenied'],
  ['Principal * cross-account still needs identity allow', { principal: XUSER, resourceAccount: A, resource: [{ ...s3get, Principal: '*' }] }, 'ImplicitlyDenied'],
  ['Principal * cross-account with identity allow', { principal: XUSER, resourceAccount: A, identity: [s3get], resource: [{ ...s3get, Principal: '*' }] }, 'Allowed'],
  ['account taken from the ARN (SQS queue in another account)', { principal: XUSER, action: 'sqs:SendMessage', res: `arn:aws:sqs:eu-west-1:${A}:q`, identity: [allow('sqs:SendMessage')] }, 'ImplicitlyDenied'],
]);

const kmsDecrypt = allow('kms:Decrypt', KEY);
const keyPolicy = (who: unknown) => ({ ...allow('kms:*', '*'), Principal: { AWS: who } });
const trust = (who: unknown, effect = 'Allow') => ({ Effect: effect, Action: 'sts:AssumeRole', Principal: { AWS: who } });
rule('R5 same account: identity or resource policy suffices, except KMS key policies and role trust policies', [
  ['bucket policy naming the user, no identity policy', { resource: [toUser(USER)] }, 'Allowed'],
  ['identity policy only', { identity: [s3get] }, 'Allowed'],
  ['bucket policy for another user, no identity policy', { resource: [toUser(USER_BOB)] }, 'ImplicitlyDenied'],
  ['KMS: identity allow without key policy', { action: 'kms:Decrypt', res: KEY, identity: [kmsDecrypt] }, 'ImplicitlyDenied'],
  ['KMS: key policy delegates to the account, identity allows', { action: 'kms:Decrypt', res: KEY, identity: [kmsDecrypt], resource: [keyPolicy(`arn:aws:iam::${A}:root`)] }, 'Allowed'],
  ['KMS: key policy delegates to the account, no identity allow', { action: 'kms:Decrypt', res: KEY, resource: [keyPolicy(`arn:aws:iam::${A}:root`)] }, 'ImplicitlyDenied'],
  ['KMS: key policy names the user', { action: 'kms:Decrypt', res: KEY, resource: [keyPolicy(USER)] }, 'Allowed'],
  ['KMS: key policy denies', { action: 'kms:Decrypt', res: KEY, identity: [kmsDecrypt], resource: [keyPolicy(A), { ...deny('kms:Decrypt'), Principal: '*' }] }, 'ExplicitlyDenied'],
  ['trust: identity allows AssumeRole, no trust policy', { action: 'sts:AssumeRole', res: ROLE, identity: [allow('sts:AssumeRole', ROLE)] }, 'ImplicitlyDenied'],
  ['trust: trust policy names the user', { action: 'sts:AssumeRole', res: ROLE, resource: [trust(USER)] }, 'Allowed'],
  ['trust: trust policy names the account, identity allows', { action: 'sts:AssumeRole', res: ROLE, identity: [allow('sts:AssumeRole', ROLE)], resource: [trust(A)] }, 'Allowed'],
  ['trust: explicit deny in the trust policy', { action: 'sts:AssumeRole', res: ROLE, identity: [allow('sts:AssumeRole', ROLE)], resource: [trust(A), trust(USER, 'Deny')] }, 'ExplicitlyDenied'],
  ['non-key KMS action (ListKeys) needs only IAM', { action: 'kms:ListKeys', res: '*', identity: [allow('kms:ListKeys')] }, 'Allowed'],
]);

rule('R5a an account principal delegates to the account; both spellings behave alike', [
  ['"AWS": account id, no identity', { resource: [toUser(A)] }, 'ImplicitlyDenied'],
  ['"AWS": account root ARN, no identity', { resource: [toUser(`arn:aws:iam::${A}:root`)] }, 'ImplicitlyDenied'],
  ['"AWS": account id, identity allows', { identity: [s3get], resource: [toUser(A)] }, 'Allowed'],
  ['"AWS": account root ARN, identity allows', { identity: [s3get], resource: [toUser(`arn:aws:iam::${A}:root`)] }, 'Allowed'],
  ['account principal in a Deny denies every principal of the account', { identity: [s3get], resource: [denyAll({ AWS: A })] }, 'ExplicitlyDenied'],
]);

rule('R6 same account: which ARN the resource policy names decides whether boundaries and session policies limit it', [
  ['user ARN: boundary without allow does not limit', { resource: [toUser(USER)], boundary: [allow('ec2:*')] }, 'Allowed'],
  ['role ARN: boundary without allow limits the session', { principal: SESSION, resource: [toUser(ROLE)], boundary: [allow('ec2:*')] }, 'ImplicitlyDenied'],
  ['role ARN: session policy without allow limits', { principal: SESSION, resource: [toUser(ROLE)], session: [allow('ec2:*')] }, 'ImplicitlyDenied'],
  ['role ARN: boundary allows, no identity policy needed', { principal: SESSION, resource: [toUser(ROLE)], boundary: [allow('s3:*')] }, 'Allowed'],
  ['role ARN: no boundary, no session policy', { principal: SESSION, resource: [toUser(ROLE)] }, 'Allowed'],
  ['session ARN: session policy without allow does not limit', { principal: SESSION, resource: [toUser(SESSION)], session: [allow('ec2:*')] }, 'Allowed'],
  ['session ARN: boundary without allow does not limit', { principal: SESSION, resource: [toUser(SESSION)], boundary: [allow('ec2:*')] }, 'Allowed'],
  ['federated-user ARN: no session policy needed', { principal: FED, resource: [toUser(FED)] }, 'Allowed'],
  ['role ARN: boundary deny still denies', { principal: SESSION, resource: [toUser(ROLE)], boundary: [allow('*'), deny('s3:GetObject')] }, 'ExplicitlyDenied'],
  ['Principal * with aws:PrincipalArn condition is not limited by the boundary (R6b)', { principal: SESSION, resource: [{ ...s3get, Principal: '*', Condition: { ArnEquals: { 'aws:PrincipalArn': ROLE } } }], boundary: [allow('ec2:*')] }, 'Allowed'],
]);

// The last row of the R6 table. AWS (policy evaluation logic, "IAM federated user sessions"): "When a federated user
// makes a request, the principal making the request is the federated user ARN and not the ARN of the IAM user who
// federated. [...] if a resource-based policy grants permission to the ARN of the IAM user who federated, then requests
// made by the federated user during the session are limited by an implicit deny in a permission boundary or session
// policy." The scenario says who federated with request.sessionIssuer. Because the caller is the federated-user ARN,
// aws:PrincipalArn ("the ARN of the principal that made the request", global condition keys) is that ARN, not the
// IAM user's. STS GetFederationToken: without a session policy the session has no permissions, the only exception being
// a resource policy that names the federated user session itself [R7].
const fed = { principal: FED, sessionIssuer: FED_ISSUER };
const sessionAllows = [allow('s3:GetObject')];
rule('R6 a grant to the IAM user who federated is limited by the boundary and the session policy', [
  ['grant to the IAM user who federated, session policy allows, no boundary, no identity policy', { ...fed, resource: [toUser(FED_ISSUER)], session: sessionAllows }, 'Allowed'],
  ['grant to the IAM user who federated, boundary and session policy allow', { ...fed, resource: [toUser(FED_ISSUER)], session: sessionAllows, boundary: [allow('s3:*')] }, 'Allowed'],
  ['grant to the IAM user who federated, boundary without the action', { ...fed, resource: [toUser(FED_ISSUER)], session: sessionAllows, boundary: [allow('ec2:*')] }, 'ImplicitlyDenied'],
  ['grant to the IAM user who federated, session policy without the action', { ...fed, resource: [toUser(FED_ISSUER)], session: [allow('ec2:*')] }, 'ImplicitlyDenied'],
  ['grant to the IAM user who federated, no session policy: the session has no permissions (R7)', { ...fed, resource: [toUser(FED_ISSUER)] }, 'ImplicitlyDenied'],
  ['grant to the IAM user who federated, explicit deny in the session policy', { ...fed, resource: [toUser(FED_ISSUER)], session: [allow('*'), deny('s3:GetObject')] }, 'ExplicitlyDenied'],
  ['a Deny naming the IAM user who federated applies to the session', { ...fed, resource: [toUser(FED), denyAll({ AWS: FED_ISSUER })], session: sessionAllows }, 'ExplicitlyDenied'],
  ['grant to the federated-user ARN with the same boundary is not limited (row 4)', { ...fed, resource: [toUser(FED)], boundary: [allow('ec2:*')], session: [allow('ec2:*')] }, 'Allowed'],
  ['grant naming both the federated-user ARN and the IAM user: the direct grant wins', { ...fed, resource: [toUser([FED_ISSUER, FED])], boundary: [allow('ec2:*')] }, 'Allowed'],
  ['grant to the IAM user without sessionIssuer: the evaluator cannot know who federated', { principal: FED, resource: [toUser(FED_ISSUER)], session: sessionAllows }, 'ImplicitlyDenied'],
  ['grant to another IAM user of the account', { ...fed, resource: [toUser(USER)], session: sessionAllows }, 'ImplicitlyDenied'],
  ['aws:PrincipalArn is the federated-user ARN, so a condition naming the IAM user does not match', { ...fed, resource: [{ ...s3get, Principal: '*', Condition: { ArnEquals: { 'aws:PrincipalArn': FED_ISSUER } } }], session: sessionAllows }, 'ImplicitlyDenied'],
  ['aws:PrincipalArn naming the federated-user ARN matches', { ...fed, resource: [{ ...s3get, Principal: '*', Condition: { ArnEquals: { 'aws:PrincipalArn': FED } } }] }, 'Allowed'],
  ['identity path unchanged: identity and session policy allow, no resource policy', { ...fed, identity: [s3get], session: sessionAllows }, 'Allowed'],
  ['role session with its role as sessionIssuer: a role-ARN grant is still limited by the boundary', { principal: SESSION, sessionIssuer: ROLE, resource: [toUser(ROLE)], boundary: [allow('ec2:*')] }, 'ImplicitlyDenied'],
  ['role session issuer with a path becomes aws:PrincipalArn', { principal: SESSION, sessionIssuer: `arn:aws:iam::${A}:role/team/app`, resource: [{ ...s3get, Principal: '*', Condition: { ArnEquals: { 'aws:PrincipalArn': `arn:aws:iam::${A}:role/team/app` } } }] }, 'Allowed'],
  ['a sessionIssuer that contradicts the principal is an input error, never an allow (R22)', { ...fed, sessionIssuer: `arn:aws:iam::${B}:user/federation-proxy`, resource: [toUser(FED)] }, 'ImplicitlyDenied'],
]);

rule('R7 session policies limit and never grant; a federated user without one has no permissions', [
  ['session policy allows and identity allows', { principal: SESSION, identity: [s3get], session: [allow('s3:*')] }, 'Allowed'],
  ['session policy does not allow', { principal: SESSION, identity: [s3get], session: [allow('ec2:*')] }, 'ImplicitlyDenied'],
  ['session policy denies', { principal: SESSION, identity: [s3get], session: [allow('*'), deny('s3:GetObject')] }, 'ExplicitlyDenied'],
  ['session policy alone grants nothing', { principal: SESSION, session: [allow('*')] }, 'ImplicitlyDenied'],
  ['no session policy for a role session', { principal: SESSION, identity: [s3get] }, 'Allowed'],
  ['federated user without a session policy', { principal: FED, identity: [s3get] }, 'ImplicitlyDenied'],
  ['federated user with a session policy that allows', { principal: FED, identity: [s3get], session: [allow('s3:*')] }, 'Allowed'],
  ['session policy ignored for an IAM user', { identity: [s3get], session: [allow('ec2:*')] }, 'Allowed'],
]);

rule('R8 permissions boundaries intersect with identity policies', [
  ['identity and boundary allow', { identity: [s3get], boundary: [allow('s3:*')] }, 'Allowed'],
  ['boundary does not allow', { identity: [s3get], boundary: [allow('ec2:*')] }, 'ImplicitlyDenied'],
  ['boundary denies', { identity: [s3get], boundary: [allow('*'), deny('s3:*')] }, 'ExplicitlyDenied'],
  ['boundary alone grants nothing', { boundary: [allow('*')] }, 'ImplicitlyDenied'],
  ['SCP, boundary and identity all allow', { identity: [s3get], boundary: [allow('s3:*')], scps: [level('acct', FULL)] }, 'Allowed'],
  ['boundary and identity allow, SCP does not', { identity: [s3get], boundary: [allow('s3:*')], scps: [level('acct', pol('x', allow('ec2:*')))] }, 'ImplicitlyDenied'],
  ['boundary for a role session', { principal: SESSION, identity: [s3get], boundary: [allow('ec2:*')] }, 'ImplicitlyDenied'],
]);

rule('R12 NotPrincipal with Deny denies everyone not listed; a boundary makes it always deny', [
  ['listed user is not denied', { identity: [s3get], resource: [{ ...deny('s3:*', BUCKET_OBJS), NotPrincipal: { AWS: USER } }] }, 'Allowed'],
  ['unlisted user is denied', { principal: USER_BOB, identity: [s3get], resource: [{ ...deny('s3:*', BUCKET_OBJS), NotPrincipal: { AWS: USER } }] }, 'ExplicitlyDenied'],
  ['listed user with a permissions boundary is denied anyway', { identity: [s3get], boundary: [allow('*')], resource: [{ ...deny('s3:*', BUCKET_OBJS), NotPrincipal: { AWS: USER } }] }, 'ExplicitlyDenied'],
  ['listed user without any allow', { resource: [{ ...deny('s3:*', BUCKET_OBJS), NotPrincipal: { AWS: USER } }] }, 'ImplicitlyDenied'],
  ['session listed by role and session ARN', { principal: SESSION, identity: [s3get], resource: [{ ...deny('s3:*', BUCKET_OBJS), NotPrincipal: { AWS: [ROLE, SESSION, A] } }] }, 'Allowed'],
]);

rule('R13 principal forms: services, identity providers, no partial wildcards', [
  ['service principal named in the bucket policy', { principal: 'cloudtrail.amazonaws.com', resource: [{ ...allow('s3:PutObject', BUCKET_OBJS), Principal: { Service: 'cloudtrail.amazonaws.com' } }], action: 's3:PutObject' }, 'Allowed'],
  ['another service principal', { principal: 'config.amazonaws.com', resource: [{ ...allow('s3:PutObject', BUCKET_OBJS), Principal: { Service: 'cloudtrail.amazonaws.com' } }], action: 's3:PutObject' }, 'ImplicitlyDenied'],
  ['service principal denied', { principal: 'cloudtrail.amazonaws.com', action: 's3:PutObject', resource: [{ ...allow('s3:PutObject', BUCKET_OBJS), Principal: { Service: 'cloudtrail.amazonaws.com' } }, { ...deny('s3:PutObject', BUCKET_OBJS), Principal: { Service: 'cloudtrail.amazonaws.com' } }] }, 'ExplicitlyDenied'],
  ['partial wildcard in a principal ARN matches nothing', { resource: [toUser(`arn:aws:iam::${A}:user/*`)] }, 'ImplicitlyDenied'],
  ['role ARN with a path in a trust-style grant matches the session', { principal: SESSION, resource: [toUser(`arn:aws:iam::${A}:role/team/app`)] }, 'Allowed'],
  ['web identity provider in a trust policy', {
    principal: `arn:aws:iam::${A}:oidc-provider/token.actions.githubusercontent.com`, action: 'sts:AssumeRoleWithWebIdentity', res: ROLE,
    resource: [{ Effect: 'Allow', Action: 'sts:AssumeRoleWithWebIdentity', Principal: { Federated: `arn:aws:iam::${A}:oidc-provider/token.actions.githubusercontent.com` }, Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } } }],
    context: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
  }, 'Allowed'],
  ['web identity provider with the wrong audience', {
    principal: `arn:aws:iam::${A}:oidc-provider/token.actions.githubusercontent.com`, action: 'sts:AssumeRoleWithWebIdentity', res: ROLE,
    resource: [{ Effect: 'Allow', Action: 'sts:AssumeRoleWithWebIdentity', Principal: { Federated: `arn:aws:iam::${A}:oidc-provider/token.actions.githubusercontent.com` }, Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } } }],
    context: { 'token.actions.githubusercontent.com:aud': 'other' },
  }, 'ImplicitlyDenied'],
]);

rule('R14 Principal "*" grants everyone, anonymous included', [
  ['anonymous read with Principal "*"', { principal: 'anonymous', resource: [{ ...s3get, Principal: '*' }] }, 'Allowed'],
  ['anonymous read with {"AWS": "*"}', { principal: 'anonymous', resource: [{ ...s3get, Principal: { AWS: '*' } }] }, 'Allowed'],
  ['anonymous without a resource policy', { principal: 'anonymous', identity: [s3get] }, 'ImplicitlyDenied'],
  ['anonymous is not an account principal', { principal: 'anonymous', resource: [toUser(A)] }, 'ImplicitlyDenied'],
  ['anonymous denied by Principal "*"', { principal: 'anonymous', resource: [{ ...s3get, Principal: '*' }, denyAll()] }, 'ExplicitlyDenied'],
  ['same-account user needs nothing else', { resource: [{ ...s3get, Principal: '*' }] }, 'Allowed'],
  ['same-account role session needs nothing else', { principal: SESSION, resource: [{ ...s3get, Principal: '*' }], boundary: [allow('ec2:*')] }, 'Allowed'],
]);

void OBJ;
