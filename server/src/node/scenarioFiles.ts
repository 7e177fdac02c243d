// Reads scenario files and the policy files they reference (paths relative to the scenario file) for the CLI.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseScenarioFile, type Scenario, type ScenarioError } from '../core/evaluator';

export interface LoadedScenarios {
  file: string;
  scenarios: Scenario[];
  errors: ScenarioError[];
}

export function loadScenarioFile(file: string): LoadedScenarios {
  let text: string;
  try { text = readFileSync(file, 'utf8'); } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { file, scenarios: [], errors: [{ path: [], message: err.code === 'ENOENT' ? 'file not found' : `cannot read the file: ${err.message}` }] };
  }
  const dir = dirname(resolve(file));
  const { scenarios, errors } = parseScenarioFile(text, file, (rel) => {
    try { return { text: readFileSync(resolve(dir, rel), 'utf8') }; } catch (e) {
      const err = e as NodeJS.ErrnoException;
      throw new Error(err.code === 'ENOENT' ? `no such file ${resolve(dir, rel)}` : err.message);
    }
  });
  return { file, scenarios, errors };
}
