import type { Rule } from '../rule';
import * as l10n from '@vscode/l10n';

/** The same member twice in one object: IAM rejects it, JSON.parse silently keeps the last. */
export const duplicateKey: Rule = {
  code: 'IAM003',
  slug: 'duplicate-key',
  defaultSeverity: 'error',
  description: 'A key may appear only once in an object (for example two "Effect" members in a statement).',
  check(ctx) {
    for (const d of ctx.doc.duplicateKeys) {
      const [first, ...rest] = d.entries;
      for (const e of rest) {
        ctx.report({
          span: e.keySpan,
          message: l10n.t('"{0}" appears more than once in this object; IAM rejects duplicate keys. Merge the values into the first "{1}" and remove this one.', d.key, d.key),
          related: [{ span: first.keySpan, message: l10n.t('first "{0}"', d.key) }],
        });
      }
    }
  },
};
