import type { Rule } from '../rule';
import { variableSpan, variableUses } from './policyVariables';
import * as l10n from '@vscode/l10n';

/** Variables work only in Resource (after the fifth colon) and in String/Arn condition values. */
/** the ARN field a colon-separated index names, as the warning calls it */
function arnFieldName(index: number): string {
  switch (index) {
    case 0: return 'arn';
    case 1: return l10n.t('partition');
    case 2: return l10n.t('service');
    case 3: return l10n.t('Region');
    case 4: return l10n.t('account');
    default: return 'ARN';
  }
}

export const variableNotAllowed: Rule = {
  code: 'IAM602',
  slug: 'variable-not-allowed',
  defaultSeverity: 'error',
  description: 'Policy variables are replaced only in the resource part of Resource ARNs and in values of String and Arn condition operators; elsewhere they are literal text.',
  check(ctx) {
    for (const u of variableUses(ctx)) {
      const first = u.vars[0];
      if (!first) continue;
      const span = variableSpan(u, first.index, first.text.length);
      if (u.place === 'action' || u.place === 'principal' || u.place === 'other') {
        ctx.report({ span, message: u.place === 'other'
          ? l10n.t('Policy variables are not supported in this element: "{0}" is taken literally. Use it in Resource or in a condition value instead.', first.text)
          : l10n.t('Policy variables are not supported in {0}: "{1}" is taken literally. Use it in Resource or in a condition value instead.', u.place === 'action' ? 'Action' : 'Principal', first.text) });
      } else if (u.place === 'condition' && u.op && u.op.family !== 'String' && u.op.family !== 'Arn') {
        ctx.report({ span, message: l10n.t('"{0}" does not replace policy variables; only String… and Arn… operators do.', u.op.raw) });
      } else if (u.place === 'resource' && u.value.value.startsWith('arn:')) {
        const fifth = u.value.value.split(':', 5).join(':').length;
        if (first.index < fifth) ctx.report({ span, severity: 'warning', message: l10n.t('Policy variables are documented only in the resource part of an ARN (after the fifth colon); "{0}" in the {1} field may be taken literally.', first.text, arnFieldName(u.value.value.slice(0, first.index).split(':').length - 1)) });
      }
    }
  },
};
