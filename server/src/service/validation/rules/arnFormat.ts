import { hasWildcard, MAX_PATTERN_LENGTH } from '../../../core/wildcard';
import type { Catalog } from '../../../core/catalog/catalog';
import type { Rule } from '../rule';
import { replacementFixes } from '../fixes';
import { didYouMean } from '../messageText';
import { regionProblem } from '../regions';
import { serviceRank, suggest } from '../suggestions';
import * as l10n from '@vscode/l10n';

interface ArnServiceFacts { regionAlways: boolean; regionNever: boolean; accountAlways: boolean; accountNever: boolean }
const factsCache = new WeakMap<Catalog, Map<string, ArnServiceFacts>>();

/** Per ARN service (the third field of the ARN formats), whether its formats always / never have a region and account. */
export function arnServiceFacts(catalog: Catalog): Map<string, ArnServiceFacts> {
  let m = factsCache.get(catalog);
  if (m) return m;
  m = new Map();
  for (const prefix of catalog.servicePrefixes()) {
    for (const rt of catalog.resourceTypesOfService(prefix)) {
      const parts = rt.arnFormat.split(':');
      if (parts.length < 6 || parts[0] !== 'arn') continue;
      const f = m.get(parts[2]) ?? { regionAlways: true, regionNever: true, accountAlways: true, accountNever: true };
      if (parts[3]) f.regionNever = false; else f.regionAlways = false;
      if (parts[4]) f.accountNever = false; else f.accountAlways = false;
      m.set(parts[2], f);
    }
  }
  factsCache.set(catalog, m);
  return m;
}

// a field with a wildcard or a policy variable can name many values: its shape is not checked
const dynamic = (s: string) => hasWildcard(s) || s.includes('${');

/** Returns the problem with a resource ARN's shape, or undefined. Exported for the resource-mismatch rule. */
export function arnProblem(catalog: Catalog, arn: string): { message: string; fixes?: string[] } | undefined {
  if (arn === '*' || /^[*?]+$/.test(arn)) return undefined;
  if (arn.length > MAX_PATTERN_LENGTH) {
    return { message: `This ARN has ${arn.length.toLocaleString('en-US')} characters; ARNs have at most ${MAX_PATTERN_LENGTH.toLocaleString('en-US')}, so it names no resource. Shorten it (use a wildcard for the varying part).` };
  }
  if (!arn.startsWith('arn:')) {
    if (/^arn:/i.test(arn)) return { message: l10n.t('ARNs start with lowercase "arn:".'), fixes: ['arn:' + arn.slice(4)] };
    return { message: l10n.t('"{0}" is not an ARN: write "arn:partition:service:region:account:resource" (e.g. "arn:aws:s3:::my-bucket/*") or "*".', arn) };
  }
  const parts = arn.split(':');
  if (parts.length < 6) return { message: l10n.t('The ARN "{0}" is missing fields: ARNs have six colon-separated parts, arn:partition:service:region:account:resource (leave region or account empty where the service has none, e.g. "arn:aws:s3:::bucket").', arn) };
  const [, partition, service, region, account] = parts;
  if (!dynamic(partition) && !catalog.isPartition(partition)) {
    const s = suggest(partition, catalog.partitions(), 1);
    return { message: `"${partition}" is not an AWS partition (${catalog.partitions().slice(0, 3).join(', ')}, …).${didYouMean(s)}`, fixes: s.map((p) => [parts[0], p, ...parts.slice(2)].join(':')) };
  }
  if (!dynamic(service)) {
    if (service !== service.toLowerCase()) return { message: l10n.t('Service names in ARNs are lowercase: write "{0}".', service.toLowerCase()), fixes: [[parts[0], partition, service.toLowerCase(), ...parts.slice(3)].join(':')] };
    const facts = arnServiceFacts(catalog);
    const f = facts.get(service);
    if (!f) {
      if (catalog.service(service)) return undefined; // a service without resource types in the reference data
      const s = suggest(service, [...new Set([...facts.keys(), ...catalog.servicePrefixes()])], 2, serviceRank);
      return { message: l10n.t('Unknown service "{0}" in the ARN.{1}', service, didYouMean(s)), fixes: s.map((x) => [parts[0], partition, x, ...parts.slice(3)].join(':')) };
    }
    // an empty Region or account is fine even where formats have one: AWS-owned resources (public SSM documents, AMIs) omit them
    if (!dynamic(region)) {
      if (region && f.regionNever) return { message: l10n.t('"{0}" ARNs have no Region: leave the Region field empty (e.g. "arn:{1}:{2}::…").', service, partition, service), fixes: [[parts[0], partition, service, '', ...parts.slice(4)].join(':')] };
    }
    if (!dynamic(account)) {
      if (account && f.accountNever && account !== 'aws') return { message: l10n.t('"{0}" ARNs have no account id: leave the account field empty.', service), fixes: [[parts[0], partition, service, region, '', ...parts.slice(5)].join(':')] };
    }
  }
  const rp = region && !dynamic(region) ? regionProblem(catalog, region) : undefined;
  if (rp) {
    const s = rp.suggestions.slice(0, 1);
    return { message: l10n.t('"{0}" is not an AWS Region.{1}', region, didYouMean(s)), fixes: s.map((r) => [parts[0], partition, service, r, ...parts.slice(4)].join(':')) };
  }
  if (account && !dynamic(account) && !/^\d{12}$/.test(account) && account !== 'aws') {
    return { message: `"${account}" is not an account id: use the 12-digit account id, "*", or \${aws:PrincipalAccount}.` };
  }
  return undefined;
}

/** The shape of Resource ARNs: prefix, six fields, partition, lowercase service, Region and account where the service has them. */
export const arnFormat: Rule = {
  code: 'IAM401',
  slug: 'arn-format',
  defaultSeverity: 'error',
  description: 'Resource values are "*" or ARNs: arn:partition:service:region:account:resource with a known partition, a lowercase service, a valid Region and a 12-digit account where the service uses them.',
  check(ctx) {
    for (const s of ctx.doc.statements) {
      for (const el of [s.resource, s.notResource]) {
        for (const v of el?.values ?? []) {
          const p = arnProblem(ctx.catalog, v.value);
          if (p) ctx.report({ span: v.span, message: p.message, data: p.fixes ? { fixes: replacementFixes(v.span, p.fixes) } : undefined });
        }
      }
    }
  },
};
