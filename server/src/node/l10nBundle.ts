// Chooses the language of the server's and the CLI's texts: reads the l10n bundle (VS Code's format, produced by
// @vscode/l10n-dev, see scripts/l10n.mjs) for a locale and hands it to @vscode/l10n. English is the key of every
// message and the default, so no bundle (or a locale we have no bundle for) means English.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as l10n from '@vscode/l10n';
import { setDocumentationLocale } from '../core/documentationLocale';
import { setTranslator } from '../core/localize';
import { bundleTranslator, type BundleContents } from './l10nTranslate';

/** `ja`, `ja-JP`, `ja_JP.UTF-8`, `JA` → `ja`; `C`, `POSIX`, empty → undefined. */
export function normalizeLocale(locale: string | undefined): string | undefined {
  const m = /^([a-zA-Z]{2,3})(?:[-_]([a-zA-Z]{2,4}))?/.exec(locale?.trim() ?? '');
  if (!m || /^(c|posix)$/i.test(locale!.trim().split('.')[0])) return undefined;
  return m[2] ? `${m[1].toLowerCase()}-${m[2].toLowerCase()}` : m[1].toLowerCase();
}

/** The locale of a command line's environment, as POSIX looks it up: LC_ALL, then LC_MESSAGES, then LANG. */
export function localeFromEnvironment(env: NodeJS.ProcessEnv): string | undefined {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const v = env[name];
    if (v) return normalizeLocale(v);
  }
  return undefined;
}

/** The bundles shipped next to the bundled server and CLI (dist/../l10n), or in the repository when run from sources. */
function defaultBundleFolder(): string {
  const here = typeof __dirname === 'string' ? __dirname : process.cwd();
  for (const up of ['..', '../../..']) {
    const dir = join(here, up, 'l10n');
    if (existsSync(dir)) return dir;
  }
  return join(here, '..', 'l10n');
}

/** The bundle file for a locale: `bundle.l10n.ja-jp.json`, else `bundle.l10n.ja.json`; undefined for English or none. */
export function bundleFileFor(locale: string | undefined, folder = defaultBundleFolder()): string | undefined {
  const norm = normalizeLocale(locale);
  if (!norm || norm === 'en' || norm.startsWith('en-')) return undefined;
  for (const candidate of [norm, norm.split('-')[0]]) {
    const file = join(folder, `bundle.l10n.${candidate}.json`);
    if (existsSync(file)) return file;
  }
  return undefined;
}

/**
 * Loads the texts of `locale` from `bundlePath` (what the client passes: VS Code's `vscode.l10n.uri`) or from the
 * shipped bundles. Returns the locale now in use ('en' when there is no bundle for it). A bundle that cannot be read
 * is reported through `warn` and English is used.
 */
export function useLocale(locale: string | undefined, bundlePath?: string, warn: (message: string) => void = () => {}): string {
  const norm = normalizeLocale(locale) ?? 'en';
  const file = bundlePath && existsSync(bundlePath) ? bundlePath : bundleFileFor(norm);
  setDocumentationLocale('en');
  if (!file) { use({}); return 'en'; }
  try {
    use(JSON.parse(readFileSync(file, 'utf8')) as BundleContents);
    setDocumentationLocale(norm);
    return norm;
  } catch (e) {
    warn(`cannot read the ${norm} texts from ${file} (${(e as Error).message}); using English`);
    use({});
    return 'en';
  }
}

/** The texts of one bundle for @vscode/l10n and, through the same strings, for core's texts (core/localize). */
function use(contents: BundleContents): void {
  l10n.config({ contents });
  setTranslator(bundleTranslator(contents));
}
