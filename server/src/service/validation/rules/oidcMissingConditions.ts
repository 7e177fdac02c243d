import type { Rule } from '../rule';
import { conditionEntriesFor, oidcProviders } from './oidcTrust';

/** An OIDC provider principal without aud/sub conditions: any identity of that provider can assume the role. */
export const oidcMissingConditions: Rule = {
  code: 'IAM806',
  slug: 'oidc-missing-conditions',
  defaultSeverity: 'warning',
  description: 'A trust statement for an OIDC provider must limit the token\'s audience (<provider>:aud) and subject (<provider>:sub); otherwise any identity of that provider can assume the role.',
  check(ctx) {
    for (const s of ctx.doc.statements) {
      if (s.effect?.value !== 'Allow') continue;
      for (const p of oidcProviders(s)) {
        const hasAud = conditionEntriesFor(s, `${p.host}:aud`).length > 0 || conditionEntriesFor(s, `${p.host}:oaud`).length > 0;
        const hasSub = conditionEntriesFor(s, `${p.host}:sub`).length > 0;
        if (hasAud && hasSub) continue;
        if (p.host === 'cognito-identity.amazonaws.com' && hasAud) continue; // the identity pool id is the audience
        const missing = [!hasAud && `${p.host}:aud`, !hasSub && `${p.host}:sub`].filter(Boolean) as string[];
        ctx.report({ span: p.value.span, message: `Any identity of the provider "${p.host}" can assume this role: add ${missing.map((m) => `"${m}"`).join(' and ')} to the Condition (e.g. "StringEquals": {"${missing[0]}": "…"}).` });
      }
    }
  },
};
