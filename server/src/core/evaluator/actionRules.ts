// Actions and resources that AWS authorizes by rules of their own, outside the general flow of evaluation.md §1.1:
// which requests need no permission, which only the key or trust policy can allow, which AWS refuses whatever the
// policies say, and iam:PassRole. Each rule cites the AWS page it follows.
import type { PreparedRequest } from './match';
import * as l10n from '../localize';

/**
 * sts:GetCallerIdentity needs no permission, and an explicit deny does not block it: "No permissions are required to
 * perform this operation. If an administrator attaches a policy to your identity that explicitly denies access to
 * the sts:GetCallerIdentity action, you can still perform this operation."
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
 * Any caller that signs its request can call it, service principals included; an anonymous request is not signed, and an
 * identity provider is not a caller.
 */
export function needsNoPermission(req: PreparedRequest): boolean {
  if (req.actionLower !== 'sts:getcalleridentity') return false;
  const k = req.principal.kind;
  return k !== 'anonymous' && k !== 'web-identity';
}

/**
 * Requests the resource policy itself must allow, even in the same account [R5]: KMS key policies govern the keys
 * (`key/` ARNs) and role trust policies the sts:AssumeRole* family on a role. An alias has no key policy: an IAM
 * policy allowing kms:CreateAlias/UpdateAlias/DeleteAlias on the alias ARN is what the alias side needs
 * (https://docs.aws.amazon.com/kms/latest/developerguide/alias-access.html).
 */
export function needsResourceAllow(req: PreparedRequest): boolean {
  if (req.service === 'kms') return /^arn:[^:]+:kms:[^:]*:[^:]*:key\//.test(req.resource);
  if (req.service === 'sts') {
    return /^sts:(assumerole|assumerolewithsaml|assumerolewithwebidentity|tagsession|setsourceidentity|setcontext)$/.test(req.actionLower)
      && /^arn:[^:]+:iam::[^:]*:role\//.test(req.resource);
  }
  return false;
}

const AWS_MANAGED_POLICY_WRITES = new Set([
  'iam:createpolicy', 'iam:createpolicyversion', 'iam:deletepolicy', 'iam:deletepolicyversion', 'iam:setdefaultpolicyversion',
  'iam:tagpolicy', 'iam:untagpolicy',
]);
const ALIAS_WRITES = new Set(['kms:createalias', 'kms:updatealias', 'kms:deletealias']);

/**
 * Why AWS refuses the request whatever the policies allow, or undefined:
 * - AWS managed policies (`arn:aws:iam::aws:policy/...`) are owned by AWS; customers "cannot change the permissions
 *   defined in AWS managed policies" (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html#aws-managed-policies),
 *   so they cannot be created, versioned, tagged or deleted either;
 * - KMS alias names that begin with `alias/aws/` are reserved for AWS managed keys
 *   (https://docs.aws.amazon.com/kms/latest/developerguide/alias-create.html);
 * - CreateAlias, UpdateAlias and DeleteAlias work only within the alias's account ("Cross-account use: No",
 *   https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html).
 */
export function awsRefuses(req: PreparedRequest): string | undefined {
  if (AWS_MANAGED_POLICY_WRITES.has(req.actionLower) && /^arn:[^:]+:iam::aws:policy\//.test(req.resource)) {
    return l10n.t('{0} is an AWS managed policy: AWS owns it (the account segment "aws" names AWS, not a missing account), and no customer can create, change, version, tag or delete it, whatever the policies allow (IAM User Guide, AWS managed policies)', req.resource);
  }
  if (ALIAS_WRITES.has(req.actionLower)) {
    const alias = /^arn:[^:]+:kms:[^:]*:([^:]*):alias\/(.*)$/.exec(req.resource);
    if (alias?.[2].startsWith('aws/')) {
      return l10n.t('alias names that begin with alias/aws/ are reserved for AWS managed keys: no customer can create, update or delete them, whatever the policies allow (KMS Developer Guide, Create aliases)');
    }
    if (alias && /^\d{12}$/.test(alias[1]) && req.principal.account && alias[1] !== req.principal.account) {
      return l10n.t('the alias is in account {0}, the caller in {1}: {2} cannot be used across accounts, and an alias has no resource policy that could allow it (KMS API reference, "Cross-account use: No")', alias[1], req.principal.account, req.action);
    }
  }
  return undefined;
}

/**
 * iam:PassRole is a permission only, checked when a service is handed a role: "you must grant the PassRole permission
 * to the user's IAM user, role, or group", so only the caller's identity policies can grant it, never a trust or
 * other resource policy; and "you can only use the PassRole permission to pass an IAM role to a service that shares
 * the same AWS account" (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html).
 */
export function isPassRole(req: PreparedRequest): boolean {
  return req.actionLower === 'iam:passrole';
}
