import { hasWildcard } from '../../../core/wildcard';
import type { Rule } from '../rule';
import { servicesOf } from '../actionClassification';
import { forEachAction } from './actionValues';

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
      ctx.report({ span: v.span, message: `The wildcard in the service prefix "${svc}" matches ${services.length} service${services.length > 1 ? 's' : ''} (${services.slice(0, 5).join(', ')}${services.length > 5 ? ', …' : ''}) and any added later: name the services explicitly.` });
    });
  },
};
