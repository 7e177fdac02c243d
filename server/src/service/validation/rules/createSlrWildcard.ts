import type { Rule } from '../rule';
import { GRANTING_TYPES } from '../policyTypeGroups';
import { grantsOnStar } from './grantsOnStar';
import * as l10n from '@vscode/l10n';

/** iam:CreateServiceLinkedRole on "*": the holder can create service-linked roles for any service. */
export const createSlrWildcard: Rule = {
  code: 'IAM802',
  slug: 'create-slr-wildcard',
  defaultSeverity: 'warning',
  description: 'iam:CreateServiceLinkedRole allowed on "*" without an iam:AWSServiceName condition lets the holder create service-linked roles for every service. Only in identity and resource policies: boundaries, session, endpoint, SCP and RCP policies never grant.',
  check(ctx) {
    if (!GRANTING_TYPES.has(ctx.policyType)) return;
    for (const s of ctx.doc.statements) {
      const g = grantsOnStar(s, 'iam:CreateServiceLinkedRole');
      if (!g) continue;
      const message = g.notAction
        ? (g.notResource ? l10n.t('This statement allows iam:CreateServiceLinkedRole through NotAction with NotResource on "*" without a condition: limit it with "StringEquals": {"iam:AWSServiceName": "SERVICE.amazonaws.com"} or a role ARN for that service.') : l10n.t('This statement allows iam:CreateServiceLinkedRole through NotAction on "*" without a condition: limit it with "StringEquals": {"iam:AWSServiceName": "SERVICE.amazonaws.com"} or a role ARN for that service.'))
        : g.pattern !== undefined
          ? (g.notResource ? l10n.t('This statement allows iam:CreateServiceLinkedRole through "{0}" with NotResource on "*" without a condition: limit it with "StringEquals": {"iam:AWSServiceName": "SERVICE.amazonaws.com"} or a role ARN for that service.', g.pattern) : l10n.t('This statement allows iam:CreateServiceLinkedRole through "{0}" on "*" without a condition: limit it with "StringEquals": {"iam:AWSServiceName": "SERVICE.amazonaws.com"} or a role ARN for that service.', g.pattern))
          : (g.notResource ? l10n.t('This statement allows iam:CreateServiceLinkedRole with NotResource on "*" without a condition: limit it with "StringEquals": {"iam:AWSServiceName": "SERVICE.amazonaws.com"} or a role ARN for that service.') : l10n.t('This statement allows iam:CreateServiceLinkedRole on "*" without a condition: limit it with "StringEquals": {"iam:AWSServiceName": "SERVICE.amazonaws.com"} or a role ARN for that service.'));
      ctx.report({ span: g.span, message });
    }
  },
};
