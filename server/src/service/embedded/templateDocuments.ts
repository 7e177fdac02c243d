// Templates open in the editor: which documents are templates, and their analysis cached per document version so
// diagnostics, hover and code actions share one read of the template.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Catalog } from '../../core/catalog/catalog';
import type { ServiceSettings } from '../settings';
import type { SyntaxNode } from '../../core/embedded/terraform';
import { analyzeTemplate, analyzeTerraformFile, templateFormatOf, type TemplateAnalysis } from './templates';

/** Languages a CloudFormation/SAM template is opened as; content decides whether it is one. */
export const TEMPLATE_LANGUAGES = new Set(['yaml', 'json', 'jsonc', 'cloudformation']);

const cache = new Map<string, { version: number; length: number; settings: ServiceSettings; analysis: TemplateAnalysis | undefined }>();

/** Terraform files: by language (the HashiCorp extension's `terraform`) or, where no extension names them, by `.tf`. */
export function isTerraformDocument(doc: TextDocument): boolean {
  return doc.languageId === 'terraform' || /\.tf$/i.test(doc.uri);
}

/**
 * The template's analysis, or undefined when the document is not a template (ordinary YAML and JSON) or is a
 * Terraform file and no parser was given (it is WASM, loaded by the server on first need).
 */
export function templateAnalysis(doc: TextDocument, catalog: Catalog, settings: ServiceSettings, terraform?: (text: string) => SyntaxNode): TemplateAnalysis | undefined {
  if (!settings.detectInTemplates) return undefined;
  const tf = isTerraformDocument(doc);
  if (tf ? !terraform : !TEMPLATE_LANGUAGES.has(doc.languageId)) return undefined;
  const text = doc.getText();
  const hit = cache.get(doc.uri);
  if (hit && hit.version === doc.version && hit.length === text.length && hit.settings === settings) return hit.analysis;
  const format = doc.languageId === 'yaml' ? 'yaml' : doc.languageId === 'cloudformation' ? templateFormatOf(doc.uri, text) : 'json';
  const analysis = tf ? analyzeTerraformFile(doc.uri, text, terraform!, catalog, settings) : analyzeTemplate(doc.uri, text, format, catalog, settings);
  cache.set(doc.uri, { version: doc.version, length: text.length, settings, analysis });
  return analysis;
}

export function forgetTemplate(uri: string): void {
  cache.delete(uri);
}
