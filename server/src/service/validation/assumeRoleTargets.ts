// Which statements grant sts:AssumeRole* on resources that cannot be roles: one problem that IAM809 reports, so the
// generic resource rules (IAM402, IAM404) leave it alone.
import type { Statement, Value } from '../../core/policy/model';
import type { PolicyType } from '../../core/policy/policyType';
import { hasWildcard } from '../../core/wildcard';

const ASSUME_ROLE = /^sts:assumerole(withsaml|withwebidentity)?$/i;

/** Whether a Resource pattern could name an IAM role. "*", account-wide IAM patterns and unreadable values could. */
export function couldBeRoleArn(pattern: string): boolean {
  if (!pattern.startsWith('arn:')) return true;
  const parts = pattern.split(':');
  if (parts.length < 6) return true;
  const service = parts[2];
  if (!hasWildcard(service) && service !== 'iam') return false;
  const literalStart = parts.slice(5).join(':').split(/[*?]/)[0];
  return literalStart.startsWith('role/') || 'role/'.startsWith(literalStart);
}

export interface AssumeRoleOnNonRoles {
  /** the sts:AssumeRole* values of the statement */
  actions: Value[];
  resources: Value[];
  /** every action of the statement is an sts:AssumeRole* action */
  onlyAssumeRole: boolean;
}

/** An identity-policy Allow of sts:AssumeRole* whose Resource names no role (a user, a bucket, a policy ...). */
export function assumeRoleOnNonRoles(s: Statement, policyType: PolicyType): AssumeRoleOnNonRoles | undefined {
  if (policyType !== 'identity' || s.effect?.value !== 'Allow' || s.notResource) return undefined;
  const actions = s.action?.values.filter((v) => ASSUME_ROLE.test(v.value)) ?? [];
  const resources = s.resource?.values ?? [];
  if (!actions.length || !resources.length || resources.some((r) => couldBeRoleArn(r.value))) return undefined;
  return { actions, resources, onlyAssumeRole: actions.length === s.action!.values.length };
}
