// Walks every condition key of a policy with its parsed operator and catalog entry (shared by the IAM3xx rules).
import type { ConditionKeyInfo } from '../../../core/catalog/catalog';
import type { ConditionClause, ConditionKeyEntry, Statement } from '../../../core/policy/model';
import type { RuleContext } from '../rule';
import { parseOperator, type ParsedOperator } from '../conditionOperators';

export interface ConditionVisit {
  statement: Statement;
  clause: ConditionClause;
  op: ParsedOperator | undefined;
  key: ConditionKeyEntry;
  info: ConditionKeyInfo | undefined;
}

export function forEachConditionKey(ctx: RuleContext, fn: (v: ConditionVisit) => void): void {
  for (const statement of ctx.doc.statements) {
    for (const clause of statement.conditions) {
      const op = parseOperator(clause.operator);
      for (const key of clause.keys) fn({ statement, clause, op, key, info: ctx.catalog.conditionKey(key.key) });
    }
  }
}
