// iam-policy lint FILES… [--format text|json|sarif]: exit 1 when any file has an error, 2 on usage or I/O trouble.
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

const SEVERITY_NAME: Record<number, 'error' | 'warning' | 'information' | 'hint'> = {
  [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information', [DiagnosticSeverity.Hint]: 'hint',
};

export interface LintFileResult {
  file: string;
  diagnostics: { code: string; severity: 'error' | 'warning' | 'information' | 'hint'; message: string; range: Diagnostic['range'] }[];
  /** set when the file could not be read */
  error?: string;
  /** set when the file was skipped on purpose (a scenario file) */
  skipped?: string;
}

/** Scenario files hold requests and policies, not a policy: `iam-policy test` runs them. */
export const SCENARIO_FILE = /\.scenario\.jsonc?$/i;

export function lintText(file: string, text: string, catalog: Catalog): LintFileResult {
  const uri = pathToFileURL(resolve(file)).toString();
  const doc = TextDocument.create(uri, IAM_LANGUAGE_ID, 1, text);
  const type = decidePolicyType(uri, parsed(doc), DEFAULT_SETTINGS).type;
  const diagnostics = validate(doc, catalog, type, DEFAULT_SETTINGS).map((d) => ({
    code: String(d.code), severity: SEVERITY_NAME[d.severity ?? 1], message: typeof d.message === 'string' ? d.message : d.message.value, range: d.range,
  }));
  return { file, diagnostics };
}

function toSarif(results: LintFileResult[]): object {
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

export function runLint(files: string[], format: string, catalog: Catalog, out: (s: string) => void): number {
  if (!files.length) { out('iam-policy lint: no files given. Usage: iam-policy lint FILES… [--format text|json|sarif]'); return 2; }
  const results: LintFileResult[] = [];
  for (const file of files) {
    if (SCENARIO_FILE.test(file)) {
      results.push({ file, diagnostics: [], skipped: 'a scenario file, not a policy: run `iam-policy test` on it' });
      continue;
    }
    const read = readTextFile(file);
    if (read.ok) results.push(lintText(file, read.text, catalog));
    else results.push({ file, diagnostics: [], error: `cannot read ${read.message}` });
  }
  if (format === 'json') out(JSON.stringify(results, null, 2));
  else if (format === 'sarif') out(JSON.stringify(toSarif(results), null, 2));
  else {
    for (const r of results) {
      if (r.error) { out(`${r.file}: error: ${r.error}`); continue; }
      if (r.skipped) { out(`${r.file}: skipped: ${r.skipped}`); continue; }
      for (const d of r.diagnostics) out(`${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code}: ${d.message}`);
    }
    const count = (s: string) => results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === s).length, 0);
    const checked = results.filter((r) => !r.error && !r.skipped).length;
    const unreadable = results.filter((r) => r.error).length;
    const skipped = results.length - checked - unreadable;
    out(`${checked} file(s) checked: ${count('error')} error(s), ${count('warning')} warning(s)` +
      (unreadable ? `; ${unreadable} could not be read` : '') + (skipped ? `; ${skipped} scenario file(s) skipped` : ''));
  }
  const failed = results.some((r) => r.error || r.diagnostics.some((d) => d.severity === 'error'));
  return results.some((r) => r.error) ? 2 : failed ? 1 : 0;
}
