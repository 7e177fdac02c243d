import type { Rule } from '../rule';
import { replaceString } from '../fixes';
import { IAM_TYPES } from '../policyTypeGroups';
import * as l10n from '@vscode/l10n';

/** IAM Sids allow only ASCII letters and digits; an empty Sid is pointless. */
export const sidFormat: Rule = {
  code: 'IAM012',
  slug: 'sid-format',
  defaultSeverity: 'error',
  description: 'In IAM policies (identity, boundary, session, trust, SCP, RCP) a Sid may hold only A-Z, a-z and 0-9; an empty Sid should be removed.',
  check(ctx) {
    for (const s of ctx.doc.statements) {
      const sid = s.sid;
      if (!sid || sid.kind !== 'string') continue;
      if (sid.value === '') {
        ctx.report({ span: sid.span, severity: 'information', message: l10n.t('The Sid is empty: remove it or give the statement a name.') });
        continue;
      }
      if (!IAM_TYPES.has(ctx.policyType) || /^[A-Za-z0-9]+$/.test(sid.value)) continue;
      const cleaned = sid.value.replace(/[^A-Za-z0-9]/g, '');
      ctx.report({
        span: sid.span,
        message: cleaned ? l10n.t('This Sid contains characters IAM does not allow: use only letters and digits (e.g. "{0}").', cleaned) : l10n.t('This Sid contains characters IAM does not allow: use only letters and digits.'),
        data: cleaned ? { fixes: [replaceString(sid.span, cleaned, l10n.t('Change Sid to "{0}"', cleaned), true)] } : undefined,
      });
    }
  },
};
