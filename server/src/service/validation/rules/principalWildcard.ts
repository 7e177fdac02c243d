import { hasWildcard } from '../../../core/wildcard';
import type { Rule } from '../rule';
import * as l10n from '@vscode/l10n';

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
            ctx.report({ span: v.span, message: l10n.t('Principals cannot contain wildcards: use "Principal": {"{0}": "*"} with a condition such as "ArnLike": {"aws:PrincipalArn": "{1}"}.', t.type, v.value) });
          }
          if (t.type === 'Service' || t.type === 'Federated') {
            for (const v of t.list.values) if (v.value === '*') ctx.report({ span: v.span, message: `"${t.type}": "*" is not supported: name the ${t.type === 'Service' ? 'service principal (e.g. "lambda.amazonaws.com")' : 'identity provider'}.` });
          }
        }
      }
    }
  },
};
