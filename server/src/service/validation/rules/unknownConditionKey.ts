import type { Rule } from '../rule';
import { replacementFixes } from '../fixes';
import { didYouMean } from '../messageText';
import { serviceRank, suggest } from '../suggestions';
import { forEachConditionKey } from './conditionValues';
import * as l10n from '@vscode/l10n';

const VARIABLE = /\$\{[^}]*\}|<[^>]*>/;

/** Condition keys must exist: global aws:* keys, the service's keys, OIDC/SAML provider keys. */
export const unknownConditionKey: Rule = {
  code: 'IAM302',
  slug: 'unknown-condition-key',
  defaultSeverity: 'error',
  description: 'A condition key must be a global key (aws:…), a key of a service (e.g. s3:prefix), or an identity-provider key (e.g. token.actions.githubusercontent.com:sub).',
  check(ctx) {
    const { catalog } = ctx;
    forEachConditionKey(ctx, ({ key, info }) => {
      if (info) return;
      const name = key.key;
      const span = key.entry.keySpan;
      const colon = name.indexOf(':');
      if (colon <= 0) {
        ctx.report({ span, message: l10n.t('"{0}" is not a condition key: keys are written "prefix:name", e.g. "aws:SourceIp" or "s3:prefix".', name) });
        return;
      }
      const prefix = name.slice(0, colon);
      // service-specific tag keys (secretsmanager:ResourceTag/…, ssm:resourceTag/…) are documented by several services
      // but missing from the reference data
      if (catalog.service(prefix) && /^(ResourceTag|RequestTag)\/.+/i.test(name.slice(colon + 1))) return;
      const slash = name.indexOf('/');
      if (slash > 0 && slash === name.length - 1 && catalog.conditionKey(`${name}x`)) {
        ctx.report({ span, message: l10n.t('"{0}" needs a tag key after the slash, e.g. "{1}team".', name, name) });
        return;
      }
      // patterned keys keep the user's tag part: aws:ResourceTga/team -> aws:ResourceTag/team
      const head = slash > 0 ? name.slice(0, slash) : name;
      const tail = slash > 0 ? name.slice(slash) : '';
      const pool = prefix.toLowerCase() === 'aws' ? catalog.globalKeys() : catalog.service(prefix) ? catalog.serviceKeys(prefix) : undefined;
      if (pool) {
        const candidates = new Map<string, string>();
        for (const k of pool) {
          const m = VARIABLE.exec(k.name);
          if (m && tail) candidates.set(k.name.slice(0, m.index).replace(/\/$/, ''), 'pattern');
          else if (!m && !tail) candidates.set(k.name, 'plain');
        }
        const options = suggest(head, candidates.keys(), 3).map((c) => c + tail);
        ctx.report({
          span,
          message: prefix.toLowerCase() === 'aws'
            ? (options.length ? l10n.t('Unknown global condition key "{0}".{1}', name, didYouMean(options)) : l10n.t('Unknown global condition key "{0}". See the list of AWS global condition context keys.', name))
            : l10n.t('Unknown condition key "{0}": the service "{1}" has no such key.{2}', name, prefix, didYouMean(options)),
          data: { fixes: replacementFixes(span, options) },
        });
        return;
      }
      const prefixes = suggest(prefix, catalog.servicePrefixes(), 3, serviceRank);
      const options = prefixes.map((p) => p + name.slice(colon)).filter((k) => catalog.conditionKey(k));
      ctx.report({ span, message: l10n.t('Unknown condition key "{0}": "{1}" is not a service prefix or a known identity provider.{2}', name, prefix, didYouMean(options)), data: { fixes: replacementFixes(span, options) } });
    });
  },
};
