import type { Rule } from '../rule';
import { conditionEntriesFor, oidcProviders } from './oidcTrust';
import * as l10n from '@vscode/l10n';

// Providers whose audience is the same for every customer: GitHub Actions tokens carry aud "sts.amazonaws.com" for
// everyone, so only the subject (repository and branch) tells one customer's workflows from another's.
const SHARED_AUDIENCE = new Set(['token.actions.githubusercontent.com']);

/** An OIDC provider principal without an audience condition (or, where the audience is shared, a subject condition). */
export const oidcMissingConditions: Rule = {
  code: 'IAM806',
  slug: 'oidc-missing-conditions',
  defaultSeverity: 'warning',
  description: 'A role trust statement for an OIDC provider must limit the token\'s audience (<provider>:aud); for providers whose audience is shared by all their users (GitHub Actions: sts.amazonaws.com) also the subject (<provider>:sub). Otherwise any identity of that provider can assume the role.',
  check(ctx) {
    if (ctx.policyType !== 'trust') return;
    for (const s of ctx.doc.statements) {
      if (s.effect?.value !== 'Allow') continue;
      for (const p of oidcProviders(s)) {
        const hasAud = conditionEntriesFor(s, `${p.host}:aud`).length > 0 || conditionEntriesFor(s, `${p.host}:oaud`).length > 0;
        const hasSub = conditionEntriesFor(s, `${p.host}:sub`).length > 0;
        const shared = SHARED_AUDIENCE.has(p.host.toLowerCase());
        if (hasAud && (hasSub || !shared)) continue;
        const missing = [!hasAud && `${p.host}:aud`, shared && !hasSub && `${p.host}:sub`].filter(Boolean) as string[];
                ctx.report({ span: p.value.span, message: hasAud
          ? l10n.t('Any identity of the provider "{0}" can assume this role (its audience is the same for every {0} user, so only the subject limits who it is): add {1} to the Condition (e.g. "StringEquals": {"{2}": "…"}).', p.host, missing.map((m) => `"${m}"`).join(l10n.t(' and ')), missing[0])
          : l10n.t('Any identity of the provider "{0}" can assume this role: add {1} to the Condition (e.g. "StringEquals": {"{2}": "…"}).', p.host, missing.map((m) => `"${m}"`).join(l10n.t(' and ')), missing[0]) });
      }
    }
  },
};
