import type { Rule } from '../rule';
import { variableSpan, variableUses } from './policyVariables';
import * as l10n from '@vscode/l10n';

/** Variables need "Version": "2012-10-17"; with 2008-10-17 or no Version they are literal text. */
export const variableVersion: Rule = {
  code: 'IAM603',
  slug: 'variable-version',
  defaultSeverity: 'error',
  description: 'Policy variables require "Version": "2012-10-17"; without it they are compared as literal text.',
  check(ctx) {
    const v = ctx.doc.version?.value;
    if (v === '2012-10-17') return;
    const uses = variableUses(ctx).filter((u) => u.place === 'resource' || u.place === 'condition');
    if (!uses.length) return;
    const [first, ...rest] = uses;
    const f = first.vars[0];
    ctx.report({
      span: variableSpan(first, f.index, f.text.length),
      message: `${v ? `With "Version": "${v}"` : 'Without "Version"'} policy variables such as "${f.text}" are taken literally: set "Version": "2012-10-17".`,
      related: [...(ctx.doc.version ? [{ span: ctx.doc.version.span, message: l10n.t('policy version') }] : []), ...rest.slice(0, 20).map((u) => ({ span: u.value.span, message: l10n.t('also uses a variable') }))],
    });
  },
};
