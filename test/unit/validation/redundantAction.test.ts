// IAM901 prepares each wildcard entry once instead of lower-casing and looking up its matcher for every other entry
// (issue 13: the rule took most of a re-validation of ReadOnlyAccess). Its findings must stay exactly those of the
// straightforward version, kept here as the reference: same diagnostics, byte for byte, on random action lists.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Value } from '../../../server/src/core/policy/model';
import { hasWildcard } from '../../../server/src/core/wildcard';
import { DEFAULT_SETTINGS } from '../../../server/src/service/settings';
import { validate } from '../../../server/src/service/validation';
import type { Rule } from '../../../server/src/service/validation/rule';
import { actionCovers, redundantAction } from '../../../server/src/service/validation/rules/redundantAction';
import { removeArrayItem } from '../../../server/src/service/validation/rules/removeItem';
import * as l10n from '@vscode/l10n';
import { catalog, doc, rng } from '../helpers';

/** The rule as it was before issue 13: candidates collected per entry, actionCovers on each. */
const reference: Rule = {
  ...redundantAction,
  check(ctx) {
    for (const s of ctx.doc.statements) {
      for (const el of [s.action, s.notAction]) {
        if (!el || el.values.length < 2) continue;
        const byService = new Map<string, Value[]>();
        const anywhere: Value[] = [];
        const seen = new Map<string, Value>();
        const removeFix = (v: Value) => ({ fixes: [{ title: l10n.t('Remove "{0}"', v.value), preferred: true, edits: [removeArrayItem(ctx.doc.text, v.node)] }] });
        for (const v of el.values) {
          if (!hasWildcard(v.value)) continue;
          const colon = v.value.indexOf(':');
          const svc = colon > 0 ? v.value.slice(0, colon) : '';
          if (!svc || hasWildcard(svc)) anywhere.push(v);
          else { const g = byService.get(svc.toLowerCase()); if (g) g.push(v); else byService.set(svc.toLowerCase(), [v]); }
        }
        for (const v of el.values) {
          const lower = v.value.toLowerCase();
          const dup = seen.get(lower);
          if (dup) {
            ctx.report({ span: v.span, tags: [1], message: l10n.t('"{0}" is listed twice in "{1}": remove it.', v.value, el.entry.key), related: [{ span: dup.span, message: l10n.t('first entry') }], data: removeFix(v) });
            continue;
          }
          seen.set(lower, v);
          const colon = v.value.indexOf(':');
          const candidates = [...anywhere, ...(colon > 0 ? byService.get(v.value.slice(0, colon).toLowerCase()) ?? [] : [])];
          const cover = candidates.find((p) => p !== v && p.value.toLowerCase() !== lower && actionCovers(p.value, v.value));
          if (!cover) continue;
          ctx.report({ span: v.span, tags: [1], message: l10n.t('"{0}" is already covered by "{1}" in "{2}": remove it (or narrow "{3}").', v.value, cover.value, el.entry.key, cover.value), related: [{ span: cover.span, message: l10n.t('"{0}" covers it', cover.value) }], data: removeFix(v) });
        }
      }
    }
  },
};

describe('IAM901 redundant-action', () => {
  it('reports exactly what the straightforward version reports on 2,000 random action lists', () => {
    const r = rng(901);
    const services = ['s3', 'S3', 'ec2', 'iam', 'İam', 's*', '', '*'];
    const names = ['GetObject', 'getobject', 'Get*', 'GET*', 'G?tObject', '*', 'Describe*', 'DescribeInstances', 'Get*Acl', '*Object', 'List*', 'ListBuckets', 'Put?', 'İs'];
    let reported = 0;
    for (let k = 0; k < 2000; k++) {
      const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
      const actions = Array.from({ length: 1 + Math.floor(r() * 12) }, () => (r() < 0.05 ? '*' : `${pick(services)}:${pick(names)}`));
      const statements = [{ Effect: 'Allow', [r() < 0.8 ? 'Action' : 'NotAction']: actions, Resource: '*' }];
      const d = doc(JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, k % 2 ? 2 : 0), 'iam-policy', `file:///test/ra${k}.json`);
      const got = validate(d, catalog, 'identity', DEFAULT_SETTINGS, [redundantAction]);
      const want = validate(d, catalog, 'identity', DEFAULT_SETTINGS, [reference]);
      assert.equal(JSON.stringify(got), JSON.stringify(want), JSON.stringify(actions));
      reported += got.length;
    }
    assert.ok(reported > 1000, `${reported} findings`);
  });
});
