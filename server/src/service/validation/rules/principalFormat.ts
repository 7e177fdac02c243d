import { hasWildcard } from '../../../core/wildcard';
import type { Catalog } from '../../../core/catalog/catalog';
import type { Rule } from '../rule';
import { PRINCIPAL_TYPES } from '../elements';
import { replacementFixes } from '../fixes';
import { didYouMean } from '../messageText';
import { suggest } from '../suggestions';
import * as l10n from '@vscode/l10n';

const AWS_ARN = /^arn:([a-z-]+):(iam|sts)::(\d{12}|cloudfront|aws):(root|user\/.+|role\/.+|assumed-role\/[^/]+\/.+|federated-user\/.+)$/;
const SERVICE = /^[a-z0-9][a-z0-9.-]*\.(amazonaws\.com(\.cn)?|amazon\.com|api\.aws)$/;
const FEDERATED_ARN = /^arn:[a-z-]+:iam::\d{12}:(saml-provider\/[\w+=,.@-]+|oidc-provider\/.+)$/;
const FEDERATED_HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/i;

// IAM Access Analyzer policy validation, "Federated principal not supported":
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html
const FEDERATED_UNSUPPORTED: Record<string, () => string> = {
  resource: () => l10n.t('Federated principals are supported only in role trust policies, not in resource-based policies: name the role that the federated users assume ({0}).', '{"AWS": "arn:aws:iam::ACCOUNT:role/NAME"}'),
  rcp: () => l10n.t('Federated principals are supported only in role trust policies, not in resource control policies: name the role that the federated users assume ({0}).', '{"AWS": "arn:aws:iam::ACCOUNT:role/NAME"}'),
  endpoint: () => l10n.t('Federated principals are supported only in role trust policies, not in VPC endpoint policies: name the role that the federated users assume ({0}).', '{"AWS": "arn:aws:iam::ACCOUNT:role/NAME"}'),
};

export function awsPrincipalProblem(catalog: Catalog, v: string): string | undefined {
  if (v === '*' || hasWildcard(v)) return undefined; // wildcards: principal-wildcard
  if (/^\d{12}$/.test(v)) return undefined;
  if (/^(AROA|AIDA|AGPA|ANPA|ASIA|AKIA)[A-Z0-9]{12,}$/.test(v)) return undefined; // unique ids: principal-unique-id
  if (/^\d+$/.test(v)) return l10n.t('"{0}" is not an account id: account ids have exactly 12 digits (keep leading zeros, in quotes).', v);
  const m = AWS_ARN.exec(v);
  if (m) return catalog.isPartition(m[1]) ? undefined : l10n.t('"{0}" is not an AWS partition.', m[1]);
  if (/^arn:[a-z-]+:iam::\d{12}:group\//.test(v)) return l10n.t('IAM groups cannot be principals: name the users, or the account root.');
  if (/^arn:[a-z-]+:iam::\d{12}:(policy|instance-profile)\//.test(v)) return l10n.t('Only accounts, users, roles, assumed-role sessions and federated users can be "AWS" principals.');
  if (/^arn:/.test(v)) return l10n.t('"{0}" is not a principal ARN: use arn:aws:iam::ACCOUNT:root, …:user/NAME, …:role/NAME or arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION.', v);
  if (SERVICE.test(v)) return l10n.t('"{0}" looks like a service principal: put it under "Service", not "AWS".', v);
  return l10n.t('"{0}" is not a valid AWS principal: use a 12-digit account id, an IAM user or role ARN, or "*".', v);
}

/** Principal shapes: "*" or an object with AWS / Service / Federated / CanonicalUser, each holding ids of its kind. */
export const principalFormat: Rule = {
  code: 'IAM501',
  slug: 'principal-format',
  defaultSeverity: 'error',
  description: 'Principal is "*" or an object with AWS (account ids, user and role ARNs), Service (service principals such as lambda.amazonaws.com), Federated (SAML or OIDC providers; role trust policies only) or CanonicalUser (S3 canonical ids) entries.',
  check(ctx) {
    for (const s of ctx.doc.statements) {
      for (const p of [s.principal, s.notPrincipal]) {
        if (!p) continue;
        if (p.bare && p.bare.kind === 'string' && p.bare.value !== '*') {
          ctx.report({ span: p.bare.span, message: l10n.t('A bare "{0}" string must be "*"; name principals as {"AWS": "{1}"} (or Service / Federated).', p.entry.key, p.bare.value), data: { fixes: [{ title: l10n.t('Change to {"AWS": "{0}"}', p.bare.value), edits: [{ offset: p.bare.span.offset, length: p.bare.span.length, newText: `{"AWS": ${JSON.stringify(p.bare.value)}}` }] }] } });
        }
        for (const t of p.types) {
          if (!PRINCIPAL_TYPES.includes(t.type)) {
            const sameCase = PRINCIPAL_TYPES.find((x) => x.toLowerCase() === t.type.toLowerCase());
            const options = sameCase ? [sameCase] : suggest(t.type, PRINCIPAL_TYPES, 2);
            ctx.report({
              span: t.list.entry.keySpan,
              message: l10n.t('"{0}" is not a principal type: use AWS, Service, Federated or CanonicalUser (case-sensitive).{1}', t.type, didYouMean(options)),
              data: { fixes: replacementFixes(t.list.entry.keySpan, options) },
            });
            continue;
          }
          for (const v of t.list.values) {
            let problem: string | undefined;
            if (t.type === 'AWS') problem = awsPrincipalProblem(ctx.catalog, v.value);
            else if (t.type === 'Service') {
              if (v.value !== '*' && !hasWildcard(v.value) && !SERVICE.test(v.value)) problem = l10n.t('"{0}" is not a service principal: service principals look like "lambda.amazonaws.com".', v.value);
            } else if (t.type === 'Federated') {
              if (FEDERATED_UNSUPPORTED[ctx.policyType]) problem = FEDERATED_UNSUPPORTED[ctx.policyType]();
              else if (/^arn:/.test(v.value) ? !FEDERATED_ARN.test(v.value) : !FEDERATED_HOST.test(v.value)) problem = l10n.t('"{0}" is not a federated principal: use arn:aws:iam::ACCOUNT:saml-provider/NAME, arn:aws:iam::ACCOUNT:oidc-provider/HOST, or a provider such as "cognito-identity.amazonaws.com".', v.value);
            } else if (t.type === 'CanonicalUser') {
              if (v.value !== '*' && !/^[0-9a-f]{64}$/.test(v.value)) problem = l10n.t('"{0}" is not an S3 canonical user id (64 hexadecimal characters).', v.value);
            }
            if (problem) ctx.report({ span: v.span, message: problem });
          }
        }
      }
    }
  },
};
