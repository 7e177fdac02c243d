// Expands the glob patterns of the GitHub Action's inputs (no shell expands them there): `*`, `?`, `**` for any number
// of folders, `{a,b}` alternatives, and `!pattern` lines that exclude. node_modules and .git are never searched, and
// symbolic links to folders are not followed (no loops).
import { readdirSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';

const GLOB_CHARS = /[*?{]/;
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

/** `a{b,c}d` → `abd`, `acd` (nested braces too). */
export function expandBraces(pattern: string): string[] {
  const open = pattern.indexOf('{');
  if (open < 0) return [pattern];
  let depth = 0;
  const commas: number[] = [];
  for (let i = open; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      const bounds = [open, ...commas, i];
      const head = pattern.slice(0, open), tail = pattern.slice(i + 1);
      return bounds.slice(1).flatMap((end, k) => expandBraces(head + pattern.slice(bounds[k] + 1, end) + tail));
    } else if (c === ',' && depth === 1) commas.push(i);
  }
  return [pattern]; // an unclosed brace is a literal character
}

/** A brace-free pattern as a regular expression over `/`-separated relative paths. */
export function globToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      re += slash ? '(?:[^/]+/)*' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function walk(dir: string, found: string[]): void {
  let entries;
  try { entries = readdirSync(dir, { withFileTypes: true }); } catch { return; }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) { if (!SKIPPED_DIRS.has(e.name)) walk(p, found); } else if (e.isFile()) found.push(p);
  }
}

const toPosix = (p: string) => p.split(sep).join('/');

export interface GlobResult {
  /** matched files, relative to `cwd` with `/` (absolute when the pattern was), sorted, each once */
  files: string[];
  /** the including patterns that matched nothing */
  unmatched: string[];
}

/**
 * Patterns are separated by newlines or spaces, relative to `cwd`. A pattern without glob characters names a file
 * that is kept even when missing, so the linter reports it (exit 2) instead of it disappearing silently.
 */
export function expandGlobs(input: string, cwd: string): GlobResult {
  const patterns = input.split(/[\s]+/).map((p) => p.replace(/^\.\//, '')).filter(Boolean);
  const excludes = patterns.filter((p) => p.startsWith('!')).flatMap((p) => expandBraces(p.slice(1).replace(/^\.\//, ''))).map(globToRegExp);
  const files = new Set<string>();
  const unmatched: string[] = [];
  const walked = new Map<string, string[]>();
  for (const pattern of patterns.filter((p) => !p.startsWith('!'))) {
    let matched = 0;
    for (const alt of expandBraces(pattern)) {
      if (!GLOB_CHARS.test(alt)) { files.add(alt); matched++; continue; }
      // walk from the folder part before the first glob character
      const base = alt.slice(0, alt.slice(0, alt.search(GLOB_CHARS)).lastIndexOf('/') + 1);
      const root = isAbsolute(base) ? base : join(cwd, base);
      if (!walked.has(root)) { const found: string[] = []; walk(root, found); walked.set(root, found); }
      const re = globToRegExp(alt);
      for (const abs of walked.get(root)!) {
        const shown = isAbsolute(alt) ? toPosix(abs) : toPosix(relative(cwd, abs));
        if (re.test(shown)) { files.add(shown); matched++; }
      }
    }
    if (!matched) unmatched.push(pattern);
  }
  return { files: [...files].filter((f) => !excludes.some((re) => re.test(f))).sort(), unmatched };
}
