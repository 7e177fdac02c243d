import type { Rule } from '../rule';
import * as l10n from '@vscode/l10n';

/** Allow + NotAction / NotResource grants everything not listed, including what AWS adds later. */
export const allowNotActionResource: Rule = {
  code: 'IAM803',
  slug: 'allow-not-action-resource',
  defaultSeverity: 'warning',
  description: '"Allow" with NotAction or NotResource grants every other action or resource, including ones added in the future; list what is allowed instead.',
  check(ctx) {
    if (ctx.policyType === 'scp' || ctx.policyType === 'rcp' || ctx.policyType === 'boundary') return;
    for (const s of ctx.doc.statements) {
      if (s.effect?.value !== 'Allow') continue;
      if (s.notAction) ctx.report({ span: s.notAction.entry.keySpan, message: l10n.t('"Allow" with "NotAction" grants every action not listed, including new actions AWS adds later. Prefer "Action" with the allowed actions, or use NotAction in a "Deny" statement.') });
      if (s.notResource) ctx.report({ span: s.notResource.entry.keySpan, message: l10n.t('"Allow" with "NotResource" grants the actions on every resource not listed, including resources created later. Prefer "Resource" with the allowed resources.') });
    }
  },
};
