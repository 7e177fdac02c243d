// The condition operators of the IAM policy language: the 27 base operators in their families, which value type
// each compares, and the rules for the `IfExists` suffix and the `ForAllValues:` / `ForAnyValue:` set prefixes.
// Pure data plus small helpers; the texts are our own plain-language summaries.

import type { ConditionKeyType } from './catalog/catalog';
import * as l10n from './localize';

export type OperatorFamily = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IpAddress' | 'Arn' | 'Null';

/** The kind of value an operator compares; condition key types map onto these by dropping `ArrayOf`. */
export type OperatorValueType = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IPAddress' | 'ARN' | 'Null';

export type SetQualifier = 'ForAllValues' | 'ForAnyValue';

export interface OperatorInfo {
  /** base name, e.g. StringNotLike */
  name: string;
  family: OperatorFamily;
  valueType: OperatorValueType;
  /**
   * A negated matching operator (StringNotEquals, ArnNotLike, NotIpAddress, ...): several values are combined with
   * NOR, and when the key is missing from the request the condition is true.
   */
  negated: boolean;
  /** `*` and `?` in the policy value are wildcards (StringLike, StringNotLike, ArnLike, ArnNotLike) */
  wildcards: boolean;
  /** policy variables such as `${aws:username}` are substituted in the values (String and Arn families) */
  variables: boolean;
  /** one sentence: what the operator tests */
  summary: string;
}

// the summary is read in the display language each time (l10n bundles load after this table is built)
const op = (name: string, family: OperatorFamily, valueType: OperatorValueType, negated: boolean, summary: () => string, wildcards = false): OperatorInfo =>
  ({ name, family, valueType, negated, wildcards, variables: family === 'String' || family === 'Arn', get summary() { return summary(); } });

/** The 27 base operators, in the order people usually reach for them. */
export const OPERATORS: readonly OperatorInfo[] = [
  op('StringEquals', 'String', 'String', false, () => l10n.t('The key\'s value is exactly one of the listed strings (case matters).')),
  op('StringNotEquals', 'String', 'String', true, () => l10n.t('The key\'s value is none of the listed strings (case matters).')),
  op('StringEqualsIgnoreCase', 'String', 'String', false, () => l10n.t('The key\'s value is one of the listed strings, ignoring upper/lower case.')),
  op('StringNotEqualsIgnoreCase', 'String', 'String', true, () => l10n.t('The key\'s value is none of the listed strings, ignoring upper/lower case.')),
  op('StringLike', 'String', 'String', false, () => l10n.t('The key\'s value matches one of the listed patterns; `*` stands for any run of characters and `?` for one character.'), true),
  op('StringNotLike', 'String', 'String', true, () => l10n.t('The key\'s value matches none of the listed patterns (`*` and `?` are wildcards).'), true),
  op('NumericEquals', 'Numeric', 'Numeric', false, () => l10n.t('The key\'s number equals one of the listed numbers.')),
  op('NumericNotEquals', 'Numeric', 'Numeric', true, () => l10n.t('The key\'s number equals none of the listed numbers.')),
  op('NumericLessThan', 'Numeric', 'Numeric', false, () => l10n.t('The key\'s number is below the listed number.')),
  op('NumericLessThanEquals', 'Numeric', 'Numeric', false, () => l10n.t('The key\'s number is at most the listed number.')),
  op('NumericGreaterThan', 'Numeric', 'Numeric', false, () => l10n.t('The key\'s number is above the listed number.')),
  op('NumericGreaterThanEquals', 'Numeric', 'Numeric', false, () => l10n.t('The key\'s number is at least the listed number.')),
  op('DateEquals', 'Date', 'Date', false, () => l10n.t('The key\'s date and time is exactly the listed one (ISO 8601 like 2026-01-31T12:00:00Z, or epoch seconds).')),
  op('DateNotEquals', 'Date', 'Date', true, () => l10n.t('The key\'s date and time is not the listed one.')),
  op('DateLessThan', 'Date', 'Date', false, () => l10n.t('The key\'s date and time is before the listed one.')),
  op('DateLessThanEquals', 'Date', 'Date', false, () => l10n.t('The key\'s date and time is at or before the listed one.')),
  op('DateGreaterThan', 'Date', 'Date', false, () => l10n.t('The key\'s date and time is after the listed one.')),
  op('DateGreaterThanEquals', 'Date', 'Date', false, () => l10n.t('The key\'s date and time is at or after the listed one.')),
  op('Bool', 'Bool', 'Bool', false, () => l10n.t('The key\'s boolean equals the listed "true" or "false".')),
  op('BinaryEquals', 'Binary', 'Binary', false, () => l10n.t('The key\'s bytes equal the listed base64-encoded value.')),
  op('IpAddress', 'IpAddress', 'IPAddress', false, () => l10n.t('The key\'s IP address lies in one of the listed addresses or CIDR ranges (e.g. 203.0.113.0/24).')),
  op('NotIpAddress', 'IpAddress', 'IPAddress', true, () => l10n.t('The key\'s IP address lies in none of the listed addresses or CIDR ranges.')),
  op('ArnEquals', 'Arn', 'ARN', false, () => l10n.t('The key\'s ARN matches one of the listed ARNs, compared part by part; `*` and `?` work inside each part.'), true),
  op('ArnLike', 'Arn', 'ARN', false, () => l10n.t('The key\'s ARN matches one of the listed ARN patterns, part by part, with `*` and `?` wildcards.'), true),
  op('ArnNotEquals', 'Arn', 'ARN', true, () => l10n.t('The key\'s ARN matches none of the listed ARNs.'), true),
  op('ArnNotLike', 'Arn', 'ARN', true, () => l10n.t('The key\'s ARN matches none of the listed ARN patterns.'), true),
  op('Null', 'Null', 'Null', false, () => l10n.t('"true": the key is absent from the request (or empty); "false": the key is present.')),
];

const BY_LOWER = new Map(OPERATORS.map((o) => [o.name.toLowerCase(), o]));

export const SET_QUALIFIERS: readonly SetQualifier[] = ['ForAllValues', 'ForAnyValue'];

/** An operator as written in a policy, split into its parts. */
export interface ParsedOperator {
  /** as written */
  text: string;
  qualifier?: SetQualifier;
  /** the base operator; undefined when the name is unknown */
  info?: OperatorInfo;
  /** the base name as written (without qualifier and IfExists) */
  baseText: string;
  ifExists: boolean;
  /** what is wrong with the combination, if anything (unknown name, Null with IfExists, ...) */
  problem?: string;
}

/**
 * Splits `ForAnyValue:StringLikeIfExists` into qualifier, base operator and IfExists. Operator names are matched
 * case-insensitively here; whether a different case is accepted is the validator's business.
 */
export function parseOperator(text: string): ParsedOperator {
  let rest = text;
  let qualifier: SetQualifier | undefined;
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const q = SET_QUALIFIERS.find((s) => s.toLowerCase() === rest.slice(0, colon).toLowerCase());
    if (!q) return { text, baseText: rest, ifExists: false, problem: `"${rest.slice(0, colon)}" is not a set operator; use ForAllValues: or ForAnyValue:` };
    qualifier = q;
    rest = rest.slice(colon + 1);
  }
  let ifExists = false;
  let info = BY_LOWER.get(rest.toLowerCase());
  if (!info && /ifexists$/i.test(rest)) {
    ifExists = true;
    info = BY_LOWER.get(rest.slice(0, -'IfExists'.length).toLowerCase());
  }
  const baseText = ifExists ? rest.slice(0, -'IfExists'.length) : rest;
  const parsed: ParsedOperator = { text, qualifier, info, baseText, ifExists };
  if (!info) parsed.problem = `"${baseText}" is not a condition operator`;
  else if (info.family === 'Null' && ifExists) parsed.problem = l10n.t('Null cannot take IfExists: Null already tests whether the key exists');
  else if (info.family === 'Null' && qualifier) parsed.problem = l10n.t('Null does not take {0}: it tests presence, not values', qualifier);
  return parsed;
}

export function operatorInfo(baseName: string): OperatorInfo | undefined {
  return BY_LOWER.get(baseName.toLowerCase());
}

/** The value type of a condition key type, without its ArrayOf. */
export function keyValueType(type: ConditionKeyType): OperatorValueType {
  return type.replace(/^ArrayOf/, '') as OperatorValueType;
}

/**
 * Whether an operator family fits a condition key type. ARN keys also accept String operators, and aws:EpochTime-like
 * Date keys also accept Numeric operators (pass allowNumericDates for those); Null fits every key.
 */
export function operatorFitsKeyType(family: OperatorFamily, type: ConditionKeyType, options: { allowNumericDates?: boolean } = {}): boolean {
  if (family === 'Null') return true;
  const v = keyValueType(type);
  switch (family) {
    case 'String': return v === 'String' || v === 'ARN';
    case 'Arn': return v === 'ARN';
    case 'Numeric': return v === 'Numeric' || (v === 'Date' && !!options.allowNumericDates);
    case 'Date': return v === 'Date';
    case 'Bool': return v === 'Bool';
    case 'Binary': return v === 'Binary';
    case 'IpAddress': return v === 'IPAddress';
  }
}

/** The operator family to suggest first for a key type. */
export function preferredFamily(type: ConditionKeyType): OperatorFamily {
  const v = keyValueType(type);
  return v === 'ARN' ? 'Arn' : v === 'IPAddress' ? 'IpAddress' : v === 'Null' ? 'Null' : v as OperatorFamily;
}

/** What happens when the key is not in the request at all, in plain language. */
export function missingKeyBehaviour(p: ParsedOperator): string {
  if (!p.info) return '';
  if (p.info.family === 'Null') return l10n.t('Null is the operator that tests for a missing key: `"true"` matches when the key is absent, `"false"` when it is present.');
  if (p.qualifier === 'ForAllValues') return l10n.t('With ForAllValues, a missing key or an empty list of values counts as a match (there is no value that fails), so the condition is **true**. Pair it with a Null check if the key must be present.');
  if (p.qualifier === 'ForAnyValue') return l10n.t('With ForAnyValue, a missing key or an empty list counts as no match, so the condition is **false**.');
  if (p.ifExists) return l10n.t('IfExists: when the key is missing the condition is **true**; when it is present the comparison decides.');
  if (p.info.negated) return l10n.t('When the key is missing the condition is **true** (nothing in the request equals a listed value), so a Deny with this operator also catches requests without the key.');
  return l10n.t('When the key is missing the condition is **false**, so the statement does not apply to such requests. Add `IfExists` to make it true instead.');
}

/** How several values of one key are combined. */
export function valuesCombination(p: ParsedOperator): string {
  if (!p.info) return '';
  if (p.info.family === 'Null' || p.info.family === 'Bool') return '';
  if (p.qualifier === 'ForAllValues') return l10n.t('Every value the request carries must match at least one listed value.');
  if (p.qualifier === 'ForAnyValue') return l10n.t('At least one value the request carries must match at least one listed value.');
  return p.info.negated ? l10n.t('Several listed values: the condition holds only if the request matches none of them (NOR).') : l10n.t('Several listed values: the condition holds if the request matches any of them (OR).');
}

/** Every operator name a policy may use: the 27 base names and the 26 IfExists forms (Null has none). */
export function allOperatorNames(): string[] {
  const out: string[] = [];
  for (const o of OPERATORS) {
    out.push(o.name);
    if (o.family !== 'Null') out.push(`${o.name}IfExists`);
  }
  return out;
}
