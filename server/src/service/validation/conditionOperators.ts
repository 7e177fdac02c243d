// Condition operators as written in a policy: parsing (qualifier, IfExists, family) and the family a key type takes.
import type { ConditionKeyType } from '../../core/catalog/catalog';
import { keyValueType, OPERATORS, type OperatorFamily } from '../../core/operators';

// Operators are case-sensitive in policies, so they are looked up by exact name (a Map: an operator spelt like an
// Object.prototype member, "toString", must not be found).
const BASE_OPERATORS = new Map(OPERATORS.map((o) => [o.name, o]));

/** Every valid spelling of an operator: base, …IfExists (not Null), with ForAllValues:/ForAnyValue: (not Null). */
export const ALL_OPERATORS: string[] = (() => {
  const out: string[] = [];
  for (const { name: b } of OPERATORS) {
    out.push(b);
    if (b === 'Null') continue;
    out.push(`${b}IfExists`);
    for (const q of ['ForAllValues:', 'ForAnyValue:']) out.push(`${q}${b}`, `${q}${b}IfExists`);
  }
  return out;
})();

export interface ParsedOperator {
  raw: string;
  qualifier?: 'ForAllValues' | 'ForAnyValue';
  base: string;
  ifExists: boolean;
  family: OperatorFamily;
  /** StringLike/StringNotLike/ArnLike/ArnNotLike/ArnEquals/ArnNotEquals: values may hold * and ? */
  allowsWildcards: boolean;
  /** StringNotEquals, ArnNotLike, NotIpAddress, ...: true when the key is missing */
  negated: boolean;
}

/** Parses an operator; undefined when it is not a valid operator (exact spelling: operators are case-sensitive). */
export function parseOperator(raw: string): ParsedOperator | undefined {
  let rest = raw;
  let qualifier: ParsedOperator['qualifier'];
  const m = /^(ForAllValues|ForAnyValue):/.exec(rest);
  if (m) { qualifier = m[1] as ParsedOperator['qualifier']; rest = rest.slice(m[0].length); }
  let ifExists = false;
  let info = BASE_OPERATORS.get(rest);
  if (!info && rest.endsWith('IfExists')) { ifExists = true; rest = rest.slice(0, -8); info = BASE_OPERATORS.get(rest); }
  if (!info) return undefined;
  return { raw, qualifier, base: rest, ifExists, family: info.family, allowsWildcards: info.wildcards, negated: info.negated };
}

/** What a condition with this operator evaluates to when the request lacks the key. */
export function resultWhenKeyMissing(op: ParsedOperator): boolean {
  if (op.qualifier === 'ForAllValues') return true;
  if (op.qualifier === 'ForAnyValue') return false;
  return op.ifExists || op.negated;
}

export const FAMILY_OF_KEY_TYPE: Record<string, OperatorFamily> = {
  String: 'String', ARN: 'Arn', Bool: 'Bool', Numeric: 'Numeric', Date: 'Date', IPAddress: 'IpAddress', Binary: 'Binary',
};

/** Operator families that fit a key type (Null fits all). ARN keys also take String operators, aws:EpochTime Numeric. */
export function familiesForKey(keyName: string, t: ConditionKeyType): OperatorFamily[] {
  const base = keyValueType(t);
  const fams: OperatorFamily[] = ['Null', FAMILY_OF_KEY_TYPE[base] ?? 'String'];
  // ARN and String operators are interchangeable in practice (AWS managed policies use ArnLike on string keys)
  if (base === 'ARN') fams.push('String');
  if (base === 'String') fams.push('Arn');
  if (keyName.toLowerCase() === 'aws:epochtime') fams.push('Numeric');
  return fams;
}

/** The operator of the wanted family that keeps the meaning of `op` as far as possible (StringEquals -> DateEquals…). */
export function typedOperator(op: ParsedOperator, family: OperatorFamily): string | undefined {
  const b = op.base;
  const negated = /Not/.test(b);
  let base: string | undefined;
  switch (family) {
    case 'Bool': base = negated ? undefined : 'Bool'; break;
    case 'IpAddress': base = negated ? 'NotIpAddress' : 'IpAddress'; break;
    case 'Arn': base = /Like/.test(b) ? (negated ? 'ArnNotLike' : 'ArnLike') : negated ? 'ArnNotEquals' : 'ArnEquals'; break;
    case 'Numeric': base = b.startsWith('Date') ? b.replace('Date', 'Numeric') : negated ? 'NumericNotEquals' : 'NumericEquals'; break;
    case 'Date': base = b.startsWith('Numeric') ? b.replace('Numeric', 'Date') : negated ? 'DateNotEquals' : 'DateEquals'; break;
    case 'String': base = b.startsWith('Arn') ? b.replace('Arn', 'String') : negated ? 'StringNotEquals' : 'StringEquals'; break;
    case 'Binary': base = negated ? undefined : 'BinaryEquals'; break;
    default: base = undefined;
  }
  if (!base || !BASE_OPERATORS.has(base)) return undefined;
  return `${op.qualifier ? op.qualifier + ':' : ''}${base}${op.ifExists ? 'IfExists' : ''}`;
}
