// iam-policy access PRINCIPAL --model FILE… [--service PREFIX] [--format text|json] (shared/spec/iam-model.md §3).
// Exit status: 0 answered; 2 bad usage, a principal not in the model, or a model file with errors (reported on stderr;
// the answer is still printed from the rest of the model).
import type { Catalog } from '../core/catalog/catalog';
import { ACCESS_LEVELS } from '../core/catalog/catalog';
import { effectivePermissions } from '../core/model/access';
import { isNotFound, principalPolicies, orgPolicies, resolvePrincipal } from '../core/model/gather';
import { loadModelFiles } from '../node/modelFiles';
import { gatheredJson, gatheredTypeName, modelProblemLines } from './modelOutput';
import * as l10n from '@vscode/l10n';

export const ACCESS_USAGE = 'iam-policy access PRINCIPAL --model FILE… [--service PREFIX] [--format text|json]';

interface Options { principal: string; models: string[]; service?: string; format: 'text' | 'json' }

function parseArgs(args: string[]): Options | string {
  const models: string[] = [];
  const rest: string[] = [];
  let service: string | undefined;
  let format: Options['format'] = 'text';
  let inModel = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i]);
    if (a === '--model' || a.startsWith('--model=')) { const v = value(); if (!v) return '--model needs a file'; models.push(v); inModel = true; }
    else if (a === '--service' || a.startsWith('--service=')) { service = value(); if (!service) return '--service needs a service prefix such as s3'; inModel = false; }
    else if (a === '--format' || a.startsWith('--format=')) {
      const v = value();
      if (v !== 'text' && v !== 'json') return l10n.t('--format must be one of text, json');
      format = v; inModel = false;
    } else if (a.startsWith('--')) return l10n.t('unknown option {0}', a);
    else if (inModel && rest.length) models.push(a);
    else rest.push(a);
  }
  if (rest.length !== 1) return `${l10n.t('usage:')} ${ACCESS_USAGE}`;
  if (!models.length) return `${l10n.t('--model FILE is required: an *.iam-model.json file or an authorization-details export')}\n${l10n.t('usage:')} ${ACCESS_USAGE}`;
  return { principal: rest[0], models, service, format };
}

export function runAccess(args: string[], catalog: Catalog, out: (s: string) => void, err: (s: string) => void = (s) => process.stderr.write(s + '\n')): number {
  const opts = parseArgs(args);
  if (typeof opts === 'string') { err(`iam-policy access: ${opts}`); return 2; }
  if (opts.service && !catalog.service(opts.service)) { err(`iam-policy access: ${l10n.t('unknown service prefix "{0}"', opts.service)}`); return 2; }
  const { model, problems } = loadModelFiles(opts.models);
  for (const line of modelProblemLines(problems)) err(line);
  const resolved = resolvePrincipal(model, opts.principal);
  if (!resolved || isNotFound(resolved)) {
    err(`iam-policy access: ${resolved ? resolved.error : l10n.t('"{0}" is not a user or role; expected user/NAME, role/NAME or their ARN', opts.principal)}`);
    return 2;
  }
  const gathered = [...principalPolicies(resolved.entity), ...orgPolicies(model, 'scp')];
  const result = effectivePermissions(gathered, catalog, { service: opts.service });
  if (opts.format === 'json') {
    out(JSON.stringify({
      principal: resolved.entity.arn,
      actions: result.actions.map((a) => ({ action: a.action, accessLevel: a.accessLevel, resources: a.resources, ...(a.except ? { except: a.except } : {}), conditional: a.conditional, ...(a.conditions.length ? { conditions: a.conditions } : {}) })),
      assumedConditions: result.assumedConditions,
      gathered: gatheredJson(gathered),
    }, null, 2));
  } else {
    const services = new Set(result.actions.map((a) => a.service));
    const n = result.actions.length;
    out(n === 1 ? l10n.t('{0}: 1 action in 1 service', resolved.entity.arn)
      : services.size === 1 ? l10n.t('{0}: {1} actions in 1 service', resolved.entity.arn, n)
        : l10n.t('{0}: {1} actions in {2} services', resolved.entity.arn, n, services.size));
    for (const g of gathered) out(`  ${l10n.t('from {0}: {1}', gatheredTypeName(g.policyType), g.origin.label)}`);
    for (const svc of services) {
      const list = result.actions.filter((a) => a.service === svc);
      out('');
      out(`${svc} (${catalog.serviceName(svc) ?? svc}): ${list.length}`);
      for (const level of [...ACCESS_LEVELS, 'Unknown']) {
        const at = list.filter((a) => a.accessLevel === level);
        if (!at.length) continue;
        // one line per resource set, so "on *" and narrower grants stay apart
        const groups = new Map<string, typeof at>();
        for (const a of at) {
          const key = `${a.resources.join(', ')}${a.except ? ` ${l10n.t('except {0}', a.except.join(', '))}` : ''}${a.conditional ? ` ${l10n.t('when {0}', a.conditions.join('; '))}` : ''}`;
          if (!groups.has(key)) groups.set(key, []);
          groups.get(key)!.push(a);
        }
        for (const [key, as] of groups) out(`  ${level}: ${l10n.t('{0}  on {1}', as.map((a) => a.action.slice(a.action.indexOf(':') + 1)).join(', '), key)}`);
      }
    }
    if (result.assumedConditions.length) {
      out('');
      out(l10n.t('assumed the caller can meet these conditions (the actions are marked conditional):'));
      for (const c of result.assumedConditions) out(`  ${c}`);
    }
  }
  return problems.some((p) => p.severity === 'error') ? 2 : 0;
}
