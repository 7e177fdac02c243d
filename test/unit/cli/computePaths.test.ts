// Escalation through Lambda functions and CodeBuild projects the model holds, with the CLI as a process (node
// dist/cli.js paths): the output of `aws lambda list-functions` and of `aws codebuild batch-get-projects` are model files
// beside the IAM model, and a hand-written model may list `functions` and `codebuildProjects`.
// A function runs as its execution role, which Lambda assumes through the role's trust policy
// (https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html); whoever may call
// lambda:UpdateFunctionCode (https://docs.aws.amazon.com/lambda/latest/dg/API_UpdateFunctionCode.html) or
// lambda:UpdateFunctionConfiguration (a layer, or a wrapper script named by AWS_LAMBDA_EXEC_WRAPPER, runs first:
// https://docs.aws.amazon.com/lambda/latest/dg/runtimes-modify.html) on it runs code as that role; with iam:PassRole,
// UpdateFunctionConfiguration gives the function another role
// (https://docs.aws.amazon.com/lambda/latest/dg/permissions-executionrole-update.html,
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html).
// A CodeBuild build runs as the project's service role, which codebuild.amazonaws.com assumes
// (https://docs.aws.amazon.com/codebuild/latest/userguide/setting-up-service-role.html); codebuild:StartBuild takes a
// buildspecOverride for that build (https://docs.aws.amazon.com/codebuild/latest/APIReference/API_StartBuild.html) and
// codebuild:UpdateProject changes the buildspec and the serviceRole
// (https://docs.aws.amazon.com/codebuild/latest/APIReference/API_UpdateProject.html).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { PathEdge } from '../../../server/src/core/model/paths';

const root = join(__dirname, '..', '..', '..');
const CLI = join(root, 'dist', 'cli.js');
const DIR = join(root, 'test', 'fixtures', 'paths', 'functions');
const MODEL = join(DIR, 'functions.iam-model.json');
const LIST = join(DIR, 'list-functions.authz.json');
const PROJECTS = join(DIR, 'batch-get-projects.authz.json');
const u = (n: string) => `arn:aws:iam::123456789012:user/${n}`;
const r = (n: string) => `arn:aws:iam::123456789012:role/${n}`;

const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

describe('iam-policy paths through Lambda functions and CodeBuild projects (CLI process)', () => {
  let edges: PathEdge[];
  const to = (from: string) => edges.filter((e) => e.from === u(from)).map((e) => `${e.kind} ${e.to.replace(/^.*:role\//, 'role/')} ${e.via.join('+')}`).sort();

  before(() => {
    if (!existsSync(CLI)) assert.equal(spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root }).status, 0);
    const p = cli('paths', '--model', MODEL, LIST, PROJECTS, '--format', 'json');
    assert.equal(p.status, 0, p.stderr);
    edges = JSON.parse(p.stdout) as PathEdge[];
  });

  it('lambda:UpdateFunctionCode on a listed function reaches its role, with the statement and what it assumes', () => {
    assert.deepEqual(to('codeUpdater'), ['lambda:UpdateFunctionCode role/AdminFnRole lambda:UpdateFunctionCode']);
    const e = edges.find((x) => x.from === u('codeUpdater'))!;
    assert.equal(e.escalation, true);
    assert.deepEqual(e.statements.map((s) => [s.action, s.matched.map((m) => m.policy)]), [['lambda:UpdateFunctionCode', ['UpdateCode']]]);
    assert.match(e.assumptions.join(), /admin-fn runs the new code as AdminFnRole when it is invoked/);
  });

  it('lambda:UpdateFunctionConfiguration alone reaches the function\'s role (layer or wrapper script)', () => {
    assert.deepEqual(to('configUpdater'), ['lambda:UpdateFunctionConfiguration role/AdminFnRole lambda:UpdateFunctionConfiguration']);
    assert.match(edges.find((x) => x.from === u('configUpdater'))!.assumptions.join(), /AWS_LAMBDA_EXEC_WRAPPER/);
  });

  it('iam:PassRole with UpdateFunctionConfiguration gives a function another role: the admin role is reached', () => {
    assert.deepEqual(to('roleSwapper'), [
      'lambda:UpdateFunctionConfiguration role/AdminFnRole iam:PassRole+lambda:UpdateFunctionConfiguration',
      'lambda:UpdateFunctionConfiguration role/AppFnRole lambda:UpdateFunctionConfiguration',
    ]);
    assert.ok(edges.find((x) => x.from === u('roleSwapper') && x.to === r('AdminFnRole'))!.escalation);
  });

  it('a function listed in the hand-written model (functions, with its region) counts too', () => {
    assert.deepEqual(to('handFnUpdater'), ['lambda:UpdateFunctionCode role/AdminFnRole lambda:UpdateFunctionCode']);
  });

  it('traps: a Deny on the function, a resource pattern that does not match, a role that does not trust Lambda, PassRole to a role Lambda cannot assume or for another service', () => {
    // codeDenied may update every us-east-1 function but admin-fn: only app-fn's role
    assert.deepEqual(to('codeDenied'), ['lambda:UpdateFunctionCode role/AppFnRole lambda:UpdateFunctionCode']);
    assert.deepEqual(to('wrongPattern'), []);
    // broken-fn runs with BrokenRole, which trusts only ec2.amazonaws.com: Lambda cannot assume it
    assert.deepEqual(to('brokenUpdater'), []);
    assert.deepEqual(to('swapToEc2Role'), ['lambda:UpdateFunctionConfiguration role/AppFnRole lambda:UpdateFunctionConfiguration']);
    assert.deepEqual(to('swapWrongService'), ['lambda:UpdateFunctionConfiguration role/AppFnRole lambda:UpdateFunctionConfiguration']);
  });

  it('codebuild:StartBuild (a buildspec override) and codebuild:UpdateProject reach the project\'s service role', () => {
    assert.deepEqual(to('builder'), ['codebuild:StartBuild role/AdminBuildRole codebuild:StartBuild']);
    assert.match(edges.find((x) => x.from === u('builder'))!.assumptions.join(), /a build of deploy-project started with a buildspec override runs the caller's commands as AdminBuildRole/);
    assert.deepEqual(to('projectEditor'), ['codebuild:UpdateProject role/AdminBuildRole codebuild:UpdateProject']);
    assert.deepEqual(to('handProjectBuilder'), ['codebuild:StartBuild role/AdminBuildRole codebuild:StartBuild']);
  });

  it('iam:PassRole (codebuild.amazonaws.com) with UpdateProject gives a project another service role', () => {
    assert.deepEqual(to('projectSwapper'), [
      'codebuild:StartBuild role/AppBuildRole codebuild:StartBuild',
      'codebuild:UpdateProject role/AdminBuildRole iam:PassRole+codebuild:UpdateProject+codebuild:StartBuild',
    ]);
    assert.ok(edges.find((x) => x.from === u('projectSwapper') && x.to === r('AdminBuildRole'))!.escalation);
  });

  it('CodeBuild traps: a Deny on the project, a service role that does not trust CodeBuild, PassRole for another service', () => {
    assert.deepEqual(to('buildDenied'), ['codebuild:StartBuild role/AppBuildRole codebuild:StartBuild']);
    assert.deepEqual(to('brokenBuilder'), []);
    assert.deepEqual(to('projectSwapWrongService'), ['codebuild:UpdateProject role/AppBuildRole codebuild:UpdateProject']);
  });

  it('without the list of functions the same users have no path', () => {
    const p = cli('paths', '--model', MODEL, '--from', 'user/codeUpdater', '--format', 'json');
    assert.equal(p.status, 0, p.stderr);
    assert.deepEqual(JSON.parse(p.stdout), []);
  });

  it('a bad list: a function without a role ARN and a role the model lacks are reported where they are', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fn-list-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ Functions: [
      { FunctionName: 'a', FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:a' },
      { FunctionName: 'b', FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:b', Role: 'arn:aws:iam::123456789012:role/Missing' },
    ] }));
    const p = cli('paths', '--model', MODEL, bad);
    const all = p.stdout + p.stderr;
    assert.match(all, /\$\.Functions\[0\]\.Role.*expected "Role": the ARN of the function's execution role/);
    assert.match(all, /\$\.Functions\[1\]\.Role.*the execution role arn:aws:iam::123456789012:role\/Missing of function b is not in the model/);
    const projects = join(dir, 'projects.json');
    writeFileSync(projects, JSON.stringify({ projects: [{ name: 'p', arn: 'arn:aws:codebuild:us-east-1:123456789012:project/p', serviceRole: 'p-role' }] }));
    const q = cli('paths', '--model', MODEL, projects);
    assert.match(q.stdout + q.stderr, /\$\.projects\[0\]\.serviceRole.*expected "serviceRole": the ARN of the project's service role/);
  });
});
