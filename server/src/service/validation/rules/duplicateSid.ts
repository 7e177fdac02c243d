import type { Value } from '../../../core/policy/model';
import type { Rule } from '../rule';
import { replaceString } from '../fixes';
import { IAM_TYPES } from '../policyTypeGroups';
import * as l10n from '@vscode/l10n';

/** Sids must be unique within an IAM policy (recommended for resource policies). */
export const duplicateSid: Rule = {
  code: 'IAM011',
  slug: 'duplicate-sid',
  defaultSeverity: 'error',
  description: 'Statement ids (Sid) must be unique within the policy.',
  check(ctx) {
    const seen = new Map<string, Value>();
    const all = new Set(ctx.doc.statements.map((s) => s.sid?.value).filter((x): x is string => !!x));
    for (const s of ctx.doc.statements) {
      const sid = s.sid;
      if (!sid || sid.kind !== 'string' || sid.value === '') continue;
      const first = seen.get(sid.value);
      if (!first) { seen.set(sid.value, sid); continue; }
      let n = 2;
      while (all.has(`${sid.value}${n}`)) n++;
      const renamed = `${sid.value}${n}`;
      all.add(renamed);
      ctx.report({
        span: sid.span,
        severity: IAM_TYPES.has(ctx.policyType) ? undefined : 'warning',
        message: l10n.t('The Sid "{0}" is already used by another statement: give each statement its own Sid (e.g. "{1}").', sid.value, renamed),
        related: [{ span: first.span, message: l10n.t('first use of this Sid') }],
        data: { fixes: [replaceString(sid.span, renamed, `Rename Sid to "${renamed}"`, true)] },
      });
    }
  },
};
