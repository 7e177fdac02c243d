import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hover } from '../../../server/src/service/hover';
import { catalog, docWithCaret } from '../helpers';

let n = 0;
function hoverAt(text: string): string | undefined {
  const { doc, position } = docWithCaret(text, 'iam-policy', `file:///test/h${++n}.json`);
  const h = hover(doc, position, catalog);
  return h ? (h.contents as { value: string }).value : undefined;
}
const S = (inner: string) => `{"Version": "2012-10-17", "Statement": [{${inner}}]}`;

describe('hover: elements and plain values', () => {
  it('explains Effect with deny-beats-allow', () => {
    const md = hoverAt(S('"Ef|fect": "Allow"'))!;
    assert.match(md, /explicit Deny always wins/);
  });

  it('warns about NotAction with Allow', () => assert.match(hoverAt(S('"NotA|ction": "s3:*"'))!, /Allow.*grants everything else/s));
  it('explains NotResource, Principal, Condition and Version', () => {
    assert.match(hoverAt(S('"NotRes|ource": "*"'))!, /except/);
    assert.match(hoverAt(S('"Princ|ipal": "*"'))!, /Who the statement applies to/);
    assert.match(hoverAt(S('"Cond|ition": {}'))!, /AND/);
    assert.match(hoverAt('{"Ver|sion": "2012-10-17"}')!, /policy variables/);
  });

  it('explains Effect and Version values', () => {
    assert.match(hoverAt(S('"Effect": "De|ny"'))!, /wins over every Allow/);
    assert.match(hoverAt('{"Version": "2008-1|0-17"}')!, /not substituted/);
  });

  it('has nothing to say about whitespace or Sid values', () => {
    assert.equal(hoverAt(S('  |  "Sid": "x"')), undefined);
    assert.equal(hoverAt(S('"Sid": "Rea|d"')), undefined);
  });
});

describe('hover: actions', () => {
  it('shows description, access level, resource types, condition keys, link and catalog version', () => {
    const md = hoverAt(S('"Action": "s3:GetOb|ject"'))!;
    assert.match(md, /\*\*s3:GetObject\*\* — Read/);
    assert.match(md, /retrieve objects/i);
    assert.match(md, /`object`/);
    assert.match(md, /s3:ExistingObjectTag/);
    assert.match(md, /service-authorization/);
    assert.ok(md.includes(catalog.version.label));
  });

  it('marks required resource types and lists dependent actions when the catalog has them', () => {
    const withDeps = catalog.servicePrefixes().flatMap((p) => catalog.actionsOfService(p).slice(0, 50)).find((a) => catalog.action(a)!.dependentActions.length);
    if (withDeps) assert.match(hoverAt(S(`"Action": "${withDeps}|"`))!, /Also needs permission for/);
    const required = catalog.actionsOfService('iam').find((a) => catalog.action(a)!.resourceTypes.some((r) => r.required));
    assert.ok(required, 'the catalog marks required resource types');
    assert.match(hoverAt(S(`"Action": "${required}|"`))!, /\(required\)/);
  });

  it('says so for an action only supporting "*"', () => {
    assert.match(hoverAt(S('"Action": "s3:ListAllMy|Buckets"'))!, /no resource types/);
  });

  it('explains a wildcard pattern: count, first actions, access-level breakdown', () => {
    const md = hoverAt(S('"Action": ["s3:Get|*"]'))!;
    const n = catalog.expandActions('s3:Get*').length;
    assert.match(md, new RegExp(`matches ${n} actions`));
    assert.match(md, new RegExp(`Read ${n}`));
    assert.match(md, /`s3:GetObject`|and \d+ more/);
  });

  it('says when a pattern matches nothing, and when an action is unknown', () => {
    assert.match(hoverAt(S('"Action": "s3:Nope|*"'))!, /matches no action/);
    assert.match(hoverAt(S('"Action": "s3:GetObjekt|"'))!, /no action with this name/);
    assert.match(hoverAt(S('"Action": "nosuch:Thi|ng"'))!, /no service with the prefix/);
  });
});

describe('hover: resources and variables', () => {
  it('names the matching resource type and shows each part of this ARN next to the template', () => {
    const md = hoverAt(S('"Action": "s3:GetObject", "Resource": "arn:aws:s3:::bu|cket/*"'))!;
    assert.match(md, /Resource type `object`/);
    assert.match(md, /- region: _\(empty\)_/);
    assert.match(md, /- resource `\$\{BucketName\}\/\$\{ObjectName\}`: `bucket\/\*`, BucketName = `bucket`, ObjectName = `\*`/);
  });

  it('fills the role template with this ARN\'s partition, account and RoleNameWithPath', () => {
    const md = hoverAt(S('"Action": "iam:PassRole", "Resource": "arn:aws:iam::123456789012:role/MyServ|iceRole"'))!;
    assert.match(md, /`arn:\$\{Partition\}:iam::\$\{Account\}:role\/\$\{RoleNameWithPath\}`/);
    assert.match(md, /- partition `\$\{Partition\}`: `aws`/);
    assert.match(md, /- service: `iam`/);
    assert.match(md, /- account `\$\{Account\}`: `123456789012`/);
    assert.match(md, /- resource `role\/\$\{RoleNameWithPath\}`: `role\/MyServiceRole`, RoleNameWithPath = `MyServiceRole`/);
  });

  it('marks a wildcard part as any, and fills a region', () => {
    const md = hoverAt(S('"Action": "dynamodb:GetItem", "Resource": "arn:aws:dynamodb:eu-west-1:*:ta|ble/Orders"'))!;
    assert.match(md, /- region `\$\{Region\}`: `eu-west-1`/);
    assert.match(md, /- account `\$\{Account\}`: `\*` \(any\)/);
    assert.match(md, /TableName = `Orders`/);
  });

  it('falls back to the service\'s resource types without actions', () => {
    assert.match(hoverAt(S('"Resource": "arn:aws:dynamodb:us-east-1:111122223333:ta|ble/Orders"'))!, /Resource type `table`/);
  });

  it('explains a policy variable and its default form', () => {
    const md = hoverAt(S('"Resource": "arn:aws:s3:::b/${aws:user|name}/*"'))!;
    assert.match(md, /Policy variable `\$\{aws:username\}`/);
    assert.match(md, /'default'/);
    const withDefault = hoverAt(S('"Resource": "arn:aws:s3:::b/${aws:PrincipalTag/team, \'no|ne\'}/*"'))!;
    assert.match(withDefault, /`'none'` is used instead/);
  });

  it('explains "*" resources', () => assert.match(hoverAt(S('"Action": "s3:ListAllMyBuckets", "Resource": "|*"'))!, /1 action here supports only `\*`: `s3:ListAllMyBuckets`/));
});

describe('hover: conditions', () => {
  it('explains an operator and its missing-key behaviour', () => {
    assert.match(hoverAt(S('"Condition": {"StringEq|uals": {"aws:SourceVpc": "vpc-1"}}'))!, /missing the condition is \*\*false\*\*/);
    assert.match(hoverAt(S('"Condition": {"StringNotEq|uals": {"aws:SourceVpc": "vpc-1"}}'))!, /missing the condition is \*\*true\*\*/);
    assert.match(hoverAt(S('"Condition": {"BoolIf|Exists": {"aws:MultiFactorAuthPresent": "false"}}'))!, /IfExists/);
  });

  it('explains set operators on empty values', () => {
    assert.match(hoverAt(S('"Condition": {"ForAllValues:Strin|gEquals": {"aws:TagKeys": ["a"]}}'))!, /empty list.*\*\*true\*\*/);
    assert.match(hoverAt(S('"Condition": {"ForAnyValue:Strin|gEquals": {"aws:TagKeys": ["a"]}}'))!, /\*\*false\*\*/);
  });

  it('flags Null with IfExists', () => assert.match(hoverAt(S('"Condition": {"NullIf|Exists": {"aws:TagKeys": "true"}}'))!, /Null cannot take IfExists/));

  it('explains a condition key: type, single or multivalued, doc link', () => {
    const md = hoverAt(S('"Condition": {"ForAnyValue:StringEquals": {"aws:Tag|Keys": ["a"]}}'))!;
    assert.match(md, /ArrayOfString, multivalued/);
    assert.match(md, /reference_policies_condition-keys/);
    const svc = hoverAt(S('"Action": "s3:GetObject", "Condition": {"StringEquals": {"s3:ExistingObjectTag/te|am": "a"}}'))!;
    assert.match(svc, /s3:ExistingObjectTag\/<key>\*\* — String, single-valued/);
  });

  it('explains aws:PrincipalType values and Null values', () => {
    assert.match(hoverAt(S('"Condition": {"StringEquals": {"aws:PrincipalType": "Assumed|Role"}}'))!, /role session/);
    assert.match(hoverAt(S('"Condition": {"Null": {"aws:TokenIssueTime": "tr|ue"}}'))!, /absent/);
  });
});

describe('hover: principals', () => {
  const P = (p: string) => S(`"Effect": "Allow", "Principal": ${p}, "Action": "s3:GetObject", "Resource": "*"`);
  it('distinguishes account, user, role, session, service, federated and "*"', () => {
    assert.match(hoverAt(P('{"AWS": "arn:aws:iam::111122223333:ro|ot"}'))!, /whole account/);
    assert.match(hoverAt(P('{"AWS": "11112222|3333"}'))!, /whole account/);
    assert.match(hoverAt(P('{"AWS": "arn:aws:iam::111122223333:user/al|ice"}'))!, /IAM user `alice`/);
    assert.match(hoverAt(P('{"AWS": "arn:aws:iam::111122223333:role/Dep|loy"}'))!, /IAM role `Deploy`.*every session/s);
    assert.match(hoverAt(P('{"AWS": "arn:aws:sts::111122223333:assumed-role/Deploy/s|1"}'))!, /Role session/);
    assert.match(hoverAt(P('{"Service": "lambda.amazon|aws.com"}'))!, /Lambda.*aws:SourceArn/s);
    assert.match(hoverAt(P('{"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.github|usercontent.com"}'))!, /GitHub.*AssumeRoleWithWebIdentity/s);
    assert.match(hoverAt(P('"|*"'))!, /everyone/);
  });

  it('mentions the cross-account consequence', () => {
    assert.match(hoverAt(P('{"AWS": "arn:aws:iam::111122223333:ro|ot"}'))!, /other account.*its own identity policies/s);
  });

  it('explains principal type keys', () => assert.match(hoverAt(P('{"Serv|ice": "ec2.amazonaws.com"}'))!, /AWS service acting on your behalf/));
});

describe('hover: robustness', () => {
  it('never throws on broken documents at any position', () => {
    const texts = ['{"Statement": [{"Action": "s3:Get', '{"Statement": [{"Condition": {"StringEquals": {"aws:', '{"Statement": {"Resource": "arn:aws:s3:::${aws:', '[[[{"', '{"Statement": [{"Principal": {"AWS": [1, {}]}}]}'];
    for (const t of texts) for (let o = 0; o <= t.length; o++) hoverAt(t.slice(0, o) + '|' + t.slice(o));
  });

  it('hovers in an unclosed action string', () => {
    assert.match(hoverAt('{"Statement": [{"Action": "s3:GetOb|ject\n')!, /s3:GetObject/);
  });
});

describe('hover: edges of a string', () => {
  it('works with the mouse on the opening quote', () => {
    assert.match(hoverAt(S('"Action": |"s3:GetObject"'))!, /\*\*s3:GetObject\*\*/);
  });
});
