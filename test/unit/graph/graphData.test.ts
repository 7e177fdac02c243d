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
import { validateGraphHostMessage, validateGraphView, validateGraphWebviewMessage } from '../../../client/src/graph/messages';
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

describe('the graph webview messages are validated both ways', () => {
  const seed = answer('examples/model/seed-world.iam-model.json');
  const graph = JSON.parse(JSON.stringify(buildGraph(seed.edges, seed.accounts))) as GraphView;

  it('a well-formed graph passes unchanged', () => {
    assert.deepEqual(validateGraphHostMessage({ type: 'graph', graph }), { type: 'graph', graph });
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

  it('from the webview: ready, refresh, and open with a node id; anything else is rejected', () => {
    assert.deepEqual(validateGraphWebviewMessage({ type: 'open', node: main('user', 'Hoge') }), { type: 'open', node: main('user', 'Hoge') });
    assert.deepEqual(validateGraphWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.throws(() => validateGraphWebviewMessage({ type: 'open', node: 42 }), /message\.node: expected a string/);
    assert.throws(() => validateGraphWebviewMessage({ type: 'open', uri: 'file:///etc/passwd' }), /message\.node/);
    assert.throws(() => validateGraphWebviewMessage('open'), /message: expected an object/);
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
