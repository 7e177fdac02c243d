import type { PolicyType } from '../../../core/policy/policyType';
import type { Rule } from '../rule';
import * as l10n from '@vscode/l10n';
import { withThousands } from '../thousands';

// `what` is a getter: the text is read in the language installed when the diagnostic is made
interface Quota { limit: number; whitespace: boolean; error: boolean; readonly what: string }
const QUOTAS: Record<PolicyType, Quota> = {
  identity: { limit: 6144, whitespace: false, error: false, get what() { return l10n.t('a customer managed policy (inline policies share 2,048 characters per user, 5,120 per group and 10,240 per role)'); } },
  boundary: { limit: 6144, whitespace: false, error: false, get what() { return l10n.t('a managed policy used as a permissions boundary'); } },
  session: { limit: 2048, whitespace: false, error: false, get what() { return l10n.t('a session policy'); } },
  trust: { limit: 2048, whitespace: false, error: false, get what() { return l10n.t('a role trust policy (the default quota; it can be raised with a Service Quotas request)'); } },
  resource: { limit: 20480, whitespace: true, error: false, get what() { return l10n.t('most resource-based policies (e.g. S3 bucket policies, 20 KB)'); } },
  endpoint: { limit: 20480, whitespace: true, error: false, get what() { return l10n.t('a VPC endpoint policy'); } },
  scp: { limit: 5120, whitespace: true, error: true, get what() { return l10n.t('a service control policy'); } },
  rcp: { limit: 5120, whitespace: true, error: true, get what() { return l10n.t('a resource control policy'); } },
};

/** Characters IAM counts: everything except white space outside strings (IAM), or every character (Organizations). */
export function policySize(text: string, countWhitespace: boolean): number {
  if (countWhitespace) return text.length;
  let n = 0, inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) { n++; if (c === 92 /* \\ */) { n++; i++; } else if (c === 34 /* " */) inString = false; continue; }
    if (c === 34) { inString = true; n++; continue; }
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) n++;
  }
  return n;
}

/**
 * Size quotas per policy type (IAM excludes white space; Organizations counts it for SCPs and RCPs). An SCP or RCP
 * over the quota even without white space is an error; one that only its white space puts over is a warning that
 * gives the minified size: the Organizations console removes white space outside strings before saving, and
 * pipelines usually minify, but the API and CLI save the text as given
 * (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html).
 */
export const policySizeRule: Rule = {
  code: 'IAM701',
  slug: 'policy-size',
  defaultSeverity: 'warning',
  runsOnLargeDocuments: true,
  description: 'The policy must fit the size quota of its type: 6,144 characters for managed identity policies and boundaries, 2,048 for trust and session policies (white space not counted), 5,120 for SCPs and RCPs (white space counted). For SCPs and RCPs it is an error when the policy is over the quota without white space, and a warning with the minified size when only white space puts it over.',
  check(ctx) {
    const q = QUOTAS[ctx.policyType];
    const root = ctx.doc.root;
    if (!q || !root || !ctx.doc.hasStatement) return;
    const size = policySize(ctx.doc.text, q.whitespace);
    if (size <= q.limit) return;
    const span = ctx.doc.statementEntry?.keySpan ?? { offset: root.offset, length: 1 };
    const n = withThousands;
    if (q.error) {
      const minified = policySize(ctx.doc.text, false);
      if (minified <= q.limit) {
        ctx.report({
          span,
          message: l10n.t('The policy has {0} characters, more than the {1} allowed for {2}, but only because of white space: minified it has {3}. The Organizations console removes white space when it saves a policy; the API and CLI keep it, so minify the policy before saving it that way.', n(size), n(q.limit), q.what, n(minified)),
        });
        return;
      }
      ctx.report({ span, severity: 'error', message: l10n.t('The policy has {0} characters even without white space ({1} as written), more than the {2} allowed for {3}. Use wildcards for related actions or split it into several policies.', n(minified), n(size), n(q.limit), q.what) });
      return;
    }
    ctx.report({
      span,
      message: q.whitespace
        ? l10n.t('The policy has {0} characters, more than the {1} allowed for {2}. Use wildcards for related actions or split it into several policies.', n(size), n(q.limit), q.what)
        : l10n.t('The policy has {0} characters (not counting white space), more than the {1} allowed for {2}. Use wildcards for related actions or split it into several policies.', n(size), n(q.limit), q.what),
    });
  },
};
