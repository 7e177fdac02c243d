// iamPolicy/simulate, iamPolicy/actionSuggestions, iamPolicy/policyStatements, iamPolicy/scenarioResults: the
// Simulate Request panel and inline simulation (issue 7). Policy files come from the open documents first (so the
// panel follows unsaved edits), then from disk.
import { fileURLToPath } from 'node:url';
import {
  ActionSuggestionsRequest, PolicyStatementsRequest, ScenarioResultsRequest, SimulateRequest,
  type ActionSuggestionsParams, type ActionSuggestionsResult, type PolicyStatementsParams, type PolicyStatementsResult,
  type ScenarioResultsParams, type ScenarioResultsResult, type SimulateModelParams, type SimulateParams, type SimulateResult,
} from '../protocol';
import { MAX_FILE_BYTES, readTextFile } from '../node/safeFile';
import { parsed } from '../service/documents';
import { actionSuggestions, policyStatements, scenarioResults, simulateForPanel, type ReadText } from '../service/simulate';
import { scenarioModelApplier, simulateAsPrincipal } from '../service/model';
import { MAX_MODEL_BYTES } from '../node/modelFiles';
import type { ServerContext } from './context';

const normalize = (uri: string) => { try { return decodeURIComponent(uri); } catch { return uri; } };

const OUTSIDE_ADVICE = 'Open it in the editor, move it into the workspace, or set "iamPolicy.simulate.allowFilesOutsideWorkspace": true.';

/** Open documents first (the panel follows unsaved edits), then the file on disk through the safe reader. */
export function makeReader(ctx: ServerContext, maxBytes = MAX_FILE_BYTES): ReadText {
  return (uri: string) => {
    const open = ctx.documents.get(uri) ?? ctx.documents.all().find((d) => normalize(d.uri) === normalize(uri));
    if (open) return open.getText();
    if (!uri.startsWith('file:')) return { error: `${uri} is not open in the editor and not a file on disk.` };
    let path: string;
    try { path = fileURLToPath(uri); } catch { return { error: `${uri} is not a file path.` }; }
    const r = readTextFile(path, { maxBytes, roots: ctx.fileAccess.allowOutsideWorkspace ? undefined : ctx.workspaceFolders, outsideAdvice: OUTSIDE_ADVICE });
    return r.ok ? r.text : { error: r.message, reason: r.reason };
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

export function registerSimulate(ctx: ServerContext): void {
  const read = makeReader(ctx);
  const readModel = makeReader(ctx, MAX_MODEL_BYTES);

  ctx.connection.onRequest(SimulateRequest, (p: SimulateParams): SimulateResult => {
    if (!isObject(p) || !isObject(p.request)) {
      return { result: null, errors: ['iamPolicy/simulate needs {identityPolicies, ..., request: {principal, action, resource}}'], contextKeys: [], resourceTemplates: [], actionKnown: false, policyNames: {} };
    }
    if (isObject(p.model)) return simulateAsPrincipal(p as SimulateModelParams, readModel, ctx.catalog, ctx.managed);
    return simulateForPanel(p, read, ctx.catalog);
  });

  ctx.connection.onRequest(ActionSuggestionsRequest, (p: ActionSuggestionsParams): ActionSuggestionsResult => {
    const text = isObject(p) && typeof p.text === 'string' ? p.text : '';
    const limit = isObject(p) && typeof p.limit === 'number' && p.limit > 0 ? Math.min(p.limit, 500) : 100;
    return { items: actionSuggestions(text, ctx.catalog, limit) };
  });

  ctx.connection.onRequest(PolicyStatementsRequest, (p: PolicyStatementsParams): PolicyStatementsResult => {
    const doc = isObject(p) && typeof p.uri === 'string' ? ctx.policyDocument(p.uri) : undefined;
    return { statements: doc ? policyStatements(parsed(doc), ctx.catalog) : [] };
  });

  ctx.connection.onRequest(ScenarioResultsRequest, (p: ScenarioResultsParams): ScenarioResultsResult => {
    const uri = isObject(p) && typeof p.uri === 'string' ? p.uri : '';
    const text = uri ? read(uri) : undefined;
    if (typeof text !== 'string') {
      return { scenarios: [], errors: [{ message: `cannot read the scenario file ${text ? text.error : '(no uri given)'}`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }], policyUris: [] };
    }
    return scenarioResults(uri, text, read, ctx.catalog, scenarioModelApplier(readModel, ctx.managed));
  });
}
