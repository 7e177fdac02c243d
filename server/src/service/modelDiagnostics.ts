// Model files in the editor (shared/spec/iam-model.md §4): `*.iam-model.json`, `*.authz.json` and JSON with a
// top-level UserDetailList/RoleDetailList. Their problems (JSON, shape, unknown references with did-you-mean,
// duplicates) become diagnostics at their JSON path, and every policy written inside the file is validated in place
// with its own policy type by the same rules as a policy file.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Catalog } from '../core/catalog/catalog';
import type { JsonPath } from '../core/evaluator';
import type { LoadedModel } from '../core/model/load';
import type { ManagedPolicies } from '../core/model/managedPolicies';
import type { IamModel, ModelDocument, PolicyAttachment } from '../core/model/types';
import { RULES } from './validation/rules';
import type { PolicyType } from '../core/policy/policyType';
import type { Position, Range } from '../core/text';
import { forget } from './documents';
import { loadModelUris, nodeAtPath, rangeOfPath, readOnce, MAX_RANGED_MODEL_CHARS } from './model';
import type { ReadText } from './simulate';
import type { ServiceSettings } from './settings';
import { DIAGNOSTIC_SOURCE, RULE_DOC_BASE, validate, type DiagnosticFix } from './validation';
import * as l10n from '@vscode/l10n';

export const MODEL_FILE_PATTERNS = ['*.iam-model.json', '*.authz.json'];

/** The diagnostic codes of model files (docs/rules.md). */
export const MODEL_CODES = {
  structure: { code: 'IAM1001', slug: 'model-structure' },
  reference: { code: 'IAM1002', slug: 'model-reference' },
  duplicate: { code: 'IAM1003', slug: 'model-duplicate' },
} as const;

/** Whether a document is an IAM model file: by name, or an export recognised by content (spec §1a). */
export function isModelFile(uri: string, text: string): boolean {
  const name = uri.replace(/[?#].*$/, '').toLowerCase();
  if (name.endsWith('.iam-model.json') || name.endsWith('.authz.json')) return true;
  const head = text.slice(0, 2048);
  return /^\s*\{/.test(head) && /^\s*\{\s*"(UserDetailList|RoleDetailList|GroupDetailList)"\s*:/.test(head);
}

/** Every policy the model file writes itself (not read from another file), with the type it is validated as. */
export function embeddedPolicies(loaded: LoadedModel, uri: string): { doc: ModelDocument; type: PolicyType }[] {
  const out: { doc: ModelDocument; type: PolicyType }[] = [];
  const add = (doc: ModelDocument | undefined, type: PolicyType) => { if (doc && !doc.file && doc.at.file === uri && doc.document) out.push({ doc, type }); };
  const attached = (a: PolicyAttachment | undefined, type: PolicyType) => { if (a?.kind === 'inline') add(a.doc, type); };
  const m = loaded.model;
  for (const a of m.accounts.values()) {
    for (const u of a.users.values()) { u.policies.forEach((p) => attached(p, 'identity')); attached(u.boundary, 'boundary'); }
    for (const g of a.groups.values()) g.policies.forEach((p) => attached(p, 'identity'));
    for (const r of a.roles.values()) { r.policies.forEach((p) => attached(p, 'identity')); attached(r.boundary, 'boundary'); add(r.trustPolicy, 'trust'); }
    for (const p of a.policies.values()) if (p.at) add({ name: p.name, document: p.document, at: p.at }, 'identity');
    for (const d of a.resources.values()) add(d, 'resource');
  }
  for (const p of m.awsManaged.values()) if (p.at) add({ name: p.name, document: p.document, at: p.at }, 'identity');
  for (const l of m.scps) l.policies.forEach((d) => add(d, 'scp'));
  for (const l of m.rcps) l.policies.forEach((d) => add(d, 'rcp'));
  return out;
}

/** A position inside an embedded policy, moved to the model file the policy starts at `base` in. */
export const shift = (p: Position, base: Position): Position => (p.line === 0 ? { line: base.line, character: base.character + p.character } : { line: base.line + p.line, character: p.character });
export const shiftRange = (r: Range, base: Position): Range => ({ start: shift(r.start, base), end: shift(r.end, base) });

/** Runs the policy rules on one embedded policy and moves the findings to where the policy sits in the model file. */
function validateEmbedded(doc: TextDocument, read: ReadText, path: JsonPath, type: PolicyType, catalog: Catalog, settings: ServiceSettings, model: () => IamModel, decodedText?: string): Diagnostic[] {
  const hit = nodeAtPath(doc.uri, path, read);
  if (!hit || (hit.node.type !== 'object' && hit.node.type !== 'string')) return [];
  const node = hit.node;
  const encoded = node.type === 'string';
  const text = encoded ? decodedText : hit.text.slice(node.offset, node.offset + node.length);
  if (!text) return [];
  const virtualUri = `${doc.uri}#${path.join('/')}`;
  const sub = TextDocument.create(virtualUri, 'iam-policy', doc.version, text);
  let found: Diagnostic[];
  try { found = validate(sub, catalog, type, settings, RULES, model); } finally { forget(virtualUri); }
  const base = hit.lines.positionAt(node.offset);
  const stringRange = hit.lines.rangeOf(node.offset, node.length);
  return found.map((d) => {
    // a URL-encoded document has no positions of its own in the file: its findings mark the whole string
    const out: Diagnostic = { ...d, range: encoded ? stringRange : shiftRange(d.range, base) };
    if (encoded) out.message = l10n.t('In the URL-encoded document: {0}', String(d.message));
    if (d.relatedInformation) out.relatedInformation = encoded ? undefined : d.relatedInformation.map((r) => ({ ...r, location: { uri: doc.uri, range: shiftRange(r.location.range, base) } }));
    const data = d.data as { fixes?: DiagnosticFix[] } | undefined;
    if (data?.fixes) out.data = encoded ? { ...data, fixes: [] } : { ...data, fixes: data.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, range: shiftRange(e.range, base) })) })) };
    return out;
  });
}

/**
 * Diagnostics of a model file opened in the editor. The file is loaded on its own (with the policy files it names) for
 * its problems; its policies are validated against the whole workspace model (`workspaceUris` with this file).
 */
export function validateModelFile(doc: TextDocument, readText: ReadText, catalog: Catalog, settings: ServiceSettings, managed: ManagedPolicies, workspaceUris: string[] = []): Diagnostic[] {
  const read = readOnce(readText);
  const loaded = loadModelUris([doc.uri], read, managed);
  let whole: IamModel | undefined;
  const model = () => (whole ??= workspaceUris.some((u) => u !== doc.uri) ? loadModelUris([...new Set([...workspaceUris, doc.uri])], read, managed).model : loaded.model);
  const out: Diagnostic[] = [];
  for (const p of loaded.problems) {
    if (p.file !== doc.uri) continue;
    const code = MODEL_CODES[p.kind ?? 'structure'];
    const configured = settings.rules[code.code] ?? settings.rules[code.slug];
    if (configured === 'off') continue;
    const severity = configured ?? p.severity;
    out.push({
      range: rangeOfPath(doc.uri, p.path, read) ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
      severity: severity === 'error' ? DiagnosticSeverity.Error : severity === 'warning' ? DiagnosticSeverity.Warning : severity === 'information' ? DiagnosticSeverity.Information : DiagnosticSeverity.Hint,
      code: code.code, codeDescription: { href: `${RULE_DOC_BASE}#${code.code.toLowerCase()}-${code.slug}` }, source: DIAGNOSTIC_SOURCE, message: p.message,
    });
  }
  if (doc.getText().length > MAX_RANGED_MODEL_CHARS) {
    out.push({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, severity: DiagnosticSeverity.Information, source: DIAGNOSTIC_SOURCE,
      code: MODEL_CODES.structure.code,
      message: l10n.t('This model file is {0} MB: its references are checked, but the policies inside it are not validated one by one in the editor. Run "iam-policy lint" on exported policies, or split the file.', (doc.getText().length / 1024 / 1024).toFixed(0)),
    });
    return out;
  }
  for (const { doc: d, type } of embeddedPolicies(loaded, doc.uri)) out.push(...validateEmbedded(doc, read, d.at.path, type, catalog, settings, model, d.decodedText));
  return out;
}
