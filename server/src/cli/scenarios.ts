// iam-policy simulate FILE [--format text|json] and iam-policy test FILES… [--format text|json] [--quiet].
// Exit status: 0 all good; 1 a test failed; 2 bad usage or bad input (file, JSON path and what was expected on stderr).
// Inside GitHub Actions, failures and bad input are also printed as workflow annotations.
import type { Catalog } from '../core/catalog/catalog';
import { formatPath, simulate, type Scenario, type SimulationResult } from '../core/evaluator';
import { applyModel, type GatheredPolicy } from '../core/model/gather';
import { loadScenarioFile, type LoadedScenarios } from '../node/scenarioFiles';
import { modelOfScenario } from '../node/modelFiles';
import { gatheredJson, modelProblemLines } from './modelOutput';
import { inGitHubActions, workflowCommand } from './annotations';
import * as l10n from '@vscode/l10n';

interface Options { format: 'text' | 'json'; files: string[]; quiet: boolean }

function parseArgs(cmd: string, args: string[]): Options | string {
  const files: string[] = [];
  let format: Options['format'] = 'text';
  let quiet = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--format' || a.startsWith('--format=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (v !== 'text' && v !== 'json') return '--format must be one of text, json';
      format = v;
    } else if ((a === '--quiet' || a === '-q') && cmd === 'test') quiet = true;
    else if (a.startsWith('--')) return `unknown option ${a}`;
    else files.push(a);
  }
  if (!files.length) return cmd === 'simulate' ? 'usage: iam-policy simulate FILE [--format text|json]' : 'usage: iam-policy test FILES… [--format text|json] [--quiet]';
  if (cmd === 'simulate' && files.length > 1) return 'simulate takes one scenario file; use "iam-policy test" for several';
  return { format, files, quiet };
}

function reportErrors(loaded: LoadedScenarios, err: (s: string) => void, annotate: ((s: string) => void) | undefined): void {
  for (const e of loaded.errors) {
    const where = e.path.length ? ` at ${formatPath(e.path)}` : '';
    const which = e.scenarioName !== undefined ? `, scenario ${JSON.stringify(e.scenarioName)}` : '';
    err(`${loaded.file}${which}${where}: ${e.message}`);
    annotate?.(workflowCommand({ level: 'error', file: loaded.file, title: 'iam-policy: bad scenario file', message: `${e.scenarioName !== undefined ? `scenario ${JSON.stringify(e.scenarioName)} ` : ''}${e.path.length ? `${formatPath(e.path)}: ` : ''}${e.message}` }));
  }
}

/** The scenario.md result object (the per-statement detail stays out of the CLI output to keep it readable). */
function resultJson(r: SimulationResult, file: string, gathered?: { principal: string; gathered: GatheredPolicy[] }): Record<string, unknown> {
  const o: Record<string, unknown> = { file, name: r.name, decision: r.decision };
  if (gathered) { o.principal = gathered.principal; o.gathered = gatheredJson(gathered.gathered); }
  if (r.expected) { o.expected = r.expected; o.pass = r.pass; }
  Object.assign(o, {
    matchedStatements: r.matchedStatements, policyTypes: r.policyTypes, derivedContext: r.derivedContext,
    missingContextKeys: r.missingContextKeys, explanation: r.explanation,
  });
  if (r.errors.length) o.errors = r.errors;
  return o;
}

function label(s: Scenario, i: number): string {
  return s.name ?? l10n.t('scenario {0}', i + 1);
}

function textResult(r: SimulationResult, s: Scenario, i: number, out: (s: string) => void, gathered?: GatheredPolicy[]): void {
  out(`${label(s, i)}: ${r.decision}${r.expected ? ` ${r.pass ? l10n.t('(expected {0}: pass)', r.expected) : l10n.t('(expected {0}: FAIL)', r.expected)}` : ''}`);
  out(`  ${s.request.principal} ${s.request.action} ${s.request.resource}`);
  for (const g of gathered ?? []) out(`  ${l10n.t('gathered {0}: {1}', g.policyType, g.origin.label)}`);
  for (const line of r.explanation) out(`  ${line}`);
  const types = Object.entries(r.policyTypes).filter(([, v]) => v !== 'NotApplicable').map(([k, v]) => `${k} ${v}`);
  if (types.length) out(`  ${l10n.t('policy types: {0}', types.join(', '))}`);
  for (const m of r.matchedStatements) {
    const where = m.file ? `${m.file}${m.range ? `:${m.range.start.line + 1}:${m.range.start.character + 1}` : ''}` : m.policy;
    out(`  ${l10n.t('matched:')} ${m.effect} ${m.sid ? `"${m.sid}"` : l10n.t('statement {0}', m.index)} (${m.policyType}) ${where}`);
  }
  for (const e of r.errors) out(`  ${l10n.t('problem: {0}', e)}`);
}

export async function runScenarioCommand(cmd: string, args: string[], catalog: Catalog, out: (s: string) => void, err: (s: string) => void = (s) => process.stderr.write(s + '\n')): Promise<number> {
  const opts = parseArgs(cmd, args);
  if (typeof opts === 'string') { err(`iam-policy ${cmd}: ${opts}`); return 2; }
  // annotations share stdout with text output; next to JSON they go to stderr so the JSON stays parseable
  const annotate = inGitHubActions() ? (opts.format === 'text' ? out : err) : undefined;
  let badInput = false;
  let passed = 0, failed = 0;
  const json: Record<string, unknown>[] = [];
  for (const file of opts.files) {
    const loaded = loadScenarioFile(file);
    if (loaded.errors.length) { badInput = true; reportErrors(loaded, err, annotate); }
    const reportedModels = new Set<string>();
    loaded.scenarios.forEach((given, i) => {
      if (cmd === 'test' && !given.expected) {
        err(`${file}: ${label(given, i)} has no "expected" decision; it is not a test (skipped)`);
        return;
      }
      let s = given;
      let gathered: { principal: string; gathered: GatheredPolicy[] } | undefined;
      if (given.model) {
        const m = modelOfScenario(file, given.model.files);
        if (!reportedModels.has(m.key)) { reportedModels.add(m.key); for (const line of modelProblemLines(m.loaded.problems)) err(line); }
        if (m.loaded.problems.some((p) => p.severity === 'error')) badInput = true;
        const applied = applyModel(m.loaded.model, given);
        if (applied.errors.length) {
          badInput = true;
          for (const e of applied.errors) err(`${file} at ${formatPath([...given.model.path.slice(0, -1), 'request', 'principal'])}: ${e.replace(/^request\.principal: /, '')}`);
          return;
        }
        s = applied.scenario;
        gathered = { principal: s.request.principal, gathered: applied.gathered };
      }
      const r = simulate(s, catalog);
      if (cmd === 'test') { if (r.pass) passed++; else failed++; }
      if (cmd === 'test' && !r.pass) annotate?.(workflowCommand({ level: 'error', file, title: 'iam-policy test', message: `${label(s, i)}: ${r.decision}, expected ${r.expected}` }));
      if (opts.format === 'json') json.push(resultJson(r, file, gathered));
      else if (cmd === 'test' && opts.quiet) return;
      else if (cmd === 'test') {
        out(`${r.pass ? 'pass' : 'FAIL'}  ${file}: ${label(s, i)}: ${r.decision}${r.pass ? '' : ` (expected ${r.expected})`}`);
        if (!r.pass) for (const line of r.explanation) out(`      ${line}`);
      } else { textResult(r, s, i, out, gathered?.gathered); out(''); }
    });
  }
  if (opts.format === 'json') out(JSON.stringify(cmd === 'test' ? { results: json, passed, failed } : json, null, 2));
  if (cmd === 'test' && opts.format === 'text') out(l10n.t('{0} passed, {1} failed', passed, failed));
  if (badInput) return 2;
  return failed ? 1 : 0;
}
