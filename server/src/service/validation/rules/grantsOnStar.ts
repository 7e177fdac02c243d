// Whether an Allow statement grants a given action on every resource (shared by the PassRole / CreateServiceLinkedRole rules).
import type { Span, Statement } from '../../../core/policy/model';
import { globMatch } from '../../../core/wildcard';

/** How the grant reaches the action: named as it is, through a wildcard `pattern`, or through NotAction; and whether NotResource is how it reaches every resource. */
export interface StarGrant { span: Span; pattern?: string; notAction: boolean; notResource: boolean }

export function grantsOnStar(s: Statement, action: string): StarGrant | undefined {
  if (s.effect?.value !== 'Allow' || s.condition) return undefined;
  let actionSpan: Span | undefined;
  let pattern: string | undefined;
  let notAction = false;
  let notResource = false;
  if (s.action) {
    const v = s.action.values.find((a) => globMatch(a.value, action, true));
    if (!v) return undefined;
    actionSpan = v.span;
    if (v.value !== action) pattern = v.value;
  } else if (s.notAction) {
    if (s.notAction.values.some((a) => globMatch(a.value, action, true))) return undefined;
    actionSpan = s.notAction.entry.keySpan;
    notAction = true;
  } else return undefined;
  if (s.resource) {
    if (!s.resource.values.some((r) => r.value === '*' || /^arn:[^:]*:iam::[^:]*:(role\/)?\*$/.test(r.value))) return undefined;
  } else if (s.notResource) {
    notResource = true;
  } else return undefined;
  return { span: actionSpan, pattern, notAction, notResource };
}

/** The message for a grant, out of one text per way the grant reaches the action and every resource. */
export interface GrantTexts {
  direct: () => string; directNotResource: () => string;
  through: (pattern: string) => string; throughNotResource: (pattern: string) => string;
  notAction: () => string; notActionNotResource: () => string;
}

export function grantMessage(g: StarGrant, t: GrantTexts): string {
  if (g.notAction) return g.notResource ? t.notActionNotResource() : t.notAction();
  if (g.pattern !== undefined) return g.notResource ? t.throughNotResource(g.pattern) : t.through(g.pattern);
  return g.notResource ? t.directNotResource() : t.direct();
}
