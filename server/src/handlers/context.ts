// What every handler needs: the connection, the open documents, the catalog and the settings per document.
import { fileURLToPath } from 'node:url';
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Catalog } from '../core/catalog/catalog';
import type { PolicyType } from '../core/policy/policyType';
import { isPolicyDocument, parsed } from '../service/documents';
import { decidePolicyType } from '../service/policyType';
import { DEFAULT_SETTINGS, type ServiceSettings } from '../service/settings';

export class ServerContext {
  settings: ServiceSettings = DEFAULT_SETTINGS;
  /** the client can answer workspace/configuration */
  configurationCapable = false;
  /** the client reports workspace folder changes */
  workspaceFoldersCapable = false;
  readonly chosenTypes = new Map<string, PolicyType>();
  /** folders of the workspace (file system paths): files the server reads from disk must be inside one */
  workspaceFolders: string[] = [];
  /** iamPolicy.simulate.allowFilesOutsideWorkspace */
  fileAccess = { allowOutsideWorkspace: false };

  constructor(readonly connection: Connection, readonly documents: TextDocuments<TextDocument>, readonly catalog: Catalog) {}

  /** The document if the service should serve it (open, and an IAM policy), else undefined. */
  policyDocument(uri: string): TextDocument | undefined {
    const doc = this.documents.get(uri);
    return doc && isPolicyDocument(doc, this.settings) ? doc : undefined;
  }

  policyType(doc: TextDocument) {
    return decidePolicyType(doc.uri, parsed(doc), this.settings, this.chosenTypes.get(doc.uri));
  }

  /** Workspace folders from `file:` URIs (others cannot hold files we read). */
  setWorkspaceFolders(uris: string[]): void {
    this.workspaceFolders = uris.flatMap((u) => { try { return u.startsWith('file:') ? [fileURLToPath(u)] : []; } catch { return []; } });
  }

  /** false until the first settings answer (or immediately for clients without workspace/configuration) */
  settingsKnown = false;

  async refreshSettings(): Promise<void> {
    try {
      if (!this.configurationCapable) return;
      const s = (await this.connection.workspace.getConfiguration('iamPolicy')) as Record<string, unknown> | null;
      // hand-edited settings.json can hold anything: wrong types fall back to the defaults
      const obj = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
      const strings = (v: unknown) => Object.fromEntries(Object.entries(obj(v) ?? {}).filter(([, x]) => typeof x === 'string')) as Record<string, string>;
      this.settings = {
        detectInJson: typeof s?.detectInJson === 'boolean' ? s.detectInJson : DEFAULT_SETTINGS.detectInJson,
        rules: strings(obj(s?.diagnostics)?.rules) as ServiceSettings['rules'],
        policyTypes: strings(s?.policyTypes) as ServiceSettings['policyTypes'],
      };
      this.fileAccess = { allowOutsideWorkspace: obj(s?.simulate)?.allowFilesOutsideWorkspace === true };
    } catch (e) {
      this.connection.console.warn(`iam-policy: could not read the iamPolicy settings, using the defaults: ${(e as Error).message}`);
    } finally {
      this.settingsKnown = true;
    }
  }
}
