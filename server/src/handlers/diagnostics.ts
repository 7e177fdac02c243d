// Validation as you type: debounced per document; only documents that changed are validated again.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { validate } from '../service/validation';
import { validateModelFile } from '../service/modelDiagnostics';
import { RULES } from '../service/validation/rules';
import { workspaceModel } from './workspaceModel';
import { MAX_MODEL_BYTES } from '../node/modelFiles';
import type { ServerContext } from './context';
import { makeReader } from './simulate';

export const DEBOUNCE_MS = 150;

/**
 * How long before the end of the pause the validation of an edited policy starts: about as long as its last
 * validation took, so that its diagnostics are ready when the pause ends and are published then, instead of the
 * validation starting only then. Typing again within that lead throws the result away (the next pause validates).
 */
function leadFor(lastMs: number | undefined): number {
  if (lastMs === undefined) return 0;
  return Math.min(Math.ceil(lastMs * 1.25) + 2, DEBOUNCE_MS - 50);
}

export function registerDiagnostics(ctx: ServerContext): { revalidate(uri: string): void; revalidateAll(): void } {
  const timers = new Map<string, NodeJS.Timeout>();
  // per policy document: the last validation's duration, and a result computed ahead for a version, to publish at
  // the end of the pause
  const durations = new Map<string, number>();
  const ahead = new Map<string, { version: number; diagnostics: ReturnType<typeof validate> }>();
  const early = new Map<string, NodeJS.Timeout>();
  const published = new Set<string>();
  const readModel = makeReader(ctx, MAX_MODEL_BYTES);

  const validatePolicy = (uri: string) => {
    const doc = ctx.policyDocument(uri);
    if (!doc) return undefined;
    const t0 = performance.now();
    const diagnostics = validate(doc, ctx.catalog, ctx.policyType(doc).type, ctx.settings, RULES, () => workspaceModel(ctx)?.loaded.model);
    durations.set(uri, performance.now() - t0);
    return { version: doc.version, diagnostics };
  };

  const run = (uri: string) => {
    timers.delete(uri);
    const computed = ahead.get(uri);
    ahead.delete(uri);
    // before the first settings answer a document could be judged by the wrong settings (e.g. detectInJson off);
    // onInitialized validates every open document once they are known
    if (!ctx.settingsKnown) return;
    const model = ctx.modelDocument(uri);
    if (model) {
      published.add(uri);
      let diagnostics: ReturnType<typeof validateModelFile>;
      try { diagnostics = validateModelFile(model, readModel, ctx.catalog, ctx.settings, ctx.managed, ctx.workspaceModelUris); } catch (e) {
        ctx.connection.console.error(`iam-policy: model diagnostics failed for ${uri}: ${(e as Error).stack ?? e}`);
        diagnostics = [];
      }
      void ctx.connection.sendDiagnostics({ uri, version: model.version, diagnostics });
      return;
    }
    const doc = ctx.policyDocument(uri);
    if (!doc) {
      // a CloudFormation/SAM template: the findings of its embedded policies, where the user wrote them
      const open = ctx.documents.get(uri);
      const template = ctx.template(uri);
      if (open && template) {
        published.add(uri);
        void ctx.connection.sendDiagnostics({ uri, version: open.version, diagnostics: template.diagnostics });
      } else if (published.delete(uri)) void ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    // computed ahead for this very version, under the settings of now (a settings change reschedules with no lead)
    const result = computed && computed.version === doc.version ? computed : validatePolicy(uri)!;
    published.add(uri);
    void ctx.connection.sendDiagnostics({ uri, version: result.version, diagnostics: result.diagnostics });
  };
  const cancel = (uri: string) => {
    clearTimeout(timers.get(uri));
    clearTimeout(early.get(uri));
    timers.delete(uri);
    early.delete(uri);
    ahead.delete(uri);
  };
  const schedule = (doc: TextDocument, delay = DEBOUNCE_MS) => {
    cancel(doc.uri);
    const { uri } = doc;
    timers.set(uri, setTimeout(() => run(uri), delay));
    const lead = delay === DEBOUNCE_MS && ctx.settingsKnown && !ctx.modelDocument(uri) ? leadFor(durations.get(uri)) : 0;
    if (lead > 0) {
      early.set(uri, setTimeout(() => {
        early.delete(uri);
        const r = validatePolicy(uri);
        if (r) ahead.set(uri, r);
      }, delay - lead));
    }
  };

  // TextDocuments reports an open as a content change too; an open is validated at once, edits after a pause
  const justOpened = new Map<string, number>();
  ctx.documents.onDidOpen((e) => {
    justOpened.set(e.document.uri, e.document.version);
    schedule(e.document, 0);
  });
  ctx.documents.onDidChangeContent((e) => {
    if (justOpened.get(e.document.uri) === e.document.version) return;
    justOpened.delete(e.document.uri);
    schedule(e.document);
    // Parse while the debounce runs (after any request already queued): a completion typed next needs the tree
    // anyway, and the validation at the end of the pause then starts from it instead of parsing first.
    const { uri, version } = e.document;
    setImmediate(() => {
      const doc = ctx.policyDocument(uri);
      if (!doc || doc.version !== version) return;
      try { ctx.policyType(doc); } catch { /* the validation reports it */ }
    });
  });
  ctx.documents.onDidClose((e) => {
    justOpened.delete(e.document.uri);
    cancel(e.document.uri);
    durations.delete(e.document.uri);
    if (published.delete(e.document.uri)) void ctx.connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  ctx.onTerraformReady = () => { for (const d of ctx.documents.all()) schedule(d, 0); };
  return {
    revalidate: (uri) => { const d = ctx.documents.get(uri); if (d) schedule(d, 0); },
    revalidateAll: () => { for (const d of ctx.documents.all()) schedule(d, 0); },
  };
}
