import type { Rule } from '../rule';
import * as l10n from '@vscode/l10n';

const PAIRS: [string, string][] = [['Action', 'NotAction'], ['Resource', 'NotResource'], ['Principal', 'NotPrincipal']];

/** Action+NotAction, Resource+NotResource and Principal+NotPrincipal cannot share a statement. */
export const elementCombination: Rule = {
  code: 'IAM008',
  slug: 'element-combination',
  defaultSeverity: 'error',
  description: 'A statement may use either Action or NotAction, Resource or NotResource, Principal or NotPrincipal, not both.',
  check(ctx) {
    for (const s of ctx.doc.statements) {
      for (const [a, b] of PAIRS) {
        const ea = s.entries.find((e) => e.key === a);
        const eb = s.entries.find((e) => e.key === b);
        if (!ea || !eb) continue;
        ctx.report({
          span: eb.keySpan,
          message: l10n.t('"{0}" and "{1}" cannot be used in the same statement: keep one, or split the statement in two.', a, b),
          related: [{ span: ea.keySpan, message: l10n.t('"{0}" is here', a) }],
        });
      }
    }
  },
};
