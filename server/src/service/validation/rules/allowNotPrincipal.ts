import type { Rule } from '../rule';
import * as l10n from '@vscode/l10n';

/** Allow + NotPrincipal grants access to everyone else, anonymous users included. */
export const allowNotPrincipal: Rule = {
  code: 'IAM804',
  slug: 'allow-not-principal',
  defaultSeverity: 'warning',
  description: '"Allow" with NotPrincipal grants access to every principal not listed, including anonymous users; use NotPrincipal only with "Deny" (or better, Principal "*" with aws:PrincipalArn conditions).',
  check(ctx) {
    for (const s of ctx.doc.statements) {
      if (s.effect?.value !== 'Allow' || !s.notPrincipal) continue;
      ctx.report({ span: s.notPrincipal.entry.keySpan, message: l10n.t('"Allow" with "NotPrincipal" grants access to everyone not listed, including anonymous users. Name the allowed principals in "Principal" instead.') });
    }
  },
};
