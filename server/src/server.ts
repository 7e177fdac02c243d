// The language server: connection and document sync, wiring only. Runs over IPC (started by the extension) or
// standalone with --stdio for any LSP editor.
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadCatalog } from './node/catalogFiles';
import { useLocale } from './node/l10nBundle';
import { forget } from './service/documents';
import { forgetTemplate } from './service/embedded/templateDocuments';
import { ServerContext } from './handlers/context';
import { registerDiagnostics } from './handlers/diagnostics';
import { registerHover } from './handlers/hover';
import { COMPLETION_TRIGGERS, registerCompletion } from './handlers/completion';
import { registerPolicyInfo } from './handlers/policyInfo';
import { registerCodeActions } from './handlers/codeActions';
import { registerStructure } from './handlers/structure';
import { registerSimulate } from './handlers/simulate';
import { registerModel } from './handlers/model';
import { registerWorkspaceModel } from './handlers/workspaceModel';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const ctx = new ServerContext(connection, documents, loadCatalog());

connection.onInitialize((params): InitializeResult => {
  // the texts follow the client's display language (vscode-languageclient sends VS Code's); the client also passes the
  // bundle VS Code chose for it (vscode.l10n.uri), other editors get the bundles shipped next to the server
  const options = params.initializationOptions as { l10nBundle?: unknown } | undefined;
  useLocale(params.locale, typeof options?.l10nBundle === 'string' ? options.l10nBundle : undefined, (m) => connection.console.warn(`iam-policy server: ${m}`));
  ctx.configurationCapable = !!params.capabilities.workspace?.configuration;
  ctx.setWorkspaceFolders(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
  ctx.workspaceFoldersCapable = !!params.capabilities.workspace?.workspaceFolders;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      definitionProvider: true,
      completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: true },
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      documentFormattingProvider: true,
      documentRangeFormattingProvider: true,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'iam-policy-language-server', version: ctx.catalog.version.version },
  };
});

const diagnostics = registerDiagnostics(ctx);
registerHover(ctx);
registerCompletion(ctx);
registerPolicyInfo(ctx, (uri) => diagnostics.revalidate(uri));
registerCodeActions(ctx);
registerStructure(ctx);
registerSimulate(ctx);
registerModel(ctx);
registerWorkspaceModel(ctx, () => diagnostics.revalidateAll());

connection.onInitialized(async () => {
  if (ctx.workspaceFoldersCapable) {
    connection.workspace.onDidChangeWorkspaceFolders(async () => {
      ctx.setWorkspaceFolders(((await connection.workspace.getWorkspaceFolders()) ?? []).map((f) => f.uri));
    });
  }
  await ctx.refreshSettings();
  diagnostics.revalidateAll();
  // read the descriptions once the first diagnostics are out; the rest of the catalog is parsed service by service
  // as requests need it, so no background work competes with requests in the first seconds
  setTimeout(() => ctx.catalog.readDescriptions(), 500);
});
connection.onDidChangeConfiguration(async () => {
  await ctx.refreshSettings();
  diagnostics.revalidateAll();
});
documents.onDidClose((e) => { forget(e.document.uri); forgetTemplate(e.document.uri); });

// A bug in one request must not take the server down; report it and keep serving.
process.on('uncaughtException', (e) => connection.console.error(`iam-policy server: ${e.stack ?? e}`));

documents.listen(connection);
connection.listen();
