import type { Rule } from '../rule';
import { GRANTING_TYPES } from '../policyTypeGroups';
import { grantMessage, grantsOnStar } from './grantsOnStar';
import * as l10n from '@vscode/l10n';

/** iam:PassRole on every role lets the holder hand any role (an admin one too) to a service: privilege escalation. */
export const passRoleWildcard: Rule = {
  code: 'IAM801',
  slug: 'pass-role-wildcard',
  defaultSeverity: 'warning',
  description: 'iam:PassRole allowed on "*" (via a wildcard action, NotAction or NotResource) lets the holder pass any role, including admin roles, to a service. Only in identity and resource policies: boundaries, session, endpoint, SCP and RCP policies never grant.',
  check(ctx) {
    if (!GRANTING_TYPES.has(ctx.policyType)) return;
    for (const s of ctx.doc.statements) {
      const g = grantsOnStar(s, 'iam:PassRole');
      if (!g) continue;
      const message = grantMessage(g, {
        direct: () => l10n.t('This statement allows iam:PassRole on every role without a condition: the holder can pass any role, including administrator roles, to a service. Limit "Resource" to the roles that should be passed (arn:aws:iam::ACCOUNT:role/NAME) and add an iam:PassedToService condition.'),
        directNotResource: () => l10n.t('This statement allows iam:PassRole with NotResource on every role without a condition: the holder can pass any role, including administrator roles, to a service. Limit "Resource" to the roles that should be passed (arn:aws:iam::ACCOUNT:role/NAME) and add an iam:PassedToService condition.'),
        through: (p) => l10n.t('This statement allows iam:PassRole through "{0}" on every role without a condition: the holder can pass any role, including administrator roles, to a service. Limit "Resource" to the roles that should be passed (arn:aws:iam::ACCOUNT:role/NAME) and add an iam:PassedToService condition.', p),
        throughNotResource: (p) => l10n.t('This statement allows iam:PassRole through "{0}" with NotResource on every role without a condition: the holder can pass any role, including administrator roles, to a service. Limit "Resource" to the roles that should be passed (arn:aws:iam::ACCOUNT:role/NAME) and add an iam:PassedToService condition.', p),
        notAction: () => l10n.t('This statement allows iam:PassRole through NotAction on every role without a condition: the holder can pass any role, including administrator roles, to a service. Limit "Resource" to the roles that should be passed (arn:aws:iam::ACCOUNT:role/NAME) and add an iam:PassedToService condition.'),
        notActionNotResource: () => l10n.t('This statement allows iam:PassRole through NotAction with NotResource on every role without a condition: the holder can pass any role, including administrator roles, to a service. Limit "Resource" to the roles that should be passed (arn:aws:iam::ACCOUNT:role/NAME) and add an iam:PassedToService condition.'),
      });
      ctx.report({ span: g.span, message });
    }
  },
};
