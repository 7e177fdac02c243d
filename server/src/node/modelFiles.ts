// Reads IAM model files (and the policy files they name) and the bundled AWS managed policies from disk, for the CLI
// and the server. The model itself is built by core/model (pure).
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ManagedPolicies, type RawManagedPolicies } from '../core/model/managedPolicies';
import { loadModel, type LoadedModel } from '../core/model/load';
import type { ModelFile, ModelProblem } from '../core/model/types';
import { findDataDir } from './catalogFiles';

export const MANAGED_POLICIES_FILE = 'aws-managed-policies.json';
/** Larger files are refused with a message instead of exhausting memory (a real 5,000-role export is ~50 MB). */
export const MAX_MODEL_BYTES = 256 * 1024 * 1024;

let shared: ManagedPolicies | undefined;
/** The bundled AWS managed policies, read once per process on first use. */
export function loadManagedPolicies(dir?: string): ManagedPolicies {
  return (shared ??= new ManagedPolicies(JSON.parse(readFileSync(join(dir ?? findDataDir(), MANAGED_POLICIES_FILE), 'utf8')) as RawManagedPolicies));
}

/** Reads a file as UTF-8 text, or says why it cannot (missing, a folder, too large). */
export function readTextFile(path: string, maxBytes = MAX_MODEL_BYTES): { text: string } | { error: string } {
  try {
    const st = statSync(path);
    if (st.isDirectory()) return { error: `${path} is a folder; expected a JSON file` };
    if (st.size > maxBytes) return { error: `${path} is ${(st.size / 1024 / 1024).toFixed(0)} MB, more than the ${maxBytes / 1024 / 1024} MB a model file may have` };
    return { text: readFileSync(path, 'utf8') };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { error: err.code === 'ENOENT' ? `no such file ${path}` : `cannot read ${path}: ${err.message}` };
  }
}

/** Reads model files (absolute or relative to the working folder) into one model. */
export function loadModelFiles(paths: string[]): LoadedModel {
  const files: ModelFile[] = [];
  const problems: ModelProblem[] = [];
  for (const p of paths) {
    const name = resolve(p);
    const r = readTextFile(name);
    if ('error' in r) problems.push({ file: name, path: [], message: r.error, severity: 'error' });
    else files.push({ name, text: r.text });
  }
  const loaded = loadModel(files, {
    managed: loadManagedPolicies(),
    readPolicyFile: (from, rel) => {
      const file = resolve(dirname(from), rel);
      const r = readTextFile(file, 1024 * 1024);
      if ('error' in r) throw new Error(r.error);
      return { file, text: r.text };
    },
  });
  loaded.problems.unshift(...problems);
  return loaded;
}

const scenarioModels = new Map<string, LoadedModel>();
/** The model a scenario file names (paths relative to it), loaded once per set of files in this process. */
export function modelOfScenario(scenarioFile: string, files: string[]): { key: string; loaded: LoadedModel } {
  const paths = files.map((f) => resolve(dirname(resolve(scenarioFile)), f));
  const key = paths.join('\n');
  let loaded = scenarioModels.get(key);
  if (!loaded) { loaded = loadModelFiles(paths); scenarioModels.set(key, loaded); }
  return { key, loaded };
}
