import type { Rule } from '../rule';
import { replaceString } from '../fixes';
import * as l10n from '@vscode/l10n';

/** Null does not take IfExists or a set qualifier. */
export const nullOperator: Rule = {
  code: 'IAM309',
  slug: 'null-operator',
  defaultSeverity: 'error',
  description: 'The Null operator checks whether a key is present; it cannot be combined with IfExists, and ForAllValues:/ForAnyValue: make no sense with it.',
  check(ctx) {
    for (const s of ctx.doc.statements) {
      for (const c of s.conditions) {
        const m = /^(?:(ForAllValues|ForAnyValue):)?Null(IfExists)?$/.exec(c.operator);
        if (!m || (!m[1] && !m[2])) continue;
        const fix = { fixes: [replaceString(c.entry.keySpan, 'Null', undefined, true)] };
        if (m[2]) ctx.report({ span: c.entry.keySpan, message: l10n.t('"NullIfExists" is not valid: Null already tests whether the key exists. Use "Null".'), data: fix });
        else ctx.report({ span: c.entry.keySpan, severity: 'information', message: l10n.t('"{0}:" has no effect on Null: use "Null".', m[1]), data: fix });
      }
    }
  },
};
