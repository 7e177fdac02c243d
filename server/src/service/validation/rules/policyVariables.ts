// Where policy variables appear in a policy, with the element they are in (shared by the IAM6xx rules).
import type { Value } from '../../../core/policy/model';
import type { RuleContext } from '../rule';
import { parseOperator, type ParsedOperator } from '../conditionOperators';
import { innerSpan, plainString } from '../stringSpans';
import { variablesIn } from '../variableScanning';

export type VariablePlace = 'resource' | 'condition' | 'action' | 'principal' | 'other';

export interface VariableUse {
  value: Value;
  place: VariablePlace;
  op?: ParsedOperator;
  vars: ReturnType<typeof variablesIn>;
  /** the JSON text of the value has no escapes, so an index into the value is an offset into its text */
  plain: boolean;
}

export function variableUses(ctx: RuleContext): VariableUse[] {
  const out: VariableUse[] = [];
  const d = ctx.doc;
  const add = (value: Value, place: VariablePlace, op?: ParsedOperator) => {
    if (value.kind !== 'string' || !value.value.includes('${')) return;
    out.push({ value, place, op, vars: variablesIn(value.value), plain: plainString(d, value) });
  };
  if (d.version) add(d.version, 'other');
  for (const s of d.statements) {
    if (s.sid) add(s.sid, 'other');
    if (s.effect) add(s.effect, 'other');
    for (const el of [s.action, s.notAction]) for (const v of el?.values ?? []) add(v, 'action');
    for (const el of [s.resource, s.notResource]) for (const v of el?.values ?? []) add(v, 'resource');
    for (const p of [s.principal, s.notPrincipal]) {
      if (p?.bare) add(p.bare, 'principal');
      for (const t of p?.types ?? []) for (const v of t.list.values) add(v, 'principal');
    }
    for (const c of s.conditions) {
      const op = parseOperator(c.operator);
      for (const k of c.keys) for (const v of k.values) add(v, 'condition', op);
    }
  }
  return out;
}

/** Span of a variable inside a string value (when the JSON has no escapes before it), else the whole value. */
export function variableSpan(u: VariableUse, index: number, length: number): { offset: number; length: number } {
  return u.plain ? { offset: innerSpan(u.value).offset + index, length } : u.value.span;
}
