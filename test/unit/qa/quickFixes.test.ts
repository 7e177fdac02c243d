// Findings of the QA pass on quick fixes: apply the fix as the editor does, then re-validate.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions } from '../../../server/src/service/codeActions';
import { DEFAULT_SETTINGS } from '../../../server/src/service/settings';
import { validate } from '../../../server/src/service/validation';
import { catalog, doc } from '../helpers';

let n = 0;
function fixTrust(principal: object): { fixed: string; title: string; after: string[] } {
  const d = doc(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 's3:GetObject' }] }), 'iam-policy', `file:///qa/fix${n++}.json`);
  const diag = validate(d, catalog, 'trust', DEFAULT_SETTINGS).find((x) => x.code === 'IAM105')!;
  const [action] = codeActions(d, diag.range, { diagnostics: [diag] }, catalog);
  const fixed = TextDocument.applyEdits(d, action.edit!.changes![d.uri]);
  const after = validate(doc(fixed, 'iam-policy', `file:///qa/fix${n++}.json`), catalog, 'trust', DEFAULT_SETTINGS).map((x) => String(x.code));
  return { fixed, title: action.title, after };
}

describe('QA: IAM105 (a non-trust action in a trust policy) has a quick fix', () => {
  it('changes it to the assume action that fits the principal', () => {
    const svc = fixTrust({ Service: 'ec2.amazonaws.com' });
    assert.equal(svc.title, 'Change to "sts:AssumeRole"');
    assert.match(svc.fixed, /"Action":"sts:AssumeRole"/);
    assert.deepEqual(svc.after, []);
    assert.match(fixTrust({ Federated: 'arn:aws:iam::111122223333:saml-provider/Okta' }).fixed, /"Action":"sts:AssumeRoleWithSAML"/);
    assert.match(fixTrust({ Federated: 'cognito-identity.amazonaws.com' }).fixed, /"Action":"sts:AssumeRoleWithWebIdentity"/);
  });
});
