import type { Rule } from '../rule';
import { classifyAction, servicesOf } from '../actionClassification';
import * as l10n from '@vscode/l10n';

/** Resource control policies: Principal "*", Deny only (RCPFullAWSAccess excepted), Action only, RCP-supported services. */
export const rcpRules: Rule = {
  code: 'IAM106',
  slug: 'rcp-rules',
  defaultSeverity: 'error',
  description: 'In an RCP every statement has "Principal": "*", Effect Deny (only the built-in RCPFullAWSAccess allows), "Action" rather than NotAction, and only actions of services that support RCPs.',
  check(ctx) {
    if (ctx.policyType !== 'rcp') return;
    const { catalog } = ctx;
    for (const s of ctx.doc.statements) {
      const fullAccess = s.effect?.value === 'Allow' && s.action?.values.length === 1 && s.action.values[0].value === '*'
        && s.resource?.values.length === 1 && s.resource.values[0].value === '*' && !s.condition;
      const p = s.principal;
      if (p && !(p.bare?.value === '*')) {
        ctx.report({ span: p.entry.valueNode ? { offset: p.entry.valueNode.offset, length: p.entry.valueNode.length } : p.entry.keySpan, message: l10n.t('In an RCP the Principal must be "*": narrow it with conditions such as aws:PrincipalAccount or aws:PrincipalOrgID instead.'), data: { fixes: p.entry.valueNode ? [{ title: l10n.t('Change to "*"'), edits: [{ offset: p.entry.valueNode.offset, length: p.entry.valueNode.length, newText: '"*"' }] }] : undefined } });
      }
      if (s.effect?.value === 'Allow' && !fullAccess) {
        ctx.report({ span: s.effect.span, message: l10n.t('RCPs can only restrict access: use "Effect": "Deny" (only the AWS-managed RCPFullAWSAccess uses Allow).') });
      }
      if (s.notAction) ctx.report({ span: s.notAction.entry.keySpan, message: l10n.t('RCPs do not support NotAction: list the denied actions in "Action".') });
      for (const v of s.action?.values ?? []) {
        if (v.value === '*') {
          if (!fullAccess) ctx.report({ span: v.span, message: l10n.t('"*" as the whole action is allowed only in RCPFullAWSAccess: list actions of RCP-supported services (e.g. "s3:*").') });
          continue;
        }
        const c = classifyAction(catalog, v.value);
        if (c.kind !== 'ok' && c.kind !== 'wildcard') continue;
        const services = servicesOf(c.matches);
        const unsupported = services.filter((svc) => !catalog.supportsRcp(svc));
        if (unsupported.length && unsupported.length === services.length) {
          ctx.report({ span: v.span, message: unsupported.length > 1
            ? l10n.t('RCPs apply only to services that support them; {0} do not (supported: {1}, …).', unsupported.map((x) => `"${x}"`).join(', '), catalog.rcpSupportedServices().slice(0, 8).join(', '))
            : l10n.t('RCPs apply only to services that support them; {0} does not (supported: {1}, …).', unsupported.map((x) => `"${x}"`).join(', '), catalog.rcpSupportedServices().slice(0, 8).join(', ')) });
        }
      }
    }
  },
};
