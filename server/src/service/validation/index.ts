// Runs the rules on a policy document and turns findings into LSP diagnostics.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import type { Catalog } from '../../core/catalog/catalog';
import type { Span } from '../../core/policy/model';
import type { PolicyType } from '../../core/policy/policyType';
import type { IamModel } from '../../core/model/types';
import { parsed, rangeOf } from '../documents';
import type { ServiceSettings } from '../settings';
import type { Finding, Rule, Severity } from './rule';
import { RULES } from './rules';
import { LARGE_DOCUMENT_CHARS } from './rules/largeDocument';
import type { Fix } from './fixes';
import { shortenQuoted } from './messageText';

/** A quick fix as carried in Diagnostic.data.fixes. */
export interface DiagnosticFix {
  title: string;
  preferred?: boolean;
  edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[];
}

export const DIAGNOSTIC_SOURCE = 'iam-policy';
const SYNTAX_RULE = 'IAM001';
export const RULE_DOC_BASE = 'https://github.com/iam-policy-tools/iam-policy-language-tools/blob/main/docs/rules.md';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** At most this many diagnostics per rule and per document; the rest are counted in one summary diagnostic. */
export const MAX_DIAGNOSTICS_PER_RULE = 200;
export const MAX_DIAGNOSTICS_PER_DOCUMENT = 1000;
export const TOO_MANY_PROBLEMS_CODE = 'IAM703';
const TOO_MANY_PROBLEMS_SLUG = 'too-many-problems';

export function ruleDocUrl(rule: Rule): string {
  return `${RULE_DOC_BASE}#${rule.code.toLowerCase()}-${rule.slug}`;
}

/** `model`: the workspace's IAM model when the server knows it, loaded only if a rule asks (IAM810); without it they skip. */
export function validate(doc: TextDocument, catalog: Catalog, policyType: PolicyType, settings: ServiceSettings, rules: readonly Rule[] = RULES, model?: () => IamModel | undefined): Diagnostic[] {
  const policy = parsed(doc);
  const out: Diagnostic[] = [];
  const large = policy.text.length > LARGE_DOCUMENT_CHARS;
  // a document can hold 100,000 copies of one mistake: the editor gets a readable list and a count of the rest
  const hidden = new Map<string, number>();
  // One problem, one diagnostic: what lies inside a JSON syntax problem (an unquoted placeholder, a comment) is part
  // of it, so other rules' findings there (characters IAM rejects, a misread value) are not reported.
  const syntaxSpans: Span[] = [];
  // a binary search by offset, so a document with 100,000 comments does not make every finding scan them all:
  // some span starting at or before the finding holds it when the furthest end among those spans reaches its end
  let sorted = true;
  let furthestEnd: number[] = [];
  const insideSyntaxProblem = (s: Span) => {
    if (!sorted) {
      syntaxSpans.sort((a, b) => a.offset - b.offset);
      let max = -1;
      furthestEnd = syntaxSpans.map((x) => (max = Math.max(max, x.offset + x.length)));
      sorted = true;
    }
    let lo = 0, hi = syntaxSpans.length - 1, at = -1;
    while (lo <= hi) { const mid = (lo + hi) >> 1; if (syntaxSpans[mid].offset <= s.offset) { at = mid; lo = mid + 1; } else hi = mid - 1; }
    return at >= 0 && s.offset + s.length <= furthestEnd[at];
  };
  for (const rule of rules) {
    if (large && !rule.runsOnLargeDocuments) continue;
    const configured = settings.rules[rule.code] ?? settings.rules[rule.slug];
    if (configured === 'off') continue;
    let reported = 0;
    const report = (f: Finding) => {
      if (rule.code === SYNTAX_RULE) { syntaxSpans.push(f.span); sorted = false; }
      else if (syntaxSpans.length && insideSyntaxProblem(f.span)) return;
      if (reported >= MAX_DIAGNOSTICS_PER_RULE || out.length >= MAX_DIAGNOSTICS_PER_DOCUMENT) {
        hidden.set(`${rule.code} ${rule.slug}`, (hidden.get(`${rule.code} ${rule.slug}`) ?? 0) + 1);
        return;
      }
      reported++;
      const severity = configured ?? f.severity ?? rule.defaultSeverity;
      const d: Diagnostic = {
        range: rangeOf(doc, f.span),
        severity: SEVERITY[severity],
        code: rule.code,
        codeDescription: { href: ruleDocUrl(rule) },
        source: DIAGNOSTIC_SOURCE,
        message: shortenQuoted(f.message),
      };
      if (f.related?.length) {
        d.relatedInformation = f.related.map((r) => ({
          location: { uri: doc.uri, range: rangeOf(doc, r.span) },
          message: r.message,
        }));
      }
      if (f.tags?.length) d.tags = f.tags as DiagnosticTag[];
      if (f.data !== undefined) {
        const data: Record<string, unknown> = { slug: rule.slug, ...(f.data as object) };
        // fixes travel with the diagnostic as LSP ranges, so code actions need no re-validation
        const fixes = data.fixes as Fix[] | undefined;
        if (fixes) data.fixes = fixes.map((x): DiagnosticFix => ({
          title: x.title, preferred: x.preferred,
          edits: x.edits.map((e) => ({ range: rangeOf(doc, e), newText: e.newText })),
        }));
        d.data = data;
      }
      out.push(d);
    };
    try {
      rule.check({ doc: policy, catalog, policyType, report, model });
    } catch (e) {
      // a rule bug must never take the other diagnostics (or the server) down
      out.push({
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Information,
        source: DIAGNOSTIC_SOURCE,
        code: rule.code,
        message: `Internal error in rule ${rule.code} (${rule.slug}); please report it: ${(e as Error).message}`,
      });
    }
  }
  const summaryOff = (settings.rules[TOO_MANY_PROBLEMS_CODE] ?? settings.rules[TOO_MANY_PROBLEMS_SLUG]) === 'off';
  if (hidden.size && !summaryOff) out.push(tooManyProblems(hidden, settings));
  return out;
}

function tooManyProblems(hidden: Map<string, number>, settings: ServiceSettings): Diagnostic {
  const total = [...hidden.values()].reduce((a, b) => a + b, 0);
  const which = [...hidden].sort((a, b) => b[1] - a[1]).map(([rule, n]) => `${rule}: ${n.toLocaleString('en-US')}`).join(', ');
  const configured = settings.rules[TOO_MANY_PROBLEMS_CODE] ?? settings.rules[TOO_MANY_PROBLEMS_SLUG];
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
    severity: SEVERITY[configured && configured !== 'off' ? configured : 'information'],
    code: TOO_MANY_PROBLEMS_CODE,
    codeDescription: { href: `${RULE_DOC_BASE}#${TOO_MANY_PROBLEMS_CODE.toLowerCase()}-${TOO_MANY_PROBLEMS_SLUG}` },
    source: DIAGNOSTIC_SOURCE,
    message: `${total.toLocaleString('en-US')} more problem(s) are not listed (at most ${MAX_DIAGNOSTICS_PER_RULE} per rule and ${MAX_DIAGNOSTICS_PER_DOCUMENT} per document are shown): ${which}. Fix the ones listed; the rest show up as they get fewer.`,
  };
}
