// The GitHub Action (action.yml runs dist/action.js): lints the policy files and runs the scenario files that the
// inputs' globs match, in the workspace, with annotations; writes SARIF when asked; sets the step's outputs.
// Inputs arrive as INPUT_<NAME> environment variables, outputs go to the file named by GITHUB_OUTPUT.
// https://docs.github.com/en/actions/reference/workflows-and-actions/metadata-syntax
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { inGitHubActions, workflowCommand } from './cli/annotations';
import { lintCounts, lintExitCode, lintFiles, lintSummary, printLint, toSarif } from './cli/lint';
import { runScenarioCommand } from './cli/scenarios';
import { loadCatalog } from './node/catalogFiles';
import { expandGlobs } from './node/globFiles';

/** The runner's naming of an input's variable: upper case, spaces as `_`, hyphens kept (`INPUT_SARIF-OUTPUT`). */
function input(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

function setOutputs(values: Record<string, string | number>): void {
  const file = process.env.GITHUB_OUTPUT;
  if (!file) return;
  appendFileSync(file, Object.entries(values).map(([k, v]) => `${k}=${v}\n`).join(''));
}

const out = (s: string) => process.stdout.write(s + '\n');
const err = (s: string) => process.stderr.write(s + '\n');
/** outside a runner (a local try) the problems are plain lines instead of workflow commands */
const problem = (level: 'error' | 'warning', message: string) => out(inGitHubActions() ? workflowCommand({ level, message }) : `${level}: ${message}`);

async function main(): Promise<number> {
  const cwd = process.cwd();
  const format = input('format') || 'text';
  const failOn = input('fail-on') || 'error';
  const sarifOutput = input('sarif-output');
  if (format !== 'text' && format !== 'json' && format !== 'sarif') { problem('error', `input "format" must be text, json or sarif, not "${format}"`); return 2; }
  if (failOn !== 'error' && failOn !== 'warning') { problem('error', `input "fail-on" must be error or warning, not "${failOn}"`); return 2; }

  const policies = expandGlobs(input('paths'), cwd);
  const scenarios = expandGlobs(input('scenarios'), cwd);
  for (const p of policies.unmatched) problem('warning', `iam-policy: no policy file matches "${p}" (input "paths")`);
  for (const p of scenarios.unmatched) problem('warning', `iam-policy: no scenario file matches "${p}" (input "scenarios")`);
  const policyFiles = policies.files.filter((f) => !scenarios.files.includes(f));
  if (!policyFiles.length && !scenarios.files.length) problem('warning', 'iam-policy: nothing to check: the inputs "paths" and "scenarios" matched no files');

  const outputs: Record<string, string | number> = {};
  let code = 0;
  const catalog = loadCatalog();
  if (policyFiles.length || sarifOutput) {
    const results = lintFiles(policyFiles, catalog);
    out(`iam-policy lint: ${policyFiles.length} file(s)`);
    printLint(results, { format, failOn, quiet: false, annotate: inGitHubActions() }, out, err);
    if (sarifOutput) {
      mkdirSync(dirname(sarifOutput), { recursive: true });
      writeFileSync(sarifOutput, JSON.stringify(toSarif(results), null, 2) + '\n');
      out(`iam-policy lint: SARIF written to ${sarifOutput}`);
      outputs['sarif-file'] = sarifOutput;
    }
    const c = lintCounts(results);
    if (format !== 'text') out(lintSummary(c));
    Object.assign(outputs, { 'files-checked': c.checked, errors: c.errors, warnings: c.warnings });
    code = lintExitCode(results, failOn);
  }
  if (scenarios.files.length) {
    out(`iam-policy test: ${scenarios.files.length} file(s)`);
    let summary: RegExpExecArray | null = null;
    // `test` ends its text output with "N passed, N failed"; that line gives the outputs' counts
    const testCode = await runScenarioCommand('test', scenarios.files, catalog, (s) => { summary = /^(\d+) passed, (\d+) failed$/.exec(s) ?? summary; out(s); }, err);
    const counts = summary as RegExpExecArray | null;
    if (counts) Object.assign(outputs, { 'scenarios-passed': Number(counts[1]), 'scenarios-failed': Number(counts[2]) });
    code = Math.max(code, testCode);
  }
  setOutputs(outputs);
  if (code === 2) problem('error', 'iam-policy: some input could not be read (see the lines above); exit 2');
  return code;
}

main().then((code) => { process.exitCode = code; }, (e) => {
  problem('error', `iam-policy action: internal error: ${(e as Error).stack ?? e}`);
  process.exitCode = 2;
});
