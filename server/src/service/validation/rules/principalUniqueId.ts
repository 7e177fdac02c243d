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
            const kind = m[1] === 'AROA' ? 'role' : 'user';
            ctx.report({ span: v.span, message: l10n.t('"{0}" is the unique id of a {1}: AWS shows ids when the {2} was deleted. Replace it with the {3} ARN (arn:aws:iam::ACCOUNT:{4}/NAME) if it exists again.', v.value, kind, kind, kind, kind) });
          }
        }
      }
    }
  },
};
