import type { Rule } from '../rule';
import { replaceString } from '../fixes';
import * as l10n from '@vscode/l10n';

/** Version is "2012-10-17" (current) or "2008-10-17" (legacy, no policy variables); SCPs and RCPs need the current one. */
export const invalidVersion: Rule = {
  code: 'IAM009',
  slug: 'invalid-version',
  defaultSeverity: 'error',
  description: 'Version must be "2012-10-17" (or the legacy "2008-10-17", which SCPs and RCPs do not accept).',
  check(ctx) {
    const v = ctx.doc.version;
    if (!v) return;
    const fix = [replaceString(v.span, '2012-10-17', undefined, true)];
    if (v.kind !== 'string' || (v.value !== '2012-10-17' && v.value !== '2008-10-17')) {
      ctx.report({ span: v.span, message: `${v.kind === 'string' ? `"${v.value}"` : v.value || 'This'} is not a policy language version: use "2012-10-17" (it is a fixed version string, not today's date).`, data: { fixes: fix } });
      return;
    }
    if (v.value === '2008-10-17') {
      const strict = ctx.policyType === 'scp' || ctx.policyType === 'rcp';
      ctx.report({
        span: v.span,
        severity: strict ? 'error' : 'warning',
        message: strict
          ? l10n.t('Service and resource control policies require "Version": "2012-10-17".')
          : l10n.t('"2008-10-17" is the legacy policy language: policy variables such as ${aws:username} are not recognised. Use "2012-10-17".'),
        data: { fixes: fix },
      });
    }
  },
};
