import type { Rule } from '../rule';
import { hasElement } from '../elements';
import * as l10n from '@vscode/l10n';

/** A statement needs Resource or NotResource, except in role trust policies (the role is the resource). */
export const missingResource: Rule = {
  code: 'IAM007',
  slug: 'missing-resource',
  defaultSeverity: 'error',
  description: 'Every statement needs "Resource" or "NotResource", except in role trust policies.',
  check(ctx) {
    if (ctx.policyType === 'trust') return;
    for (const s of ctx.doc.statements) {
      if (hasElement(s.entries, 'Resource', 'NotResource')) continue;
      // ECR repository policies name no Resource: the repository the policy is set on is the resource
      const actions = (s.action ?? s.notAction)?.values ?? [];
      if (ctx.policyType === 'resource' && actions.length && actions.every((a) => /^ecr(-public)?:/i.test(a.value))) continue;
      // some resource policies (e.g. ECR repository, Lambda) imply the resource; a warning there, an error elsewhere
      ctx.report({
        span: { offset: s.span.offset, length: 1 },
        severity: ctx.policyType === 'resource' ? 'warning' : undefined,
        message: ctx.policyType === 'resource'
          ? l10n.t('The statement has no "Resource": most resource policies need one (e.g. "Resource": "arn:aws:s3:::bucket/*"); only a few services imply it.')
          : l10n.t('The statement has no "Resource": add "Resource": "*" or the ARNs the actions apply to (or "NotResource").'),
      });
    }
  },
};
