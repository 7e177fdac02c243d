import type { Rule } from '../rule';
import { GRANTING_TYPES } from '../policyTypeGroups';
import { grantMessage, grantsOnStar } from './grantsOnStar';
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
      const message = grantMessage(g, {
        direct: () => l10n.t('This statement allows iam:CreateServiceLinkedRole on "*" without a condition: limit it with "StringEquals": {"iam:AWSServiceName": "SERVICE.amazonaws.com"} or a role ARN for that service.'),
        directNotResource: () => l10n.t('This statement allows iam:CreateServiceLinkedRole with NotResource on "*" without a condition: limit it with "StringEquals": {"iam:AWSServiceName": "SERVICE.amazonaws.com"} or a role ARN for that service.'),
        through: (p) => l10n.t('This statement allows iam:CreateServiceLinkedRole through "{0}" on "*" without a condition: limit it with "StringEquals": {"iam:AWSServiceName": "SERVICE.amazonaws.com"} or a role ARN for that service.', p),
        throughNotResource: (p) => l10n.t('This statement allows iam:CreateServiceLinkedRole through "{0}" with NotResource on "*" without a condition: limit it with "StringEquals": {"iam:AWSServiceName": "SERVICE.amazonaws.com"} or a role ARN for that service.', p),
        notAction: () => l10n.t('This statement allows iam:CreateServiceLinkedRole through NotAction on "*" without a condition: limit it with "StringEquals": {"iam:AWSServiceName": "SERVICE.amazonaws.com"} or a role ARN for that service.'),
        notActionNotResource: () => l10n.t('This statement allows iam:CreateServiceLinkedRole through NotAction with NotResource on "*" without a condition: limit it with "StringEquals": {"iam:AWSServiceName": "SERVICE.amazonaws.com"} or a role ARN for that service.'),
      });
      ctx.report({ span: g.span, message });
    }
  },
};
