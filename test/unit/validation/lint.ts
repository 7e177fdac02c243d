// Test helpers: validate in-memory policies the way the language server does.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { PolicyType } from '../../../server/src/core/policy/policyType';
import { DEFAULT_SETTINGS, type ServiceSettings } from '../../../server/src/service/settings';
import { validate } from '../../../server/src/service/validation';
import { RULES } from '../../../server/src/service/validation/rules';
import { loadModel } from '../../../server/src/core/model/load';
import { catalog, doc } from '../helpers';

let n = 0;
/** `model`: a hand-written IAM model the server knows (loaded as file:///test/world.iam-model.json) */
export function lint(text: string, type: PolicyType = 'identity', settings: ServiceSettings = DEFAULT_SETTINGS, model?: object) {
  const d = doc(text, 'iam-policy', `file:///test/p${n++}.json`);
  const loaded = model && loadModel([{ name: 'file:///test/world.iam-model.json', text: JSON.stringify(model) }]).model;
  const diagnostics = validate(d, catalog, type, settings, RULES, loaded && (() => loaded));
  const textOf = (x: Diagnostic) => d.getText(x.range);
  return { doc: d, diagnostics, textOf };
}

/** A policy with Version and the given statements (objects are JSON-stringified). */
export function policy(...statements: object[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
}

export const S = (extra: object = {}) => ({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*', ...extra });
