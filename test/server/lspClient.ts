// A small LSP client for server tests: spawns the built language server (`node dist/server.js --stdio`) and speaks
// JSON-RPC to it over stdio, exactly as any LSP editor would. Build first (`node scripts/build.mjs`).
//
// Usage in a node:test file (test/server/*.test.ts, run with `node scripts/run-node-tests.mjs test/server`):
//
//   import { LspClient } from './lspClient';
//   const lsp = await LspClient.start();              // spawns the server and completes initialize/initialized
//   const uri = lsp.open('a.policy.json', text);      // didOpen; languageId defaults to 'iam-policy'
//   const diags = await lsp.diagnostics(uri);         // next publishDiagnostics for that uri (waits)
//   const h = await lsp.hover(uri, text.indexOf('s3:GetObject') + 3);   // positions are offsets or {line, character}
//   const items = await lsp.completion(uri, offset);
//   lsp.change(uri, newText); lsp.close(uri);
//   await lsp.request('iamPolicy/policyType', { uri }); // any custom request from server/src/protocol.ts
//   await lsp.stop();                                  // shutdown + exit, then kills the process if it lingers
//
// `hoverText(h)` flattens a Hover to plain text. Documents use file:///workspace/<name> URIs unless given a full URI.
// Settings: the client answers workspace/configuration from `settings` (section 'iamPolicy'), so tests can set rules.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter,
  type CompletionItem, type CompletionList, type Diagnostic, type Hover, type InitializeResult,
  type ProtocolConnection, type PublishDiagnosticsParams, type Position,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const SERVER_JS = resolve(__dirname, '../../dist/server.js');

export interface StartOptions {
  /** settings returned for workspace/configuration requests, by section ('iamPolicy' -> {...}) */
  settings?: Record<string, unknown>;
  /** extra environment for the server process */
  env?: NodeJS.ProcessEnv;
  /** `locale` of the initialize request (VS Code's display language) */
  locale?: string;
  /** `initializationOptions` of the initialize request */
  initializationOptions?: unknown;
  /** workspace folder URIs sent in initialize (default: none) */
  workspaceFolders?: string[];
  /** the server bundle to run (default: dist/server.js) */
  serverJs?: string;
  /** node flags for the server process (e.g. --cpu-prof, which NODE_OPTIONS does not take) */
  nodeArgs?: string[];
}

type Waiter = { uri: string; resolve: (p: PublishDiagnosticsParams) => void };

export class LspClient {
  /** every publishDiagnostics received, in order */
  readonly published: PublishDiagnosticsParams[] = [];
  /** what the server wrote to stderr (shown when a test fails) */
  stderr = '';
  initializeResult!: InitializeResult;
  /** ms from spawn until the initialize answer arrived */
  startupMs = 0;
  private readonly docs = new Map<string, TextDocument>();
  private waiters: Waiter[] = [];

  private constructor(readonly proc: ChildProcess, readonly connection: ProtocolConnection, private readonly settings: Record<string, unknown>) {}

  static async start(options: StartOptions = {}): Promise<LspClient> {
    const t0 = performance.now();
    const proc = spawn(process.execPath, [...(options.nodeArgs ?? []), options.serverJs ?? SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
    const connection = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const client = new LspClient(proc, connection, options.settings ?? {});
    proc.stderr!.on('data', (d: Buffer) => { client.stderr += d.toString(); });
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      client.published.push(p);
      const ready = client.waiters.filter((w) => w.uri === p.uri);
      client.waiters = client.waiters.filter((w) => w.uri !== p.uri);
      for (const w of ready) w.resolve(p);
    });
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((i) => (i.section ? client.settings[i.section] ?? null : client.settings)));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification('window/logMessage', () => undefined);
    connection.listen();
    const exited = new Promise<never>((_, reject) => proc.once('exit', (code) =>
      reject(new Error(`server exited with ${code} before answering initialize; stderr:\n${client.stderr}`))));
    client.initializeResult = await Promise.race([
      connection.sendRequest<InitializeResult>('initialize', {
        processId: process.pid, rootUri: options.workspaceFolders?.[0] ?? null,
        workspaceFolders: options.workspaceFolders?.map((uri, i) => ({ uri, name: `folder${i}` })) ?? null,
        ...(options.locale ? { locale: options.locale } : {}),
        ...(options.initializationOptions ? { initializationOptions: options.initializationOptions } : {}),
        capabilities: { workspace: { configuration: true }, textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] } } },
      }),
      exited,
    ]);
    client.startupMs = performance.now() - t0;
    await connection.sendNotification('initialized', {});
    return client;
  }

  static uri(name: string): string {
    return /^[a-z]+:/.test(name) ? name : `file:///workspace/${name}`;
  }

  open(name: string, text: string, languageId = 'iam-policy'): string {
    const uri = LspClient.uri(name);
    const doc = TextDocument.create(uri, languageId, 1, text);
    this.docs.set(uri, doc);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  /** replaces the whole text (a full-content change) */
  change(uri: string, text: string): void {
    const old = this.doc(uri);
    const doc = TextDocument.create(uri, old.languageId, old.version + 1, text);
    this.docs.set(uri, doc);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: [{ text }] });
  }

  close(uri: string): void {
    this.docs.delete(uri);
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  doc(uri: string): TextDocument {
    const d = this.docs.get(uri);
    if (!d) throw new Error(`${uri} is not open in this LspClient`);
    return d;
  }

  position(uri: string, at: number | Position): Position {
    return typeof at === 'number' ? this.doc(uri).positionAt(at) : at;
  }

  /** the next publishDiagnostics for uri (after this call), or the rejection after timeoutMs */
  nextDiagnostics(uri: string, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no publishDiagnostics for ${uri} within ${timeoutMs} ms; server stderr:\n${this.stderr}`));
      }, timeoutMs);
      const waiter: Waiter = { uri, resolve: (p) => { clearTimeout(timer); resolvePromise(p); } };
      this.waiters.push(waiter);
    });
  }

  /** diagnostics for the current version of uri: waits for a publish whose version (when sent) matches */
  async diagnostics(uri: string, timeoutMs = 10_000): Promise<Diagnostic[]> {
    const version = this.doc(uri).version;
    const last = [...this.published].reverse().find((p) => p.uri === uri);
    if (last && (last.version === undefined || last.version === version)) return last.diagnostics;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const p = await this.nextDiagnostics(uri, Math.max(1, deadline - Date.now()));
      if (p.version === undefined || p.version === version) return p.diagnostics;
    }
  }

  /** every publishDiagnostics received for uri so far */
  publishedFor(uri: string): PublishDiagnosticsParams[] {
    return this.published.filter((p) => p.uri === uri);
  }

  hover(uri: string, at: number | Position): Promise<Hover | null> {
    return this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: this.position(uri, at) });
  }

  async completion(uri: string, at: number | Position): Promise<CompletionItem[]> {
    const r = await this.connection.sendRequest<CompletionList | CompletionItem[] | null>('textDocument/completion', {
      textDocument: { uri }, position: this.position(uri, at),
    });
    return r === null ? [] : Array.isArray(r) ? r : r.items;
  }

  request<R>(method: string, params?: unknown): Promise<R> {
    return this.connection.sendRequest<R>(method, params);
  }

  async stop(): Promise<void> {
    if (this.proc.exitCode === null) {
      const gone = new Promise<void>((r) => this.proc.once('exit', () => r()));
      try {
        await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        await this.connection.sendNotification('exit');
      } catch { /* the process may already be gone */ }
      const killer = setTimeout(() => this.proc.kill('SIGKILL'), 2000);
      await gone;
      clearTimeout(killer);
    }
    this.connection.dispose();
  }
}

export function hoverText(h: Hover | null): string {
  if (!h) return '';
  const c = h.contents;
  const parts = Array.isArray(c) ? c : [c];
  return parts.map((p) => (typeof p === 'string' ? p : p.value)).join('\n');
}
