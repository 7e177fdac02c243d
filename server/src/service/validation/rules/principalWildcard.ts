import { hasWildcard } from '../../../core/wildcard';
import type { Rule } from '../rule';

/** Wildcards inside principal ids are not supported: "*" may only stand alone. */
export const principalWildcard: Rule = {
  code: 'IAM502',
  slug: 'principal-wildcard',
  defaultSeverity: 'error',
  description: 'A Principal may be "*" as a whole but cannot contain wildcards (arn:aws:iam::111122223333:role/dev-*); match patterns with a condition on aws:PrincipalArn instead.',
  check(ctx) {
    for (const s of ctx.doc.statements) {
      for (const p of [s.principal, s.notPrincipal]) {
        for (const t of p?.types ?? []) {
          for (const v of t.list.values) {
            if (v.value === '*' || !hasWildcard(v.value)) continue;
            ctx.report({ span: v.span, message: `Principals cannot contain wildcards: use "Principal": {"${t.type}": "*"} with a condition such as "ArnLike": {"aws:PrincipalArn": "${v.value}"}.` });
          }
          if (t.type === 'Service' || t.type === 'Federated') {
            for (const v of t.list.values) if (v.value === '*') ctx.report({ span: v.span, message: `"${t.type}": "*" is not supported: name the ${t.type === 'Service' ? 'service principal (e.g. "lambda.amazonaws.com")' : 'identity provider'}.` });
          }
        }
      }
    }
  },
};
