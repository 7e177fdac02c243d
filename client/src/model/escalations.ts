// The escalation findings of the workspace model (iamPolicy/escalationPaths, the same answer as `iam-policy paths`),
// by the principal they start from, and the tooltip that explains the first one. The IAM view marks those principals.
import type { PathEdge } from '../../../server/src/protocol';
import type { Translator } from '../translator';

export type EscalationsByPrincipal = Map<string, PathEdge[]>;

export function escalationsByPrincipal(edges: PathEdge[]): EscalationsByPrincipal {
  const m: EscalationsByPrincipal = new Map();
  for (const e of edges) if (e.escalation) m.set(e.from, [...(m.get(e.from) ?? []), e]);
  return m;
}

const short = (arn: string) => arn.replace(/^arn:aws[\w-]*:iam::\d{12}:/, '');

/** "May escalate (N paths). First: 1. user/a → role/b: sts:AssumeRole …" with the statements and assumptions */
export function escalationTooltip(paths: PathEdge[], l10n: Translator): string {
  const first = paths[0];
  const steps = first.steps?.length ? first.steps : [first];
  return [
    paths.length === 1 ? l10n.t('May escalate its permissions: 1 path (iam-policy paths). The first:') : l10n.t('May escalate its permissions: {0} paths (iam-policy paths). The first:', paths.length),
    ...steps.map((s, i) => {
      const by = s.statements.flatMap((st) => st.matched.map((m) => l10n.t('{0}: {1} statement {2} of {3}', st.action, m.effect, m.sid ?? m.index, m.policy)));
      return `${i + 1}. ${short(s.from)} → ${short(s.to)}: ${s.via.join(', ')}${by.length ? `\n   ${by.join('\n   ')}` : ''}`;
    }),
    ...(first.assumptions.length ? [l10n.t('Assumes: {0}', first.assumptions.join('; '))] : []),
  ].join('\n');
}
