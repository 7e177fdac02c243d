// The contract of a validation rule: one file per rule under rules/, each with a stable code.
import type { Catalog } from '../../core/catalog/catalog';
import type { PolicyDocument, Span } from '../../core/policy/model';
import type { PolicyType } from '../../core/policy/policyType';
import type { IamModel } from '../../core/model/types';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Finding {
  /** narrowest span of the offending element */
  span: Span;
  message: string;
  /** overrides the rule's default severity for this finding */
  severity?: Severity;
  /** other places that take part (e.g. the first occurrence of a duplicate) */
  related?: { span: Span; message: string }[];
  /** data for quick fixes (e.g. { replacements: ['s3:GetObject'] }) */
  data?: unknown;
  /** diagnostic tags: 1 = unnecessary, 2 = deprecated */
  tags?: number[];
}

export interface RuleContext {
  doc: PolicyDocument;
  catalog: Catalog;
  policyType: PolicyType;
  report(finding: Finding): void;
  /** the workspace's IAM model, when the server knows it (model files, or the client named them); loaded on first call */
  model?: () => IamModel | undefined;
}

export interface Rule {
  /** stable code, e.g. IAM001 */
  code: string;
  /** stable slug, e.g. json-syntax; also accepted in iamPolicy.diagnostics.rules */
  slug: string;
  defaultSeverity: Severity;
  /** one line for the rule documentation */
  description: string;
  /** also runs on documents over LARGE_DOCUMENT_CHARS, where the element-by-element rules are skipped */
  runsOnLargeDocuments?: boolean;
  check(ctx: RuleContext): void;
}
