// Localisation bundles (VS Code's conventions). Extracts every l10n.t / vscode.l10n.t message of client/src and
// server/src with @vscode/l10n-dev into l10n/bundle.l10n.json (English: key = text), then checks the translations:
// every key of l10n/bundle.l10n.json and of package.nls.json must have a text in the .ja files, with the same {0}/{name}
// placeholders, and every %key% of package.json must be in package.nls.json.
// usage: node scripts/l10n.mjs            refresh l10n/bundle.l10n.json, list what the translations lack
//        node scripts/l10n.mjs --check    change nothing; exit 1 when the bundle is stale or a translation is missing
//        [--ja FILE] [--nls-ja FILE]      check other translation files (the test suite's negative control)
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';

const root = new URL('..', import.meta.url).pathname;
const argv = process.argv.slice(2);
const check = argv.includes('--check');
const opt = (name, dflt) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : dflt);
const LOCALES = ['ja'];
const bundleFile = join(root, 'l10n/bundle.l10n.json');

function sources(dir) {
  const out = [];
  for (const f of readdirSync(dir).sort()) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (f.endsWith('.ts') && !f.endsWith('.d.ts')) out.push(p);
  }
  return out;
}
const readJson = (f) => JSON.parse(readFileSync(f, 'utf8'));
const text = (v) => (typeof v === 'string' ? v : v.message);
const placeholders = (s) => [...s.matchAll(/\{(\d+|[A-Za-z_]\w*)\}/g)].map((m) => m[0]).sort().join(' ');

const files = [...sources(join(root, 'client/src')), ...sources(join(root, 'server/src'))];
// core/ calls l10n.t through its own shim (core/localize.ts, no l10n package in core); the extractor recognises only
// the package's import, so those files are shown to it importing the package
// the client's pure report modules take the translator as a parameter named l10n (client/src/translator.ts): they are
// shown to it with that import added
const asExtracted = (text) => {
  const t = text.replace(/from '(?:\.\.?\/)+localize'/g, "from '@vscode/l10n'");
  return /\bl10n: Translator\b/.test(t) && !/from '(?:vscode|@vscode\/l10n)'/.test(t) ? `import * as l10n from '@vscode/l10n';\n${t}` : t;
};
const extracted = await getL10nJson(files.filter((f) => /l10n\.t\(/.test(readFileSync(f, 'utf8'))).map((f) => ({ contents: asExtracted(readFileSync(f, 'utf8')), extension: '.ts' })));
const sorted = Object.fromEntries(Object.keys(extracted).sort().map((k) => [k, extracted[k]]));
const serialized = JSON.stringify(sorted, null, 2) + '\n';

const problems = [];
if (check) {
  let current = '';
  try { current = readFileSync(bundleFile, 'utf8'); } catch { /* reported below */ }
  if (current !== serialized) problems.push(`${relative(root, bundleFile)} is not what the sources say: run node scripts/l10n.mjs`);
} else {
  writeFileSync(bundleFile, serialized);
  console.log(`l10n: ${Object.keys(sorted).length} messages from ${files.length} files → ${relative(root, bundleFile)}`);
}

function compare(what, english, translatedFile) {
  let translated;
  try { translated = readJson(translatedFile); } catch (e) { problems.push(`${relative(root, translatedFile)}: cannot read (${e.message})`); return; }
  let missing = 0;
  for (const [key, value] of Object.entries(english)) {
    const t = translated[key];
    if (t === undefined || text(t).trim() === '') { missing++; problems.push(`${relative(root, translatedFile)}: no text for ${what} ${JSON.stringify(key)}`); continue; }
    if (placeholders(text(t)) !== placeholders(text(value))) problems.push(`${relative(root, translatedFile)}: the text for ${JSON.stringify(key)} has placeholders [${placeholders(text(t))}], the English [${placeholders(text(value))}]`);
  }
  for (const key of Object.keys(translated)) if (!(key in english)) problems.push(`${relative(root, translatedFile)}: ${JSON.stringify(key)} is no longer a message (remove it)`);
  console.log(`l10n: ${relative(root, translatedFile)}: ${Object.keys(english).length - missing}/${Object.keys(english).length} ${what}s translated`);
}

for (const locale of LOCALES) {
  compare('message', sorted, opt('--ja', join(root, `l10n/bundle.l10n.${locale}.json`)));
  compare('manifest text', readJson(join(root, 'package.nls.json')), opt('--nls-ja', join(root, `package.nls.${locale}.json`)));
}
// a webview cannot call vscode.l10n: the tx('…') texts of client/webview/NAME come from the table the panel embeds,
// client/src/NAME/webviewTexts.ts, which must list each (as a literal vscode.l10n.t call, so it is in the bundle)
for (const panel of readdirSync(join(root, 'client/webview')).filter((d) => statSync(join(root, 'client/webview', d)).isDirectory()).sort()) {
  const tableFile = join(root, 'client/src', panel, 'webviewTexts.ts');
  let table = '';
  try { table = readFileSync(tableFile, 'utf8'); } catch { /* every text is reported below */ }
  for (const f of sources(join(root, 'client/webview', panel))) {
    for (const m of readFileSync(f, 'utf8').matchAll(/\btx\('((?:[^'\\]|\\.)*)'\)/g)) {
      const key = m[1].replace(/\\(.)/g, '$1');
      if (!(key in sorted) || !table.includes(`vscode.l10n.t(${m[0].slice(3, -1)})`)) problems.push(`${relative(root, f)}: tx(${JSON.stringify(key)}) is not in ${relative(root, tableFile)}`);
    }
  }
}
const nls = readJson(join(root, 'package.nls.json'));
for (const m of readFileSync(join(root, 'package.json'), 'utf8').matchAll(/"%([^"%]+)%"/g)) {
  if (!(m[1] in nls)) problems.push(`package.json uses %${m[1]}% but package.nls.json has no such key`);
}

for (const p of problems) console.error(`l10n: ${p}`);
if (problems.length) {
  console.error(`l10n: ${problems.length} problem(s); translations follow docs/l10n-glossary.md`);
  process.exit(1);
}
console.log('l10n: ok');
