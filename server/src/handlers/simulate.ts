// iamPolicy/simulate, iamPolicy/actionSuggestions, iamPolicy/policyStatements, iamPolicy/scenarioResults: the
// Simulate Request panel and inline simulation (issue 7). Policy files come from the open documents first (so the
// panel follows unsaved edits), then from disk.
import { fileURLToPath } from 'node:url';
import {
  ActionSuggestionsRequest, PolicyStatementsRequest, ScenarioResultsRequest, SimulateRequest,
  type ActionSuggestionsParams, type ActionSuggestionsResult, type PolicyStatementsParams, type PolicyStatementsResult,
  type ScenarioResultsParams, type ScenarioResultsResult, type SimulateModelParams, type SimulateParams, type SimulateResult,
} from '../protocol';
import { MAX_FILE_BYTES } from '../node/safeFile';
import { parsed } from '../service/documents';
import { actionSuggestions, fileNameOf, policyStatements, scenarioResults, simulateForPanel, type ReadText } from '../service/simulate';
import { embeddedStatements, parseEmbeddedReference, resolveEmbedded, resultInTemplates, unknownValueWarnings, type TemplateSource } from '../service/embedded/embeddedSimulate';
import { scenarioModelApplier, simulateAsPrincipal } from '../service/model';
import { MAX_MODEL_BYTES } from '../node/modelFiles';
import type { ServerContext } from './context';
import * as l10n from '@vscode/l10n';

const normalize = (uri: string) => { try { return decodeURIComponent(uri); } catch { return uri; } };


/**
 * Open documents first (the panel follows unsaved edits), then the file on disk through the safe reader, kept until
 * the file changes (ctx.files).
 */
export function makeReader(ctx: ServerContext, maxBytes = MAX_FILE_BYTES): ReadText {
  return (uri: string) => {
    const open = ctx.documents.get(uri) ?? ctx.documents.all().find((d) => normalize(d.uri) === normalize(uri));
    if (open) return open.getText();
    if (!uri.startsWith('file:')) return { error: l10n.t('{0} is not open in the editor and not a file on disk.', uri) };
    let path: string;
    try { path = fileURLToPath(uri); } catch { return { error: `${uri} is not a file path.` }; }
    const r = ctx.files.read(path, { maxBytes, roots: ctx.fileAccess.allowOutsideWorkspace ? undefined : ctx.workspaceFolders, outsideAdvice: l10n.t('Open it in the editor, move it into the workspace, or set "iamPolicy.simulate.allowFilesOutsideWorkspace": true.') });
    return r.ok ? r.text : { error: r.message, reason: r.reason };
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * The panel's references to policies inside templates, resolved to their virtual policies; each gets a display
 * name (`app.yaml › Resources/Role/...`) unless the panel gave one.
 */
async function resolveEmbeddedRefs(ctx: ServerContext, p: SimulateParams, read: ReadText): Promise<Map<string, ReturnType<typeof resolveEmbedded>>> {
  const out = new Map<string, ReturnType<typeof resolveEmbedded>>();
  const list = <T>(v: T[] | undefined): T[] => (Array.isArray(v) ? v : []);
  const refs = [
    ...list(p.identityPolicies), ...list(p.permissionBoundaries), p.sessionPolicy, p.resourcePolicy,
    ...[...list(p.scps), ...list(p.rcps)].flatMap((l) => (isObject(l) && Array.isArray(l.policies) ? l.policies : [])),
  ];
  for (const ref of refs) {
    const parsedRef = isObject(ref) && typeof ref.uri === 'string' ? parseEmbeddedReference(ref.uri) : undefined;
    if (!parsedRef || !ref?.uri) continue;
    ref.name ||= `${fileNameOf(parsedRef.templateUri)} › ${parsedRef.policyId}`;
    if (out.has(ref.uri)) continue;
    const text = read(parsedRef.templateUri);
    let source: TemplateSource | { error: string };
    if (typeof text !== 'string') source = { error: text ? text.error : l10n.t('cannot read {0}.', parsedRef.templateUri) };
    else {
      try { source = { text, analysis: await ctx.templateOfText(parsedRef.templateUri, text) }; } catch (e) { source = { error: l10n.t('{0} could not be read as a template: {1}', parsedRef.templateUri, (e as Error).message) }; }
    }
    out.set(ref.uri, resolveEmbedded(ref.uri, source));
  }
  return out;
}

export function registerSimulate(ctx: ServerContext): void {
  const read = makeReader(ctx);
  const readModel = makeReader(ctx, MAX_MODEL_BYTES);

  ctx.connection.onRequest(SimulateRequest, async (p: SimulateParams): Promise<SimulateResult> => {
    if (!isObject(p) || !isObject(p.request)) {
      return { result: null, errors: ['iamPolicy/simulate needs {identityPolicies, ..., request: {principal, action, resource}}'], contextKeys: [], resourceTemplates: [], actionKnown: false, policyNames: {} };
    }
    const embedded = await resolveEmbeddedRefs(ctx, p, read);
    const withEmbedded = (base: ReadText): ReadText => (uri) => {
      const r = embedded.get(uri);
      if (!r) return base(uri);
      return 'error' in r ? { error: r.error } : r.policy.virtual.text;
    };
    const response = isObject(p.model)
      ? simulateAsPrincipal(p as SimulateModelParams, withEmbedded(readModel), ctx.catalog, ctx.managed)
      : simulateForPanel(p, withEmbedded(read), ctx.catalog);
    const resolved = new Map([...embedded].flatMap(([u, r]) => ('error' in r ? [] : [[u, r] as const])));
    for (const [uri, r] of resolved) response.errors.push(...unknownValueWarnings(response.policyNames[uri] ?? uri, r.policy, r.host));
    if (response.result && resolved.size) response.result = resultInTemplates(response.result, resolved);
    return response;
  });

  ctx.connection.onRequest(ActionSuggestionsRequest, (p: ActionSuggestionsParams): ActionSuggestionsResult => {
    const text = isObject(p) && typeof p.text === 'string' ? p.text : '';
    const limit = isObject(p) && typeof p.limit === 'number' && p.limit > 0 ? Math.min(p.limit, 500) : 100;
    return { items: actionSuggestions(text, ctx.catalog, limit) };
  });

  ctx.connection.onRequest(PolicyStatementsRequest, (p: PolicyStatementsParams): PolicyStatementsResult => {
    const uri = isObject(p) && typeof p.uri === 'string' ? p.uri : undefined;
    const doc = uri ? ctx.policyDocument(uri) : undefined;
    if (doc) return { statements: policyStatements(parsed(doc), ctx.catalog) };
    const template = uri ? ctx.template(uri) : undefined;
    const text = uri && template ? ctx.documents.get(uri)?.getText() : undefined;
    return { statements: uri && template && text !== undefined ? embeddedStatements(uri, text, template, ctx.catalog) : [] };
  });

  ctx.connection.onRequest(ScenarioResultsRequest, (p: ScenarioResultsParams): ScenarioResultsResult => {
    const uri = isObject(p) && typeof p.uri === 'string' ? p.uri : '';
    const text = uri ? read(uri) : undefined;
    if (typeof text !== 'string') {
      return { scenarios: [], errors: [{ message: text ? l10n.t('cannot read the scenario file {0}', text.error) : l10n.t('cannot read the scenario file (no uri given)'), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }], policyUris: [] };
    }
    return scenarioResults(uri, text, read, ctx.catalog, scenarioModelApplier(readModel, ctx.managed));
  });
}
