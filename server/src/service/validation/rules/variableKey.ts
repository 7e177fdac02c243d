import type { Rule } from '../rule';
import { didYouMean } from '../messageText';
import { suggest } from '../suggestions';
import { variableSpan, variableUses } from './policyVariables';
import * as l10n from '@vscode/l10n';

/** ${key} must name a known, single-valued condition key. */
export const variableKey: Rule = {
  code: 'IAM604',
  slug: 'variable-key',
  defaultSeverity: 'error',
  description: 'A policy variable must name a known single-valued condition key, such as ${aws:username} or ${aws:PrincipalTag/team}.',
  check(ctx) {
    const { catalog } = ctx;
    for (const u of variableUses(ctx)) {
      if (u.place !== 'resource' && u.place !== 'condition') continue;
      for (const v of u.vars) {
        if (!v.closed) continue;
        const name = v.inner.split(',')[0].trim();
        if (!name || ['*', '?', '$'].includes(name) || /\s/.test(name) || !/^[A-Za-z0-9:/._-]+$/.test(name)) continue;
        const info = catalog.conditionKey(name);
        const span = variableSpan(u, v.index, v.text.length);
        if (!info) {
          const s = name.toLowerCase().startsWith('aws:') ? suggest(name, catalog.globalKeys().filter((k) => !k.patterned).map((k) => k.name), 2) : [];
          ctx.report({ span, message: l10n.t('Unknown condition key "{0}" in the policy variable.{1}', name, didYouMean(s)) });
        } else if (info.multiValued) {
          ctx.report({ span, message: l10n.t('"{0}" is multivalued and cannot be used as a policy variable: use a single-valued key.', name) });
        }
      }
    }
  },
};
