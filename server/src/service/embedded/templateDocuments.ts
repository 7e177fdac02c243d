// Templates open in the editor: which documents are templates, and their analysis cached per document version so
// diagnostics, hover and code actions share one read of the template.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Catalog } from '../../core/catalog/catalog';
import type { ServiceSettings } from '../settings';
import { analyzeTemplate, templateFormatOf, type TemplateAnalysis } from './templates';

/** Languages a CloudFormation/SAM template is opened as; content decides whether it is one. */
export const TEMPLATE_LANGUAGES = new Set(['yaml', 'json', 'jsonc', 'cloudformation']);

const cache = new Map<string, { version: number; length: number; settings: ServiceSettings; analysis: TemplateAnalysis | undefined }>();

/** The template's analysis, or undefined when the document is not a template (ordinary YAML and JSON). */
export function templateAnalysis(doc: TextDocument, catalog: Catalog, settings: ServiceSettings): TemplateAnalysis | undefined {
  if (!settings.detectInTemplates || !TEMPLATE_LANGUAGES.has(doc.languageId)) return undefined;
  const text = doc.getText();
  const hit = cache.get(doc.uri);
  if (hit && hit.version === doc.version && hit.length === text.length && hit.settings === settings) return hit.analysis;
  const format = doc.languageId === 'yaml' ? 'yaml' : doc.languageId === 'cloudformation' ? templateFormatOf(doc.uri, text) : 'json';
  const analysis = analyzeTemplate(doc.uri, text, format, catalog, settings);
  cache.set(doc.uri, { version: doc.version, length: text.length, settings, analysis });
  return analysis;
}

export function forgetTemplate(uri: string): void {
  cache.delete(uri);
}
