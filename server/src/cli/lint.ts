// iam-policy lint FILES… [--format text|json|sarif] [--fail-on error|warning] [--quiet]: exit 1 when a file has a finding
// at or above --fail-on (default error), 2 on usage or I/O trouble; GitHub annotations inside a workflow.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Catalog } from '../core/catalog/catalog';
import { parsed, IAM_LANGUAGE_ID } from '../service/documents';
import { decidePolicyType } from '../service/policyType';
import { DEFAULT_SETTINGS } from '../service/settings';
import { validate, ruleDocUrl } from '../service/validation';
import { RULES } from '../service/validation/rules';
import { readTextFile } from '../node/safeFile';
import { workflowCommand, type AnnotationLevel } from './annotations';
import { analyzeTemplate, analyzeTerraformFile, templateFormatOf, type TemplateAnalysis } from '../service/embedded/templates';
import type { TerraformParse } from '../node/terraformParser';
import * as l10n from '@vscode/l10n';

const SEVERITY_NAME: Record<number, 'error' | 'warning' | 'information' | 'hint'> = {
  [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information', [DiagnosticSeverity.Hint]: 'hint',
};

export type FailOn = 'error' | 'warning';

export interface LintOptions {
  format: 'text' | 'json' | 'sarif';
  failOn: FailOn;
  /** text output: only the summary line (and the files that could not be read) */
  quiet: boolean;
  /** print GitHub workflow annotations (stdout with text output, stderr with json/sarif so those stay parseable) */
  annotate: boolean;
  /** the Terraform parser, loaded by the caller when .tf files are given */
  terraform?: TerraformParse;
}

export interface LintFileResult {
  file: string;
  diagnostics: { code: string; severity: 'error' | 'warning' | 'information' | 'hint'; message: string; range: Diagnostic['range']; policy?: string }[];
  /** for a CloudFormation/SAM template: the policies found in it (diagnostics name theirs by `policy`) */
  policies?: { id: string; policyType: string; range: Diagnostic['range'] }[];
  /** set when the file could not be read */
  error?: string;
  /** set when the file was skipped on purpose (a scenario file, a YAML file that is not a template) */
  skipped?: string;
}

/** Scenario files hold requests and policies, not a policy: `iam-policy test` runs them. */
export const SCENARIO_FILE = /\.scenario\.jsonc?$/i;

/** Files read as infrastructure templates (JSON files are templates when their content says so). */
const TEMPLATE_FILE = /\.(ya?ml|template)$/i;

export const TERRAFORM_FILE = /\.tf$/i;

export function lintText(file: string, text: string, catalog: Catalog, terraform?: TerraformParse): LintFileResult {
  const uri = pathToFileURL(resolve(file)).toString();
  if (TERRAFORM_FILE.test(file)) {
    if (!terraform) throw new Error('the Terraform parser is not loaded');
    return embeddedResult(file, analyzeTerraformFile(uri, text, terraform, catalog, DEFAULT_SETTINGS));
  }
  if (TEMPLATE_FILE.test(file) || /\.json$/i.test(file)) {
    const template = analyzeTemplate(uri, text, templateFormatOf(file, text), catalog, DEFAULT_SETTINGS);
    if (template) return embeddedResult(file, template);
    if (TEMPLATE_FILE.test(file)) return { file, diagnostics: [], skipped: 'not a CloudFormation or SAM template (no AWSTemplateFormatVersion, SAM Transform or AWS:: resources)' };
  }
  const doc = TextDocument.create(uri, IAM_LANGUAGE_ID, 1, text);
  const type = decidePolicyType(uri, parsed(doc), DEFAULT_SETTINGS).type;
  return { file, diagnostics: validate(doc, catalog, type, DEFAULT_SETTINGS).map(toLintDiagnostic) };
}

/** A template's result in the shape of shared/spec/iac.md: its policies, and each finding with its policy's id. */
function embeddedResult(file: string, a: TemplateAnalysis): LintFileResult {
  return {
    file,
    policies: a.policies.map((p) => ({ id: p.id, policyType: p.policyType, range: p.range })),
    diagnostics: a.diagnostics.map((d) => {
      const policy = (d.data as { policy?: string } | undefined)?.policy;
      return { ...toLintDiagnostic(d), ...(policy ? { policy } : {}) };
    }),
  };
}

function toLintDiagnostic(d: Diagnostic): LintFileResult['diagnostics'][number] {
  return { code: String(d.code), severity: SEVERITY_NAME[d.severity ?? 1], message: typeof d.message === 'string' ? d.message : d.message.value, range: d.range };
}

export function toSarif(results: LintFileResult[]): object {
  const level = (s: string) => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note');
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'iam-policy', informationUri: 'https://github.com/iam-policy-tools/iam-policy-language-tools', rules: RULES.map((r) => ({ id: r.code, name: r.slug, shortDescription: { text: r.description }, helpUri: ruleDocUrl(r), defaultConfiguration: { level: level(r.defaultSeverity) } })) } },
      results: results.flatMap((f) => [
        ...f.diagnostics.map((d) => ({
          ruleId: d.code, level: level(d.severity), message: { text: d.message },
          locations: [{ physicalLocation: { artifactLocation: { uri: f.file }, region: { startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 } } }],
        })),
        ...(f.error ? [{ ruleId: 'io', level: 'error', message: { text: f.error }, locations: [{ physicalLocation: { artifactLocation: { uri: f.file } } }] }] : []),
      ]),
    }],
  };
}

/** Lints each file; unreadable files and scenario files get a result too, so every argument is accounted for. */
export function lintFiles(files: string[], catalog: Catalog, terraform?: TerraformParse): LintFileResult[] {
  const results: LintFileResult[] = [];
  for (const file of files) {
    if (SCENARIO_FILE.test(file)) {
      results.push({ file, diagnostics: [], skipped: l10n.t('a scenario file, not a policy: run `iam-policy test` on it') });
      continue;
    }
    const read = readTextFile(file);
    if (read.ok) results.push(lintText(file, read.text, catalog, terraform));
    else results.push({ file, diagnostics: [], error: l10n.t('cannot read {0}', read.message) });
  }
  return results;
}

export interface LintCounts { checked: number; errors: number; warnings: number; unreadable: number; skipped: number }

export function lintCounts(results: LintFileResult[]): LintCounts {
  const count = (s: string) => results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === s).length, 0);
  const checked = results.filter((r) => !r.error && !r.skipped).length;
  const unreadable = results.filter((r) => r.error).length;
  return { checked, errors: count('error'), warnings: count('warning'), unreadable, skipped: results.length - checked - unreadable };
}

export function lintSummary(c: LintCounts): string {
  return l10n.t('{0} file(s) checked: {1} error(s), {2} warning(s)', c.checked, c.errors, c.warnings) +
    (c.unreadable ? l10n.t('; {0} could not be read', c.unreadable) : '') + (c.skipped ? l10n.t('; {0} file(s) skipped', c.skipped) : '');
}

/** 2 when a file could not be read, 1 when a finding is at or above `failOn`, else 0. */
export function lintExitCode(results: LintFileResult[], failOn: FailOn): number {
  const failing = failOn === 'warning' ? ['error', 'warning'] : ['error'];
  if (results.some((r) => r.error)) return 2;
  return results.some((r) => r.diagnostics.some((d) => failing.includes(d.severity))) ? 1 : 0;
}

const ANNOTATION_LEVEL: Record<string, AnnotationLevel | undefined> = { error: 'error', warning: 'warning', information: 'notice' };

/** Errors, warnings and information as annotations; hints stay in the editor. */
export function lintAnnotations(results: LintFileResult[]): string[] {
  return results.flatMap((r) => r.error
    ? [workflowCommand({ level: 'error', file: r.file, title: 'iam-policy lint', message: r.error })]
    : r.diagnostics.flatMap((d) => {
      const level = ANNOTATION_LEVEL[d.severity];
      return level ? [workflowCommand({
        level, file: r.file, line: d.range.start.line + 1, col: d.range.start.character + 1,
        endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1, title: d.code, message: d.message,
      })] : [];
    }));
}

export function printLint(results: LintFileResult[], opts: LintOptions, out: (s: string) => void, err: (s: string) => void): void {
  if (opts.format === 'json') out(JSON.stringify(results, null, 2));
  else if (opts.format === 'sarif') out(JSON.stringify(toSarif(results), null, 2));
  else {
    for (const r of results) {
      if (r.error) { out(`${r.file}: error: ${r.error}`); continue; }
      if (opts.quiet) continue;
      if (r.skipped) { out(`${r.file}: skipped: ${r.skipped}`); continue; }
      for (const d of r.diagnostics) out(`${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code}: ${d.message}`);
    }
    out(lintSummary(lintCounts(results)));
  }
  if (opts.annotate) for (const line of lintAnnotations(results)) (opts.format === 'text' ? out : err)(line);
}

export function runLint(files: string[], opts: LintOptions, catalog: Catalog, out: (s: string) => void, err: (s: string) => void): number {
  if (!files.length) { err(`iam-policy lint: ${l10n.t('no files given. Usage: {0}', 'iam-policy lint FILES… [--format text|json|sarif] [--fail-on error|warning] [--quiet]')}`); return 2; }
  const results = lintFiles(files, catalog, opts.terraform);
  printLint(results, opts, out, err);
  return lintExitCode(results, opts.failOn);
}
