import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { TextEdit } from 'vscode-languageserver-types';
import { parsePolicy } from '../../../server/src/core/policy/model';
import { resolveCompletion } from '../../../server/src/service/completion';
import { applyItem, catalog, completeAt, item } from './support';

const S = (inner: string) => `{"Version": "2012-10-17", "Statement": [{${inner}}]}`;
const newText = (i: { textEdit?: unknown }) => (i.textEdit as TextEdit).newText;

describe('completion: top-level and statement elements', () => {
  it('offers Version and Statement at the top level, Id only where it belongs', () => {
    assert.deepEqual(completeAt('{ | }', 'identity').labels, ['Version', 'Statement']);
    assert.ok(completeAt('{ | }', 'resource').labels.includes('Id'));
  });

  it('leaves out elements the document already has', () => {
    const { labels } = completeAt('{ "Version": "2012-10-17", | }');
    assert.deepEqual(labels, ['Statement']);
  });

  it('identity statements get no Principal', () => {
    const { labels } = completeAt(S(' | '), 'identity');
    assert.deepEqual(labels, ['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition']);
  });

  it('trust statements get Principal but no Resource or NotPrincipal', () => {
    const { labels } = completeAt(S(' | '), 'trust');
    assert.ok(labels.includes('Principal'));
    for (const l of ['Resource', 'NotResource', 'NotPrincipal']) assert.ok(!labels.includes(l), l);
  });

  it('resource policies get Principal and NotPrincipal; RCPs no NotAction and Deny first', () => {
    assert.ok(completeAt(S(' | '), 'resource').labels.includes('NotPrincipal'));
    const rcp = completeAt(S(' | '), 'rcp');
    assert.ok(!rcp.labels.includes('NotAction'));
    assert.match(newText(item(rcp.items, 'Effect')), /Deny,Allow/);
  });

  it('skips present elements and the other half of their pair', () => {
    const { labels } = completeAt(S('"Effect": "Allow", "Action": "s3:GetObject", | '));
    assert.ok(!labels.includes('Effect') && !labels.includes('Action') && !labels.includes('NotAction'));
    assert.ok(labels.includes('Resource'));
  });

  it('inserts "Key": value with a comma where one is missing, leaving valid JSON', () => {
    const { doc, items } = completeAt(S('"Effect": "Allow" | '));
    const text = applyItem(doc, item(items, 'Action'));
    assert.equal(parsePolicy(text).syntaxErrors.length, 0, text);
    assert.equal(parsePolicy(text).statements[0].action?.entry.key, 'Action');
  });

  it('completes a half-typed key, replacing the whole literal', () => {
    const { doc, items } = completeAt('{"Statement": [{"Eff|\n}]}');
    const text = applyItem(doc, item(items, 'Effect'));
    assert.match(text, /"Effect": "Allow"/);
  });

  it('replaces only the name when the key already has a value', () => {
    const { items } = completeAt(S('"Eff|": "Allow"'));
    assert.equal(newText(item(items, 'Effect')), 'Effect');
  });

  it('offers a whole statement inside an empty Statement array', () => {
    const { doc, items } = completeAt('{"Version": "2012-10-17", "Statement": [ | ]}', 'trust');
    const text = applyItem(doc, item(items, 'New statement'));
    const p = parsePolicy(text);
    assert.equal(p.syntaxErrors.length, 0, text);
    assert.ok(p.statements[0].principal && !p.statements[0].resource);
  });
});

describe('completion: Version and Effect', () => {
  it('offers 2012-10-17 first', () => {
    assert.deepEqual(completeAt('{"Version": "|"}').labels, ['2012-10-17', '2008-10-17']);
  });

  it('explains each Version value, as it does each Effect value', () => {
    const docOf = (i: { documentation?: unknown }) => (i.documentation as { value: string } | undefined)?.value ?? '';
    const [current, legacy] = completeAt('{"Version": "|"}').items;
    assert.match(docOf(current), /current policy language version/);
    assert.match(docOf(legacy), /not substituted/);
  });

  it('offers Allow and Deny, adding quotes when the value has none', () => {
    const { items } = completeAt(S('"Effect": |'));
    assert.deepEqual(items.map((i) => i.label), ['Allow', 'Deny']);
    assert.equal(newText(items[0]), '"Allow"');
  });
});

describe('completion: actions', () => {
  it('offers service prefixes before a colon, and asks again after inserting one', () => {
    const { items } = completeAt(S('"Action": "|"'));
    const s3 = item(items, 's3');
    assert.equal(newText(s3), 's3:');
    assert.equal(s3.command?.command, 'editor.action.triggerSuggest');
    assert.match(s3.detail ?? '', /Amazon S3/);
  });

  it('offers the actions of the service with their access level, in an unclosed string', () => {
    const { doc, items, list } = completeAt('{"Statement": [{"Action": "s3:Get|\n');
    assert.equal(list.isIncomplete, true);
    const get = item(items, 's3:GetObject');
    assert.equal(get.detail, 'Read');
    assert.match(applyItem(doc, get), /"Action": "s3:GetObject"\n/);
  });

  it('offers wildcard patterns with their match count', () => {
    const { items } = completeAt(S('"Action": "s3:|"'));
    const n = catalog.expandActions('s3:Get*').length;
    assert.ok(n > 10);
    assert.match(item(items, 's3:Get*').detail ?? '', new RegExp(`^${n} actions — Read ${n}`));
    assert.match(item(items, 's3:*').detail ?? '', new RegExp(`^${catalog.actionsOfService('s3').length} actions`));
  });

  it('counts every action a verb pattern matches, not only those whose first word is the verb', () => {
    // kms:Re* also matches ReEncryptFrom/ReEncryptTo (first word "Re") and RetireGrant, RevokeGrant, ReplicateKey
    const { items } = completeAt(S('"Action": "kms:|"'));
    const n = catalog.expandActions('kms:Re*').length;
    assert.ok(n > 2);
    assert.match(item(items, 'kms:Re*').detail ?? '', new RegExp(`^${n} actions — `));
  });

  it('previews the wildcard of what is being typed', () => {
    const { items } = completeAt(S('"Action": "s3:GetObjectVer|"'));
    const n = catalog.expandActions('s3:GetObjectVer*').length;
    assert.match(item(items, 's3:GetObjectVer*').detail ?? '', new RegExp(`^${n} action`));
  });

  it('replaces the whole string content inside an array item', () => {
    const { doc, items } = completeAt(S('"NotAction": ["iam:Pass|Role", "s3:GetObject"]'));
    const text = applyItem(doc, item(items, 'iam:PassRole'));
    assert.ok(text.includes('["iam:PassRole", "s3:GetObject"]'), text);
  });

  it('offers nothing for an unknown service prefix', () => {
    assert.equal(completeAt(S('"Action": "nosuchservice:|"')).items.length, 0);
  });
});

describe('completion: resources', () => {
  it('builds ARN snippets from the resource types of the statement\'s actions', () => {
    const { doc, items } = completeAt(S('"Action": "s3:GetObject", "Resource": "|"'));
    const obj = item(items, 'arn:aws:s3:::${BucketName}/${ObjectName}');
    assert.equal(newText(obj), 'arn:${1:aws}:s3:::${2:BucketName}/${3:ObjectName}');
    assert.match(obj.detail ?? '', /object/);
    assert.match(applyItem(doc, obj), /"Resource": "arn:aws:s3:::BucketName\/ObjectName"/);
  });

  it('puts "*" first for actions that support only "*"', () => {
    const { items } = completeAt(S('"Action": "s3:ListAllMyBuckets", "Resource": "|"'));
    assert.equal(items.length, 1);
    assert.equal(items[0].label, '*');
    assert.match(items[0].detail ?? '', /only "\*"/);
  });

  it('uses the service typed in the ARN when the statement has no actions', () => {
    const { labels } = completeAt(S('"Resource": "arn:aws:dynamodb:|"'));
    assert.ok(labels.some((l) => /dynamodb:\$\{Region\}:\$\{Account\}:table\/\$\{TableName\}$/.test(l)), labels.join('\n'));
  });

  it('follows wildcard actions', () => {
    const { labels } = completeAt(S('"Action": "sqs:Send*", "Resource": ["|"]'));
    assert.ok(labels.some((l) => l.includes(':sqs:') && l.includes('${QueueName}')));
  });
});

describe('completion: principals', () => {
  it('offers "*" for a bare Principal value', () => {
    assert.deepEqual(completeAt(S('"Principal": "|"'), 'resource').labels, ['*']);
  });

  it('offers principal types; CanonicalUser only in resource policies', () => {
    assert.deepEqual(completeAt(S('"Principal": { | }'), 'trust').labels, ['AWS', 'Service', 'Federated']);
    assert.ok(completeAt(S('"Principal": { | }'), 'resource').labels.includes('CanonicalUser'));
  });

  it('offers real service principal names', () => {
    const { labels } = completeAt(S('"Principal": {"Service": "|"}'), 'trust');
    for (const s of ['ec2.amazonaws.com', 'lambda.amazonaws.com', 'ecs-tasks.amazonaws.com', 'states.amazonaws.com']) assert.ok(labels.includes(s), s);
    assert.ok(labels.length >= 40);
  });

  it('offers identity providers for Federated, as snippets', () => {
    const { doc, items } = completeAt(S('"Principal": {"Federated": "|"}'), 'trust');
    const gh = item(items, 'arn:aws:iam::<account>:oidc-provider/token.actions.githubusercontent.com');
    assert.match(applyItem(doc, gh), /"arn:aws:iam::111122223333:oidc-provider\/token\.actions\.githubusercontent\.com"/);
    for (const l of ['cognito-identity.amazonaws.com', 'accounts.google.com', 'graph.facebook.com', 'www.amazon.com', 'arn:aws:iam::<account>:saml-provider/<name>']) assert.ok(items.some((i) => i.label === l), l);
  });

  it('offers account, user and role ARNs for AWS', () => {
    const { doc, items } = completeAt(S('"Principal": {"AWS": ["|"]}'), 'resource');
    assert.match(applyItem(doc, item(items, 'arn:aws:iam::<account>:root')), /"arn:aws:iam::111122223333:root"/);
    assert.ok(items.some((i) => i.label.includes(':role/')));
  });
});

describe('completion: condition operators', () => {
  it('offers every base operator and the IfExists forms, but no NullIfExists', () => {
    const { labels } = completeAt(S('"Condition": { | }'));
    for (const l of ['StringEquals', 'ArnLike', 'IpAddress', 'Null', 'Bool', 'DateLessThan', 'NumericEquals', 'BinaryEquals', 'StringLikeIfExists', 'ForAllValues:', 'ForAnyValue:']) assert.ok(labels.includes(l), l);
    assert.ok(!labels.includes('NullIfExists'));
    assert.equal(labels.filter((l) => !l.endsWith(':')).length, 27 + 26);
  });

  it('inserts an operator block that is valid JSON', () => {
    const { doc, items } = completeAt(S('"Condition": { | }'));
    const text = applyItem(doc, item(items, 'StringEquals'));
    assert.equal(parsePolicy(text).syntaxErrors.length, 0, text);
    assert.equal(parsePolicy(text).statements[0].conditions[0].operator, 'StringEquals');
  });

  it('after a set prefix, offers the qualified operators (not Null)', () => {
    const { labels } = completeAt(S('"Condition": { "ForAnyValue:|" }'));
    assert.ok(labels.includes('ForAnyValue:StringLike'));
    assert.ok(labels.includes('ForAnyValue:StringEqualsIfExists'));
    assert.ok(!labels.some((l) => l.includes('Null')));
  });
});

describe('completion: condition keys', () => {
  it('offers the keys of the statement\'s actions and the global keys, with their type', () => {
    const { items } = completeAt(S('"Action": "s3:GetObject", "Condition": { "StringEquals": { "|" } }'));
    assert.match(item(items, 's3:ExistingObjectTag/<key>').detail ?? '', /^String/);
    assert.match(item(items, 'aws:SourceIp').detail ?? '', /IPAddress.*global/);
    assert.ok(!items.some((i) => i.label === 'ec2:InstanceType'));
  });

  it('sorts keys that fit the operator before those that do not', () => {
    const { items } = completeAt(S('"Action": "s3:GetObject", "Condition": { "StringEquals": { "|" } }'));
    const sorted = [...items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1));
    const firstMismatch = sorted.findIndex((i) => /does not fit/.test(i.detail ?? ''));
    assert.ok(firstMismatch > 0);
    assert.ok(sorted.slice(firstMismatch).every((i) => /does not fit/.test(i.detail ?? '')));
  });

  it('turns the variable part of a patterned key into a placeholder', () => {
    const { doc, items } = completeAt(S('"Action": "s3:GetObject", "Condition": { "StringEquals": { | } }'));
    assert.equal(newText(item(items, 'aws:ResourceTag/${TagKey}')), '"aws:ResourceTag/${1:TagKey}": "$2"');
    const text = applyItem(doc, item(items, 'aws:ResourceTag/${TagKey}'));
    assert.equal(parsePolicy(text).syntaxErrors.length, 0, text);
  });

  it('offers the claims of a federated principal first', () => {
    const { items } = completeAt(S('"Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": { "StringLike": { "|" } }'), 'trust');
    const sorted = [...items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1));
    assert.deepEqual(sorted.slice(0, 2).map((i) => i.label), ['token.actions.githubusercontent.com:aud', 'token.actions.githubusercontent.com:sub']);
  });
});

describe('completion: condition values', () => {
  const values = (op: string, key: string) => completeAt(S(`"Condition": { "${op}": { "${key}": "|" } }`)).labels;

  it('booleans', () => assert.deepEqual(values('Bool', 'aws:SecureTransport'), ['true', 'false']));
  it('Null takes true or false whatever the key', () => assert.deepEqual(values('Null', 'aws:SourceIp'), ['true', 'false']));
  it('regions', () => {
    const labels = values('StringEquals', 'aws:RequestedRegion');
    assert.ok(labels.includes('us-east-1') && labels.includes('eu-west-1'));
    assert.ok(labels.every((r) => catalog.isValidRegion(r)));
  });
  it('principal types', () => assert.deepEqual(values('StringEquals', 'aws:PrincipalType'), ['Account', 'User', 'FederatedUser', 'AssumedRole', 'Anonymous']));
  it('dates as an ISO 8601 snippet', () => {
    const { doc, items } = completeAt(S('"Condition": { "DateLessThan": { "aws:CurrentTime": "|" } }'));
    assert.match(applyItem(doc, items[0]), /"aws:CurrentTime": "2026-01-01T00:00:00Z"/);
  });
  it('CIDR ranges', () => {
    const { doc, items } = completeAt(S('"Condition": { "IpAddress": { "aws:SourceIp": ["|"] } }'));
    assert.match(applyItem(doc, items[0]), /"203\.0\.113\.0\/24"/);
  });
  it('GitHub subject pinned to a branch', () => {
    const labels = values('StringEquals', 'token.actions.githubusercontent.com:sub');
    assert.ok(labels[0].startsWith('repo:'));
  });
});

describe('completion: documentation is resolved lazily', () => {
  it('an action gets its description, resource types and catalog version', () => {
    const { items } = completeAt(S('"Action": "s3:|"'));
    const get = item(items, 's3:GetObject');
    assert.equal(get.documentation, undefined);
    const resolved = resolveCompletion(get, catalog);
    const md = (resolved.documentation as { value: string }).value;
    assert.match(md, /retrieve objects/i);
    assert.match(md, /object/);
    assert.ok(md.includes(catalog.version.label));
  });

  it('a condition key gets its type; an operator its missing-key behaviour', () => {
    const keys = completeAt(S('"Condition": { "Bool": { "|" } }')).items;
    assert.match((resolveCompletion(item(keys, 'aws:SecureTransport'), catalog).documentation as { value: string }).value, /Bool/);
    const ops = completeAt(S('"Condition": { | }')).items;
    assert.match((resolveCompletion(item(ops, 'StringNotEquals'), catalog).documentation as { value: string }).value, /missing.*\*\*true\*\*/);
  });
});

describe('completion: robustness', () => {
  it('never throws, whatever the document and the position', () => {
    const garbage = ['', '{', '[', '"', '{"Statement":', '{"Statement": [{"Condition": {"StringEquals": {"aws:', '}}}]]]', '{"Statement": [{"Action": [1, null, {"x": []}]}]}', '\u0000{"\\', '{"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::b/${aws:username}"}}'];
    for (const g of garbage) {
      for (let o = 0; o <= g.length; o++) completeAt(g.slice(0, o) + '|' + g.slice(o));
    }
  });

  it('returns nothing where nothing fits (Sid values, unknown elements)', () => {
    assert.equal(completeAt(S('"Sid": "|"')).items.length, 0);
    assert.equal(completeAt(S('"Foo": "|"')).items.length, 0);
  });
});

describe('completion: values typed without quotes', () => {
  it('a service prefix outside quotes keeps the cursor inside the new string', () => {
    const { doc, items } = completeAt(S('"Action": |'));
    const s3 = item(items, 's3');
    assert.equal(newText(s3), '"s3:$0"');
    assert.equal(s3.insertTextFormat, 2);
    assert.match(applyItem(doc, s3), /"Action": "s3:"/);
  });
});

describe('completion: policy variables', () => {
  it('offers single-valued global keys after ${ in a resource ARN, aws:username first', () => {
    const { doc, items } = completeAt(S('"Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/${|"'));
    assert.equal([...items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1))[0].label, '${aws:username}');
    assert.ok(!items.some((i) => i.label === '${aws:TagKeys}'), 'multivalued keys are not variables');
    assert.match(applyItem(doc, item(items, '${aws:username}')), /"arn:aws:s3:::bucket\/\$\{aws:username\}"/);
    assert.match(applyItem(doc, item(items, '${aws:PrincipalTag/${TagKey}}')), /"arn:aws:s3:::bucket\/\$\{aws:PrincipalTag\/TagKey\}"/);
  });

  it('replaces a closing brace that is already there, and works in String condition values', () => {
    const { doc, items } = completeAt(S('"Condition": {"StringEquals": {"aws:PrincipalTag/team": "${aws:user|}"}}'));
    assert.match(applyItem(doc, item(items, '${aws:username}')), /"aws:PrincipalTag\/team": "\$\{aws:username\}"/);
  });

  it('offers no variables for other operators or outside ${', () => {
    assert.ok(!completeAt(S('"Condition": {"Bool": {"aws:SecureTransport": "${|"}}')).labels.some((l) => l.startsWith('${')));
    assert.ok(!completeAt(S('"Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:username}/|"')).labels.some((l) => l.startsWith('${')));
  });
});
