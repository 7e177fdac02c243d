// Whether an Allow statement grants a given action on every resource (shared by the PassRole / CreateServiceLinkedRole rules).
import type { Span, Statement } from '../../../core/policy/model';
import { globMatch } from '../../../core/wildcard';

export interface StarGrant { span: Span; how: string }

export function grantsOnStar(s: Statement, action: string): StarGrant | undefined {
  if (s.effect?.value !== 'Allow' || s.condition) return undefined;
  let actionSpan: Span | undefined;
  let how = '';
  if (s.action) {
    const v = s.action.values.find((a) => globMatch(a.value, action, true));
    if (!v) return undefined;
    actionSpan = v.span;
    how = v.value === action ? '' : ` through "${v.value}"`;
  } else if (s.notAction) {
    if (s.notAction.values.some((a) => globMatch(a.value, action, true))) return undefined;
    actionSpan = s.notAction.entry.keySpan;
    how = ' through NotAction';
  } else return undefined;
  if (s.resource) {
    if (!s.resource.values.some((r) => r.value === '*' || /^arn:[^:]*:iam::[^:]*:(role\/)?\*$/.test(r.value))) return undefined;
  } else if (s.notResource) {
    how += ' with NotResource';
  } else return undefined;
  return { span: actionSpan, how };
}
