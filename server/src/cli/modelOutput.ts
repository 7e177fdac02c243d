// How the CLI prints model problems and gathered policies (iam-policy simulate/test with a model, access).
import { formatPath } from '../core/evaluator';
import type { GatheredPolicy } from '../core/model/gather';
import type { ModelProblem } from '../core/model/types';
import * as l10n from '@vscode/l10n';

/** `FILE at $.path: message` lines, errors before warnings. */
export function modelProblemLines(problems: ModelProblem[]): string[] {
  return [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1))
    .map((p) => `${p.path.length ? l10n.t('{0} at {1}', p.file, formatPath(p.path)) : p.file}: ${p.severity}: ${p.message}`);
}

/** The policy type of a gathered policy (data: identity, boundary, …) in the text output's language. */
export function gatheredTypeName(type: GatheredPolicy['policyType']): string {
  switch (type) {
    case 'identity': return l10n.t('identity');
    case 'boundary': return l10n.t('boundary');
    case 'resource': return l10n.t('resource');
    case 'scp': return l10n.t('scp');
    case 'rcp': return l10n.t('rcp');
  }
}

/** Gathered policies for JSON output: type, name and origin (file and JSON path where the model writes it). */
export function gatheredJson(gathered: GatheredPolicy[]): Record<string, unknown>[] {
  return gathered.map((g) => {
    const o: Record<string, unknown> = { policyType: g.policyType, name: g.source.name, origin: g.origin.kind, label: g.origin.label };
    if (g.orgIdentifier) o.orgIdentifier = g.orgIdentifier;
    if (g.origin.arn) o.arn = g.origin.arn;
    if (g.origin.group) o.group = g.origin.group;
    if (g.origin.at) o.at = { file: g.origin.at.file, path: formatPath(g.origin.at.path) };
    if (g.origin.file) o.file = g.origin.file;
    return o;
  });
}
