import { hasWildcard } from '../../../core/wildcard';
import type { Rule } from '../rule';
import { isIpOrCidr } from '../ipAddresses';
import { didYouMean } from '../messageText';
import { regionProblem } from '../regions';
import { ISO_DATE, NUMBER } from '../valueFormats';
import { forEachConditionKey } from './conditionValues';
import * as l10n from '@vscode/l10n';

const ACCOUNT_KEYS = new Set(['aws:principalaccount', 'aws:resourceaccount', 'aws:sourceaccount', 'aws:vpceaccount']);

/** Values the operator (or the key) cannot hold: "yes" for Bool, "10.0.0.0/33" for IpAddress, a non-date for Date… */
export const invalidConditionValue: Rule = {
  code: 'IAM305',
  slug: 'invalid-condition-value',
  defaultSeverity: 'error',
  description: 'Condition values must fit the operator: numbers for Numeric…, ISO 8601 dates or epoch seconds for Date…, true/false for Bool and Null, IP addresses or CIDR ranges for IpAddress, ARNs for Arn…; region, VPC, VPC endpoint and account keys take values of their shape.',
  check(ctx) {
    const { catalog } = ctx;
    forEachConditionKey(ctx, ({ op, key }) => {
      if (!op) return;
      const lower = key.key.toLowerCase();
      for (const v of key.values) {
        if (v.kind === 'object' || v.kind === 'array' || v.kind === 'null') continue; // data-type rule
        const s = v.value;
        const hasVar = s.includes('${');
        let problem: string | undefined;
        let severity: 'warning' | undefined;
        switch (op.family) {
          case 'Numeric': if (!NUMBER.test(s)) problem = l10n.t('"{0}" compares numbers: "{1}" is not a number.', op.raw, s); break;
          case 'Date': if (!ISO_DATE.test(s) && !/^\d+$/.test(s)) problem = l10n.t('"{0}" compares dates: write "{1}" as ISO 8601 (e.g. "2026-01-31T00:00:00Z") or epoch seconds.', op.raw, s); break;
          case 'Bool': if (!/^(true|false)$/i.test(s)) problem = l10n.t('"Bool" takes "true" or "false", not "{0}".', s); break;
          case 'Null': if (!/^(true|false)$/i.test(s)) problem = l10n.t('"Null" takes "true" (the key is absent) or "false" (the key is present), not "{0}".', s); break;
          case 'IpAddress': if (!isIpOrCidr(s)) problem = l10n.t('"{0}" is not an IP address or CIDR range (e.g. "203.0.113.0/24" or "2001:db8::/32").', s); break;
          case 'Binary': if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s)) problem = l10n.t('"BinaryEquals" takes base64-encoded values; "{0}" is not base64.', s); break;
          case 'Arn': if (!hasVar && !/^arn:/.test(s) && !/^[*?]+$/.test(s)) problem = l10n.t('"{0}" compares ARNs: "{1}" is not an ARN (arn:partition:service:region:account:resource).', op.raw, s); break;
          case 'String': {
            if (hasVar || hasWildcard(s)) break;
            const region = lower === 'aws:requestedregion' ? regionProblem(catalog, s) : undefined;
            if (region) { problem = l10n.t('"{0}" is not an AWS Region code.', s) + didYouMean(region.suggestions); severity = 'warning'; }
            else if (lower === 'aws:sourcevpc' && !/^vpc-[0-9a-f]+$/.test(s)) problem = l10n.t('aws:SourceVpc takes VPC ids such as "vpc-1a2b3c4d", not "{0}".', s);
            else if (lower === 'aws:sourcevpce' && !/^vpce-[0-9a-f]+$/.test(s)) problem = l10n.t('aws:SourceVpce takes VPC endpoint ids such as "vpce-1a2b3c4d", not "{0}".', s);
            else if (ACCOUNT_KEYS.has(lower) && !/^\d{12}$/.test(s)) problem = l10n.t('"{0}" takes 12-digit account ids, not "{1}".', key.key, s);
            break;
          }
        }
        if (problem) ctx.report({ span: v.span, message: problem, severity });
      }
    });
  },
};
