import type { ConditionKeyInfo } from '../../../core/catalog/catalog';
import type { Statement } from '../../../core/policy/model';
import type { Rule } from '../rule';
import { statementActionSet } from '../actionClassification';
import { resultWhenKeyMissing } from '../conditionOperators';
import { forEachConditionKey } from './conditionValues';
import * as l10n from '@vscode/l10n';

/** A service condition key that none of the statement's actions supports: the condition never sees the key. */
export const conditionKeyNotApplicable: Rule = {
  code: 'IAM303',
  slug: 'condition-key-not-applicable',
  defaultSeverity: 'warning',
  description: 'A service-specific condition key must apply to at least one action of the statement; otherwise the request never carries it.',
  check(ctx) {
    const { catalog } = ctx;
    const perStatement = new Map<Statement, { keys: Set<ConditionKeyInfo>; services: Set<string> } | null>();
    forEachConditionKey(ctx, ({ statement, key, info, op }) => {
      if (!info || info.global || op?.family === 'Null') return;
      const prefix = key.key.slice(0, key.key.indexOf(':')).toLowerCase();
      // identity-provider keys (saml:, OIDC provider hosts) are checked by the trust-policy rules
      if (prefix === 'saml' || prefix.includes('.')) return;
      let facts = perStatement.get(statement);
      if (facts === undefined) {
        const set = statementActionSet(catalog, statement);
        facts = set && set.allKnown && set.actions.length ? { keys: new Set(catalog.conditionKeysFor(set.actions)), services: set.services } : null;
        perStatement.set(statement, facts);
      }
      if (!facts || facts.keys.has(info)) return;
      const inService = facts.services.has(prefix) || facts.services.has(info.category.toLowerCase());
      // the data lists the key for the service but attaches it to no action: a gap in the data, not in the policy
      if (inService && !catalog.keysOfServiceActions(prefix).has(info) && !catalog.keysOfServiceActions(info.category).has(info)) return;
      const deny = statement.effect?.value === 'Deny';
      const outcome = op && resultWhenKeyMissing(op)
        ? (deny ? l10n.t('the condition is always true ({0} holds when the key is missing), so it does not narrow the Deny', op.raw) : l10n.t('the condition is always true ({0} holds when the key is missing), so it does not restrict the Allow', op.raw))
        : (deny ? l10n.t('the condition never matches (the Deny has no effect)') : l10n.t('the condition is never met'));
      ctx.report({
        span: key.entry.keySpan,
        message: inService
          ? l10n.t('None of this statement\'s actions supports the condition key "{0}", so requests never carry it and {1}. Use it with actions that support it, or remove it.', key.key, outcome)
          : l10n.t('The condition key "{0}" is not supported by any of this statement\'s actions (it belongs to "{1}" actions): requests never carry it and {2}. Remove it or use a key of the statement\'s services.', key.key, prefix, outcome),
      });
    });
  },
};
