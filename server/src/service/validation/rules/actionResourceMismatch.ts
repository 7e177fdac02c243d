import type { Value } from '../../../core/policy/model';
import { globMatch } from '../../../core/wildcard';
import type { Rule } from '../rule';
import { classifyAction } from '../actionClassification';
import { arnProblem } from './arnFormat';
import { removeArrayItem } from './removeItem';
import { equivalentArns } from './resourceMismatch';
import { assumeRoleOnNonRoles } from '../assumeRoleTargets';
import * as l10n from '@vscode/l10n';

/**
 * An action that fits none of the statement's resource ARNs, while other actions of the statement do: it grants or
 * denies nothing here (Access Analyzer's "Unsupported resource ARN in policy", reported per action). A statement
 * where no action fits any ARN is IAM402's finding (per ARN); `*`-only actions are IAM403's.
 */
export const actionResourceMismatch: Rule = {
  code: 'IAM404',
  slug: 'action-resource-mismatch',
  defaultSeverity: 'warning',
  description: 'Each action of a statement must fit at least one of its resource ARNs; an action whose resource types none of them name never applies there.',
  check(ctx) {
    const { catalog } = ctx;
    for (const s of ctx.doc.statements) {
      if (!s.action?.values.length || s.notAction || !s.resource?.values.length) continue;
      const resources = s.resource.values;
      if (resources.some((r) => globMatch(r.value, '*', false))) continue;
      // an ARN we cannot read might fit any action: say nothing rather than guess
      if (resources.some((r) => !r.value.startsWith('arn:') || arnProblem(catalog, r.value))) continue;
      const arns = resources.flatMap((r) => [r.value, ...equivalentArns(r.value)]);
      // sts:AssumeRole* on a user, bucket or policy is IAM809's finding
      const assumeRoleHit = assumeRoleOnNonRoles(s, ctx.policyType);
      const misfits: { v: Value; formats: string[] }[] = [];
      let anyFits = false;
      for (const v of s.action.values) {
        const c = classifyAction(catalog, v.value);
        if (c.kind !== 'ok' && c.kind !== 'wildcard') continue;
        // the ARN formats of all the actions the value names, once per pattern (`*:*` names 22k actions)
        const byFormat = catalog.arnFormatsOfPattern(c.kind === 'ok' ? c.matches[0] : v.value);
        if (arns.some((arn) => catalog.arnMatchesAnyFormat(arn, byFormat.keys()))) { anyFits = true; continue; }
        const formats = [...byFormat.keys()];
        if (!formats.length && c.kind === 'ok') continue; // `*`-only: IAM403
        misfits.push({ v, formats });
      }
      if (!anyFits) continue;
      const partition = /^arn:(aws[a-z-]*):/.exec(resources[0].value)?.[1] ?? 'aws';
      const deny = s.effect?.value === 'Deny';
      for (const { v, formats } of misfits) {
        if (assumeRoleHit?.actions.includes(v)) continue;
        const arnList = formats.slice(0, 2).map((f) => `"${f.replace('${Partition}', partition)}"`).join(l10n.t(' or '));
        const move = ' ' + l10n.t('Move it to a statement with a matching resource, or remove it.');
        const message = !formats.length
          ? (deny
            ? l10n.t('"{0}" can never apply to this statement\'s resources: it supports only "Resource": "*", and no resource here is one, so the statement denies nothing for it.', v.value)
            : l10n.t('"{0}" can never apply to this statement\'s resources: it supports only "Resource": "*", and no resource here is one, so the statement grants nothing for it.', v.value))
          : formats.length > 2
            ? (deny
              ? l10n.t('"{0}" can never apply to this statement\'s resources: it acts on {1} and other ARNs, and no resource here is one, so the statement denies nothing for it.', v.value, arnList)
              : l10n.t('"{0}" can never apply to this statement\'s resources: it acts on {1} and other ARNs, and no resource here is one, so the statement grants nothing for it.', v.value, arnList))
            : (deny
              ? l10n.t('"{0}" can never apply to this statement\'s resources: it acts on {1}, and no resource here is one, so the statement denies nothing for it.', v.value, arnList)
              : l10n.t('"{0}" can never apply to this statement\'s resources: it acts on {1}, and no resource here is one, so the statement grants nothing for it.', v.value, arnList));
        ctx.report({
          span: v.span,
          message: message + move,
          data: s.action.values.length > 1 ? { fixes: [{ title: l10n.t('Remove "{0}"', v.value), edits: [removeArrayItem(ctx.doc.text, v.node)] }] } : undefined,
        });
      }
    }
  },
};
