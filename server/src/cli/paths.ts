// iam-policy who-can ACTION RESOURCE --model FILE… and iam-policy paths --model FILE… [--from PRINCIPAL]
// (shared/spec/iam-model.md §3). Exit status: 0 answered; 2 bad usage or a model file with errors (reported on stderr;
// the answer is still printed from the rest of the model).
import type { Catalog } from '../core/catalog/catalog';
import { isNotFound, resolvePrincipal } from '../core/model/gather';
import { escalationPaths, whoCan, type PathEdge } from '../core/model/paths';
import { loadModelFiles } from '../node/modelFiles';
import { modelProblemLines } from './modelOutput';
import * as l10n from '@vscode/l10n';

export const WHO_CAN_USAGE = 'iam-policy who-can ACTION RESOURCE --model FILE… [--format text|json]';
export const PATHS_USAGE = 'iam-policy paths --model FILE… [--from PRINCIPAL] [--format text|json]';

interface Options { rest: string[]; models: string[]; from?: string; format: 'text' | 'json' }

function parseArgs(args: string[], usage: string, withFrom: boolean): Options | string {
  const o: Options = { rest: [], models: [], format: 'text' };
  let inModel = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i]);
    if (a === '--model' || a.startsWith('--model=')) { const v = value(); if (!v) return l10n.t('--model needs a file'); o.models.push(v); inModel = true; }
    else if (withFrom && (a === '--from' || a.startsWith('--from='))) { o.from = value(); if (!o.from) return l10n.t('--from needs a principal: user/NAME, role/NAME or an ARN'); inModel = false; }
    else if (a === '--format' || a.startsWith('--format=')) {
      const v = value();
      if (v !== 'text' && v !== 'json') return l10n.t('--format must be one of text, json');
      o.format = v; inModel = false;
    } else if (a.startsWith('--')) return l10n.t('unknown option {0}', a);
    else if (inModel && o.models.length) o.models.push(a);
    else o.rest.push(a);
  }
  if (!o.models.length) return `${l10n.t('--model FILE is required: an *.iam-model.json file or an authorization-details export')}\n${l10n.t('usage:')} ${usage}`;
  return o;
}

export function runWhoCan(args: string[], catalog: Catalog, out: (s: string) => void, err: (s: string) => void = (s) => process.stderr.write(s + '\n')): number {
  const o = parseArgs(args, WHO_CAN_USAGE, false);
  if (typeof o === 'string') { err(`iam-policy who-can: ${o}`); return 2; }
  if (o.rest.length !== 2) { err(`iam-policy who-can: ${l10n.t('usage:')} ${WHO_CAN_USAGE}`); return 2; }
  const [action, resource] = o.rest;
  if (!catalog.action(action)) { err(`iam-policy who-can: ${l10n.t('"{0}" is not an action of the catalog; write service:Action, e.g. s3:GetObject', action)}`); return 2; }
  const { model, problems } = loadModelFiles(o.models);
  for (const line of modelProblemLines(problems)) err(line);
  const found = whoCan(model, catalog.action(action)!.fullName, resource, catalog);
  if (o.format === 'json') out(JSON.stringify(found, null, 2));
  else {
    if (!found.length) out(l10n.t('nobody in the model may {0} on {1}', action, resource));
    for (const w of found) out(w.via.length ? l10n.t('{0} via {1}', w.principal, w.via.join(' → ')) : w.principal);
  }
  return problems.some((p) => p.severity === 'error') ? 2 : 0;
}

function edgeLine(e: PathEdge): string {
  return `${e.escalation ? `${l10n.t('ESCALATION')} ` : ''}${e.from} → ${e.to}: ${e.kind === 'path' ? l10n.t('path of {0} steps', e.steps!.length) : e.kind} (${e.via.join(', ')})`;
}

export function runPaths(args: string[], catalog: Catalog, out: (s: string) => void, err: (s: string) => void = (s) => process.stderr.write(s + '\n')): number {
  const o = parseArgs(args, PATHS_USAGE, true);
  if (typeof o === 'string') { err(`iam-policy paths: ${o}`); return 2; }
  if (o.rest.length) { err(`iam-policy paths: ${l10n.t('unexpected {0}', o.rest.join(' '))}\n${l10n.t('usage:')} ${PATHS_USAGE}`); return 2; }
  const { model, problems } = loadModelFiles(o.models);
  for (const line of modelProblemLines(problems)) err(line);
  let from: string | undefined;
  if (o.from) {
    const r = resolvePrincipal(model, o.from);
    if (!r || isNotFound(r)) { err(`iam-policy paths: ${r ? r.error : l10n.t('"{0}" is not a user or role of the model', o.from)}`); return 2; }
    from = r.entity.arn;
  }
  const edges = escalationPaths(model, catalog, { from });
  if (o.format === 'json') out(JSON.stringify(edges, null, 2));
  else {
    const findings = edges.filter((e) => e.escalation);
    const graph = edges.filter((e) => e.kind !== 'path').length;
    const f = findings.length;
    out(f === 1
      ? (graph === 1 ? l10n.t('1 escalation finding; 1 edge of who can become whom (--format json lists them all)') : l10n.t('1 escalation finding; {0} edges of who can become whom (--format json lists them all)', graph))
      : (graph === 1 ? l10n.t('{0} escalation findings; 1 edge of who can become whom (--format json lists them all)', f) : l10n.t('{0} escalation findings; {1} edges of who can become whom (--format json lists them all)', f, graph)));
    for (const e of findings) {
      out(edgeLine(e));
      for (const st of e.statements) for (const m of st.matched) out(`    ${st.action}: ${m.sid ? l10n.t('{0} "{1}" of {2}', m.effect, m.sid, m.policy) : l10n.t('{0} statement {1} of {2}', m.effect, m.index, m.policy)}`);
      for (const a of e.assumptions) out(`    ${l10n.t('assumes: {0}', a)}`);
    }
  }
  return problems.some((p) => p.severity === 'error') ? 2 : 0;
}
