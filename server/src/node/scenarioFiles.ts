// Reads scenario files and the policy files they reference (paths relative to the scenario file) for the CLI,
// through the safe reader. A scenario may only reach files inside the current working directory (the project the
// CLI runs in) or the scenario's own folder: a scenario from a pull request must not read the CI runner's files.
import { dirname, resolve } from 'node:path';
import { parseScenarioFile, type Scenario, type ScenarioError } from '../core/evaluator';
import { readTextFile } from './safeFile';

export interface LoadedScenarios {
  file: string;
  scenarios: Scenario[];
  errors: ScenarioError[];
}

const ROOTS_NAME = "the current folder and the scenario's folder";
const OUTSIDE_ADVICE = 'Run iam-policy from a folder that holds both the scenario and its policy files.';

export function loadScenarioFile(file: string, cwd = process.cwd()): LoadedScenarios {
  const read = readTextFile(file);
  if (!read.ok) return { file, scenarios: [], errors: [{ path: [], message: read.reason }] };
  const dir = dirname(read.path);
  const roots = [cwd, dirname(resolve(file)), dir];
  const { scenarios, errors } = parseScenarioFile(read.text, file, (rel) => {
    const policy = readTextFile(resolve(dir, rel), { roots, rootsName: ROOTS_NAME, outsideAdvice: OUTSIDE_ADVICE });
    if (!policy.ok) throw new Error(policy.reason);
    return { text: policy.text };
  });
  return { file, scenarios, errors };
}
