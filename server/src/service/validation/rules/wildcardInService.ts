import { hasWildcard } from '../../../core/wildcard';
import type { Rule } from '../rule';
import { servicesOf } from '../actionClassification';
import { forEachAction } from './actionValues';
import * as l10n from '@vscode/l10n';

/** A wildcard inside the service prefix ("s*:Get*") reaches services nobody reviewed. */
export const wildcardInService: Rule = {
  code: 'IAM206',
  slug: 'wildcard-in-service',
  defaultSeverity: 'information',
  description: 'A wildcard in the service prefix (e.g. "s*:List*") covers many services, including future ones; name the services.',
  check(ctx) {
    forEachAction(ctx, (v, c) => {
      if (c.kind !== 'wildcard') return;
      const svc = v.value.slice(0, v.value.indexOf(':'));
      if (!hasWildcard(svc)) return;
      const services = servicesOf(c.matches);
      ctx.report({ span: v.span, message: services.length > 1
        ? l10n.t('The wildcard in the service prefix "{0}" matches {1} services ({2}) and any added later: name the services explicitly.', svc, services.length, `${services.slice(0, 5).join(', ')}${services.length > 5 ? ', …' : ''}`)
        : l10n.t('The wildcard in the service prefix "{0}" matches 1 service ({1}) and any added later: name the services explicitly.', svc, services.join(', ')) });
    });
  },
};
