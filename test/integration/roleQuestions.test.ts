// Issue 12 in the editor, in a real VS Code host: the CodeLenses "Who can assume this role?" (above each role of a
// model file, and at the top of NAME.trust.json) and "Which services can receive these roles?" (above an
// iam:PassRole statement) run through the language server and show a Markdown report in the Markdown preview; the IAM
// view marks the principals that have escalation paths (iamPolicy/escalationPaths) with a warning icon and the first
// path's steps; the Simulate Request panel runs a flow (Assume roles / Pass role) and its result carries the steps it
// shows as a chain.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../client/src/extension';
import * as path from 'node:path';
import type { ScenarioResultsResult } from '../../server/src/protocol';
import { EXTENSION_ID, poll } from './host';
import { assertShownAsPreview } from './reportPreview';
import { iamTree, withSeedWorld } from './seedWorld';

const SANDBOX = {
  id: '333333333333',
  name: 'sandbox',
  users: {
    intern: { policies: [{ name: 'SelfAttach', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:AttachUserPolicy', Resource: 'arn:aws:iam::333333333333:user/intern' }] } }] },
    auditor: { policies: [{ name: 'SelfAttachDenied', policy: { Version: '2012-10-17', Statement: [
      { Effect: 'Allow', Action: 'iam:AttachUserPolicy', Resource: 'arn:aws:iam::333333333333:user/auditor' },
      { Effect: 'Deny', Action: 'iam:AttachUserPolicy', Resource: '*' }] } }] },
  },
  roles: {},
};

suite('Role questions: CodeLenses on trust policies and PassRole, escalation marks in the IAM view', () => {
  let api: ExtensionApi;
  let model: vscode.Uri;
  let sandbox: vscode.Uri;
  let trust: vscode.Uri;
  const READ_ONLY_ROLE = 'arn:aws:iam::111111111111:role/ReadOnlyRole';

  const lenses = async (uri: vscode.Uri, title: RegExp) => {
    const found = await poll(async () => (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100))
      .filter((l) => title.test(l.command?.title ?? '')), (f) => f.length > 0);
    assert.ok(found.length, `no CodeLens ${title} in ${uri.path}`);
    return found;
  };
  /** runs a report's CodeLens: the report opens as a Markdown preview; returns its text */
  const run = async (lens: vscode.CodeLens) => {
    const report = await vscode.commands.executeCommand<vscode.TextDocument | undefined>(lens.command!.command, ...(lens.command!.arguments ?? []));
    assert.ok(report, `${lens.command!.title} showed no report`);
    assert.equal(report.languageId, 'markdown');
    await assertShownAsPreview(report);
    assert.equal(report.getText(), api.iamModel.lastReport());
    return report.getText();
  };
  const { child } = iamTree(() => api);

  suiteSetup(async () => {
    let workspace: vscode.Uri;
    ({ api, workspace, model } = await withSeedWorld());
    sandbox = vscode.Uri.joinPath(workspace, 'sandbox.iam-model.json');
    trust = vscode.Uri.joinPath(workspace, 'ReadOnlyRole.trust.json');
    await vscode.workspace.fs.writeFile(sandbox, Buffer.from(JSON.stringify(SANDBOX, null, 2)));
    await vscode.workspace.fs.writeFile(trust, Buffer.from(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:user/Hoge' }, Action: 'sts:AssumeRole' }] }, null, 2)));
    await api.iamModel.model.refresh();
    await api.iamModel.model.escalationsLoaded();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const u of [model, sandbox, trust]) await vscode.workspace.fs.delete(u).then(undefined, () => undefined);
    await api.iamModel.model.refresh();
  });

  test('"Who can assume this role?" above a role of a model file answers from the model: Hoge, allowed by both policies', async () => {
    await vscode.window.showTextDocument(model);
    const found = await lenses(model, /Who can assume this role\?/);
    const lens = found.find((l) => l.command?.arguments?.[0] === READ_ONLY_ROLE);
    assert.ok(lens, `no lens for ReadOnlyRole: ${JSON.stringify(found.map((l) => l.command?.arguments))}`);
    assert.deepEqual(found.map((l) => l.command?.arguments?.[0]).sort(), ['arn:aws:iam::111111111111:role/ReadOnlyRole', 'arn:aws:iam::111111111111:role/service-role/LambdaServiceRole']);
    const report = await run(lens);
    assert.match(report, /^# Who can assume arn:aws:iam::111111111111:role\/ReadOnlyRole\?/);
    assert.match(report, /- `arn:aws:iam::111111111111:user\/Hoge`/);
    assert.doesNotMatch(report, /user\/Fuga|ci-deployer/, 'only Hoge is trusted');
  });

  test('"Who can assume this role?" on NAME.trust.json asks about the model\'s role NAME', async () => {
    await vscode.window.showTextDocument(trust);
    const [lens] = await lenses(trust, /Who can assume this role\?/);
    assert.equal(lens.command?.arguments?.[0], READ_ONLY_ROLE);
    assert.match(await run(lens), /user\/Hoge/);
  });

  test('"Which services can receive these roles?" above an iam:PassRole statement: the trusted service, narrowed by iam:PassedToService, and who can pass it', async () => {
    await vscode.window.showTextDocument(model);
    const [lens, ...more] = await lenses(model, /Which services can receive these roles\?/);
    assert.equal(more.length, 0, 'one PassRole statement in the seed world');
    assert.deepEqual(lens.command?.arguments, [['arn:aws:iam::111111111111:role/service-role/LambdaServiceRole'], ['lambda.amazonaws.com']]);
    const report = await run(lens);
    assert.match(report, /## LambdaServiceRole/);
    assert.match(report, /- `lambda\.amazonaws\.com`\n/, 'the service its trust policy allows, not excluded by the condition');
    assert.match(report, /narrows it to `lambda\.amazonaws\.com`/);
    assert.match(report, /- `arn:aws:iam::111111111111:user\/ci-deployer`/, 'ci-deployer may pass it to Lambda (DeployLambda)');
  });

  test('the IAM view marks a principal with an escalation path (warning icon, first path in the tooltip); a Deny means no mark', async () => {
    const account = await child(undefined, 'sandbox (333333333333)');
    const users = await child(account, 'Users');
    const intern = api.iamModel.tree.getTreeItem(await child(users, 'intern'));
    assert.equal((intern.iconPath as vscode.ThemeIcon).id, 'warning');
    assert.match(String(intern.tooltip), /May escalate its permissions: 1 path/);
    assert.match(String(intern.tooltip), /1\. user\/intern → user\/intern: iam:AttachUserPolicy/);
    assert.match(String(intern.tooltip), /SelfAttach/);
    const auditor = api.iamModel.tree.getTreeItem(await child(users, 'auditor'));
    assert.equal((auditor.iconPath as vscode.ThemeIcon).id, 'person', 'the Deny takes the path away');
    const main = await child(undefined, 'main (111111111111)');
    const deployer = api.iamModel.tree.getTreeItem(await child(await child(main, 'Users'), 'ci-deployer'));
    assert.equal((deployer.iconPath as vscode.ThemeIcon).id, 'warning', 'PassRole to Lambda is an escalation');
    assert.match(String(deployer.tooltip), /ci-deployer → role\/service-role\/LambdaServiceRole: iam:PassRole, lambda:CreateFunction/);
    const hoge = api.iamModel.tree.getTreeItem(await child(await child(main, 'Users'), 'Hoge'));
    assert.equal((hoge.iconPath as vscode.ThemeIcon).id, 'person');
  });

  test('the panel runs a flow: Hoge assumes ReadOnlyRole, then reads; a step that fails decides the request', async () => {
    const hoge = await child(await child(await child(undefined, 'main (111111111111)'), 'Users'), 'Hoge');
    const panel = await vscode.commands.executeCommand<NonNullable<ReturnType<ExtensionApi['simulator']['current']>>>('iamPolicy.simulateAs', hoge);
    const request = { ...panel.state.request, action: 's3:GetObject', resource: 'arn:aws:s3:::example-shared-bucket/report.csv', assumeRole: READ_ONLY_ROLE };
    panel.setState({ ...panel.state, request });
    const r = await panel.evaluate();
    assert.deepEqual(r?.result?.steps?.map((s) => [s.step, s.decision]), [['assumeRole', 'Allowed'], ['request', 'Allowed']], JSON.stringify(r?.errors));
    assert.equal(r?.result?.steps?.[0].resource, READ_ONLY_ROLE);
    // Fuga is not in ReadOnlyRole's trust policy: the first step fails and decides the whole request
    panel.setState({ ...panel.state, request: { ...request, principal: 'arn:aws:iam::111111111111:user/Fuga' } });
    const denied = await panel.evaluate();
    assert.equal(denied?.result?.steps?.[0].decision, 'ImplicitlyDenied');
    assert.equal(denied?.result?.decision, 'ImplicitlyDenied');
    panel.panel.dispose();
  });

  test('with the workspace model known to the server: hover on a user ARN says what the model knows, and PassRole on a role no service can use is IAM810', async () => {
    const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'tmp-pass.policy.json');
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [
      { Effect: 'Allow', Action: 'iam:PassRole', Resource: [READ_ONLY_ROLE, 'arn:aws:iam::111111111111:role/service-role/LambdaServiceRole'] },
      { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*', Condition: { ArnEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111111111111:user/Hoge' } } },
    ] }, null, 2);
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text));
    try {
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      const diags = await poll(() => vscode.languages.getDiagnostics(uri).filter((d) => d.code === 'IAM810' || (d.code as { value?: string })?.value === 'IAM810'), (d) => d.length > 0);
      assert.equal(diags.length, 1, 'only ReadOnlyRole: LambdaServiceRole trusts lambda.amazonaws.com');
      assert.equal(doc.offsetAt(diags[0].range.start), text.indexOf(`"${READ_ONLY_ROLE}"`));
      assert.match(diags[0].message, /ReadOnlyRole \(in seed-world\.iam-model\.json\) cannot be passed to any service/);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, doc.positionAt(text.indexOf('user/Hoge')));
      const md = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      assert.match(md, /\*\*In the IAM model\*\* \(.*seed-world\.iam-model\.json.*\): user \*\*Hoge\*\* of account 111111111111 \(main\)/);
      assert.match(md, /Groups: `Developers`/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    }
  });

  test('a scenario with an assumeRole list and one with passRole load into the panel form, run with the same steps as the scenario file, and save back the same', async () => {
    // the flows fixture: Hoge → Deploy → (account 222222222222) Auditor, then s3:GetObject; dev passes FnRole to Lambda
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const dir = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'tmp-flows');
    const scenarioUri = vscode.Uri.joinPath(dir, 'flows.scenario.json');
    for (const f of ['flows.iam-model.json', 'flows.scenario.json']) {
      await vscode.workspace.fs.copy(vscode.Uri.file(path.join(ext.extensionPath, 'test', 'fixtures', 'flows', f)), vscode.Uri.joinPath(dir, f), { overwrite: true });
    }
    try {
      const fromFile = await api.client.sendRequest<ScenarioResultsResult>('iamPolicy/scenarioResults', { uri: scenarioUri.toString() });
      const scenarios = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(scenarioUri)).toString('utf8')).scenarios as { name: string; request: { assumeRole?: unknown; passRole?: unknown } }[];
      const chain = scenarios.findIndex((x) => x.name === 'chain into another account');
      const pass = scenarios.findIndex((x) => x.name === 'pass a role to Lambda that trusts Lambda');
      assert.ok(chain >= 0 && pass >= 0);
      const stepsOf = (r: { steps?: { step: string; principal: string; action: string; resource: string; decision: string }[] } | null | undefined) =>
        (r?.steps ?? []).map((x) => `${x.step} ${x.principal} ${x.action} ${x.resource} ${x.decision}`);
      const panel = await api.simulator.show();
      for (const [index, expectSteps] of [[chain, ['assumeRole', 'assumeRole', 'request']], [pass, ['request', 'passRole', 'serviceAssumesRole']]] as const) {
        assert.ok(await panel.loadScenario(scenarioUri, index));
        const written = scenarios[index].request;
        // the form holds the chain as written: the roles in order, the passed role
        assert.equal(panel.state.request.assumeRole, Array.isArray(written.assumeRole) ? written.assumeRole.join(', ') : String(written.assumeRole ?? ''));
        assert.equal(panel.state.request.passRole, String(written.passRole ?? ''));
        assert.deepEqual(panel.state.model, [vscode.Uri.joinPath(dir, 'flows.iam-model.json').toString()]);
        const r = await panel.evaluate();
        const expected = stepsOf(fromFile.scenarios[index].result);
        assert.deepEqual(expected.map((x) => x.split(' ')[0]), expectSteps, JSON.stringify(fromFile.scenarios[index]));
        assert.deepEqual(stepsOf(r?.result), expected, JSON.stringify(r?.errors));
        assert.equal(r?.result?.decision, fromFile.scenarios[index].result?.decision);
        // saved again, the request has the same flow
        const again = vscode.Uri.joinPath(dir, `again-${index}.scenario.json`);
        await panel.saveScenario(again);
        const saved = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(again)).toString('utf8'));
        const savedRequest = (saved.scenarios?.[0] ?? saved).request;
        const asList = (v: unknown) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);
        assert.deepEqual(asList(savedRequest.assumeRole), asList(written.assumeRole));
        assert.equal(savedRequest.passRole, written.passRole);
      }
      panel.panel.dispose();
    } finally {
      await vscode.workspace.fs.delete(dir, { recursive: true }).then(undefined, () => undefined);
    }
  });
});
