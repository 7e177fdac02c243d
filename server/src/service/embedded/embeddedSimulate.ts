// Simulate on embedded policies: a policy inside a template is addressed as `<template uri>#iam-embedded=<policy id>`;
// the panel's reference resolves to the policy's virtual text, and the evaluator's statement ranges are mapped back to
// the template so the panel reveals what the user wrote. Values known only at deploy time are reported, not hidden.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Catalog } from '../../core/catalog/catalog';
import type { SimulationResult } from '../../core/evaluator';
import { hostRangeOf } from '../../core/embedded/virtualPolicy';
import type { PolicyStatementInfo, Range } from '../../protocol';
import { forget, IAM_LANGUAGE_ID, parsed } from '../documents';
import { policyStatements } from '../simulate';
import type { EmbeddedPolicy, TemplateAnalysis } from './templates';
import * as l10n from '@vscode/l10n';

const MARK = '#iam-embedded=';

/** The reference of an embedded policy: `file:///t.yaml#iam-embedded=Resources%2FRole%2F...`. */
export function embeddedReference(templateUri: string, policyId: string): string {
  return `${templateUri}${MARK}${encodeURIComponent(policyId)}`;
}

/** The template and policy id of an embedded reference; undefined for any other URI. */
export function parseEmbeddedReference(uri: string): { templateUri: string; policyId: string } | undefined {
  // a client's URI class may have encoded the fragment's `=` (vscode.Uri does)
  const m = /#iam-embedded(?:=|%3D)/i.exec(uri);
  if (!m || m.index <= 0) return undefined;
  const at = m.index;
  const encoded = uri.slice(at + m[0].length);
  let policyId: string;
  try { policyId = decodeURIComponent(encoded); } catch { policyId = encoded; }
  return policyId ? { templateUri: uri.slice(0, at), policyId } : undefined;
}

/** A template's text with its analysis (undefined when the text is no template we read). */
export interface TemplateSource { text: string; analysis: TemplateAnalysis | undefined }

/** The virtual policy of a reference, or what is wrong (no such template, no such policy). */
export function resolveEmbedded(uri: string, source: TemplateSource | { error: string }): { policy: EmbeddedPolicy; host: TextDocument } | { error: string } {
  const ref = parseEmbeddedReference(uri);
  if (!ref) return { error: l10n.t('{0} is not a reference to a policy in a template.', uri) };
  if ('error' in source) return source;
  if (!source.analysis) return { error: l10n.t('{0} is not a CloudFormation/SAM template or Terraform file with policies (or templates are not read: "iamPolicy.detectInTemplates").', ref.templateUri) };
  const policy = source.analysis.policies.find((p) => p.id === ref.policyId);
  if (!policy) {
    const ids = source.analysis.policies.map((p) => p.id).join(', ');
    return { error: ids
      ? l10n.t('{0} has no policy at {1} any more (it has: {2}). Run Simulate again from the template\'s CodeLens.', ref.templateUri, ref.policyId, ids)
      : l10n.t('{0} has no policy at {1} any more (it has none). Run Simulate again from the template\'s CodeLens.', ref.templateUri, ref.policyId) };
  }
  return { policy, host: TextDocument.create(ref.templateUri, 'plaintext', 0, source.text) };
}

/** The statements of each embedded policy, at their place in the template, with the reference the panel takes. */
export function embeddedStatements(templateUri: string, hostText: string, analysis: TemplateAnalysis, catalog: Catalog): PolicyStatementInfo[] {
  const host = TextDocument.create(templateUri, 'plaintext', 0, hostText);
  return analysis.policies.flatMap((p) => {
    const vdoc = TextDocument.create(`${templateUri}#${encodeURIComponent(p.id)}`, IAM_LANGUAGE_ID, 1, p.virtual.text);
    try {
      return policyStatements(parsed(vdoc), catalog).map((s) => ({
        ...s, range: toHost(s.range, vdoc, p, host), policyUri: embeddedReference(templateUri, p.id), policyType: p.policyType,
      }));
    } finally {
      forget(vdoc.uri);
    }
  });
}

function toHost(range: Range, vdoc: TextDocument, p: EmbeddedPolicy, host: TextDocument): Range {
  const [a, b] = hostRangeOf(p.virtual, vdoc.offsetAt(range.start), vdoc.offsetAt(range.end));
  return { start: host.positionAt(a), end: host.positionAt(b) };
}

/**
 * One line per value of the policy that is known only at deploy time: the evaluator saw the placeholder's name in
 * its place, so a decision that depends on it is not the decision AWS will make.
 */
export function unknownValueWarnings(label: string, policy: EmbeddedPolicy, host: TextDocument): string[] {
  return policy.virtual.segments.filter((s) => s.kind === 'unknown').map((s) => {
    const at = host.positionAt(s.h[0]);
    const placeholder = policy.virtual.text.slice(s.v[0], s.v[1]);
    const written = host.getText().slice(s.h[0], s.h[1]);
    const writtenAs = written !== placeholder ? l10n.t(' (written {0})', `\`${written}\``) : '';
    return l10n.t('{0}: "{1}" at line {2}, column {3}{4} is unknown until deploy time{5}; it was matched as that placeholder text, so a decision that depends on it is unknown. Put the deployed value in the policy to simulate it.',
      label, placeholder, at.line + 1, at.character + 1, writtenAs, s.note ? ` (${s.note})` : '');
  });
}

/** The result with statements of embedded policies named by their template and placed at their host ranges. */
export function resultInTemplates(result: SimulationResult, resolved: Map<string, { policy: EmbeddedPolicy; host: TextDocument }>): SimulationResult {
  const fix = <T extends { file?: string; range?: Range }>(s: T): T => {
    const r = s.file ? resolved.get(s.file) : undefined;
    if (!r) return s;
    const vdoc = TextDocument.create('virtual:', IAM_LANGUAGE_ID, 1, r.policy.virtual.text);
    return { ...s, file: r.host.uri, ...(s.range ? { range: toHost(s.range, vdoc, r.policy, r.host) } : {}) };
  };
  return { ...result, matchedStatements: result.matchedStatements.map(fix), statements: result.statements?.map(fix) ?? [] };
}
