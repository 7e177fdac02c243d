// Reads scenario files and the policy files they reference (paths relative to the scenario file) for the CLI.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseScenarioFile, type Scenario, type ScenarioError } from '../core/evaluator';

export interface LoadedScenarios {
  file: string;
  scenarios: Scenario[];
  errors: ScenarioError[];
}

/** Reads a policy file by absolute path; throws an Error whose message says what went wrong. */
export type PolicyFileReader = (absolutePath: string) => { text: string };

export const readPolicyFile: PolicyFileReader = (absolutePath) => {
  try { return { text: readFileSync(absolutePath, 'utf8') }; } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new Error(err.code === 'ENOENT' ? `no such file ${absolutePath}` : err.message);
  }
};

export function loadScenarioFile(file: string, readPolicy: PolicyFileReader = readPolicyFile): LoadedScenarios {
  let text: string;
  try { text = readFileSync(file, 'utf8'); } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { file, scenarios: [], errors: [{ path: [], message: err.code === 'ENOENT' ? 'file not found' : `cannot read the file: ${err.message}` }] };
  }
  const dir = dirname(resolve(file));
  // thousands of scenarios name the same few files: resolve each relative path once
  const resolved = new Map<string, string>();
  const absolute = (rel: string) => {
    let abs = resolved.get(rel);
    if (abs === undefined) { abs = resolve(dir, rel); resolved.set(rel, abs); }
    return abs;
  };
  const { scenarios, errors } = parseScenarioFile(text, file, (rel) => readPolicy(absolute(rel)));
  return { file, scenarios, errors };
}
