// Flows in a request (shared/spec/iam-model.md §2): AssumeRole chains and PassRole with the receiving service, one
// test per rule, through `iam-policy simulate/test` in-process and dist/cli.js as a process. AWS pages behind the rules:
// - two policies for AssumeRole, the caller's permissions dropped in the session, session policies narrow it:
//   https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_assumerole.html
// - same account, a trust policy naming the principal suffices; cross account both sides must allow:
//   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
// - PassRole, iam:PassedToService, same-account only, the role trusts the service:
//   https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { runScenarioCommand } from '../../../server/src/cli/scenarios';
import { passRoleActions, passRoleServiceOf } from '../../../server/src/core/model/passRoleServices';
import { catalog } from '../helpers';

const root = join(__dirname, '..', '..', '..');
const FIXTURES = join(root, 'test', 'fixtures', 'flows');
const SCENARIOS = join(FIXTURES, 'flows.scenario.json');

async function cli(cmd: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runScenarioCommand(cmd, args, catalog, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

interface Step { step: string; principal: string; action: string; resource: string; decision: string; explanation: string[]; matchedStatements: { sid?: string; policy: string }[] }
interface Result { name: string; decision: string; pass: boolean; steps: Step[]; explanation: string[] }
let results: Map<string, Result>;
const steps = (name: string) => results.get(name)!.steps.map((s) => `${s.step}:${s.decision}`);
const deciders = (name: string, i: number) => results.get(name)!.steps[i].matchedStatements.map((m) => m.sid ?? m.policy);

describe('flows: AssumeRole chains and PassRole', () => {
  before(async () => {
    const r = await cli('test', SCENARIOS, '--format', 'json');
    assert.equal(r.code, 0, r.err + r.out);
    const j = JSON.parse(r.out) as { results: Result[]; passed: number; failed: number };
    assert.equal(j.failed, 0);
    results = new Map(j.results.map((x) => [x.name, x]));
  });

  it('assumeRole: both sides allow, then the action is the role session\'s', () => {
    const n = 'user assumes a role its account trusts, then acts as it';
    assert.deepEqual(steps(n), ['assumeRole:Allowed', 'request:Allowed']);
    const [assume, request] = results.get(n)!.steps;
    assert.equal(assume.principal, 'arn:aws:iam::111111111111:user/Hoge');
    assert.equal(assume.resource, 'arn:aws:iam::111111111111:role/Deploy');
    assert.deepEqual(deciders(n, 0), ['AssumeAndRead', 'trust policy of Deploy']);
    assert.equal(request.principal, 'arn:aws:sts::111111111111:assumed-role/Deploy/session');
    assert.deepEqual(deciders(n, 1), ['Lambda']);
  });

  it('a role session uses only the role\'s policies: the user\'s own do not carry over', () => {
    const n = 'the user\'s own permissions do not carry into the session';
    assert.deepEqual(steps(n), ['assumeRole:Allowed', 'request:ImplicitlyDenied']);
    assert.equal(results.get(n)!.decision, 'ImplicitlyDenied');
  });

  it('same account: a trust policy naming only the account needs the caller\'s identity Allow too', () => {
    const n = 'trust names the account only: the caller\'s identity policy must allow too';
    assert.deepEqual(steps(n), ['assumeRole:ImplicitlyDenied'], 'no later step is evaluated once one fails');
    assert.match(results.get(n)!.explanation.join('\n'), /first step that is not Allowed decides: step 1 \(assumeRole\)/);
  });

  it('same account: a trust policy naming the user suffices without an identity policy', () => {
    const n = 'same account, trust names the user: the trust policy alone suffices';
    assert.deepEqual(steps(n), ['assumeRole:Allowed', 'request:Allowed']);
    assert.deepEqual(deciders(n, 0), ['trust policy of NamedTrust']);
  });

  it('a chain into another account: each hop needs the hop\'s identity Allow and the next role\'s trust', () => {
    const n = 'chain into another account';
    assert.deepEqual(steps(n), ['assumeRole:Allowed', 'assumeRole:Allowed', 'request:Allowed']);
    const hop = results.get(n)!.steps[1];
    assert.equal(hop.principal, 'arn:aws:sts::111111111111:assumed-role/Deploy/session');
    assert.deepEqual(deciders(n, 1), ['ToAuditor', 'trust policy of Auditor']);
    assert.equal(results.get(n)!.steps[2].principal, 'arn:aws:sts::222222222222:assumed-role/Auditor/session');
  });

  it('cross account: an identity Allow alone is not enough when the trust policy does not name the caller', () => {
    for (const n of ['cross account: the role trusts Deploy, not the user', 'cross account: the role trusts another account']) {
      assert.deepEqual(steps(n), ['assumeRole:ImplicitlyDenied'], n);
      // an implicit deny has no deciding statement; the identity Allow is named as not enough on its own
      assert.deepEqual(deciders(n, 0), [], n);
      const why = results.get(n)!.steps[0].explanation.join('\n');
      assert.match(why, /cross-account request .* both sides must allow \[R4\]/, n);
      assert.match(why, /not enough on its own: #0 of identity policy "AssumeAndRead"/, n);
    }
  });

  it('a session policy narrows the last session', () => {
    assert.deepEqual(steps('a session policy narrows the last session'), ['assumeRole:Allowed', 'request:ImplicitlyDenied']);
  });

  it('passRole: the action, iam:PassRole with iam:PassedToService, and the service assuming the role', () => {
    const n = 'pass a role to Lambda that trusts Lambda';
    assert.deepEqual(steps(n), ['request:Allowed', 'passRole:Allowed', 'serviceAssumesRole:Allowed']);
    const [, pass, service] = results.get(n)!.steps;
    assert.equal(pass.action, 'iam:PassRole');
    assert.equal(pass.resource, 'arn:aws:iam::111111111111:role/FnRole');
    assert.deepEqual(deciders(n, 1), ['PassFnRoleToLambda']);
    assert.match(pass.explanation[0], /iam:PassedToService = lambda\.amazonaws\.com/);
    assert.equal(service.principal, 'lambda.amazonaws.com');
    assert.deepEqual(deciders(n, 2), ['trust policy of FnRole']);
  });

  it('passRole to a role that does not trust the receiving service is denied although every permission is there', () => {
    const n = 'pass a role that only trusts EC2 to Lambda';
    assert.deepEqual(steps(n), ['request:Allowed', 'passRole:Allowed', 'serviceAssumesRole:ImplicitlyDenied']);
    assert.match(results.get(n)!.explanation.join('\n'), /lambda\.amazonaws\.com must be allowed by the trust policy of Ec2Only/);
  });

  it('iam:PassedToService is set from the action: a condition for Lambda does not allow passing to EC2', () => {
    const n = 'iam:PassedToService allows Lambda, not EC2';
    assert.deepEqual(steps(n).slice(0, 2), ['request:Allowed', 'passRole:ImplicitlyDenied']);
    assert.equal(results.get(n)!.decision, 'ImplicitlyDenied');
  });

  it('an explicit Deny on iam:PassRole decides, with its statement', () => {
    const n = 'a Deny on iam:PassRole';
    assert.equal(results.get(n)!.decision, 'ExplicitlyDenied');
    assert.deepEqual(deciders(n, 1), ['NoFnRole']);
  });

  it('the table of receiving services covers the documented compute and orchestration services', () => {
    const expected: Record<string, string> = {
      'lambda:CreateFunction': 'lambda.amazonaws.com', 'ecs:RunTask': 'ecs-tasks.amazonaws.com', 'ec2:RunInstances': 'ec2.amazonaws.com',
      'cloudformation:CreateStack': 'cloudformation.amazonaws.com', 'glue:CreateJob': 'glue.amazonaws.com', 'codebuild:CreateProject': 'codebuild.amazonaws.com',
      'sagemaker:CreateNotebookInstance': 'sagemaker.amazonaws.com', 'datapipeline:CreatePipeline': 'datapipeline.amazonaws.com',
      'states:CreateStateMachine': 'states.amazonaws.com', 'events:PutTargets': 'events.amazonaws.com', 'batch:CreateComputeEnvironment': 'batch.amazonaws.com',
    };
    for (const [action, principal] of Object.entries(expected)) assert.equal(passRoleServiceOf(action)?.principal, principal, action);
    for (const action of passRoleActions()) assert.equal(catalog.action(action)?.fullName, action, `${action} is a real action, spelled as in the catalog`);
  });
});

describe('flows: bad input and what the tool does not know', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iam-flows-'));
  const model = join(FIXTURES, 'flows.iam-model.json').replace(/\\/g, '/');
  const write = (name: string, scenarios: object[]) => { const f = join(dir, name); writeFileSync(f, JSON.stringify({ scenarios })); return f; };

  it('assumeRole without a model is bad input, at its JSON path', async () => {
    const f = write('nomodel.scenario.json', [{ request: { principal: 'arn:aws:iam::111111111111:user/Hoge', assumeRole: 'role/Deploy', action: 's3:GetObject', resource: '*' } }]);
    const r = await cli('simulate', f);
    assert.equal(r.code, 2);
    assert.match(r.err, /\$\.scenarios\[0\]\.request\.assumeRole: assumeRole and passRole need a model/);
  });

  it('an unknown role, a malformed assumeRole and an action that receives no known role say so', async () => {
    const f = write('bad.scenario.json', [
      { name: 'typo', model: { file: model }, request: { principal: 'user/Hoge', assumeRole: 'role/Deplyo', action: 's3:GetObject', resource: '*' } },
      { name: 'unknown action', model: { file: model }, request: { principal: 'user/dev', passRole: 'role/FnRole', action: 's3:PutObject', resource: '*' } },
      { name: 'cross-account pass', model: { file: model }, request: { principal: 'user/dev', passRole: 'arn:aws:iam::222222222222:role/Auditor', action: 'lambda:CreateFunction', resource: '*' } },
      { name: 'malformed', model: { file: model }, request: { principal: 'user/Hoge', assumeRole: [42], action: 's3:GetObject', resource: '*' } },
    ]);
    const r = await cli('simulate', f, '--format', 'json');
    assert.equal(r.code, 2, 'the malformed scenario is bad input');
    assert.match(r.err, /\$\.scenarios\[3\]\.request\.assumeRole: expected a role of the model/);
    const j = JSON.parse(r.out) as Result[] & { errors?: string[] }[];
    const byName = new Map(j.map((x) => [x.name, x as Result & { errors: string[] }]));
    assert.match(byName.get('typo')!.errors.join(), /no role "Deplyo" in the model\. Did you mean "role\/Deploy"\?/);
    assert.equal(byName.get('typo')!.decision, 'ImplicitlyDenied');
    assert.match(byName.get('unknown action')!.errors.join(), /s3:PutObject is not an action this tool knows to receive a role/);
    assert.match(byName.get('cross-account pass')!.errors.join(), /a role can only be passed to a service in its own account/);
  });
});

describe('flows through dist/cli.js', () => {
  it('iam-policy test on the flows scenario file: every expectation met, exit 0; simulate prints the steps', () => {
    const b = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, encoding: 'utf8' });
    assert.equal(b.status, 0, b.stderr);
    const t = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'test', SCENARIOS], { encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '' } });
    assert.equal(t.status, 0, t.stderr + t.stdout);
    assert.match(t.stdout, /12 passed, 0 failed/);
    const s = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'simulate', SCENARIOS], { encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '' } });
    assert.match(s.stdout, /step 3 serviceAssumesRole: ImplicitlyDenied/);
  });
});
