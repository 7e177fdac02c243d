// Every item completion offers in a sample of contexts is backed by the catalog (or the operator table).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem } from 'vscode-languageserver-types';
import type { CompletionData } from '../../../server/src/service/completion';
import { parseOperator, SET_QUALIFIERS } from '../../../server/src/core/operators';
import { catalog, completeAt } from './support';

const S = (inner: string) => `{"Version": "2012-10-17", "Statement": [{${inner}}]}`;

const contexts: [string, string][] = [
  ['service prefixes', S('"Action": "|"')],
  ['s3 actions', S('"Action": "s3:|"')],
  ['ec2 actions typed', S('"Action": "ec2:Describe|"')],
  ['iam actions', S('"NotAction": ["iam:|"]')],
  ['lambda resources', S('"Action": ["lambda:InvokeFunction", "lambda:GetFunction"], "Resource": "|"')],
  ['keys for s3', S('"Action": "s3:PutObject", "Condition": {"StringEquals": {"|"}}')],
  ['keys for ec2 with resources', S('"Action": "ec2:RunInstances", "Resource": "arn:aws:ec2:*:*:instance/*", "Condition": {"StringLike": {"|"}}')],
  ['keys for kms wildcard', S('"Action": "kms:*", "Condition": {"ForAnyValue:StringEquals": {"|"}}')],
  ['operators', S('"Condition": {|}')],
  ['qualified operators', S('"Condition": {"ForAllValues:|"}')],
  ['regions', S('"Condition": {"StringEquals": {"aws:RequestedRegion": ["|"]}}')],
];

function checkBacked(i: CompletionItem, ctx: string): void {
  const d = i.data as CompletionData | undefined;
  const where = `${ctx}: ${i.label}`;
  if (!d) return;
  switch (d.k) {
    case 'action': assert.ok(catalog.hasAction(d.v), where); break;
    case 'pattern': assert.ok(catalog.expandActions(d.v).length > 0, where); break;
    case 'service': assert.ok(catalog.service(d.v), where); break;
    case 'key': assert.ok(catalog.conditionKey(d.v), where); break;
    case 'operator': {
      if ((SET_QUALIFIERS as readonly string[]).includes(d.v)) break;
      const p = parseOperator(d.v);
      assert.ok(p.info && !p.problem, where);
      break;
    }
    default: break;
  }
}

describe('every completion item is backed by the catalog', () => {
  for (const [name, text] of contexts) {
    it(name, () => {
      const { items } = completeAt(text);
      assert.ok(items.length > 0, `${name}: no items`);
      for (const i of items) checkBacked(i, name);
    });
  }

  it('ARN templates come from resource types of the statement\'s actions', () => {
    const { items } = completeAt(S('"Action": ["lambda:InvokeFunction", "dynamodb:GetItem"], "Resource": "|"'));
    const formats = new Set(['lambda:InvokeFunction', 'dynamodb:GetItem'].flatMap((a) => catalog.resourceTypesOf(a).map((r) => r.arnFormat.replace('${Partition}', 'aws'))));
    for (const i of items) if (i.label !== '*') assert.ok(formats.has(i.label), i.label);
  });

  it('region values are known regions', () => {
    const { items } = completeAt(contexts.find(([n]) => n === 'regions')![1]);
    assert.equal(items.length, catalog.allRegions().length);
    for (const i of items) assert.ok(catalog.partitionOfRegion(i.label), i.label);
  });
});
