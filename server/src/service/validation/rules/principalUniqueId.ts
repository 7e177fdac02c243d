import type { Rule } from '../rule';

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
            ctx.report({ span: v.span, message: `"${v.value}" is the unique id of a ${kind}: AWS shows ids when the ${kind} was deleted. Replace it with the ${kind} ARN (arn:aws:iam::ACCOUNT:${kind}/NAME) if it exists again.` });
          }
        }
      }
    }
  },
};
