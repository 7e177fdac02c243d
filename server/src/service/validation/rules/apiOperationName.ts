import type { Rule } from '../rule';
import { replaceString } from '../fixes';
import { list } from '../messageText';
import { forEachAction } from './actionValues';
import * as l10n from '@vscode/l10n';

/** An API operation name where IAM expects the action that grants it (s3:ListObjectsV2 -> s3:ListBucket). */
export const apiOperationName: Rule = {
  code: 'IAM203',
  slug: 'api-operation-name',
  defaultSeverity: 'error',
  description: 'Some API operations are authorized by an IAM action with another name (s3:ListObjectsV2 by s3:ListBucket, s3:HeadObject by s3:GetObject); the policy must name the action.',
  check(ctx) {
    forEachAction(ctx, (v, c) => {
      if (c.kind !== 'api-operation') return;
      const fixes = c.grants.length === 1
        ? [replaceString(v.span, c.grants[0], undefined, true)]
        : [{ title: l10n.t('Replace with {0}', c.grants.join(', ')), edits: [{ offset: v.span.offset, length: v.span.length, newText: c.grants.map((g) => JSON.stringify(g)).join(', ') }], preferred: true }];
      ctx.report({
        span: v.span,
        message: c.grants.length > 1
          ? l10n.t('"{0}" is an API operation, not an IAM action: it is authorized by {1}. Use those actions instead.', v.value, list(c.grants, 5))
          : l10n.t('"{0}" is an API operation, not an IAM action: it is authorized by {1}. Use that action instead.', v.value, list(c.grants, 5)),
        data: { fixes },
      });
    });
  },
};
