import type { Rule } from '../rule';
import { removeMember } from './removeItem';
import * as l10n from '@vscode/l10n';

/** Trust policies have no Resource: the role itself is the resource. */
export const trustResource: Rule = {
  code: 'IAM104',
  slug: 'trust-resource',
  defaultSeverity: 'error',
  description: 'Role trust policies must not have Resource or NotResource.',
  check(ctx) {
    if (ctx.policyType !== 'trust') return;
    for (const s of ctx.doc.statements) {
      for (const el of [s.resource, s.notResource]) {
        if (!el) continue;
        ctx.report({
          span: el.entry.keySpan,
          message: l10n.t('Role trust policies do not allow "{0}": the role is the resource. Remove it (if this is a permissions policy, change the policy type).', el.entry.key),
          data: { fixes: [{ title: l10n.t('Remove "{0}"', el.entry.key), edits: [removeMember(ctx.doc.text, el.entry.span)] }] },
        });
      }
    }
  },
};
