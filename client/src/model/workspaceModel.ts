// The workspace model: its files and what the language server lists from them (iamPolicy/modelList), refreshed
// when a model file changes. The IAM view and the Simulate Request panel's principal picker both read it.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ModelAccountItem, ModelListResult } from '../../../server/src/protocol';
import { ModelListRequest } from '../requests';
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

  refresh(): Promise<void> {
    clearTimeout(this.timer);
    const run = (async () => {
      this.files = await findModelFiles();
      try {
        this.listing = await this.list(this.files.map((u) => u.toString()));
        this.error = undefined;
      } catch (e) {
        this.listing = { accounts: [], problems: [] };
        this.error = `The language server could not list the model: ${(e as Error).message}`;
      }
      this.changed.fire();
    })();
    this.loaded = run;
    return run;
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
