// Quick fixes as the editor applies them: validate, ask for code actions at the diagnostic, apply the edit, re-validate.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import type { PolicyType } from '../../../server/src/core/policy/policyType';
import { codeActions } from '../../../server/src/service/codeActions';
import { DEFAULT_SETTINGS } from '../../../server/src/service/settings';
import { validate } from '../../../server/src/service/validation';
import { catalog, doc } from '../helpers';
import { lint } from '../validation/lint';

let n = 0;
function fixes(text: string, code: string, type: PolicyType = 'identity'): { d: TextDocument; actions: CodeAction[]; diag: Diagnostic } {
  const d = doc(text, 'iam-policy', `file:///fix/${n++}.json`);
  const diag = validate(d, catalog, type, DEFAULT_SETTINGS).find((x) => x.code === code);
  assert.ok(diag, `no ${code} for ${text}`);
  return { d, diag, actions: codeActions(d, diag.range, { diagnostics: [diag] }, catalog) };
}

function apply(d: TextDocument, a: CodeAction): string {
  const edits = a.edit!.changes![d.uri];
  return TextDocument.applyEdits(d, edits);
}

const P = (st: object, top: object = { Version: '2012-10-17' }) => JSON.stringify({ ...top, Statement: [st] }, null, 2);
const codesAfter = (text: string, type: PolicyType = 'identity') => lint(text, type).diagnostics.map((x) => x.code);

describe('quick fixes', () => {
  it('did-you-mean for an action, preferred first', () => {
    const { d, actions } = fixes(P({ Effect: 'Allow', Action: 's3:GetObjekt', Resource: '*' }), 'IAM202');
    assert.equal(actions[0].title, 'Change to "s3:GetObject"');
    assert.equal(actions[0].isPreferred, true);
    const fixed = apply(d, actions[0]);
    assert.match(fixed, /"s3:GetObject"/);
    assert.ok(!codesAfter(fixed).includes('IAM202'));
  });

  it('did-you-mean for a service', () => {
    const { d, actions } = fixes(P({ Effect: 'Allow', Action: 'dyanmodb:PutItem', Resource: '*' }), 'IAM201');
    assert.match(apply(d, actions[0]), /"dynamodb:PutItem"/);
  });

  it('did-you-mean for a condition key and an operator', () => {
    const k = fixes(P({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { IpAddress: { 'aws:SourceIpp': '203.0.113.0/24' } } }), 'IAM302');
    assert.match(apply(k.d, k.actions[0]), /"aws:SourceIp"/);
    const o = fixes(P({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEqual: { 'aws:PrincipalTag/team': 'a' } } }), 'IAM301');
    assert.match(apply(o.d, o.actions[0]), /"StringEquals"/);
  });

  it('renames a wrongly cased element', () => {
    const { d, actions } = fixes('{"Version":"2012-10-17","Statement":[{"effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}', 'IAM002');
    const fixed = apply(d, actions[0]);
    assert.match(fixed, /"Effect":"Allow"/);
    assert.deepEqual(codesAfter(fixed), []);
  });

  it('adds Version on its own line', () => {
    const { d, actions } = fixes(JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }, null, 2), 'IAM010');
    const fixed = apply(d, actions[0]);
    assert.match(fixed, /^\{\n {2}"Version": "2012-10-17",\n {2}"Statement"/);
    assert.deepEqual(codesAfter(fixed), []);
  });

  it('renames a duplicate Sid', () => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'A', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }, { Sid: 'A', Effect: 'Allow', Action: 's3:PutObject', Resource: '*' }] });
    const { d, actions } = fixes(text, 'IAM011');
    const fixed = apply(d, actions[0]);
    assert.match(fixed, /"Sid":"A2"/);
    assert.ok(!codesAfter(fixed).includes('IAM011'));
  });

  it('switches to the Like operator', () => {
    const { d, actions } = fixes(P({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/team': 'dev-*' } } }), 'IAM308');
    const fixed = apply(d, actions[0]);
    assert.match(fixed, /"StringLike"/);
    assert.ok(!codesAfter(fixed).includes('IAM308'));
  });

  it('replaces a string operator by the typed one', () => {
    const { d, actions } = fixes(P({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:SourceIp': '203.0.113.0/24' } } }), 'IAM304');
    const fixed = apply(d, actions[0]);
    assert.match(fixed, /"IpAddress"/);
    assert.ok(!codesAfter(fixed).includes('IAM304'));
  });

  it('splits a statement so *-only actions get "Resource": "*"', () => {
    const { d, actions } = fixes(P({ Sid: 'Read', Effect: 'Allow', Action: ['s3:GetObject', 's3:ListAllMyBuckets'], Resource: 'arn:aws:s3:::bucket/*' }), 'IAM403');
    const fixed = apply(d, actions[0]);
    const parsed = JSON.parse(fixed);
    assert.equal(parsed.Statement.length, 2);
    assert.deepEqual(parsed.Statement[0], { Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' });
    assert.deepEqual(parsed.Statement[1], { Sid: 'ReadStarOnly', Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' });
    assert.ok(!codesAfter(fixed).includes('IAM403'));
  });

  it('maps an API operation to the IAM action', () => {
    const { d, actions } = fixes(P({ Effect: 'Allow', Action: 's3:ListObjectsV2', Resource: 'arn:aws:s3:::bucket' }), 'IAM203');
    assert.match(apply(d, actions[0]), /"s3:ListBucket"/);
  });

  it('removes a redundant action with its comma', () => {
    const { d, actions } = fixes(P({ Effect: 'Allow', Action: ['s3:Get*', 's3:GetObject'], Resource: '*' }), 'IAM901');
    assert.deepEqual(JSON.parse(apply(d, actions[0])).Statement[0].Action, ['s3:Get*']);
  });

  it('removes an action that fits none of the statement\'s resources (IAM404), leaving a clean statement', () => {
    const { d, actions } = fixes(P({ Effect: 'Deny', Action: ['iam:CreatePolicyVersion', 'iam:DeleteRolePermissionsBoundary'], Resource: 'arn:aws:iam::111122223333:policy/Boundary' }), 'IAM404');
    assert.equal(actions[0].title, 'Remove "iam:DeleteRolePermissionsBoundary"');
    const fixed = apply(d, actions[0]);
    assert.deepEqual(JSON.parse(fixed).Statement[0].Action, ['iam:CreatePolicyVersion']);
    assert.deepEqual(codesAfter(fixed), []);
  });

  it('offers nothing outside the diagnostic range or for other sources', () => {
    const { d, diag } = fixes(P({ Effect: 'Allow', Action: 's3:GetObjekt', Resource: '*' }), 'IAM202');
    assert.deepEqual(codeActions(d, { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, { diagnostics: [diag] }, catalog), []);
    assert.deepEqual(codeActions(d, diag.range, { diagnostics: [{ ...diag, source: 'json' }] }, catalog), []);
    assert.deepEqual(codeActions(d, diag.range, { diagnostics: [{ ...diag, data: { fixes: 'garbage' } }] }, catalog), []);
  });
});
