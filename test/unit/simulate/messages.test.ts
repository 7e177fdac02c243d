// Messages from the Simulate Request webview (validated in the extension) and to it (validated in the webview).
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { validateHostMessage, validateWebviewMessage } from '../../../client/src/simulator/messages';
import { emptyState, InvalidMessage, validatePanelState } from '../../../client/src/simulator/state';

const state = () => ({ ...emptyState(), identityPolicies: [{ uri: 'file:///w/a.policy.json', enabled: true }], request: { principal: 'anonymous', action: 's3:GetObject', resource: '*', resourceAccount: '', sessionIssuer: '', assumeRole: '', passRole: '' } });
const rejects = (m: unknown, path: RegExp) => assert.throws(() => validateWebviewMessage(m), (e: unknown) => e instanceof InvalidMessage && path.test(e.path));

describe('webview -> extension messages', () => {
  it('accepts every well-formed message type', () => {
    assert.deepEqual(validateWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.equal(validateWebviewMessage({ type: 'update', state: state() }).type, 'update');
    assert.deepEqual(validateWebviewMessage({ type: 'addPolicies', slot: 'scp', level: 1 }), { type: 'addPolicies', slot: 'scp', level: 1 });
    assert.deepEqual(validateWebviewMessage({ type: 'reveal', uri: 'file:///w/a.json', range: { start: { line: 3, character: 4 }, end: { line: 8, character: 5 } } }),
      { type: 'reveal', uri: 'file:///w/a.json', range: { start: { line: 3, character: 4 }, end: { line: 8, character: 5 } } });
    assert.deepEqual(validateWebviewMessage({ type: 'suggestActions', id: 7, text: 's3:Get' }), { type: 'suggestActions', id: 7, text: 's3:Get' });
  });

  it('openOrigin opens a place in a model file or an AWS managed policy, nothing else', () => {
    const range = { start: { line: 3, character: 4 }, end: { line: 8, character: 5 } };
    assert.deepEqual(validateWebviewMessage({ type: 'openOrigin', uri: 'file:///w/acme.iam-model.json', range }), { type: 'openOrigin', uri: 'file:///w/acme.iam-model.json', range });
    assert.deepEqual(validateWebviewMessage({ type: 'openOrigin', arn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole' }),
      { type: 'openOrigin', arn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole' });
    rejects({ type: 'openOrigin' }, /^message$/);
    rejects({ type: 'openOrigin', arn: 'arn:aws:iam::111111111111:policy/Mine' }, /^message\.arn$/);
    rejects({ type: 'openOrigin', uri: 'command:workbench.action.quit' }, /^message\.uri$/);
  });

  it('drops fields it does not know instead of passing them on', () => {
    const m = validateWebviewMessage({ type: 'openPolicy', uri: 'file:///w/a.json', extra: 'x' });
    assert.deepEqual(m, { type: 'openPolicy', uri: 'file:///w/a.json' });
  });

  it('rejects non-objects, unknown types and bad fields, naming the field', () => {
    rejects(null, /^message$/);
    rejects('ready', /^message$/);
    rejects({ type: 'deleteEverything' }, /^message\.type$/);
    rejects({ type: 'addPolicies', slot: 'admin' }, /^message\.slot$/);
    rejects({ type: 'addPolicies', slot: 'scp', level: -1 }, /^message\.level$/);
    rejects({ type: 'reveal', uri: 'https://evil.example/x', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }, /^message\.uri$/);
    rejects({ type: 'reveal', uri: 'file:///a', range: { start: { line: 1.5, character: 0 }, end: { line: 0, character: 0 } } }, /^message\.range\.start\.line$/);
    rejects({ type: 'suggestActions', id: 1, text: 'x'.repeat(301) }, /^message\.text$/);
    rejects({ type: 'update', state: { ...state(), version: 2 } }, /^message\.state\.version$/);
    rejects({ type: 'update', state: { ...state(), identityPolicies: [{ enabled: true }] } }, /^message\.state\.identityPolicies\[0\]$/);
    rejects({ type: 'update', state: { ...state(), context: [{ key: 'aws:SourceIp', type: 'IPAddress', value: 1, enabled: true }] } }, /^message\.state\.context\[0\]\.value$/);
    rejects({ type: 'update', state: { ...state(), expected: 'Maybe' } }, /^message\.state\.expected$/);
    rejects({ type: 'update', state: { ...state(), identityPolicies: Array.from({ length: 51 }, () => ({ uri: 'file:///a', enabled: true })) } }, /^message\.state\.identityPolicies$/);
  });

  it('a restored state that is not usable is rejected (the panel then starts empty)', () => {
    assert.throws(() => validatePanelState({ version: 1 }), InvalidMessage);
    assert.deepEqual(validatePanelState(JSON.parse(JSON.stringify(state()))), state());
  });
});

describe('extension -> webview messages (validated in the webview)', () => {
  const response = {
    result: {
      decision: 'Allowed', matchedStatements: [{ policyType: 'identity', policy: 'a', index: 0, effect: 'Allow', file: 'file:///w/a.json', range: { start: { line: 3, character: 4 }, end: { line: 8, character: 5 } } }],
      statements: [{ policyType: 'identity', policy: 'a', index: 0, effect: 'Allow', applies: true }], policyTypes: { identity: 'Allowed' },
      derivedContext: { 'aws:PrincipalAccount': '111122223333' }, missingContextKeys: [], explanation: ['Allowed.'], errors: [],
    },
    errors: [], contextKeys: [{ name: 'aws:SecureTransport', type: 'Bool', multiValued: false }], resourceTemplates: ['arn:aws:s3:::${BucketName}'], actionKnown: true, policyNames: {},
  };

  it('accepts state, result, suggestions and notice messages', () => {
    for (const m of [{ type: 'state', state: state() }, { type: 'result', seq: 1, response }, { type: 'suggestions', id: 1, items: ['s3:'] }, { type: 'notice', level: 'info', message: 'Saved.' }]) {
      assert.deepEqual(validateHostMessage(m), m);
    }
  });

  const modelInfo = {
    principal: 'arn:aws:iam::111111111111:user/Hoge', principalArn: 'arn:aws:iam::111111111111:user/Hoge',
    gathered: [
      { policyType: 'identity', name: 'ReadOnlyAccess', origin: { kind: 'aws-managed', label: 'group Developers: arn:aws:iam::aws:policy/ReadOnlyAccess', group: 'Developers', arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' } },
      { policyType: 'identity', name: 'S3Read', origin: { kind: 'user-inline', label: 'inline policy S3Read of user Hoge', uri: 'file:///w/acme.iam-model.json', range: { start: { line: 5, character: 2 }, end: { line: 9, character: 3 } } } },
    ],
    problems: [],
  };
  const modelOptions = { files: [{ uri: 'file:///w/acme.iam-model.json', label: 'acme.iam-model.json' }], principals: [{ arn: 'arn:aws:iam::111111111111:user/Hoge', label: 'user/Hoge (111111111111)', detail: 'groups: Developers' }], problems: [] };

  it('accepts a result with what the model gathered, and the model picker\'s choices', () => {
    const m = { type: 'result', seq: 2, response: { ...response, model: modelInfo } };
    assert.deepEqual(validateHostMessage(m), m);
    assert.deepEqual(validateHostMessage({ type: 'model', model: modelOptions }), { type: 'model', model: modelOptions });
  });

  it('rejects malformed messages, naming the field', () => {
    const bad: [unknown, RegExp][] = [
      [{ type: 'result', seq: 1, response: { ...response, model: { ...modelInfo, gathered: [{ policyType: 'identity', name: 'x', origin: { kind: 'user-inline', label: 'x', uri: 'javascript:alert(1)' } }] } } }, /^message\.response\.model\.gathered\[0\]\.origin\.uri/],
      [{ type: 'result', seq: 1, response: { ...response, model: { ...modelInfo, problems: 'none' } } }, /^message\.response\.model\.problems/],
      [{ type: 'model', model: { ...modelOptions, principals: [{ arn: 1 }] } }, /^message\.model\.principals\[0\]\.arn/],
      [{ type: 'model', model: { ...modelOptions, files: [{ uri: 'https://x', label: 'x' }] } }, /^message\.model\.files\[0\]\.uri/],
      [42, /^message: expected an object/],
      [{ type: 'eval', code: 'alert(1)' }, /^message\.type: unknown/],
      [{ type: 'result', seq: 1, response: { ...response, result: { ...response.result, decision: 'Maybe' } } }, /^message\.response\.result\.decision/],
      [{ type: 'result', seq: 1, response: { ...response, result: { ...response.result, matchedStatements: [{ policyType: 'identity', policy: 'a', index: 0, effect: 'Permit' }] } } }, /matchedStatements\[0\]\.effect/],
      [{ type: 'result', seq: 1, response: { ...response, errors: 'oops' } }, /^message\.response\.errors/],
      [{ type: 'result', seq: 1, response: { ...response, result: { ...response.result, matchedStatements: [{ ...response.result.matchedStatements[0], file: 'https://evil.example/x' }] } } }, /matchedStatements\[0\]\.file/],
      [{ type: 'result', seq: 1, response: { ...response, result: { ...response.result, statements: [{ policyType: 'identity', policy: 'a', index: 0, effect: 'Allow' }] } } }, /statements\[0\]\.applies/],
      [{ type: 'result', seq: 1, response: { ...response, policyNames: { 'file:///w/a.json': 7 } } }, /^message\.response\.policyNames/],
      [{ type: 'suggestions', id: 1, items: [1] }, /^message\.items\[0\]/],
      [{ type: 'notice', level: 'panic', message: 'x' }, /^message\.level/],
      [{ type: 'state', state: { ...state(), request: { principal: 'anonymous' } } }, /^message\.state\.request\.action/],
    ];
    for (const [m, re] of bad) assert.throws(() => validateHostMessage(m), (e: unknown) => e instanceof InvalidMessage && re.test(e.message), JSON.stringify(m).slice(0, 80));
  });
});
