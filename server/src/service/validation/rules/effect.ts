import type { Rule } from '../rule';
import { hasElement } from '../elements';
import { replacementFixes, replaceString } from '../fixes';
import * as l10n from '@vscode/l10n';

/** Effect is required and is exactly "Allow" or "Deny". */
export const effect: Rule = {
  code: 'IAM005',
  slug: 'invalid-effect',
  defaultSeverity: 'error',
  description: 'Every statement needs "Effect": "Allow" or "Deny" (case-sensitive).',
  check(ctx) {
    for (const s of ctx.doc.statements) {
      const e = s.entries.find((x) => x.key === 'Effect');
      if (!e) {
        if (hasElement(s.entries, 'Effect')) continue;
        ctx.report({ span: { offset: s.span.offset, length: 1 }, message: l10n.t('The statement has no "Effect": add "Effect": "Allow" or "Effect": "Deny".') });
        continue;
      }
      const v = s.effect;
      if (!v || v.kind !== 'string') continue; // data-type rule reports non-strings
      if (v.value === 'Allow' || v.value === 'Deny') continue;
      const fix = ['Allow', 'Deny'].find((x) => x.toLowerCase() === v.value.toLowerCase().trim());
      ctx.report({
        span: v.span,
        message: fix ? l10n.t('Effect values are case-sensitive: write "{0}".', fix) : l10n.t('"{0}" is not a valid Effect: use "Allow" or "Deny".', v.value),
        // a case fix is certain (preferred); for any other value neither Allow nor Deny is the obvious choice
        data: { fixes: fix ? replacementFixes(v.span, [fix]) : ['Allow', 'Deny'].map((f) => replaceString(v.span, f)) },
      });
    }
  },
};
