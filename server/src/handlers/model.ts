// The IAM model requests (issue 11): the explorer listing, effective permissions, AWS managed policy documents, and
// Go to Definition on a managed policy ARN (a read-only `iam-aws-managed:` document the client shows) and on the
// references of a model file (groups, customer managed policies, user/group/role ARNs).
import type { Location } from 'vscode-languageserver';
import {
  EffectivePermissionsRequest, ManagedPolicyRequest, ModelListRequest,
  type EffectivePermissionsParams, type EffectivePermissionsResult, type ManagedPolicyParams, type ManagedPolicyResult,
  type ModelListParams, type ModelListResult,
} from '../protocol';
import { isAwsManagedArn } from '../core/model/managedPolicies';
import { MAX_MODEL_BYTES } from '../node/modelFiles';
import { stringAt } from '../service/hover/managedPolicy';
import { definitionInModel, effectivePermissionsOf, loadModelUris, managedPolicyDocument, managedPolicyUri, modelList } from '../service/model';
import { getLocation } from 'jsonc-parser';
import type { ServerContext } from './context';
import { makeReader } from './simulate';

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const urisOf = (v: unknown): string[] => (isObject(v) && Array.isArray(v.uris) ? v.uris.filter((u): u is string => typeof u === 'string') : []);

export function registerModel(ctx: ServerContext): void {
  const read = makeReader(ctx, MAX_MODEL_BYTES);

  ctx.connection.onRequest(ModelListRequest, (p: ModelListParams): ModelListResult => modelList(loadModelUris(urisOf(p), read, ctx.managed), read));

  ctx.connection.onRequest(EffectivePermissionsRequest, (p: EffectivePermissionsParams): EffectivePermissionsResult =>
    effectivePermissionsOf({ model: { uris: urisOf(isObject(p) ? p.model : undefined) }, principal: isObject(p) ? p.principal as string : '', ...(isObject(p) && p.service !== undefined ? { service: p.service as string } : {}) }, read, ctx.catalog, ctx.managed));

  ctx.connection.onRequest(ManagedPolicyRequest, (p: ManagedPolicyParams): ManagedPolicyResult =>
    managedPolicyDocument(isObject(p) && typeof p.arn === 'string' ? p.arn : '', ctx.managed));

  ctx.connection.onDefinition(({ textDocument, position }): Location | null => {
    const doc = ctx.documents.get(textDocument.uri);
    if (!doc) return null;
    const offset = doc.offsetAt(position);
    const s = stringAt(doc.getText(), offset);
    if (!s) return null;
    if (isAwsManagedArn(s.value)) {
      return ctx.managed.get(s.value) ? { uri: managedPolicyUri(s.value), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } } : null;
    }
    if (!ctx.modelDocument(doc.uri)) return null;
    return definitionInModel(doc.uri, s.value, getLocation(doc.getText(), offset).path, read, ctx.managed) ?? null;
  });
}
