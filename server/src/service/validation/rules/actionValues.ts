// Walks every Action/NotAction string of a policy with its classification (shared by the IAM2xx rules).
import type { Catalog } from '../../../core/catalog/catalog';
import type { PolicyDocument, Value } from '../../../core/policy/model';
import type { RuleContext } from '../rule';
import { classifyAction, type ActionClass } from '../actionClassification';

interface Classified { v: Value; c: ActionClass; key: string }

// Seven rules walk the actions: classify them once per parsed document (a ReadOnlyAccess edit re-validates 2,915)
const classified = new WeakMap<PolicyDocument, { catalog: Catalog; list: Classified[] }>();

export function forEachAction(ctx: RuleContext, fn: (v: Value, c: ActionClass, key: string) => void): void {
  let hit = classified.get(ctx.doc);
  if (!hit || hit.catalog !== ctx.catalog) {
    const list: Classified[] = [];
    for (const s of ctx.doc.statements) {
      for (const el of [s.action, s.notAction]) {
        if (!el) continue;
        for (const v of el.values) list.push({ v, c: classifyAction(ctx.catalog, v.value), key: el.entry.key });
      }
    }
    hit = { catalog: ctx.catalog, list };
    classified.set(ctx.doc, hit);
  }
  for (const { v, c, key } of hit.list) fn(v, c, key);
}
