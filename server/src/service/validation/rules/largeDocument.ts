import type { Rule } from '../rule';
import { withThousands } from '../thousands';
import * as l10n from '@vscode/l10n';

/**
 * Beyond this size only the syntax and size rules run. The largest policy IAM accepts is a few tens of KB (KMS key
 * policies: 32 KB); a document eight times that is generated or pasted data, and checking every element of it
 * would keep the editor busy for seconds.
 */
export const LARGE_DOCUMENT_CHARS = 256 * 1024;

export const largeDocument: Rule = {
  code: 'IAM702',
  slug: 'document-too-large',
  defaultSeverity: 'information',
  description: `Documents over ${LARGE_DOCUMENT_CHARS / 1024} KB are far beyond any IAM policy quota; only syntax and size are checked for them.`,
  runsOnLargeDocuments: true,
  check(ctx) {
    const n = ctx.doc.text.length;
    if (n <= LARGE_DOCUMENT_CHARS) return;
    ctx.report({
      span: { offset: 0, length: 1 },
      message: l10n.t('This document has {0} characters, far more than any IAM policy can hold (the largest quotas are tens of KB), so only JSON syntax and size are checked. Split it into policies of normal size to get the full checks.', withThousands(n)),
    });
  },
};
