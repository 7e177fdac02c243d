import type { Entry } from '../../../core/policy/model';
import type { Rule, RuleContext } from '../rule';
import { STATEMENT_ELEMENTS, TOP_LEVEL_ELEMENTS } from '../elements';
import { fixesData, replaceString } from '../fixes';
import { didYouMean } from '../messageText';
import { suggest } from '../suggestions';
import * as l10n from '@vscode/l10n';

function check(ctx: RuleContext, entries: Entry[], allowed: string[], where: string): void {
  for (const e of entries) {
    if (allowed.includes(e.key)) continue;
    const sameCase = allowed.find((a) => a.toLowerCase() === e.key.toLowerCase());
    const options = sameCase ? [sameCase] : suggest(e.key, allowed, 2);
    const message = sameCase
      ? l10n.t('Element names are case-sensitive: write "{0}" instead of "{1}".', sameCase, e.key)
      : `"${e.key}" is not a valid ${where} element (valid: ${allowed.join(', ')}).${didYouMean(options)}${options.length ? '' : ' Remove it.'}`;
    ctx.report({
      span: e.keySpan, message,
      data: fixesData(options.map((o, i) => replaceString(e.keySpan, o, `Rename to "${o}"`, i === 0))),
    });
  }
}

/** Unknown or wrongly cased element names at the top level and in statements. */
export const invalidElement: Rule = {
  code: 'IAM002',
  slug: 'invalid-element',
  defaultSeverity: 'error',
  description: 'Only Version, Id and Statement are allowed at the top level, and only Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource and Condition in a statement; names are case-sensitive.',
  check(ctx) {
    if (!ctx.doc.root || ctx.doc.root.type !== 'object') return;
    check(ctx, ctx.doc.entries, TOP_LEVEL_ELEMENTS, 'top-level');
    for (const s of ctx.doc.statements) check(ctx, s.entries, STATEMENT_ELEMENTS, 'statement');
  },
};
