// Policies inside CloudFormation/SAM templates (YAML or JSON, also CDK's cdk.out output): every rule runs on each
// embedded policy's virtual document, and the findings are mapped back to where the user wrote them.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import type { Catalog } from '../../core/catalog/catalog';
import { CloudFormationResolver, extractCloudFormationPolicies, isCloudFormationTemplate } from '../../core/embedded/cloudformation';
import type { HostNode, HostRange, HostSyntaxError, HostTree } from '../../core/embedded/hostTree';
import { exceedsNestingLimit } from '../../core/embedded/nesting';
import { analyzeTerraform, type SyntaxNode } from '../../core/embedded/terraform';
import { readJsonHost } from '../../core/embedded/jsonHost';
import { hostRangeOf, renderVirtualPolicy, segmentsIn, type Resolver, type VirtualPolicy } from '../../core/embedded/virtualPolicy';
import { readYamlHost } from '../../core/embedded/yamlHost';
import type { PolicyType } from '../../core/policy/policyType';
import { forget, IAM_LANGUAGE_ID } from '../documents';
import type { ServiceSettings } from '../settings';
import { DIAGNOSTIC_SOURCE, validate, type DiagnosticFix } from '../validation';
import * as l10n from '@vscode/l10n';

export type TemplateFormat = 'yaml' | 'json';

export interface EmbeddedPolicy {
  /** `Resources/Role/Properties/AssumeRolePolicyDocument` */
  id: string;
  policyType: PolicyType;
  /** the policy's range in the host file */
  range: Range;
  virtual: VirtualPolicy;
}

export interface TemplateAnalysis {
  policies: EmbeddedPolicy[];
  /** in host coordinates; each policy finding carries `data.policy` (the policy's id) */
  diagnostics: Diagnostic[];
}

/** The format a template file is read as: by name first (`.yaml`, `.yml`, `.template`), else by its first character. */
export function templateFormatOf(fileName: string, text: string): TemplateFormat {
  if (/\.ya?ml$/i.test(fileName)) return 'yaml';
  if (/\.json$/i.test(fileName)) return 'json';
  return /^\s*[{[]/.test(text) ? 'json' : 'yaml';
}

export function readTemplate(text: string, format: TemplateFormat): HostTree {
  return format === 'yaml' ? readYamlHost(text) : readJsonHost(text);
}

/** The code of host-level notes: a policy that is there but cannot be analysed offline (documented in docs/rules.md). */
export const NOT_ANALYSED_CODE = 'IAM704';

interface Extracted {
  id: string;
  policyType: PolicyType;
  node: HostNode;
}

/** undefined when the text is not a template (then nothing of ours applies to the file). */
export function analyzeTemplate(uri: string, text: string, format: TemplateFormat, catalog: Catalog, settings: ServiceSettings): TemplateAnalysis | undefined {
  const tree = readTemplate(text, format);
  if (!isCloudFormationTemplate(tree.root)) return undefined;
  const resolver = new CloudFormationResolver(tree.root);
  const notes: { range: HostRange; message: string }[] = [];
  const policies: Extracted[] = [];
  for (const p of extractCloudFormationPolicies(tree.root)) {
    if (p.node.kind === 'scalar' && p.node.value === null) continue; // an empty property: nothing to check
    const node = resolver.policyNode(p.node);
    if (node) policies.push({ ...p, node });
    else notes.push({ range: p.node.range, message: l10n.t('This policy is a string that is not a JSON object once its values are filled in, or is computed at deploy time: it is not analysed.') });
  }
  return checkPolicies(uri, text, format, policies, resolver, tree.errors, notes, catalog, settings);
}

/** A Terraform file, parsed by the caller's tree-sitter parser (loaded by node/). */
export function analyzeTerraformFile(uri: string, text: string, parse: (text: string) => SyntaxNode, catalog: Catalog, settings: ServiceSettings): TemplateAnalysis {
  if (exceedsNestingLimit(text)) {
    return checkPolicies(uri, text, 'terraform', [], NO_INTRINSICS, [{ range: [0, 0], message: l10n.t('The file nests deeper than 256 levels; it is not read.') }], [], catalog, settings);
  }
  const tf = analyzeTerraform(parse(text));
  return checkPolicies(uri, text, 'terraform', tf.policies, NO_INTRINSICS, tf.errors, tf.notes, catalog, settings);
}

/** Terraform values are evaluated while the tree is read; nothing is left for the renderer to resolve. */
const NO_INTRINSICS: Resolver = { resolve: () => undefined };

function checkPolicies(
  uri: string, text: string, languageId: string, extracted: Extracted[], resolver: Resolver,
  errors: HostSyntaxError[], notes: { range: HostRange; message: string }[], catalog: Catalog, settings: ServiceSettings,
): TemplateAnalysis {
  const host = TextDocument.create(uri, languageId, 1, text);
  const toRange = (r: HostRange): Range => ({ start: host.positionAt(r[0]), end: host.positionAt(r[1]) });
  const diagnostics: Diagnostic[] = [];
  // one problem, one diagnostic: the first syntax error stands for the rest
  const syntax = errors[0];
  if (syntax) {
    diagnostics.push({
      range: toRange(syntax.range), severity: DiagnosticSeverity.Error, source: DIAGNOSTIC_SOURCE, code: 'IAM001',
      message: errors.length > 1
        ? l10n.t('{0} (and {1} more). The policies that could still be read are checked.', syntax.message, errors.length - 1)
        : l10n.t('{0}. The policies that could still be read are checked.', syntax.message),
    });
  }
  for (const n of notes) {
    diagnostics.push({ range: toRange(n.range), severity: DiagnosticSeverity.Information, source: DIAGNOSTIC_SOURCE, code: NOT_ANALYSED_CODE, message: n.message });
  }
  const policies: EmbeddedPolicy[] = [];
  for (const p of extracted) {
    const virtual = renderVirtualPolicy(p.node, resolver);
    policies.push({ id: p.id, policyType: p.policyType, range: toRange(p.node.range), virtual });
    // an `Fn::If` outside a list: every combination of branches is checked (up to MAX_VARIANTS), a finding once
    const seen = new Set<string>();
    for (let v = 0; v < Math.min(2 ** virtual.choices, MAX_VARIANTS); v++) {
      const variant = v ? renderVirtualPolicy(p.node, resolver, Array.from({ length: virtual.choices }, (_, i) => (v >> i) & 1)) : virtual;
      const vdoc = TextDocument.create(`${uri}#${encodeURIComponent(p.id)}`, IAM_LANGUAGE_ID, 1, variant.text);
      try {
        for (const d of validate(vdoc, catalog, p.policyType, settings)) {
          const mapped = mapDiagnostic(d, vdoc, variant, toRange, uri, p.id);
          const key = mapped && `${mapped.code} ${JSON.stringify(mapped.range)} ${mapped.message}`;
          if (mapped && !seen.has(key!)) { seen.add(key!); diagnostics.push(mapped); }
        }
      } finally {
        forget(vdoc.uri);
      }
    }
  }
  return { policies, diagnostics };
}

const SIZE_CODES = new Set(['IAM701']);
/** combinations of `Fn::If` branches checked per policy (three independent scalar choices) */
const MAX_VARIANTS = 8;

function mapDiagnostic(d: Diagnostic, vdoc: TextDocument, vp: VirtualPolicy, toRange: (r: HostRange) => Range, uri: string, policy: string): Diagnostic | undefined {
  const start = vdoc.offsetAt(d.range.start), end = vdoc.offsetAt(d.range.end);
  // a finding about a value known only at deploy time is no finding: the placeholder stands for something unknown
  if (segmentsIn(vp, start, end, ['unknown']).length) return undefined;
  const out: Diagnostic = { ...d, range: toRange(hostRangeOf(vp, start, end)) };
  if (SIZE_CODES.has(String(d.code)) && vp.hasUnknowns) out.message = l10n.t('{0} (approximate: some values are known only at deploy time)', String(d.message));
  if (d.relatedInformation) {
    out.relatedInformation = d.relatedInformation.map((r) => ({
      message: r.message,
      location: { uri, range: toRange(hostRangeOf(vp, vdoc.offsetAt(r.location.range.start), vdoc.offsetAt(r.location.range.end))) },
    }));
  }
  const data: Record<string, unknown> = { ...(d.data as Record<string, unknown> | undefined), policy };
  const fixes = data.fixes as DiagnosticFix[] | undefined;
  if (fixes) {
    // a quick fix survives only when every edit lands inside text that maps character for character
    const kept = fixes.flatMap((f) => {
      const edits = f.edits.map((e) => mapEdit(vp, vdoc.offsetAt(e.range.start), vdoc.offsetAt(e.range.end), e.newText));
      if (!edits.every((e) => e)) return [];
      return [{ ...f, edits: (edits as { range: HostRange; newText: string }[]).map((e) => ({ range: toRange(e.range), newText: e.newText })) }];
    });
    if (kept.length) data.fixes = kept; else delete data.fixes;
  }
  out.data = data;
  return out;
}

/** Text a fix may write into a template as it is, whatever the host's quoting: no quotes, escapes or YAML indicators. */
const SAFE_REPLACEMENT = /^[A-Za-z0-9:*?._\/${}@+=,-]*$/;

/**
 * A virtual edit as a host edit, when it lands inside one exactly-mapped run: either within a scalar's content, or
 * replacing a whole JSON string literal (quotes included) whose content is one exact run (a did-you-mean fix).
 */
export function mapEdit(vp: VirtualPolicy, s: number, t: number, newText: string): { range: HostRange; newText: string } | undefined {
  const inside = vp.segments.find((g) => g.kind === 'exact' && g.v[0] <= s && t <= g.v[1]);
  if (inside && SAFE_REPLACEMENT.test(newText)) return { range: [inside.h[0] + (s - inside.v[0]), inside.h[0] + (t - inside.v[0])], newText };
  const literal = vp.segments.find((g) => g.kind === 'exact' && g.v[0] === s + 1 && g.v[1] === t - 1);
  if (!literal || vp.text[s] !== '"' || vp.text[t - 1] !== '"' || !/^".*"$/.test(newText)) return undefined;
  let value: unknown;
  try { value = JSON.parse(newText); } catch { return undefined; }
  return typeof value === 'string' && SAFE_REPLACEMENT.test(value) ? { range: literal.h, newText: value } : undefined;
}
