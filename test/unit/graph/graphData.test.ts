// The graph of who can become whom (client/src/graph/graphData.ts): from the answer of iamPolicy/escalationPaths and
// the model's listing to nodes, edges and the sets the webview highlights; and the validation of the messages between
// the graph webview and the extension (client/src/graph/messages.ts). The inputs are the service functions behind
// the LSP requests, run on the example model and on the fixture of every escalation method.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { buildGraph, MAX_ALL_PRINCIPALS, MAX_DRAWN_EDGES, neighbourhood, type GraphView } from '../../../client/src/graph/graphData';
import { validateGraphHostMessage, validateGraphState, validateGraphView, validateGraphWebviewMessage } from '../../../client/src/graph/messages';
import { loadManagedPolicies } from '../../../server/src/node/modelFiles';
import type { ModelAccountItem, PathEdge } from '../../../server/src/protocol';
import { escalationPathsOf, loadModelUris, modelList } from '../../../server/src/service/model';
import { catalog } from '../helpers';

const root = join(__dirname, '..', '..', '..');
const read = (uri: string) => { try { return readFileSync(fileURLToPath(uri), 'utf8'); } catch { return undefined; } };

function answer(file: string): { edges: PathEdge[]; accounts: ModelAccountItem[] } {
  const uris = [pathToFileURL(join(root, file)).toString()];
  const managed = loadManagedPolicies();
  const paths = escalationPathsOf({ model: { uris } }, read, catalog, managed);
  assert.deepEqual(paths.errors, []);
  return { edges: paths.edges, accounts: modelList(loadModelUris(uris, read, managed), read).accounts };
}

const main = (kind: string, name: string) => `arn:aws:iam::111111111111:${kind}/${name}`;
const edgeBetween = (g: GraphView, from: string, to: string) => g.edges.filter((e) => e.from === from && e.to === to);

describe('the graph of who can become whom: nodes, edges and highlights', () => {
  const seed = answer('examples/model/seed-world.iam-model.json');
  const g = buildGraph(seed.edges, seed.accounts);

  it('every user and role of a small model is a node, in its account, with where the model defines it', () => {
    const principals = seed.accounts.flatMap((a) => [...a.users, ...a.roles].map((p) => p.arn)).sort();
    assert.deepEqual(g.nodes.filter((n) => n.kind === 'user' || n.kind === 'role').map((n) => n.id).sort(), principals);
    const hoge = g.nodes.find((n) => n.id === main('user', 'Hoge'))!;
    assert.equal(hoge.account, '111111111111');
    assert.match(hoge.location!.uri, /seed-world\.iam-model\.json$/);
    assert.ok(hoge.location!.range, 'the user has a range in the model file');
    assert.deepEqual(g.accounts.map((a) => a.id), ['111111111111', '222222222222']);
    assert.equal(g.accounts[0].name, 'main');
    assert.equal(g.hidden, 0);
  });

  it('an AssumeRole edge is one edge labelled with its action, not on an escalation path', () => {
    const [e] = edgeBetween(g, main('user', 'Hoge'), main('role', 'ReadOnlyRole'));
    assert.deepEqual(e.actions, ['sts:AssumeRole']);
    assert.equal(e.kind, 'step');
    assert.equal(e.escalation, false);
  });

  it('PassRole goes through a node for the service that runs as the role; the path and its nodes are highlighted', () => {
    const from = main('user', 'ci-deployer');
    const role = 'arn:aws:iam::111111111111:role/service-role/LambdaServiceRole';
    const svc = g.nodes.find((n) => n.kind === 'service')!;
    assert.equal(svc.label, 'lambda.amazonaws.com');
    assert.equal(svc.account, '111111111111');
    const [pass] = edgeBetween(g, from, svc.id);
    assert.deepEqual(pass.actions, ['iam:PassRole', 'lambda:CreateFunction']);
    const [runs] = edgeBetween(g, svc.id, role);
    assert.equal(runs.kind, 'runs-as');
    assert.equal(g.findings.length, 1);
    const f = g.findings[0];
    assert.equal(f.from, from);
    assert.equal(f.to, role);
    assert.deepEqual(f.edgeIds.sort(), [pass.id, runs.id].sort());
    assert.deepEqual(f.nodeIds.sort(), [from, svc.id, role].sort());
    assert.ok(pass.escalation && runs.escalation);
    assert.ok(g.nodes.find((n) => n.id === from)!.escalates);
    assert.ok(!g.nodes.find((n) => n.id === role)!.escalates, 'the end of a path is on it, not its start');
    assert.ok(g.nodes.find((n) => n.id === role)!.onPath);
    assert.ok(!g.nodes.find((n) => n.id === main('user', 'Hoge'))!.onPath);
    // the enabling statements travel with the step
    assert.ok(f.steps[0].statements.some((s) => s.action === 'iam:PassRole' && s.sid === 'PassTheServiceRole' && s.effect === 'Allow'), JSON.stringify(f.steps[0].statements));
    assert.match(f.assumptions.join(), /lambda\.amazonaws\.com receives the role/);
  });

  it('every method of the fixture: group steps go through the group; a chain of two steps highlights both edges', () => {
    const esc = answer('test/fixtures/paths/escalation.iam-model.json');
    const big = buildGraph(esc.edges, esc.accounts);
    assert.equal(big.findings.length, esc.edges.filter((e) => e.escalation).length);
    const devs = 'arn:aws:iam::111111111111:group/Devs';
    assert.equal(big.nodes.find((n) => n.id === devs)?.kind, 'group');
    assert.deepEqual(edgeBetween(big, main('user', 'groupAttacher'), devs)[0].actions, ['iam:AttachGroupPolicy']);
    assert.equal(edgeBetween(big, devs, main('user', 'groupAttacher'))[0].kind, 'member');
    const chain = big.findings.find((f) => f.from === main('user', 'chain') && f.to === main('role', 'AdminRole'))!;
    assert.equal(chain.steps.length, 2);
    const hop = main('role', 'Hop');
    assert.deepEqual(chain.edgeIds.sort(), [edgeBetween(big, main('user', 'chain'), hop)[0].id, edgeBetween(big, hop, main('role', 'AdminRole'))[0].id].sort());
    // a rewrite of one's own permissions is a loop on the node
    assert.equal(edgeBetween(big, main('user', 'attachSelf'), main('user', 'attachSelf'))[0].escalation, true);
    // an edge is drawn once even when several findings use it
    const keys = big.edges.map((e) => `${e.from} ${e.to} ${e.kind} ${e.actions.join()}`);
    assert.equal(new Set(keys).size, keys.length);
    // traps stay out of the graph: a user whose CreatePolicyVersion a Deny removes is drawn, with no edge
    assert.ok(big.nodes.some((n) => n.id === main('user', 'cpvDenied')));
    assert.equal(big.edges.filter((e) => e.from === main('user', 'cpvDenied')).length, 0);
    assert.ok(big.edges.some((e) => e.from === main('user', 'cpv')));
    assert.doesNotThrow(() => validateGraphView(JSON.parse(JSON.stringify(big))));
  });

  it('a large model draws only the principals with an edge and says how many it left out', () => {
    const users = Array.from({ length: MAX_ALL_PRINCIPALS + 5 }, (_, i) => ({ name: `u${i}`, arn: main('user', `u${i}`), path: '/', groups: [], policies: [], tags: {}, uri: 'file:///m.iam-model.json' }));
    const accounts: ModelAccountItem[] = [{ id: '111111111111', uri: 'file:///m.iam-model.json', users, groups: [], roles: [], policies: [], resources: [], awsManagedPolicies: [] }];
    const edge: PathEdge = { from: main('user', 'u0'), to: main('user', 'u1'), kind: 'iam:CreateAccessKey', via: ['iam:CreateAccessKey'], statements: [], assumptions: [], escalation: true };
    const big = buildGraph([edge], accounts);
    assert.deepEqual(big.nodes.map((n) => n.id), [main('user', 'u0'), main('user', 'u1')]);
    assert.equal(big.hidden, MAX_ALL_PRINCIPALS + 3);
  });
});

describe('Lambda functions and CodeBuild projects are nodes between the caller and the role', () => {
  // test/fixtures/paths/functions: the hand-written model and the outputs of `aws lambda list-functions` and
  // `aws codebuild batch-get-projects` (the methods and their AWS pages: test/unit/cli/computePaths.test.ts)
  const files = ['functions.iam-model.json', 'list-functions.authz.json', 'batch-get-projects.authz.json'].map((f) => pathToFileURL(join(root, 'test/fixtures/paths/functions', f)).toString());
  const managed = loadManagedPolicies();
  const paths = escalationPathsOf({ model: { uris: files } }, read, catalog, managed);
  const g = buildGraph(paths.edges, modelList(loadModelUris(files, read, managed), read).accounts);
  const acct = (kind: string, name: string) => `arn:aws:iam::123456789012:${kind}/${name}`;
  const adminFn = 'arn:aws:lambda:us-east-1:123456789012:function:admin-fn';
  const appFn = 'arn:aws:lambda:us-east-1:123456789012:function:app-fn';
  const project = 'arn:aws:codebuild:us-east-1:123456789012:project/deploy-project';

  it('iam-policy paths names the function or project of each Lambda and CodeBuild step', () => {
    const e = paths.edges.find((x) => x.from === acct('user', 'codeUpdater'))!;
    assert.deepEqual(e.compute, { kind: 'lambda-function', name: 'admin-fn', arn: adminFn, account: '123456789012', region: 'us-east-1', service: 'lambda.amazonaws.com' });
    assert.equal(paths.edges.find((x) => x.from === acct('user', 'builder'))!.compute?.arn, project);
    assert.ok(paths.edges.filter((x) => x.kind === 'sts:AssumeRole' || x.kind === 'iam:PassRole').every((x) => !x.compute));
  });

  it('lambda:UpdateFunctionCode: caller → function (labelled with the action) → its role (runs code as the role); no edge from the caller to the role', () => {
    const fn = g.nodes.find((n) => n.id === adminFn)!;
    assert.deepEqual({ kind: fn.kind, label: fn.label, account: fn.account, arn: fn.arn, service: fn.service }, { kind: 'function', label: 'admin-fn', account: '123456789012', arn: adminFn, service: 'lambda.amazonaws.com' });
    assert.match(fn.location!.uri, /list-functions\.authz\.json$/, 'the function opens where the export lists it');
    assert.ok(fn.location!.range);
    const [toFn] = edgeBetween(g, acct('user', 'codeUpdater'), adminFn);
    assert.deepEqual([toFn.kind, toFn.actions], ['step', ['lambda:UpdateFunctionCode']]);
    const [runs] = edgeBetween(g, adminFn, acct('role', 'AdminFnRole'));
    assert.deepEqual([runs.kind, runs.actions], ['runs-as', []]);
    assert.deepEqual(edgeBetween(g, acct('user', 'codeUpdater'), acct('role', 'AdminFnRole')), []);
    // a function listed by hand (with its region) is its own node, defined in the model file
    const hand = g.nodes.find((n) => n.id === 'arn:aws:lambda:eu-west-1:123456789012:function:hand-fn')!;
    assert.equal(hand.kind, 'function');
    assert.match(hand.location!.uri, /functions\.iam-model\.json$/);
  });

  it('the highlight of a finding through a function covers both segments and the three nodes', () => {
    const f = g.findings.find((x) => x.from === acct('user', 'codeUpdater'))!;
    const ids = [edgeBetween(g, acct('user', 'codeUpdater'), adminFn)[0].id, edgeBetween(g, adminFn, acct('role', 'AdminFnRole'))[0].id];
    assert.deepEqual(f.edgeIds.sort(), ids.sort());
    assert.deepEqual(f.nodeIds.sort(), [acct('user', 'codeUpdater'), adminFn, acct('role', 'AdminFnRole')].sort());
    assert.equal(f.steps[0].resource, adminFn);
    for (const id of ids) assert.ok(g.edges.find((e) => e.id === id)!.escalation);
    assert.ok(g.nodes.find((n) => n.id === adminFn)!.onPath);
    assert.ok(!g.nodes.find((n) => n.id === adminFn)!.escalates, 'a function is on the path, not its start');
  });

  it('iam:PassRole with UpdateFunctionConfiguration: the configuration change goes to the function, the role it passes labels the segment to that role', () => {
    const swapper = acct('user', 'roleSwapper');
    assert.deepEqual(edgeBetween(g, swapper, appFn).map((e) => e.actions), [['lambda:UpdateFunctionConfiguration']]);
    const [passed] = edgeBetween(g, appFn, acct('role', 'AdminFnRole'));
    assert.deepEqual([passed.kind, passed.actions, passed.escalation], ['runs-as', ['iam:PassRole'], true]);
    // the function's own role, reached without PassRole, is a separate segment
    const [own] = edgeBetween(g, appFn, acct('role', 'AppFnRole'));
    assert.deepEqual(own.actions, []);
    const f = g.findings.find((x) => x.from === swapper && x.to === acct('role', 'AdminFnRole'))!;
    assert.deepEqual(f.nodeIds.sort(), [swapper, appFn, acct('role', 'AdminFnRole')].sort());
    assert.ok(!f.edgeIds.includes(own.id));
  });

  it('CodeBuild: a project node between the caller and its service role, UpdateProject with PassRole likewise', () => {
    const p = g.nodes.find((n) => n.id === project)!;
    assert.deepEqual([p.kind, p.label, p.service], ['project', 'deploy-project', 'codebuild.amazonaws.com']);
    assert.deepEqual(edgeBetween(g, acct('user', 'builder'), project).map((e) => e.actions), [['codebuild:StartBuild']]);
    assert.deepEqual(edgeBetween(g, project, acct('role', 'AdminBuildRole')).map((e) => [e.kind, e.actions]), [['runs-as', []]]);
    const swap = g.findings.find((x) => x.from === acct('user', 'projectSwapper') && x.to === acct('role', 'AdminBuildRole'))!;
    const [first, second] = swap.edgeIds.map((id) => g.edges.find((e) => e.id === id)!);
    assert.deepEqual(first.actions, ['codebuild:UpdateProject', 'codebuild:StartBuild']);
    assert.deepEqual(second.actions, ['iam:PassRole']);
    assert.equal(first.to, second.from);
    assert.equal(g.nodes.find((n) => n.id === first.to)!.kind, 'project');
  });

  it('the graph with functions and projects passes the webview\'s validation unchanged', () => {
    const plain = JSON.parse(JSON.stringify(g)) as GraphView;
    assert.deepEqual(validateGraphView(plain), plain);
    const bad = structuredClone(plain);
    bad.nodes.find((n) => n.kind === 'function')!.service = 42 as unknown as string;
    assert.throws(() => validateGraphView(bad), /graph\.nodes\[\d+\]\.service: expected a string/);
  });
});

describe('the graph webview messages are validated both ways', () => {
  const seed = answer('examples/model/seed-world.iam-model.json');
  const graph = JSON.parse(JSON.stringify(buildGraph(seed.edges, seed.accounts))) as GraphView;

  const scope = { files: null, missing: [] };
  it('a well-formed graph passes unchanged, with the files it was drawn from and a selection to restore', () => {
    assert.deepEqual(validateGraphHostMessage({ type: 'graph', graph, scope }), { type: 'graph', graph, scope });
    const restored = { type: 'graph', graph, scope: { files: ['file:///w/a.iam-model.json'], missing: ['file:///w/a.iam-model.json'] }, restore: { node: main('user', 'Hoge'), finding: { from: main('user', 'ci-deployer'), to: main('role', 'x'), kinds: ['iam:PassRole'] } } };
    assert.deepEqual(validateGraphHostMessage(restored), restored);
    assert.throws(() => validateGraphHostMessage({ type: 'graph', graph }), /message\.scope: expected an object/);
    assert.throws(() => validateGraphHostMessage({ type: 'graph', graph, scope: { files: ['https://x/y.json'], missing: [] } }), /message\.scope\.files\[0\]: expected a file: or untitled: URI/);
    assert.throws(() => validateGraphHostMessage({ type: 'graph', graph, scope, restore: { node: 3, finding: null } }), /message\.restore\.node: expected a string/);
    assert.deepEqual(validateGraphHostMessage({ type: 'notice', level: 'error', message: 'x' }), { type: 'notice', level: 'error', message: 'x' });
  });

  it('a graph whose edge or finding names something not in it, or a bad field, is rejected with its path', () => {
    const bad = structuredClone(graph);
    bad.edges[0].to = 'arn:aws:iam::111111111111:user/nobody';
    assert.throws(() => validateGraphHostMessage({ type: 'graph', graph: bad }), /message\.graph\.edges\[0\]\.to: names no node/);
    const bad2 = structuredClone(graph);
    bad2.findings[0].edgeIds.push('e999');
    assert.throws(() => validateGraphView(bad2), /graph\.findings\[0\]\.edgeIds\[\d\]: names no edge/);
    const bad3 = structuredClone(graph) as unknown as { nodes: { kind: string }[] };
    bad3.nodes[0].kind = 'computer';
    assert.throws(() => validateGraphView(bad3), /graph\.nodes\[0\]\.kind: expected one of user, role, group, service/);
    const bad4 = structuredClone(graph) as unknown as { nodes: { location: { uri: string } }[] };
    bad4.nodes[0].location.uri = 'https://example.com/x';
    assert.throws(() => validateGraphView(bad4), /graph\.nodes\[0\]\.location\.uri: expected a file: or untitled: URI/);
    assert.throws(() => validateGraphHostMessage({ type: 'paint' }), /message\.type: unknown message type/);
  });

  it('from the webview: ready, refresh, pick, drawn with what it chose, and open with a node id; anything else is rejected', () => {
    assert.deepEqual(validateGraphWebviewMessage({ type: 'open', node: main('user', 'Hoge') }), { type: 'open', node: main('user', 'Hoge') });
    assert.deepEqual(validateGraphWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(validateGraphWebviewMessage({ type: 'pick', files: ['file:///etc/passwd'] }), { type: 'pick' }, 'the webview names no file: the extension asks the user');
    const drawn = { type: 'drawn', nodes: 3, edges: 2, selection: { node: null, finding: { from: 'a', to: 'b', kinds: ['sts:AssumeRole'] } }, missing: 0 };
    assert.deepEqual(validateGraphWebviewMessage(drawn), drawn);
    assert.throws(() => validateGraphWebviewMessage({ ...drawn, selection: { node: null, finding: { from: 'a', to: 'b', kinds: 'x' } } }), /message\.selection\.finding\.kinds: expected an array/);
    assert.throws(() => validateGraphWebviewMessage({ type: 'drawn', nodes: 3, edges: 2 }), /message\.selection: expected an object/);
    assert.throws(() => validateGraphWebviewMessage({ type: 'open', node: 42 }), /message\.node: expected a string/);
    assert.throws(() => validateGraphWebviewMessage({ type: 'open', uri: 'file:///etc/passwd' }), /message\.node/);
    assert.throws(() => validateGraphWebviewMessage('open'), /message: expected an object/);
  });
});

describe('the graph webview\'s saved state (what VS Code hands back after a window reload)', () => {
  it('names the model files (or null for the workspace\'s) and the chosen node and finding, no graph data', () => {
    const saved = { version: 1, files: ['file:///w/prod.authz.json'], node: main('user', 'Hoge'), finding: { from: main('user', 'ci-deployer'), to: main('role', 'R'), kinds: ['iam:PassRole'] } };
    assert.deepEqual(validateGraphState(saved), saved);
    assert.deepEqual(validateGraphState({ version: 1, files: null, node: null, finding: null }), { version: 1, files: null, node: null, finding: null });
    // extra fields (a graph saved by someone else) are not carried over
    assert.deepEqual(validateGraphState({ ...saved, graph: { nodes: [] } }), saved);
  });

  it('a state of another version or with a bad field is rejected with its path', () => {
    assert.throws(() => validateGraphState({ version: 2, files: null, node: null, finding: null }), /state\.version: expected 1, got number 2/);
    assert.throws(() => validateGraphState({ version: 1, files: 'file:///a.json', node: null, finding: null }), /state\.files: expected an array/);
    assert.throws(() => validateGraphState({ version: 1, files: ['/etc/passwd'], node: null, finding: null }), /state\.files\[0\]: expected a file: or untitled: URI/);
    assert.throws(() => validateGraphState({ version: 1, files: null, node: {}, finding: null }), /state\.node: expected a string/);
    assert.throws(() => validateGraphState('x'), /state: expected an object/);
  });
});

describe('a large graph is drawn around one principal', () => {
  const esc = answer('test/fixtures/paths/escalation.iam-model.json');
  const g = buildGraph(esc.edges, esc.accounts);

  it('the part around a principal holds the paths of its findings and its own edges, and each finding drawn whole', () => {
    const chain = main('user', 'chain');
    const { graph: part, left } = neighbourhood(g, chain);
    assert.equal(left, 0);
    const own = g.findings.filter((f) => f.from === chain);
    assert.ok(own.length >= 2, 'the chain user has the one-step and the two-step finding');
    for (const f of own) for (const id of f.edgeIds) assert.ok(part.edges.some((e) => e.id === id), `the path edge ${id} of ${f.id} is not drawn`);
    for (const e of part.edges) assert.ok(part.nodes.some((n) => n.id === e.from) && part.nodes.some((n) => n.id === e.to));
    assert.ok(part.nodes.length < g.nodes.length);
    for (const f of part.findings) for (const id of f.edgeIds) assert.ok(part.edges.some((e) => e.id === id));
    assert.doesNotThrow(() => validateGraphView(JSON.parse(JSON.stringify(part))));
  });

  it('at most `max` edges, the rest counted', () => {
    const cpv = main('user', 'cpv');
    const all = g.edges.filter((e) => e.from === cpv || e.to === cpv).length;
    assert.ok(all > 2, `cpv has ${all} edges`);
    const { graph: part, left } = neighbourhood(g, cpv, 2);
    assert.equal(part.edges.length, 2);
    assert.equal(left, all - 2);
    assert.ok(MAX_DRAWN_EDGES >= 100);
  });
});
