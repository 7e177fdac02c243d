import type { Rule } from '../rule';

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
          message: `"${d.key}" appears more than once in this object; IAM rejects duplicate keys. Merge the values into the first "${d.key}" and remove this one.`,
          related: [{ span: first.keySpan, message: `first "${d.key}"` }],
        });
      }
    }
  },
};
