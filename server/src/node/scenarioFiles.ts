// Reads scenario files and the policy files they reference (paths relative to the scenario file) for the CLI,
// through the safe reader. A scenario may only reach files inside the current working directory (the project the
// CLI runs in) or the scenario's own folder: a scenario from a pull request must not read the CI runner's files.
import { dirname, resolve } from 'node:path';
import { parseScenarioFile, type Scenario, type ScenarioError } from '../core/evaluator';
import { readTextFile } from './safeFile';
import * as l10n from '@vscode/l10n';

export interface LoadedScenarios {
  file: string;
  scenarios: Scenario[];
  errors: ScenarioError[];
}


/**
 * Reads a policy file by absolute path, only inside `roots` (through the safe reader); throws an Error whose message
 * says what went wrong.
 */
export type PolicyFileReader = (absolutePath: string, roots: readonly string[]) => { text: string };

export const readPolicyFile: PolicyFileReader = (absolutePath, roots) => {
  const policy = readTextFile(absolutePath, { roots: [...roots], rootsName: l10n.t('the current folder and the scenario\'s folder'), outsideAdvice: l10n.t('Run iam-policy from a folder that holds both the scenario and its policy files.') });
  if (!policy.ok) throw new Error(policy.reason);
  return { text: policy.text };
};

/**
 * Scenario files are test suites: thousands of scenarios (a few hundred bytes each) are normal in CI, so they may be
 * far larger than a policy; still bounded, so `/dev/zero` or a runaway generator cannot exhaust memory.
 */
export const MAX_SCENARIO_FILE_BYTES = 64 * 1024 * 1024;

export function loadScenarioFile(file: string, readPolicy: PolicyFileReader = readPolicyFile, cwd = process.cwd()): LoadedScenarios {
  const read = readTextFile(file, { maxBytes: MAX_SCENARIO_FILE_BYTES });
  if (!read.ok) return { file, scenarios: [], errors: [{ path: [], message: read.reason }] };
  const dir = dirname(read.path);
  const roots = [cwd, dirname(resolve(file)), dir];
  // thousands of scenarios name the same few files: resolve each relative path once
  const resolved = new Map<string, string>();
  const absolute = (rel: string) => {
    let abs = resolved.get(rel);
    if (abs === undefined) { abs = resolve(dir, rel); resolved.set(rel, abs); }
    return abs;
  };
  const { scenarios, errors } = parseScenarioFile(read.text, file, (rel) => readPolicy(absolute(rel), roots));
  return { file, scenarios, errors };
}
