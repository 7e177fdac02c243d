// What every handler needs: the connection, the open documents, the catalog and the settings per document.
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
  readonly chosenTypes = new Map<string, PolicyType>();

  constructor(readonly connection: Connection, readonly documents: TextDocuments<TextDocument>, readonly catalog: Catalog) {}

  /** The document if the service should serve it (open, and an IAM policy), else undefined. */
  policyDocument(uri: string): TextDocument | undefined {
    const doc = this.documents.get(uri);
    return doc && isPolicyDocument(doc, this.settings) ? doc : undefined;
  }

  policyType(doc: TextDocument) {
    return decidePolicyType(doc.uri, parsed(doc), this.settings, this.chosenTypes.get(doc.uri));
  }

  async refreshSettings(): Promise<void> {
    if (!this.configurationCapable) return;
    const s = (await this.connection.workspace.getConfiguration('iamPolicy')) as Partial<{ detectInJson: boolean; diagnostics: { rules?: ServiceSettings['rules'] }; policyTypes: ServiceSettings['policyTypes'] }> | null;
    this.settings = {
      detectInJson: s?.detectInJson ?? DEFAULT_SETTINGS.detectInJson,
      rules: s?.diagnostics?.rules ?? {},
      policyTypes: s?.policyTypes ?? {},
    };
  }
}
