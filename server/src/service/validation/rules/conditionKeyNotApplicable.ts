import type { ConditionKeyInfo } from '../../../core/catalog/catalog';
import type { Statement } from '../../../core/policy/model';
import type { Rule } from '../rule';
import { statementActionSet } from '../actionClassification';
import { forEachConditionKey } from './conditionValues';

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
      if (prefix !== info.category.toLowerCase()) return; // identity-provider keys (saml:, OIDC hosts) are checked elsewhere
      let facts = perStatement.get(statement);
      if (facts === undefined) {
        const set = statementActionSet(catalog, statement);
        facts = set && set.allKnown && set.actions.length ? { keys: new Set(catalog.conditionKeysFor(set.actions)), services: set.services } : null;
        perStatement.set(statement, facts);
      }
      if (!facts || facts.keys.has(info)) return;
      const inService = facts.services.has(prefix);
      ctx.report({
        span: key.entry.keySpan,
        message: inService
          ? `None of this statement's actions supports the condition key "${key.key}", so requests never carry it and the condition ${statement.effect?.value === 'Deny' ? 'never matches (the Deny has no effect)' : 'is never met'}. Use it with actions that support it, or remove it.`
          : `The condition key "${key.key}" belongs to "${info.category}", but the statement has no "${info.category}" actions: requests for these actions never carry it. Remove it or use a key of the statement's services.`,
      });
    });
  },
};
