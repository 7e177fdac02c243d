import type { Rule } from '../rule';
import { hasElement } from '../elements';
import { replacementFixes, replaceString } from '../fixes';

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
        ctx.report({ span: { offset: s.span.offset, length: 1 }, message: 'The statement has no "Effect": add "Effect": "Allow" or "Effect": "Deny".' });
        continue;
      }
      const v = s.effect;
      if (!v || v.kind !== 'string') continue; // data-type rule reports non-strings
      if (v.value === 'Allow' || v.value === 'Deny') continue;
      const fix = ['Allow', 'Deny'].find((x) => x.toLowerCase() === v.value.toLowerCase().trim());
      ctx.report({
        span: v.span,
        message: fix ? `Effect values are case-sensitive: write "${fix}".` : `"${v.value}" is not a valid Effect: use "Allow" or "Deny".`,
        // a case fix is certain (preferred); for any other value neither Allow nor Deny is the obvious choice
        data: { fixes: fix ? replacementFixes(v.span, [fix]) : ['Allow', 'Deny'].map((f) => replaceString(v.span, f)) },
      });
    }
  },
};
