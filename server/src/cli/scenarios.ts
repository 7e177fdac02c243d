// iam-policy simulate FILE [--format text|json] and iam-policy test FILES… [--format text|json] [--quiet].
// Exit status: 0 all good; 1 a test failed; 2 bad usage or bad input (file, JSON path and what was expected on stderr).
// Inside GitHub Actions, failures and bad input are also printed as workflow annotations.
import type { Catalog } from '../core/catalog/catalog';
import { compilePolicySet, formatPath, samePolicies, type CompiledPolicySet, type Scenario, type SimulationSummary } from '../core/evaluator';
import { applyModel, type GatheredPolicy } from '../core/model/gather';
import { simulateFlow } from '../core/model/flows';
import { loadScenarioFile, readPolicyFile, type LoadedScenarios, type PolicyFileReader } from '../node/scenarioFiles';
import { modelOfScenario } from '../node/modelFiles';
import { gatheredJson, gatheredTypeName, modelProblemLines } from './modelOutput';
import { inGitHubActions, workflowCommand } from './annotations';
import * as l10n from '@vscode/l10n';
import { cachedPolicyReader } from './policyFileCache';

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
  if (!files.length) return `${l10n.t('usage:')} ${cmd === 'simulate' ? 'iam-policy simulate FILE [--format text|json]' : 'iam-policy test FILES… [--format text|json] [--quiet]'}`;
  if (cmd === 'simulate' && files.length > 1) return l10n.t('simulate takes one scenario file; use "iam-policy test" for several');
  return { format, files, quiet };
}

function reportErrors(loaded: LoadedScenarios, err: (s: string) => void, annotate: ((s: string) => void) | undefined): void {
  for (const e of loaded.errors) {
    const which = e.scenarioName !== undefined ? l10n.t('{0}, scenario {1}', loaded.file, JSON.stringify(e.scenarioName)) : loaded.file;
    err(`${e.path.length ? l10n.t('{0} at {1}', which, formatPath(e.path)) : which}: ${e.message}`);
    annotate?.(workflowCommand({ level: 'error', file: loaded.file, title: 'iam-policy: bad scenario file', message: `${e.scenarioName !== undefined ? `scenario ${JSON.stringify(e.scenarioName)} ` : ''}${e.path.length ? `${formatPath(e.path)}: ` : ''}${e.message}` }));
  }
}

/** The scenario.md result object (the per-statement detail stays out of the CLI output to keep it readable). */
function resultJson(r: SimulationSummary, file: string, gathered?: { principal: string; gathered: GatheredPolicy[] }): Record<string, unknown> {
  const o: Record<string, unknown> = { file, name: r.name, decision: r.decision };
  if (gathered) { o.principal = gathered.principal; o.gathered = gatheredJson(gathered.gathered); }
  if (r.expected) { o.expected = r.expected; o.pass = r.pass; }
  o.matchedStatements = r.matchedStatements;
  o.policyTypes = r.policyTypes;
  o.derivedContext = r.derivedContext;
  o.missingContextKeys = r.missingContextKeys;
  o.explanation = r.explanation;
  if (r.steps) o.steps = r.steps;
  if (r.errors.length) o.errors = r.errors;
  return o;
}

function label(s: Scenario, i: number): string {
  return s.name ?? l10n.t('scenario {0}', i + 1);
}

function textResult(r: SimulationSummary, s: Scenario, i: number, out: (s: string) => void, gathered?: GatheredPolicy[]): void {
  out(`${label(s, i)}: ${r.decision}${r.expected ? ` ${r.pass ? l10n.t('(expected {0}: pass)', r.expected) : l10n.t('(expected {0}: FAIL)', r.expected)}` : ''}`);
  out(`  ${s.request.principal} ${s.request.action} ${s.request.resource}`);
  for (const g of gathered ?? []) out(`  ${l10n.t('gathered {0}: {1}', gatheredTypeName(g.policyType), g.origin.label)}`);
  for (const line of r.explanation) out(`  ${line}`);
  for (const [n, st] of (r.steps ?? []).entries()) {
    out(`  step ${n + 1} ${st.step}: ${st.decision}`);
    for (const m of st.matchedStatements) out(`    matched: ${m.effect} ${m.sid ? `"${m.sid}"` : `statement ${m.index}`} (${m.policyType}) ${m.file ?? m.policy}`);
  }
  const types = Object.entries(r.policyTypes).filter(([, v]) => v !== 'NotApplicable').map(([k, v]) => `${k} ${v}`);
  if (types.length) out(`  ${l10n.t('policy types: {0}', types.join(', '))}`);
  for (const m of r.matchedStatements) {
    const where = m.file ? `${m.file}${m.range ? `:${m.range.start.line + 1}:${m.range.start.character + 1}` : ''}` : m.policy;
    out(`  ${l10n.t('matched:')} ${m.effect} ${m.sid ? `"${m.sid}"` : l10n.t('statement {0}', m.index)} (${m.policyType}) ${where}`);
  }
  for (const e of r.errors) out(`  ${l10n.t('problem: {0}', e)}`);
}

// texts of shared array elements (JsonArrayWriter.pushSharing), per element object and writer depth
const kept = new WeakMap<object, string[]>();

/**
 * Writes a JSON array item by item, byte for byte what JSON.stringify(items, null, 2) prints with the array nested
 * `depth` levels deep, so a run over many scenarios never holds all results, or one huge string, in memory. Items are
 * handed to `out` in chunks of about 64 KB (fewer writes).
 */
class JsonArrayWriter {
  private chunk: string[] = [];
  private chunkSize = 0;
  private count = 0;
  private readonly cut: number;
  constructor(private readonly out: (s: string) => void, private readonly head: string, private readonly depth: number) {
    // an item wrapped in depth + 1 arrays comes out of JSON.stringify indented as it sits in the output; the k
    // wrappers add k(k + 1) characters at each end
    this.cut = (depth + 1) * (depth + 2);
  }

  push(item: unknown): void {
    this.pushText(this.itemText(item));
  }

  /**
   * push(), with item[key] (an array of objects that items share, such as the frozen matched statements of the
   * summaries) printed from a text kept per object instead of serialized again: the array is taken out and put back
   * in as text, at its line, which is the only one at the item's property indentation that starts with its key.
   */
  pushSharing(item: Record<string, unknown>, key: string): void {
    const list = item[key];
    if (!Array.isArray(list) || !list.length) { this.push(item); return; }
    item[key] = 0;
    const text = this.itemText(item);
    const pad = ' '.repeat(2 * (this.depth + 2));
    const line = `\n${pad}${JSON.stringify(key)}: 0`;
    const at = text.indexOf(line);
    // cannot miss (keys are unique, deeper lines have more indentation); if it did, the item prints as it is
    if (at < 0) { item[key] = list; this.push(item); return; }
    let array = '[';
    for (let i = 0; i < list.length; i++) array += `${i ? ',' : ''}\n${pad}  ${this.keptText(list[i] as object)}`;
    array += `\n${pad}]`;
    this.pushText(`${text.slice(0, at + line.length - 1)}${array}${text.slice(at + line.length)}`);
  }

  /** JSON text of an element of a shared array, indented for its place, kept per object (and per writer depth). */
  private keptText(o: object): string {
    let byDepth = kept.get(o);
    if (!byDepth) { byDepth = []; kept.set(o, byDepth); }
    return byDepth[this.depth] ??= JSON.stringify(o, null, 2).replace(/\n/g, `\n${' '.repeat(2 * (this.depth + 3))}`);
  }

  /** An item's text as it sits in the output, with the indentation of its first line. */
  private itemText(item: unknown): string {
    let wrapped: unknown = item;
    for (let k = 0; k <= this.depth; k++) wrapped = [wrapped];
    const text = JSON.stringify(wrapped, null, 2);
    return text.slice(this.cut, text.length - this.cut);
  }

  private pushText(text: string): void {
    if (this.count++ === 0) this.out(`${this.head}[`);
    // `out` ends each chunk with the newline that follows an item's comma
    else if (this.chunkSize > 65536) { this.chunk.push(','); this.flush(); }
    else this.chunk.push(',\n');
    this.chunk.push(text);
    this.chunkSize += text.length;
  }

  private flush(): void {
    if (this.chunk.length) this.out(this.chunk.join(''));
    this.chunk = [];
    this.chunkSize = 0;
  }

  /** Closes the array; `tail` follows the closing bracket on its line (`,` before more properties). */
  end(tail = ''): void {
    if (this.count === 0) { this.out(`${this.head}[]${tail}`); return; }
    this.flush();
    this.out(`${' '.repeat(2 * this.depth)}]${tail}`);
  }
}

export async function runScenarioCommand(cmd: string, args: string[], catalog: Catalog, out: (s: string) => void, err: (s: string) => void = (s) => process.stderr.write(s + '\n'), readPolicy: PolicyFileReader = readPolicyFile): Promise<number> {
  const opts = parseArgs(cmd, args);
  if (typeof opts === 'string') { err(`iam-policy ${cmd}: ${opts}`); return 2; }
  // annotations share stdout with text output; next to JSON they go to stderr so the JSON stays parseable
  const annotate = inGitHubActions() ? (opts.format === 'text' ? out : err) : undefined;
  let badInput = false;
  let passed = 0, failed = 0;
  const json = opts.format === 'json'
    ? (cmd === 'test' ? new JsonArrayWriter(out, '{\n  "results": ', 1) : new JsonArrayWriter(out, '', 0))
    : undefined;
  const readCached = cachedPolicyReader(readPolicy);
  for (const file of opts.files) {
    const loaded = loadScenarioFile(file, readCached);
    if (loaded.errors.length) { badInput = true; reportErrors(loaded, err, annotate); }
    const reportedModels = new Set<string>();
    // the previous scenario's policies, compiled: consecutive scenarios usually name the same policy files
    let last: { s: Scenario; compiled: CompiledPolicySet } | undefined;
    loaded.scenarios.forEach((given, i) => {
      if (cmd === 'test' && !given.expected) {
        err(`${file}: ${l10n.t('{0} has no "expected" decision; it is not a test (skipped)', label(given, i))}`);
        return;
      }
      let s = given;
      let flowModel: Parameters<typeof simulateFlow>[0] | undefined;
      let gathered: { principal: string; gathered: GatheredPolicy[] } | undefined;
      if (given.model) {
        const m = modelOfScenario(file, given.model.files);
        if (!reportedModels.has(m.key)) { reportedModels.add(m.key); for (const line of modelProblemLines(m.loaded.problems)) err(line); }
        if (m.loaded.problems.some((p) => p.severity === 'error')) badInput = true;
        const applied = applyModel(m.loaded.model, given);
        if (applied.errors.length) {
          badInput = true;
          for (const e of applied.errors) err(`${l10n.t('{0} at {1}', file, formatPath([...given.model.path.slice(0, -1), 'request', 'principal']))}: ${e.replace(/^request\.principal: /, '')}`);
          return;
        }
        s = applied.scenario;
        gathered = { principal: s.request.principal, gathered: applied.gathered };
        if (given.flow) flowModel = m.loaded.model;
      }
      const failure = (decision: string) => annotate?.(workflowCommand({ level: 'error', file, title: 'iam-policy test', message: `${label(s, i)}: ${decision}, expected ${s.expected}` }));
      let r: SimulationSummary;
      // one scenario that breaks the evaluator must not hide the results of the others
      try {
        if (flowModel && given.flow) {
          // a flow is evaluated step by step, each step gathering its own principal's policies from the model
          r = simulateFlow(flowModel, given, given.flow, catalog);
        } else {
          // compiled for this scenario alone (its policies' compilations are shared through the parsed policy objects):
          // the evaluator's per-scenario cache would only hold on to it
          const compiled = last && samePolicies(last.s, s) ? last.compiled : compilePolicySet(s, catalog);
          last = { s, compiled };
          // `test` in text explains only the failures it prints: a pass, or a failure under --quiet, needs the decision alone
          if (cmd === 'test' && !json) {
            const decision = compiled.decide(s.request);
            if (decision === s.expected) { passed++; if (!opts.quiet) out(`pass  ${file}: ${label(s, i)}: ${decision}`); return; }
            if (opts.quiet) { failed++; failure(decision); return; }
          }
          // the CLI prints no per-statement detail: the summary builds the same result without it
          r = compiled.summarize(s.request, { name: s.name, expected: s.expected });
        }
      } catch (e) {
        badInput = true;
        err(`${file}: ${l10n.t('{0}: could not be evaluated: {1}', label(s, i), String((e as Error).message ?? e).slice(0, 200))}`);
        return;
      }
      if (cmd === 'test') { if (r.pass) passed++; else failed++; }
      if (cmd === 'test' && !r.pass) failure(r.decision);
      if (json) json.pushSharing(resultJson(r, file, gathered), 'matchedStatements');
      else if (cmd === 'test') {
        out(`${r.pass ? 'pass' : 'FAIL'}  ${file}: ${label(s, i)}: ${r.decision}${r.pass ? '' : ` (expected ${r.expected})`}`);
        if (!r.pass) for (const line of r.explanation) out(`      ${line}`);
      } else { textResult(r, s, i, out, gathered?.gathered); out(''); }
    });
  }
  if (json && cmd === 'test') { json.end(','); out(`  "passed": ${passed},\n  "failed": ${failed}\n}`); }
  else if (json) json.end();
  if (cmd === 'test' && opts.format === 'text') out(l10n.t('{0} passed, {1} failed', passed, failed));
  if (badInput) return 2;
  return failed ? 1 : 0;
}
