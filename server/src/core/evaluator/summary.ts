// summarize(): what simulate() returns without the per-statement detail, the same objects and sentences built from
// the decision path instead of from an explanation of every statement. The CLI prints exactly this part of a result;
// test/unit/evaluator/summary.test.ts checks that it equals simulate() on generated scenarios.
import type { Catalog } from '../catalog/catalog';
import { isPassRole } from './actionRules';
import type { CompiledPolicy, CStatement } from './compile';
import { computeMasks, decideFlow, OUTCOME_DECISION, Outcome, prepareRequest, scan, type CompiledSet } from './engine';
import {
  appliedReason, explain, matchedStatement, missingKeys, policyTypesOf, principalHowText, quoteStatement, statementRange, withInputError,
  type Applied, type Quoted,
} from './explain';
import { checksPrincipal, type PMatch } from './match';
import type { MatchedStatement, RequestInput, SimulationResult } from './types';

/**
 * A simulation result without `statements` (every statement with why it did or did not apply). Its matchedStatements
 * entries are frozen and shared by the summaries that match the same statement.
 */
export type SimulationSummary = Omit<SimulationResult, 'statements'>;

/** A statement that applies, with its policy and how its Principal element matched. */
interface Hit { p: CompiledPolicy; st: CStatement; pm: PMatch }

// a statement is matched by many requests of a run, always with the same entry: one frozen object per statement, so
// the CLI can keep the JSON text of each entry (cli/resultText.ts)
const matches = new WeakMap<CStatement, MatchedStatement>();
function sharedMatch(p: CompiledPolicy, st: CStatement): MatchedStatement {
  let m = matches.get(st);
  if (!m) {
    m = matchedStatement(p.kind, p.source.name, p.source.file, st.sid, st.index, st.effect!, statementRange(p, st.index));
    if (m.range) { Object.freeze(m.range.start); Object.freeze(m.range.end); Object.freeze(m.range); }
    matches.set(st, Object.freeze(m));
  }
  return m;
}

export function summarizeCompiled(set: CompiledSet, request: RequestInput, catalog: Catalog | undefined, now: number, name?: string): SimulationSummary {
  const derivedContext: Record<string, unknown> = {};
  const result: SimulationSummary = {
    name, decision: 'ImplicitlyDenied', matchedStatements: [], policyTypes: {}, derivedContext, missingContextKeys: [],
    explanation: [], errors: [...set.problems],
  };
  const req = prepareRequest(request, set.boundary.length > 0, now, derivedContext);
  if (typeof req === 'string') return withInputError(result, req);
  // the statements that apply, in the order simulate() lists them: policies in the order the flow scans them (each
  // once), statements in order. Only scanned policies count; the others are "not evaluated for this request".
  const hits: Hit[] = [];
  const scanned = new Map<CompiledPolicy, number>();
  const m = computeMasks(set, req, catalog, (p) => {
    let bits = scanned.get(p);
    if (bits === undefined) {
      bits = scan(p, req, (st, pm) => hits.push({ p, st, pm }));
      scanned.set(p, bits);
    }
    return bits;
  });
  const outcome = decideFlow(m, req, set.session !== undefined);
  const decision = OUTCOME_DECISION[outcome];
  result.decision = decision;
  result.policyTypes = policyTypesOf(m, set);

  const applied = (h: Hit): Applied => ({
    policyType: h.p.kind, policy: h.p.source.name, sid: h.st.sid, index: h.st.index, effect: h.st.effect!,
    reason: appliedReason(h.st, req, checksPrincipal(h.p.kind, h.st) ? principalHowText(h.st, req, h.pm) : undefined),
    quoted: quoteStatement(h.p, h.st),
  });
  // one pass over the hits (indexed: this runs once per scenario, mostly unoptimized in a CLI run): the statements
  // that decided, those that applied but were not enough, and the denies the first sentence names
  const deciding: Applied[] = [], insufficient: Applied[] = [], denies: Quoted[] = [];
  const passRole = isPassRole(req);
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i];
    const deny = h.st.effect === 'Deny';
    if (deny) denies.push({ policyType: h.p.kind, policy: h.p.source.name, sid: h.st.sid, index: h.st.index });
    const decides = outcome !== Outcome.NoPermissionNeeded && (decision === 'ExplicitlyDenied' ? deny
      : decision === 'Allowed' && !deny && !(h.p.kind === 'resource' && passRole));
    if (decides) {
      result.matchedStatements.push(sharedMatch(h.p, h.st));
      deciding.push(applied(h));
    } else if (decision === 'ImplicitlyDenied' && !deny) insufficient.push(applied(h));
  }
  result.missingContextKeys = missingKeys(set, req);
  explain(result.explanation, outcome, req, m, set, catalog, result.missingContextKeys, denies, deciding, insufficient);
  return result;
}
