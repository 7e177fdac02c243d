import { hasWildcard } from '../../../core/wildcard';
import type { Rule } from '../rule';
import { conditionEntriesFor, oidcProviders } from './oidcTrust';
import * as l10n from '@vscode/l10n';

const GITHUB = 'token.actions.githubusercontent.com';

/** GitHub Actions trust must pin the sub claim to repositories (repo:ORG/REPO:…), not to "*" or a whole org. */
export const githubOidcRepo: Rule = {
  code: 'IAM807',
  slug: 'github-oidc-repo',
  defaultSeverity: 'warning',
  description: 'A trust policy for GitHub Actions (token.actions.githubusercontent.com) must pin :sub to specific repositories ("repo:ORG/REPO:ref:refs/heads/main"); "*" or "repo:ORG/*" lets any workflow assume the role.',
  check(ctx) {
    for (const s of ctx.doc.statements) {
      if (s.effect?.value !== 'Allow' || !oidcProviders(s).some((p) => p.host === GITHUB)) continue;
      for (const k of conditionEntriesFor(s, `${GITHUB}:sub`)) {
        for (const v of k.values) {
          const m = /^repo:([^/:]+)\/([^:]+)(:.*)?$/.exec(v.value);
          if (m && !hasWildcard(m[1]) && !hasWildcard(m[2])) {
            if (m[3] === ':*' || !m[3]) ctx.report({ span: v.span, severity: 'information', message: l10n.t('"{0}" allows every branch, tag and environment of the repository: pin it (e.g. "repo:{1}/{2}:ref:refs/heads/main" or ":environment:prod").', v.value, m[1], m[2]) });
            continue;
          }
          ctx.report({ span: v.span, message: `"${v.value}" does not pin a GitHub repository: any workflow ${m ? `in the organisation "${m[1]}"` : 'on GitHub'} could assume this role. Use "repo:ORG/REPO:ref:refs/heads/BRANCH".` });
        }
      }
    }
  },
};
