import type { Rule } from '../rule';

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
          message: `Role trust policies do not allow "${el.entry.key}": the role is the resource. Remove it (if this is a permissions policy, change the policy type).`,
          data: { fixes: [{ title: `Remove "${el.entry.key}"`, edits: [removeMember(ctx.doc.text, el.entry.span)] }] },
        });
      }
    }
  },
};

/** An edit removing an object member together with one adjacent comma. */
export function removeMember(text: string, span: { offset: number; length: number }): { offset: number; length: number; newText: string } {
  let end = span.offset + span.length;
  let j = end;
  while (j < text.length && /\s/.test(text[j])) j++;
  if (text[j] === ',') {
    end = j + 1;
    let start = span.offset;
    while (start > 0 && /[ \t]/.test(text[start - 1])) start--;
    while (end < text.length && /[ \t]/.test(text[end])) end++;
    if (text[end] === '\r') end++;
    if (text[end] === '\n') end++;
    return { offset: start, length: end - start, newText: '' };
  }
  let i = span.offset - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  if (text[i] === ',') return { offset: i, length: span.offset + span.length - i, newText: '' };
  return { offset: span.offset, length: span.length, newText: '' };
}
