import type { Rule } from '../rule';
import { variableSpan, variableUses } from './policyVariables';
import * as l10n from '@vscode/l10n';

const SPECIAL = new Set(['*', '?', '$']);

/** Malformed policy variables: missing closing brace, empty, spaces, bad default value. */
export const variableSyntax: Rule = {
  code: 'IAM601',
  slug: 'variable-syntax',
  defaultSeverity: 'error',
  description: 'A policy variable is written ${key} (or ${key, \'default\'}, or ${*} ${?} ${$}) with no spaces inside the name and a closing brace.',
  check(ctx) {
    for (const u of variableUses(ctx)) {
      for (const v of u.vars) {
        const span = variableSpan(u, v.index, v.text.length);
        if (!v.closed) { ctx.report({ span, message: l10n.t('The policy variable "{0}" has no closing brace: write {1}.', v.text, '${key}') }); continue; }
        const inner = v.inner;
        if (inner.trim() === '') { ctx.report({ span, message: l10n.t('Empty policy variable "${}": name a key, e.g. ${aws:username}.') }); continue; }
        if (SPECIAL.has(inner)) continue;
        const comma = inner.indexOf(',');
        const name = comma >= 0 ? inner.slice(0, comma) : inner;
        if (/\s/.test(name)) { ctx.report({ span, message: l10n.t('Spaces are not allowed in the variable name "{0}": write {1}.', v.text, `\${${name.trim()}}`) }); continue; }
        if (!/^[A-Za-z0-9:/._-]+$/.test(name)) { ctx.report({ span, message: l10n.t('"{0}" contains characters a condition key cannot have.', v.text) }); continue; }
        if (comma >= 0 && !/^\s*'[^']*'\s*$/.test(inner.slice(comma + 1))) {
          ctx.report({ span, message: l10n.t('The default value in "{0}" must be in single quotes: {1}.', v.text, `\${${name}, 'default'}`) });
        }
      }
    }
  },
};
