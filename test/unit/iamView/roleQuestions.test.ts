// The pure parts of the role CodeLenses and the escalation marks: ARN pattern matching, the iam:PassedToService values
// of a condition, the two Markdown reports, and the tooltip of a principal with escalation paths.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { arnPatternMatches } from '../../../client/src/model/arnPattern';
import { escalationsByPrincipal, escalationTooltip } from '../../../client/src/model/escalations';
import { passedToServiceOf, passRoleServicesMarkdown, whoCanAssumeMarkdown } from '../../../client/src/model/roleReports';
import type { PathEdge } from '../../../server/src/core/model/paths';
import type { ModelRoleItem } from '../../../server/src/protocol';
import { english } from '../../../client/src/translator';
import { japanese } from './japaneseTranslator';

const role = (name: string, trusted: string[]): ModelRoleItem => ({
  name, arn: `arn:aws:iam::111111111111:role/${name}`, path: '/', policies: [], tags: {}, uri: 'file:///m.iam-model.json',
  trustedPrincipals: trusted.map((principal) => ({ principal, conditional: false })),
});

describe('role questions', () => {
  it('an ARN pattern matches with * and ?, case-sensitively, anchored', () => {
    assert.ok(arnPatternMatches('arn:aws:iam::111111111111:role/*', 'arn:aws:iam::111111111111:role/service-role/X'));
    assert.ok(arnPatternMatches('arn:aws:iam::11111111111?:role/X', 'arn:aws:iam::111111111111:role/X'));
    assert.ok(!arnPatternMatches('arn:aws:iam::111111111111:role/x', 'arn:aws:iam::111111111111:role/X'));
    assert.ok(!arnPatternMatches('arn:aws:iam::111111111111:role/X', 'arn:aws:iam::111111111111:role/XY'));
    assert.ok(!arnPatternMatches('arn:aws:iam::111111111111:role/X.', 'arn:aws:iam::111111111111:role/Xa'), 'a dot is literal');
  });

  it('iam:PassedToService values come from any operator, key case-insensitive; none without the key', () => {
    assert.deepEqual(passedToServiceOf({ StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } }), ['lambda.amazonaws.com']);
    assert.deepEqual(passedToServiceOf({ StringLike: { 'IAM:passedtoservice': ['ecs-tasks.amazonaws.com', 'glue.amazonaws.com'] } }), ['ecs-tasks.amazonaws.com', 'glue.amazonaws.com']);
    assert.deepEqual(passedToServiceOf({ StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } }), []);
    assert.deepEqual(passedToServiceOf(undefined), []);
  });

  it('the who-can-assume report lists the principals with the roles they pass through, or says nobody', () => {
    const md = whoCanAssumeMarkdown('arn:aws:iam::111111111111:role/R', { principals: [{ principal: 'arn:aws:iam::111111111111:user/a', decision: 'Allowed', via: ['arn:aws:iam::111111111111:role/B'] }], errors: [], problems: [] }, english);
    assert.match(md, /- `arn:aws:iam::111111111111:user\/a` via `arn:aws:iam::111111111111:role\/B`/);
    assert.match(whoCanAssumeMarkdown('arn:aws:iam::111111111111:role/R', { principals: [], errors: [], problems: [] }, english), /No principal of the workspace model can assume this role\./);
  });

  it('the PassRole report lists the services each role trusts, marks those iam:PassedToService excludes, and says when no service can receive it', () => {
    const md = passRoleServicesMarkdown(['arn:aws:iam::111111111111:role/*'], ['lambda.amazonaws.com'], [
      { role: role('Fn', ['lambda.amazonaws.com', 'ecs-tasks.amazonaws.com', 'arn:aws:iam::111111111111:user/u']), passers: ['arn:aws:iam::111111111111:user/ci'] },
      { role: role('Human', ['arn:aws:iam::111111111111:user/u']), passers: [] },
    ], english);
    assert.match(md, /- `lambda\.amazonaws\.com`\n/);
    assert.match(md, /- `ecs-tasks\.amazonaws\.com` — not for this statement: iam:PassedToService excludes it/);
    assert.doesNotMatch(md, /- `arn:aws:iam::111111111111:user\/u`/, 'a user in a trust policy is not a service');
    assert.match(md, /## Human\n\n`arn:aws:iam::111111111111:role\/Human`\n\nIts trust policy allows no service: no service can receive it\./);
    assert.match(md, /- `arn:aws:iam::111111111111:user\/ci`/);
    assert.match(passRoleServicesMarkdown(['arn:aws:iam::1:role/none'], [], [], english), /No role of the workspace model matches these resources\./);
  });

  it('escalations are grouped by the principal they start from; the tooltip shows the first path\'s steps with their statements', () => {
    const step = (from: string, to: string, via: string[], policy: string): PathEdge => ({
      from, to, kind: 'sts:AssumeRole', via, assumptions: [], escalation: false,
      statements: [{ action: via[0], matched: [{ policyType: 'identity', policy, index: 0, effect: 'Allow' }] }],
    });
    const a = 'arn:aws:iam::111111111111:user/a';
    const path: PathEdge = { from: a, to: 'arn:aws:iam::111111111111:role/Admin', kind: 'path', via: [], statements: [], assumptions: ['the function can be invoked'], escalation: true,
      steps: [step(a, 'arn:aws:iam::111111111111:role/B', ['sts:AssumeRole'], 'AssumeB'), step('arn:aws:iam::111111111111:role/B', 'arn:aws:iam::111111111111:role/Admin', ['sts:AssumeRole'], 'AssumeAdmin')] };
    const byPrincipal = escalationsByPrincipal([path, { ...step(a, 'arn:aws:iam::111111111111:role/B', ['sts:AssumeRole'], 'AssumeB') }]);
    assert.deepEqual([...byPrincipal.keys()], [a], 'an edge that is not an escalation is no finding');
    const tip = escalationTooltip(byPrincipal.get(a)!, english);
    assert.match(tip, /May escalate its permissions: 1 path/);
    assert.match(tip, /1\. user\/a → role\/B: sts:AssumeRole\n   sts:AssumeRole: Allow statement 0 of AssumeB\n2\. role\/B → role\/Admin/);
    assert.match(tip, /Assumes: the function can be invoked/);
  });

  it('in Japanese: both reports and the escalation tooltip are translated; ARNs, actions and service principals stay', () => {
    const who = whoCanAssumeMarkdown('arn:aws:iam::111111111111:role/R', { principals: [{ principal: 'arn:aws:iam::111111111111:user/a', decision: 'Allowed', via: ['arn:aws:iam::111111111111:role/B'] }], errors: [], problems: [] }, japanese);
    assert.match(who, /^# arn:aws:iam::111111111111:role\/R を引き受けられるのは誰か\?\n\n呼び出し元のアイデンティティベースのポリシー/);
    assert.match(who, /https:\/\/docs\.aws\.amazon\.com\/ja_jp\/IAM\/latest\/UserGuide\/reference_policies_evaluation-logic-cross-account\.html/);
    assert.match(who, /- `arn:aws:iam::111111111111:user\/a` \(`arn:aws:iam::111111111111:role\/B` を経由\)/);
    const pass = passRoleServicesMarkdown(['arn:aws:iam::111111111111:role/*'], ['lambda.amazonaws.com'], [
      { role: role('Fn', ['lambda.amazonaws.com', 'ecs-tasks.amazonaws.com']), passers: [] },
      { role: role('Human', ['arn:aws:iam::111111111111:user/u']), passers: [] },
    ], japanese);
    assert.match(pass, /^# これらのロールを受け取れるサービスは\?\n/);
    assert.match(pass, /- `ecs-tasks\.amazonaws\.com` — このステートメントでは不可: iam:PassedToService が除外しています/);
    assert.match(pass, /信頼ポリシーがどのサービスも許可していないため、このロールを受け取れるサービスはありません。/);
    assert.match(pass, /\n- なし\n/);
    const a = 'arn:aws:iam::111111111111:user/a';
    const tip = escalationTooltip([{ from: a, to: 'arn:aws:iam::111111111111:role/X', kind: 'iam:PassRole', via: ['iam:PassRole'], assumptions: ['x'], escalation: true,
      statements: [{ action: 'iam:PassRole', matched: [{ policyType: 'identity', policy: 'P', index: 0, effect: 'Allow' }] }] }], japanese);
    assert.match(tip, /^権限昇格のおそれがあります: 経路 1 本 \(iam-policy paths\)。最初の経路:\n1\. user\/a → role\/X: iam:PassRole\n {3}iam:PassRole: P のステートメント 0 の Allow\n仮定: x$/);
  });
});
