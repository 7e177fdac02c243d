// The workspace's model files as the client names them (iamPolicy/workspaceModel): kept on the context, and every
// open document is validated again when they change (IAM810 asks the model about roles).
import { fileURLToPath } from 'node:url';
import { WorkspaceModelNotification, type WorkspaceModelParams } from '../protocol';
import type { LoadedModel } from '../core/model/load';
import { MAX_MODEL_BYTES } from '../node/modelFiles';
import { loadModelUris } from '../service/model';
import type { ServerContext } from './context';
import { makeReader } from './simulate';

const MAX_URIS = 500;

export function registerWorkspaceModel(ctx: ServerContext, onChange: () => void): void {
  ctx.connection.onNotification(WorkspaceModelNotification, (p: WorkspaceModelParams) => {
    const uris = p && typeof p === 'object' && Array.isArray(p.uris) ? p.uris.filter((u): u is string => typeof u === 'string' && !!u).slice(0, MAX_URIS) : [];
    ctx.workspaceModelUris = uris;
    // the client names the files again when its watcher saw one change: read them again even if their stat looks the
    // same (a network drive's clock may be off)
    for (const u of uris) { try { if (u.startsWith('file:')) ctx.files.forget(fileURLToPath(u)); } catch { /* not a path */ } }
    onChange();
  });
}

/**
 * The workspace model, with `also` (a model file being edited that the client has not named yet); undefined when
 * there are no model files.
 */
export function workspaceModel(ctx: ServerContext, also?: string): { loaded: LoadedModel; uris: string[] } | undefined {
  const uris = [...new Set([...ctx.workspaceModelUris, ...(also ? [also] : [])])];
  if (!uris.length) return undefined;
  return { loaded: loadModelUris(uris, makeReader(ctx, MAX_MODEL_BYTES), ctx.managed), uris };
}
