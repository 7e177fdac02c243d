import type { Rule } from '../rule';
import * as l10n from '@vscode/l10n';

/** Unique ids (AROA…, AIDA…) appear when the role or user was deleted; the policy no longer matches a re-created one. */
export const principalUniqueId: Rule = {
  code: 'IAM503',
  slug: 'principal-unique-id',
  defaultSeverity: 'warning',
  description: 'A principal written as a unique id (AROA… for roles, AIDA… for users) usually means the role or user was deleted; a new one with the same name will not match.',
  check(ctx) {
    for (const s of ctx.doc.statements) {
      for (const p of [s.principal, s.notPrincipal]) {
        for (const t of p?.types ?? []) {
          if (t.type !== 'AWS') continue;
          for (const v of t.list.values) {
            const m = /^(AROA|AIDA)[A-Z0-9]{12,}$/.exec(v.value);
            if (!m) continue;
            ctx.report({ span: v.span, message: m[1] === 'AROA'
              ? l10n.t('"{0}" is the unique id of a role: AWS shows ids when the role was deleted. Replace it with the role ARN (arn:aws:iam::ACCOUNT:role/NAME) if it exists again.', v.value)
              : l10n.t('"{0}" is the unique id of a user: AWS shows ids when the user was deleted. Replace it with the user ARN (arn:aws:iam::ACCOUNT:user/NAME) if it exists again.', v.value) });
          }
        }
      }
    }
  },
};
