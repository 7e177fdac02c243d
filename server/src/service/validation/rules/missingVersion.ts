import type { Rule } from '../rule';
import { hasElement } from '../elements';
import * as l10n from '@vscode/l10n';

/** Without Version, IAM uses the legacy 2008-10-17 language (no policy variables). */
export const missingVersion: Rule = {
  code: 'IAM010',
  slug: 'missing-version',
  defaultSeverity: 'warning',
  description: 'A policy without "Version" is read with the legacy 2008-10-17 language; add "Version": "2012-10-17".',
  check(ctx) {
    const { doc } = ctx;
    if (!doc.root || doc.root.type !== 'object' || !doc.hasStatement) return;
    if (hasElement(doc.entries, 'Version')) return;
    const strict = ctx.policyType === 'scp' || ctx.policyType === 'rcp';
    const brace = doc.root.offset;
    // insert on its own line, indented like the first member
    const first = doc.entries[0];
    let newText = '"Version": "2012-10-17", ';
    if (first) {
      const lineStart = doc.text.lastIndexOf('\n', first.node.offset - 1);
      const indent = lineStart >= 0 && lineStart > brace ? doc.text.slice(lineStart + 1, first.node.offset) : '';
      if (/^[ \t]*$/.test(indent) && lineStart > brace) newText = `"Version": "2012-10-17",\n${indent}`;
    }
    ctx.report({
      span: doc.statementEntry ? doc.statementEntry.keySpan : { offset: brace, length: 1 },
      severity: strict ? 'error' : undefined,
      message: strict
        ? l10n.t('Service and resource control policies require "Version": "2012-10-17": add it.')
        : l10n.t('The policy has no "Version", so IAM uses the legacy 2008-10-17 language (policy variables are not recognised). Add "Version": "2012-10-17".'),
      data: { fixes: [{ title: l10n.t('Add "Version": "2012-10-17"'), preferred: true, edits: [{ offset: first ? first.node.offset : brace + 1, length: 0, newText: first ? newText : '"Version": "2012-10-17"' }] }] },
    });
  },
};
