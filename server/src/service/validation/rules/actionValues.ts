// Walks every Action/NotAction string of a policy with its classification (shared by the IAM2xx rules).
import type { Value } from '../../../core/policy/model';
import type { RuleContext } from '../rule';
import { classifyAction, type ActionClass } from '../actionClassification';

export function forEachAction(ctx: RuleContext, fn: (v: Value, c: ActionClass, key: string) => void): void {
  for (const s of ctx.doc.statements) {
    for (const el of [s.action, s.notAction]) {
      if (!el) continue;
      for (const v of el.values) fn(v, classifyAction(ctx.catalog, v.value), el.entry.key);
    }
  }
}
