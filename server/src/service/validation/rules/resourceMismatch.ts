import type { Rule } from '../rule';
import { statementActionSet } from '../actionClassification';
import { arnProblem } from './arnFormat';
import { assumeRoleOnNonRoles } from '../assumeRoleTargets';
import * as l10n from '@vscode/l10n';

// services that were renamed and accept both ARN spellings (AWS CodeConnections, formerly CodeStar Connections)
const ARN_SERVICE_ALIASES: Record<string, string> = { codeconnections: 'codestar-connections', 'codestar-connections': 'codeconnections' };
/** Other spellings of an ARN that name the same resource (not including the ARN itself). */
export function equivalentArns(arn: string): string[] {
  const parts = arn.split(':');
  const alias = ARN_SERVICE_ALIASES[parts[2]];
  const out = alias ? [[...parts.slice(0, 2), alias, ...parts.slice(3)].join(':')] : [];
  // AWS-owned resources (public SSM documents, AMIs) have an empty Region or account field
  if (parts.length >= 6 && (parts[3] === '' || parts[4] === '')) {
    for (const a of [arn, ...out]) { const p = a.split(':'); out.push([...p.slice(0, 3), p[3] || 'us-east-1', p[4] || '123456789012', ...p.slice(5)].join(':')); }
  }
  return out;
}

/** A resource ARN that no action of the statement can act on (e.g. a DynamoDB table ARN with s3:GetObject). */
export const resourceMismatch: Rule = {
  code: 'IAM402',
  slug: 'resource-mismatch',
  defaultSeverity: 'warning',
  description: 'Each resource ARN must fit a resource type of at least one action of the statement; otherwise it grants or denies nothing.',
  check(ctx) {
    const { catalog } = ctx;
    for (const s of ctx.doc.statements) {
      if (!s.resource?.values.length) continue;
      const arns = s.resource.values.filter((v) => v.value.startsWith('arn:') && !arnProblem(catalog, v.value));
      if (!arns.length) continue;
      // sts:AssumeRole alone on a user, bucket or policy is IAM809's finding
      if (assumeRoleOnNonRoles(s, ctx.policyType)?.onlyAssumeRole) continue;
      const set = statementActionSet(catalog, s);
      if (!set || !set.allKnown || !set.actions.length) continue;
      // per Action value, computed once per pattern by the catalog (a `*:*` names every action)
      const formats = new Map<string, readonly string[]>();
      for (const v of s.action!.values) for (const [f, users] of catalog.arnFormatsOfPattern(v.value)) if (!formats.has(f)) formats.set(f, users);
      if (!formats.size) continue; // only `*`-only actions: star-only-action reports that
      for (const v of arns) {
        const candidates = [v.value, ...equivalentArns(v.value)];
        if (candidates.some((arn) => catalog.arnMatchesAnyFormat(arn, formats.keys()))) continue;
        // the simplest formats, in the partition the ARN was written for
        const partition = /^arn:(aws[a-z-]*):/.exec(v.value)?.[1] ?? 'aws';
        const sample = [...formats.keys()].sort((x, y) => x.split('${').length - y.split('${').length).slice(0, 3).map((f) => f.replace('${Partition}', partition));
        ctx.report({
          span: v.span,
          message: l10n.t('"{0}" fits no resource type of this statement\'s actions, so it has no effect. Expected ARNs like {1}. Check the service and the resource path.', v.value, `${sample.map((f) => `"${f}"`).join(', ')}${formats.size > 3 ? ', …' : ''}`),
        });
      }
    }
  },
};
