// Reads IAM model files (and the policy files they name) and the bundled AWS managed policies from disk, for the CLI
// and the server. The model itself is built by core/model (pure).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ManagedPolicies, type RawManagedPolicies } from '../core/model/managedPolicies';
import { loadModel, type LoadedModel } from '../core/model/load';
import type { ModelFile, ModelProblem } from '../core/model/types';
import { findDataDir } from './catalogFiles';
import { MAX_FILE_BYTES, readTextFile } from './safeFile';
import * as l10n from '@vscode/l10n';

export const MANAGED_POLICIES_FILE = 'aws-managed-policies.json';
/** Larger files are refused with a message instead of exhausting memory (a real 5,000-role export is ~50 MB). */
export const MAX_MODEL_BYTES = 256 * 1024 * 1024;

let shared: ManagedPolicies | undefined;
/** The bundled AWS managed policies, read once per process on first use. */
export function loadManagedPolicies(dir?: string): ManagedPolicies {
  return (shared ??= new ManagedPolicies(JSON.parse(readFileSync(join(dir ?? findDataDir(), MANAGED_POLICIES_FILE), 'utf8')) as RawManagedPolicies));
}

/** Reads model files (absolute or relative to the working folder) into one model; `roots` limits where they may be. */
export function loadModelFiles(paths: string[], roots?: string[]): LoadedModel {
  const files: ModelFile[] = [];
  const problems: ModelProblem[] = [];
  for (const p of paths) {
    const name = resolve(p);
    const r = readTextFile(name, { maxBytes: MAX_MODEL_BYTES, roots, rootsName: l10n.t('the current folder and the scenario\'s folder'), outsideAdvice: l10n.t('Run iam-policy from a folder that holds both the scenario and its model files.') });
    if (!r.ok) problems.push({ file: name, path: [], message: r.reason, severity: 'error' });
    else files.push({ name, text: r.text });
  }
  const loaded = loadModel(files, {
    managed: loadManagedPolicies(),
    // like a scenario's, a model's policy files stay inside the working folder or the model's own folder
    readPolicyFile: (from, rel) => {
      const file = resolve(dirname(from), rel);
      const r = readTextFile(file, { maxBytes: MAX_FILE_BYTES, roots: [process.cwd(), dirname(from)], rootsName: l10n.t('the current folder and the model file\'s folder'), outsideAdvice: l10n.t('Run iam-policy from a folder that holds both the model and its policy files.') });
      if (!r.ok) throw new Error(r.message);
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
  if (!loaded) { loaded = loadModelFiles(paths, [process.cwd(), dirname(resolve(scenarioFile))]); scenarioModels.set(key, loaded); }
  return { key, loaded };
}
