// The command line: iam-policy lint|simulate|test|access|who-can|paths, on the same service and core as the language server.
import { loadCatalog } from './node/catalogFiles';
import { localeFromEnvironment, useLocale } from './node/l10nBundle';
import { loadManagedPolicies } from './node/modelFiles';
import { inGitHubActions } from './cli/annotations';
import { runLint, TERRAFORM_FILE, type LintOptions } from './cli/lint';
import { runScenarioCommand } from './cli/scenarios';
import { tuneJitForBatch } from './cli/batchJit';
import { bufferedOutput } from './cli/bufferedOutput';
import { stdoutWriter } from './node/stdoutWriter';
import { loadTerraformParser } from './node/terraformParser';
import { ACCESS_USAGE, runAccess } from './cli/access';
import { PATHS_USAGE, runPaths, runWhoCan, WHO_CAN_USAGE } from './cli/paths';
import * as l10n from '@vscode/l10n';

// the command lines stay as typed; the explanations are translated (called after the locale is chosen)
const usage = () => [
  l10n.t('usage:'),
  '  iam-policy lint FILES… [--format text|json|sarif] [--fail-on error|warning] [--quiet]',
  `      ${l10n.t('check policies, also inside CloudFormation/SAM templates and Terraform files; exit 1 on findings at or above --fail-on')}`,
  '  iam-policy simulate FILE [--format text|json]',
  `      ${l10n.t('evaluate the scenarios in FILE')}`,
  '  iam-policy test FILES… [--format text|json] [--quiet]',
  `      ${l10n.t('run scenarios with "expected"; exit 1 on failures')}`,
  `  ${ACCESS_USAGE}`,
  `      ${l10n.t('effective permissions of a user or role of an IAM model')}`,
  `  ${WHO_CAN_USAGE}`,
  `      ${l10n.t('every principal that may perform it, directly or via AssumeRole')}`,
  `  ${PATHS_USAGE}`,
  `      ${l10n.t('who can become whom, and privilege-escalation findings')}`,
  '  iam-policy --version',
  l10n.t('--locale LOCALE (e.g. ja) picks the language of the text output (default: LC_ALL, LC_MESSAGES or LANG, else English); JSON and SARIF field names stay as they are.'),
  l10n.t('exit status: 0 clean, 1 findings (lint) or failed scenarios (test), 2 bad usage or input that cannot be read.'),
  l10n.t('--quiet prints only the summary line; inside GitHub Actions (GITHUB_ACTIONS=true) findings are also printed as workflow annotations.'),
].join('\n');

function takeLintOptions(args: string[]): { opts: LintOptions; files: string[] } | string {
  const files: string[] = [];
  const opts: LintOptions = { format: 'text', failOn: 'error', quiet: false, annotate: inGitHubActions() };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i]);
    if (a === '--format' || a.startsWith('--format=')) {
      const v = value();
      if (v !== 'text' && v !== 'json' && v !== 'sarif') return l10n.t('--format must be one of text, json, sarif');
      opts.format = v;
    } else if (a === '--fail-on' || a.startsWith('--fail-on=')) {
      const v = value();
      if (v !== 'error' && v !== 'warning') return l10n.t('--fail-on must be error or warning');
      opts.failOn = v;
    } else if (a === '--quiet' || a === '-q') opts.quiet = true;
    else if (a.startsWith('--')) return l10n.t('unknown option {0}', a);
    else files.push(a);
  }
  return { opts, files };
}

/** Takes `--locale X` / `--locale=X` out of the arguments; the environment's locale when absent. */
function takeLocale(argv: string[]): { locale: string | undefined; rest: string[] } | string {
  const rest: string[] = [];
  let locale = localeFromEnvironment(process.env);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--locale' || a.startsWith('--locale=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (!v || v.startsWith('-')) return '--locale needs a value, e.g. --locale ja'; // before the locale is known: English
      locale = v;
    } else rest.push(a);
  }
  return { locale, rest };
}

async function main(rawArgv: string[]): Promise<number> {
  const taken = takeLocale(rawArgv);
  if (typeof taken === 'string') { process.stderr.write(`iam-policy: ${taken}\n`); return 2; }
  useLocale(taken.locale, undefined, (m) => process.stderr.write(`iam-policy: ${m}\n`));
  const [cmd, ...args] = taken.rest;
  const out = (s: string) => process.stdout.write(s + '\n');
  if (!cmd || cmd === '--help' || cmd === '-h' || args.includes('--help') || args.includes('-h')) { out(usage()); return cmd ? 0 : 2; }
  if (cmd === '--version') { const c = loadCatalog(); out(`iam-policy, ${c.version.label}; ${loadManagedPolicies().label}`); return 0; }
  if (cmd === 'lint') {
    const p = takeLintOptions(args);
    if (typeof p === 'string') { process.stderr.write(`iam-policy lint: ${p}\n`); return 2; }
    // the Terraform parser is WASM: loaded only when a .tf file is given
    if (p.files.some((f) => TERRAFORM_FILE.test(f))) p.opts.terraform = await loadTerraformParser();
    return runLint(p.files, p.opts, loadCatalog(), out, (s) => process.stderr.write(s + '\n'));
  }
  if (cmd === 'access') return runAccess(args, loadCatalog(), out);
  if (cmd === 'who-can') return runWhoCan(args, loadCatalog(), out);
  if (cmd === 'paths') return runPaths(args, loadCatalog(), out);
  if (cmd === 'simulate' || cmd === 'test') {
    tuneJitForBatch();
    const o = bufferedOutput(stdoutWriter());
    try { return await runScenarioCommand(cmd, args, loadCatalog(), o.out, o.err); } finally { o.flush(); }
  }
  process.stderr.write(`iam-policy: ${l10n.t('unknown command "{0}"', cmd)}\n${usage()}\n`);
  return 2;
}

// `iam-policy … | head` closes the pipe early: that is a normal end, not an error
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e) => {
  process.stderr.write(`iam-policy: internal error: ${(e as Error).stack ?? e}\n`);
  process.exitCode = 2;
});
