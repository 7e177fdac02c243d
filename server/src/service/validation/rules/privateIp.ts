import type { Rule } from '../rule';
import { isPrivateIpv4 } from '../ipAddresses';
import { forEachConditionKey } from './conditionValues';
import * as l10n from '@vscode/l10n';

/** aws:SourceIp never holds private addresses: requests through a VPC endpoint carry aws:VpcSourceIp instead. */
export const privateIp: Rule = {
  code: 'IAM311',
  slug: 'private-ip',
  defaultSeverity: 'warning',
  description: 'aws:SourceIp holds public addresses only; private ranges (10/8, 172.16/12, 192.168/16) never match — use aws:VpcSourceIp with aws:SourceVpc or aws:SourceVpce.',
  check(ctx) {
    forEachConditionKey(ctx, ({ op, key }) => {
      if (op?.family !== 'IpAddress' || key.key.toLowerCase() !== 'aws:sourceip') return;
      for (const v of key.values) {
        if (!isPrivateIpv4(v.value)) continue;
        ctx.report({
          span: v.span,
          message: op.base === 'NotIpAddress'
            ? l10n.t('"{0}" is a private range, which aws:SourceIp never holds, so NotIpAddress always matches. For traffic through VPC endpoints use aws:VpcSourceIp (with aws:SourceVpc or aws:SourceVpce).', v.value)
            : l10n.t('"{0}" is a private range, which aws:SourceIp never holds, so this never matches. For traffic through VPC endpoints use aws:VpcSourceIp (with aws:SourceVpc or aws:SourceVpce).', v.value),
          data: { fixes: [{ title: l10n.t('Use aws:VpcSourceIp'), edits: [{ offset: key.entry.keySpan.offset, length: key.entry.keySpan.length, newText: '"aws:VpcSourceIp"' }] }] },
        });
      }
    });
  },
};
