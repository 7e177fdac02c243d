import type { Rule } from '../rule';
import { hasElement } from '../elements';
import * as l10n from '@vscode/l10n';

/** The policy needs a Statement: an array of statement objects (or one object). */
export const missingStatement: Rule = {
  code: 'IAM004',
  slug: 'missing-statement',
  defaultSeverity: 'error',
  description: 'The policy must be an object with a "Statement" member holding statement objects.',
  check(ctx) {
    const { doc } = ctx;
    const root = doc.root;
    if (!root) return; // empty document: nothing to say while typing
    if (root.type !== 'object') {
      ctx.report({ span: { offset: root.offset, length: root.length }, message: l10n.t('A policy must be a JSON object: { "Version": "2012-10-17", "Statement": [ … ] }.') });
      return;
    }
    if (!doc.statementEntry) {
      if (hasElement(doc.entries, 'Statement')) return;
      ctx.report({ span: { offset: root.offset, length: 1 }, message: l10n.t('The policy has no "Statement": add "Statement": [ { "Effect": …, "Action": …, "Resource": … } ].') });
      return;
    }
    const v = doc.statementEntry.valueNode;
    if (!v) return;
    if (v.type !== 'array' && v.type !== 'object') {
      ctx.report({ span: { offset: v.offset, length: v.length }, message: l10n.t('"Statement" must be an array of statement objects (or a single statement object).') });
      return;
    }
    if (v.type === 'array') {
      if (!v.children?.length) ctx.report({ span: { offset: v.offset, length: v.length }, message: l10n.t('"Statement" is empty: add at least one statement.') });
      for (const item of v.children ?? []) {
        if (item.type !== 'object') ctx.report({ span: { offset: item.offset, length: item.length }, message: l10n.t('Each statement must be an object with Effect, Action and Resource.') });
      }
    }
  },
};
