// What every handler needs: the connection, the open documents, the catalog and the settings per document.
import { fileURLToPath } from 'node:url';
import type { Connection, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Catalog } from '../core/catalog/catalog';
import type { PolicyType } from '../core/policy/policyType';
import { isPolicyDocument, parsed } from '../service/documents';
import { decidePolicyType } from '../service/policyType';
import { DEFAULT_SETTINGS, type ServiceSettings } from '../service/settings';
import { forgetTemplate, isTerraformDocument, templateAnalysis } from '../service/embedded/templateDocuments';
import type { TemplateAnalysis } from '../service/embedded/templates';
import { loadTerraformParser, type TerraformParse } from '../node/terraformParser';
import type { ManagedPolicies } from '../core/model/managedPolicies';
import { loadManagedPolicies } from '../node/modelFiles';
import { FileTextCache } from '../node/fileTextCache';
import { isModelFile } from '../service/modelDiagnostics';

export class ServerContext {
  settings: ServiceSettings = DEFAULT_SETTINGS;
  /** the client can answer workspace/configuration */
  configurationCapable = false;
  /** the client reports workspace folder changes */
  workspaceFoldersCapable = false;
  readonly chosenTypes = new Map<string, PolicyType>();
  /** folders of the workspace (file system paths): files the server reads from disk must be inside one */
  workspaceFolders: string[] = [];
  /** the workspace's model files, as the client last named them (iamPolicy/workspaceModel) */
  workspaceModelUris: string[] = [];
  /** iamPolicy.simulate.allowFilesOutsideWorkspace */
  fileAccess = { allowOutsideWorkspace: false };
  /** texts of files read from disk, read again only when a file changed (a large model is read once, not per hover) */
  readonly files = new FileTextCache();

  constructor(readonly connection: Connection, readonly documents: TextDocuments<TextDocument>, readonly catalog: Catalog) {}

  private managedPolicies?: ManagedPolicies;
  /** The bundled AWS managed policies, read on first use (a model, a hover on a managed policy ARN). */
  get managed(): ManagedPolicies {
    return (this.managedPolicies ??= loadManagedPolicies());
  }

  /** The document if it is an open IAM model file (`*.iam-model.json`, `*.authz.json`, or an export by content). */
  modelDocument(uri: string): TextDocument | undefined {
    const doc = this.documents.get(uri);
    if (!doc || !['json', 'jsonc', 'iam-policy'].includes(doc.languageId)) return undefined;
    return isModelFile(doc.uri, doc.getText()) ? doc : undefined;
  }

  /** The document if the service should serve it (open, and an IAM policy), else undefined. */
  policyDocument(uri: string): TextDocument | undefined {
    const doc = this.documents.get(uri);
    return doc && isPolicyDocument(doc, this.settings) ? doc : undefined;
  }

  /** the Terraform parser once loaded (WASM: loaded on the first .tf document) */
  private terraform: TerraformParse | undefined;
  private terraformLoading = false;

  /**
   * The analysis of an open CloudFormation/SAM template or Terraform file, else undefined. The first Terraform file
   * starts loading the parser and gets its analysis through `onTerraformReady` once it is there.
   */
  template(uri: string) {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    if (isTerraformDocument(doc) && !this.terraform && this.settings.detectInTemplates && !this.terraformLoading) {
      this.terraformLoading = true;
      loadTerraformParser().then((p) => { this.terraform = p; this.onTerraformReady?.(); },
        (e) => this.connection.console.error(`iam-policy: the Terraform parser could not be loaded: ${(e as Error).message}`));
    }
    return templateAnalysis(doc, this.catalog, this.settings, this.terraform);
  }

  onTerraformReady: (() => void) | undefined;

  /** The analysis of a template's text that may not be open (Simulate on a policy of a template on disk). */
  async templateOfText(uri: string, text: string): Promise<TemplateAnalysis | undefined> {
    const languageId = /\.tf$/i.test(uri) ? 'terraform' : /\.ya?ml$/i.test(uri) ? 'yaml' : /\.json$/i.test(uri) ? 'json' : 'cloudformation';
    const parse = languageId === 'terraform' ? (this.terraform ??= await loadTerraformParser()) : undefined;
    // not the editor's document: analysed afresh and not kept in the per-document cache
    forgetTemplate(uri);
    try { return templateAnalysis(TextDocument.create(uri, languageId, 0, text), this.catalog, this.settings, parse); } finally { forgetTemplate(uri); }
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
        detectInTemplates: typeof s?.detectInTemplates === 'boolean' ? s.detectInTemplates : DEFAULT_SETTINGS.detectInTemplates,
      };
      this.fileAccess = { allowOutsideWorkspace: obj(s?.simulate)?.allowFilesOutsideWorkspace === true };
    } catch (e) {
      this.connection.console.warn(`iam-policy: could not read the iamPolicy settings, using the defaults: ${(e as Error).message}`);
    } finally {
      this.settingsKnown = true;
    }
  }
}
