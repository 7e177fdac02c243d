// Whole-model questions (shared/spec/iam-model.md §3): `iam-policy paths` finds each escalation method of the fixture
// model with the statements that enable it, and reports nothing where a Deny, a resource pattern that cannot match, an
// iam:PassedToService condition or a trust policy stands in the way (trap users); `iam-policy who-can` answers directly,
// through AssumeRole chains and for service principals. The methods are the publicly documented IAM privilege-escalation
// techniques (new policy versions, attaching/putting policies, group membership, trust-policy rewrites, credentials for
// other users, PassRole to compute services); the AWS pages for the actions are in the Service Authorization Reference:
// https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { runPaths, runWhoCan } from '../../../server/src/cli/paths';
import type { PathEdge } from '../../../server/src/core/model/paths';
import { catalog } from '../helpers';

const root = join(__dirname, '..', '..', '..');
const ESC = join(root, 'test', 'fixtures', 'paths', 'escalation.iam-model.json');
const FLOWS = join(root, 'test', 'fixtures', 'flows', 'flows.iam-model.json');
const u = (n: string) => `arn:aws:iam::111111111111:user/${n}`;
const r = (n: string) => `arn:aws:iam::111111111111:role/${n}`;

function run(fn: typeof runPaths, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = fn(args, catalog, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

let edges: PathEdge[];
const findings = (from: string) => edges.filter((e) => e.from === from && e.escalation);
const finding = (from: string, to: string, kind: string) => findings(from).find((e) => e.to === to && e.kind === kind);

describe('iam-policy paths: escalation methods', () => {
  before(() => {
    const res = run(runPaths, '--model', ESC, '--format', 'json');
    assert.equal(res.code, 0, res.err);
    edges = JSON.parse(res.out) as PathEdge[];
  });

  const methods: [string, string, string, string][] = [
    // start user, target, kind, the enabling statement's policy
    ['cpv', u('cpv'), 'iam:CreatePolicyVersion', 'CPV'],
    ['sdpv', u('sdpv'), 'iam:SetDefaultPolicyVersion', 'SDPV'],
    ['attachSelf', u('attachSelf'), 'iam:AttachUserPolicy', 'Attach'],
    ['putSelf', u('putSelf'), 'iam:PutUserPolicy', 'Put'],
    ['groupEditor', u('groupEditor'), 'iam:PutGroupPolicy', 'PutGroup'],
    ['groupAttacher', u('groupAttacher'), 'iam:AttachGroupPolicy', 'AttachGroup'],
    ['joiner', u('joiner'), 'iam:AddUserToGroup', 'Join'],
    ['keyMaker', u('admin'), 'iam:CreateAccessKey', 'Keys'],
    ['loginMaker', u('admin'), 'iam:CreateLoginProfile', 'Login'],
    ['loginUpdater', u('admin'), 'iam:UpdateLoginProfile', 'Login'],
    ['trustRewriter', r('AdminRole'), 'iam:UpdateAssumeRolePolicy', 'Trust'],
    ['boundaryRemover', u('boundaryRemover'), 'iam:DeleteUserPermissionsBoundary', 'AdministratorAccess'],
    ['passer', r('AdminLambdaRole'), 'iam:PassRole', 'PassAndCreate'],
    ['ec2Passer', r('AdminEc2Role'), 'iam:PassRole', 'PassAndRun'],
    ['assumer', r('AdminRole'), 'sts:AssumeRole', 'Assume'],
    ['ecsPasser', r('AdminEcsRole'), 'iam:PassRole', 'RunTasks'],
  ];
  for (const [user, to, kind, policy] of methods) {
    it(`${kind}: ${user} → ${to.replace(/^.*:/, '')}, with the statement that enables it`, () => {
      const f = finding(u(user), to, kind);
      assert.ok(f, `no ${kind} finding for ${user}: ${findings(u(user)).map((e) => `${e.kind}→${e.to}`).join(', ')}`);
      assert.ok(f.statements[0].matched.some((m) => m.policy === policy), JSON.stringify(f.statements));
    });
  }

  it('PassRole to Lambda names the service and what it takes for granted', () => {
    const f = finding(u('passer'), r('AdminLambdaRole'), 'iam:PassRole')!;
    assert.deepEqual(f.via, ['iam:PassRole', 'lambda:CreateFunction']);
    assert.match(f.assumptions.join(), /lambda\.amazonaws\.com receives the role; the new function can be invoked/);
    assert.equal(f.service, 'lambda.amazonaws.com');
  });

  it('a group edge names the group it changes', () => {
    assert.equal(finding(u('groupAttacher'), u('groupAttacher'), 'iam:AttachGroupPolicy')?.group, 'arn:aws:iam::111111111111:group/Devs');
    assert.equal(finding(u('joiner'), u('joiner'), 'iam:AddUserToGroup')?.group, 'arn:aws:iam::111111111111:group/Admins');
  });

  it('an AssumeRole chain is one finding of two steps; attaching a policy to a role one can assume is one too', () => {
    const chain = finding(u('chain'), r('AdminRole'), 'path')!;
    assert.deepEqual(chain.steps!.map((s) => `${s.kind} ${s.from.replace(/^.*:/, '')}→${s.to.replace(/^.*:/, '')}`), ['sts:AssumeRole user/chain→role/Hop', 'sts:AssumeRole role/Hop→role/AdminRole']);
    const unbound = findings(u('roleBoundaryRemover')).find((e) => e.kind === 'path');
    assert.deepEqual(unbound?.via, ['iam:DeleteRolePermissionsBoundary', 'sts:AssumeRole'], 'remove the role\'s boundary, then assume it');
    for (const user of ['roleAttacherAssumer', 'rolePutterAssumer']) {
      const f = findings(u(user)).find((e) => e.kind === 'path');
      assert.ok(f, user);
      assert.deepEqual(f.via, [user === 'roleAttacherAssumer' ? 'iam:AttachRolePolicy' : 'iam:PutRolePolicy', 'sts:AssumeRole']);
    }
  });

  it('traps: a Deny, a resource pattern that cannot match, iam:PassedToService and a trust policy give no path', () => {
    for (const user of ['cpvDenied', 'cpvWrongResource', 'joinerWrongGroup', 'passerWrongService', 'passerUntrusted', 'roleAttacher', 'rolePutter']) {
      assert.deepEqual(findings(u(user)).map((e) => `${e.kind}→${e.to}`), [], user);
    }
    assert.equal(finding(u('assumerDenied'), r('AdminRole'), 'sts:AssumeRole'), undefined, 'Deny on sts:AssumeRole');
    assert.ok(!edges.some((e) => e.from === u('passerUntrusted')), 'no PassRole edge to a role that does not trust Lambda');
  });

  it('conditions: MFA is assumed favourable and listed; a source-IP condition the request cannot meet is not', () => {
    const mfa = finding(u('mfaAttacher'), u('mfaAttacher'), 'iam:AttachUserPolicy');
    assert.ok(mfa, 'an MFA-conditioned permission counts');
    assert.deepEqual(mfa.assumptions, ['the caller signs in with MFA (aws:MultiFactorAuthPresent = true)']);
    assert.deepEqual(findings(u('ipAttacher')), [], 'aws:SourceIp is not assumed (documented limit)');
  });

  it('a principal that already holds every permission has no finding', () => {
    assert.deepEqual(findings(u('admin')), []);
  });

  it('--from limits the starts; an unknown principal is exit 2 with did-you-mean', () => {
    const one = run(runPaths, '--model', ESC, '--from', 'user/passer');
    assert.equal(one.code, 0, one.err);
    assert.match(one.out, /^1 escalation finding; 1 edge/);
    assert.match(one.out, /ESCALATION arn:aws:iam::111111111111:user\/passer → arn:aws:iam::111111111111:role\/AdminLambdaRole: iam:PassRole/);
    const bad = run(runPaths, '--model', ESC, '--from', 'user/pasher');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /Did you mean "user\/passer"/);
    assert.equal(run(runPaths).code, 2);
  });
});

describe('iam-policy who-can', () => {
  it('directly, through an AssumeRole chain, and service principals trusted by a role that may', () => {
    const res = run(runWhoCan, 's3:GetObject', 'arn:aws:s3:::audit-bucket/x', '--model', FLOWS, '--format', 'json');
    assert.equal(res.code, 0, res.err);
    const j = JSON.parse(res.out) as { principal: string; via: string[] }[];
    const by = new Map(j.map((w) => [w.principal, w.via]));
    assert.deepEqual(by.get('arn:aws:iam::222222222222:role/Auditor'), []);
    assert.deepEqual(by.get('arn:aws:iam::111111111111:role/Deploy'), ['arn:aws:iam::222222222222:role/Auditor']);
    assert.deepEqual(by.get('arn:aws:iam::111111111111:user/Named'), ['arn:aws:iam::111111111111:role/NamedTrust']);
    assert.ok(!by.has('arn:aws:iam::111111111111:user/NoAssume'), 'a principal without a path is not listed');
    const lambda = run(runWhoCan, 'logs:CreateLogGroup', '*', '--model', FLOWS, '--format', 'json');
    const services = (JSON.parse(lambda.out) as { principal: string; via: string[] }[]).filter((w) => !w.principal.startsWith('arn:'));
    assert.deepEqual(services, [{ principal: 'lambda.amazonaws.com', decision: 'Allowed', via: ['arn:aws:iam::111111111111:role/FnRole'] }]);
  });

  it('bad input: an unknown action, missing arguments', () => {
    assert.match(run(runWhoCan, 's3:GetObjekt', '*', '--model', FLOWS).err, /not an action of the catalog/);
    assert.equal(run(runWhoCan, 's3:GetObject', '--model', FLOWS).code, 2);
  });
});

describe('paths and who-can through dist/cli.js', () => {
  it('answers as a process', () => {
    const b = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, encoding: 'utf8' });
    assert.equal(b.status, 0, b.stderr);
    const p = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'paths', '--model', ESC, '--from', 'user/chain'], { encoding: 'utf8' });
    assert.equal(p.status, 0, p.stderr);
    assert.match(p.stdout, /user\/chain → arn:aws:iam::111111111111:role\/AdminRole: path of 2 steps/);
    const w = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'who-can', 'iam:CreateUser', '*', '--model', ESC], { encoding: 'utf8' });
    assert.equal(w.status, 0, w.stderr);
    assert.match(w.stdout, /user\/admin\n/);
  });
});
