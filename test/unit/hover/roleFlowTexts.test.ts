// Hovers that teach AssumeRole vs PassRole. Facts, from the IAM User Guide:
// - two policies for AssumeRole, the caller's policies dropped in the session, SAML/OIDC callers have no policies:
//   https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_assumerole.html
// - same account: a trust policy naming the principal is enough; cross account both sides:
//   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
// - PassRole when configuring a service, same account only, the role trusts the service:
//   https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
// - iam:PassedToService: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hover } from '../../../server/src/service/hover';
import { resolveCompletion } from '../../../server/src/service/completion';
import { catalog, docWithCaret } from '../helpers';
import { completeAt, item } from '../completion/support';

let n = 0;
function hoverAt(text: string, file = `r${++n}.json`): string {
  const { doc, position } = docWithCaret(text, 'iam-policy', `file:///roles/${n}/${file}`);
  const h = hover(doc, position, catalog);
  return h ? (h.contents as { value: string }).value : '';
}
const S = (inner: string) => `{"Version": "2012-10-17", "Statement": [{${inner}}]}`;

describe('hover on sts:AssumeRole teaches the two policies', () => {
  it('names the identity policy and the trust policy, the same-account case and the difference from PassRole', () => {
    const md = hoverAt(S('"Effect": "Allow", "Action": "sts:Assume|Role", "Resource": "arn:aws:iam::111122223333:role/ReadOnlyRole"'));
    assert.match(md, /Two policies must allow it/);
    assert.match(md, /identity policy must allow this action on the role's ARN.*trust policy\* must name the caller/s);
    assert.match(md, /same account, a trust policy that names the caller's user or role ARN is enough on its own/);
    assert.match(md, /names only the account.*identity policy must allow it too/s);
    assert.match(md, /only the role's permissions/);
    assert.match(md, /Not to be confused with `iam:PassRole`/);
    assert.match(md, /id_credentials_temp_control-access_assumerole\.html/);
  });

  it('says a SAML or OIDC caller is decided by the trust policy alone', () => {
    const md = hoverAt(S('"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:saml-provider/Okta"}, "Action": "sts:AssumeRoleWith|SAML"'), 'x.trust.json');
    assert.match(md, /Only the role's trust policy decides/);
    assert.doesNotMatch(md, /Two policies must allow it/);
  });

  it('leaves other actions without the lesson', () => {
    const md = hoverAt(S('"Effect": "Allow", "Action": "sts:GetCaller|Identity", "Resource": "*"'));
    assert.ok(md.length > 0);
    assert.doesNotMatch(md, /Not to be confused/);
  });
});

describe('hover on iam:PassRole teaches when it is checked', () => {
  it('gives the lambda create-function --role example, iam:PassedToService and the trust the service needs', () => {
    const md = hoverAt(S('"Effect": "Allow", "Action": "iam:Pass|Role", "Resource": "arn:aws:iam::111122223333:role/MyServiceRole"'));
    assert.match(md, /Checked when a service API receives a role/);
    assert.match(md, /aws lambda create-function --role arn:aws:iam::111122223333:role\/MyServiceRole/);
    assert.match(md, /`lambda:CreateFunction` \*and\* `iam:PassRole`/);
    assert.match(md, /iam:PassedToService/);
    assert.match(md, /trust the service/);
    assert.match(md, /Not to be confused with `sts:AssumeRole`/);
    assert.match(md, /id_roles_use_passrole\.html/);
  });

  it('completion documentation of iam:PassRole carries the same lesson', () => {
    const { items } = completeAt(S('"Effect": "Allow", "Action": "iam:Pass|", "Resource": "*"'));
    const resolved = resolveCompletion(item(items, 'iam:PassRole'), catalog);
    assert.match((resolved.documentation as { value: string }).value, /Checked when a service API receives a role/);
  });
});
