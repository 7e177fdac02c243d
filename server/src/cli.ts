// The command line: iam-policy lint|simulate|test, on the same service and core as the language server.
import { loadCatalog } from './node/catalogFiles';
import { runLint } from './cli/lint';
import { runScenarioCommand } from './cli/scenarios';

const USAGE = `usage:
  iam-policy lint FILES… [--format text|json|sarif]   check policies; exit 1 on errors
  iam-policy simulate FILE [--format text|json]        evaluate the scenarios in FILE
  iam-policy test FILES…                              run scenarios with "expected"; exit 1 on failures
  iam-policy --version`;

function takeFormat(args: string[], allowed: string[]): { format: string; rest: string[] } | string {
  const rest: string[] = [];
  let format = 'text';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--format' || a.startsWith('--format=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (!v || !allowed.includes(v)) return `--format must be one of ${allowed.join(', ')}`;
      format = v;
    } else if (a.startsWith('--')) return `unknown option ${a}`;
    else rest.push(a);
  }
  return { format, rest };
}

async function main(argv: string[]): Promise<number> {
  const [cmd, ...args] = argv;
  const out = (s: string) => process.stdout.write(s + '\n');
  if (!cmd || cmd === '--help' || cmd === '-h' || args.includes('--help') || args.includes('-h')) { out(USAGE); return cmd ? 0 : 2; }
  if (cmd === '--version') { const c = loadCatalog(); out(`iam-policy, ${c.version.label}`); return 0; }
  if (cmd === 'lint') {
    const p = takeFormat(args, ['text', 'json', 'sarif']);
    if (typeof p === 'string') { process.stderr.write(`iam-policy lint: ${p}\n`); return 2; }
    return runLint(p.rest, p.format, loadCatalog(), out);
  }
  if (cmd === 'simulate' || cmd === 'test') {
    return runScenarioCommand(cmd, args, loadCatalog(), out);
  }
  process.stderr.write(`iam-policy: unknown command "${cmd}"\n${USAGE}\n`);
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
