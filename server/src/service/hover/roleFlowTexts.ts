// The AssumeRole / PassRole lesson added to the hover (and completion documentation) of those actions: the two are
// the most confused pair in IAM, and the difference decides who can become whom.
import * as l10n from '@vscode/l10n';

const PASS_ROLE_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html';
const ASSUME_ROLE_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_assumerole.html';
const EVALUATION_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html';
const IAM_KEYS_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#ck_PassedToService';

const assumeRole = (): string[] => [
  l10n.t('**Two policies must allow it.** The caller\'s identity policy must allow this action on the role\'s ARN, and the role\'s *trust policy* must name the caller (or its account). In the same account, a trust policy that names the caller\'s user or role ARN is enough on its own; a trust policy that names only the account (`arn:aws:iam::ACCOUNT:root`) delegates to the account, so the caller\'s identity policy must allow it too. Across accounts both sides must always allow, and a permissions boundary on the caller limits it as well.'),
  l10n.t('Once assumed, the session has **only the role\'s permissions** (narrowed by a session policy, if one is passed): the caller\'s own policies no longer apply.'),
  l10n.t('**Not to be confused with `iam:PassRole`**: AssumeRole means *you* become the role; PassRole means you hand the role to a service (Lambda, EC2, ECS, ...), which assumes it later on its own.'),
  l10n.t('[AssumeRole permissions]({0}) · [Policy evaluation logic]({1})', ASSUME_ROLE_DOC, EVALUATION_DOC),
];

const assumeRoleFederated = (): string[] => [
  l10n.t('**Only the role\'s trust policy decides**: the caller signed in with a SAML or OIDC identity provider and is not an AWS identity, so no identity policy of theirs is evaluated. The trust policy must name the provider (`"Federated"`) and should pin its claims with conditions (audience, subject).'),
  ...assumeRole().slice(1),
];

const passRole = (): string[] => [
  l10n.t('**Checked when a service API receives a role**, not as an API call of its own: `aws lambda create-function --role arn:aws:iam::111122223333:role/MyServiceRole ...` needs `lambda:CreateFunction` *and* `iam:PassRole` on `MyServiceRole`. The same holds for `ec2:RunInstances` with an instance profile, `ecs:RunTask`, `cloudformation:CreateStack`, `glue:CreateJob` and others.'),
  l10n.t('**Narrow it with `iam:PassedToService`** (e.g. `"StringEquals": {"iam:PassedToService": "lambda.amazonaws.com"}`) and a `Resource` listing the roles that may be passed: PassRole on `*` lets the holder hand an administrator role to code they control.'),
  l10n.t('The role must also **trust the service** (its trust policy names the service principal, e.g. `lambda.amazonaws.com`), or the service cannot use it. A role can only be passed to a service in the same account.'),
  l10n.t('**Not to be confused with `sts:AssumeRole`**: PassRole never gives *you* the role\'s permissions directly; the service gets them, and whatever you make the service run does.'),
  l10n.t('[Grant a user permissions to pass a role]({0}) · [iam:PassedToService]({1})', PASS_ROLE_DOC, IAM_KEYS_DOC),
];

/** The lesson for sts:AssumeRole* and iam:PassRole (by full action name, any case); undefined for other actions. */
export function roleFlowMarkdown(fullName: string): string | undefined {
  const lower = fullName.toLowerCase();
  if (lower === 'iam:passrole') return passRole().join('\n\n');
  if (lower === 'sts:assumerole') return assumeRole().join('\n\n');
  if (lower === 'sts:assumerolewithsaml' || lower === 'sts:assumerolewithwebidentity') return assumeRoleFederated().join('\n\n');
  return undefined;
}
