import type { Rule } from '../rule';
import { replaceString } from '../fixes';
import * as l10n from '@vscode/l10n';

const MFA_KEY = 'aws:multifactorauthpresent';

/**
 * `"Bool": {"aws:MultiFactorAuthPresent": "false"}`: requests signed with long-term access keys carry no
 * aws:MultiFactorAuthPresent, so the condition is false for them and a Deny written this way lets them through.
 * IAM User Guide, aws:MultiFactorAuthPresent:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-multifactorauthpresent
 */
export const mfaPresentFalse: Rule = {
  code: 'IAM312',
  slug: 'mfa-present-false',
  defaultSeverity: 'warning',
  description: '"Bool": {"aws:MultiFactorAuthPresent": "false"} never matches requests signed with long-term access keys (they carry no such key): a Deny written this way lets access keys through without MFA. Use "BoolIfExists".',
  check(ctx) {
    for (const s of ctx.doc.statements) {
      const hasBoolIfExists = s.conditions.some((c) => c.operator === 'BoolIfExists');
      for (const c of s.conditions) {
        if (c.operator !== 'Bool') continue;
        for (const k of c.keys) {
          if (k.key.toLowerCase() !== MFA_KEY || !k.values.some((v) => v.value.toLowerCase() === 'false')) continue;
          const deny = s.effect?.value === 'Deny';
          const others = c.keys.length > 1 ? ' (the other keys of this "Bool" block then also count as matched when missing)' : '';
          ctx.report({
            span: k.entry.keySpan,
            message: deny
              ? l10n.t('Requests signed with long-term access keys carry no aws:MultiFactorAuthPresent, so "Bool" ... "false" never matches them and this Deny lets them through without MFA. Use "BoolIfExists", which also matches when the key is missing{0}.', others)
              : l10n.t('Requests signed with long-term access keys carry no aws:MultiFactorAuthPresent, so "Bool" ... "false" never matches them. To require MFA, allow with "Bool": {"aws:MultiFactorAuthPresent": "true"}, or deny with "BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}.'),
            related: [{ span: c.entry.keySpan, message: l10n.t('the "Bool" operator') }],
            data: deny && !hasBoolIfExists ? { fixes: [replaceString(c.entry.keySpan, 'BoolIfExists', 'Change "Bool" to "BoolIfExists"', true)] } : undefined,
          });
        }
      }
    }
  },
};
