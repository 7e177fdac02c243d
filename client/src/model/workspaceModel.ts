// The workspace model: its files and what the language server lists from them (iamPolicy/modelList), refreshed
// when a model file changes. The IAM view and the Simulate Request panel's principal picker both read it.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { EscalationPathsResult, ModelAccountItem, ModelListResult } from '../../../server/src/protocol';
import { EscalationPathsRequest, ModelListRequest, WorkspaceModelNotification } from '../requests';
import type { PathEdge } from '../../../server/src/protocol';
import { escalationsByPrincipal, type EscalationsByPrincipal } from './escalations';
import { findModelFiles, watchModelFiles } from './modelFiles';

const REFRESH_MS = 300;

/** A user or role of the model, as the pickers offer it. */
export interface ModelPrincipal { kind: 'user' | 'role'; name: string; arn: string; account: string; detail: string }

export function principalsOf(accounts: ModelAccountItem[]): ModelPrincipal[] {
  return accounts.flatMap((a) => [
    ...a.users.map((u) => ({ kind: 'user' as const, name: u.name, arn: u.arn, account: a.id, detail: u.groups.length ? `groups: ${u.groups.join(', ')}` : 'no groups' })),
    ...a.roles.map((r) => ({ kind: 'role' as const, name: r.name, arn: r.arn, account: a.id, detail: r.trustedPrincipals.length ? `assumable by ${r.trustedPrincipals.map((t) => t.principal).join(', ')}` : 'no trust policy' })),
  ]);
}

export class WorkspaceModel implements vscode.Disposable {
  private files: vscode.Uri[] = [];
  private listing: ModelListResult = { accounts: [], problems: [] };
  private error: string | undefined;
  private paths: EscalationsByPrincipal = new Map();
  private edgeList: PathEdge[] = [];
  private pathsLoaded: Promise<void> = Promise.resolve();
  private loaded: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** fires after each refresh */
  readonly onDidChange = this.changed.event;
  private readonly watcher: vscode.Disposable;

  constructor(private readonly client: LanguageClient, private readonly ready: Promise<void>) {
    this.watcher = watchModelFiles(() => this.schedule());
  }

  /** the files, accounts and problems, loading them the first time */
  async get(): Promise<{ files: vscode.Uri[]; listing: ModelListResult; error?: string }> {
    await (this.loaded ??= this.refresh());
    return { files: this.files, listing: this.listing, ...(this.error ? { error: this.error } : {}) };
  }

  /** Lists the given files (the panel may choose a subset of the workspace's model files). */
  async list(uris: string[]): Promise<ModelListResult> {
    if (!uris.length) return { accounts: [], problems: [] };
    await this.ready;
    return this.client.sendRequest<ModelListResult>(ModelListRequest, { uris });
  }

  /** the escalation findings by the principal they start from, as of the last refresh */
  escalations(): EscalationsByPrincipal { return this.paths; }

  /** every edge of who can become whom (`iam-policy paths`), as of the last refresh */
  edges(): PathEdge[] { return this.edgeList; }

  /** settles when the escalation findings of the last refresh are in (they come after the listing) */
  escalationsLoaded(): Promise<void> { return this.pathsLoaded; }

  /** Names the model files to the server: its hovers and IAM810 in ordinary policy files ask this model. */
  async announce(files?: vscode.Uri[]): Promise<void> {
    try {
      const list = files ?? await findModelFiles();
      await this.ready;
      await this.client.sendNotification(WorkspaceModelNotification, { uris: list.map((u) => u.toString()) });
    } catch { /* the server is not running: the listing reports it */ }
  }

  refresh(): Promise<void> {
    clearTimeout(this.timer);
    const run = (async () => {
      this.files = await findModelFiles();
      await this.announce(this.files);
      try {
        this.listing = await this.list(this.files.map((u) => u.toString()));
        this.error = undefined;
      } catch (e) {
        this.listing = { accounts: [], problems: [] };
        this.error = `The language server could not list the model: ${(e as Error).message}`;
      }
      this.changed.fire();
      this.pathsLoaded = this.loadEscalations(this.files.map((u) => u.toString()));
    })();
    this.loaded = run;
    return run;
  }

  private async loadEscalations(uris: string[]): Promise<void> {
    let edges: PathEdge[] = [];
    if (uris.length && this.listing.accounts.length) {
      // without the findings the view still lists the model: an error here only leaves the marks out
      try { edges = (await this.client.sendRequest<EscalationPathsResult>(EscalationPathsRequest, { model: { uris } })).edges; } catch { /* no marks */ }
    }
    this.edgeList = edges;
    this.paths = escalationsByPrincipal(edges);
    this.changed.fire();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), REFRESH_MS);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.watcher.dispose();
    this.changed.dispose();
  }
}
