// Hover Markdown with policy text built to inject Markdown (issue 16): links, images, HTML and backticks in values
// stay inside code spans, and long values are cut. The check strips the code spans the way CommonMark reads them
// and looks for the payload in what is left.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hover } from '../../../server/src/service/hover';
import { inlineCode } from '../../../server/src/service/hover/markdownText';
import { catalog, docWithCaret } from '../helpers';
import { outsideCodeSpans } from './codeSpans';

/** The content of the one code span in `md`, as CommonMark reads it. */
function codeSpanContent(md: string): string {
  let n = 0;
  while (md[n] === '`') n++;
  let inner = md.slice(n, md.length - n).replace(/\n/g, ' ');
  if (inner.length > 2 && inner.startsWith(' ') && inner.endsWith(' ') && inner.trim() !== '') inner = inner.slice(1, -1);
  return inner;
}

let k = 0;
function hoverAt(text: string): string {
  const { doc, position } = docWithCaret(text, 'iam-policy', `file:///test/md${++k}.json`);
  const h = hover(doc, position, catalog);
  assert.ok(h, 'a hover');
  return (h.contents as { value: string }).value;
}
const S = (inner: string) => `{"Version": "2012-10-17", "Statement": [{${inner}}]}`;
const PAYLOAD = '[x](https://example.com/phish)`` ` ``![i](https://example.com/i.png)<img src=x onerror=alert(1)>';

function assertNoPayload(md: string): void {
  const rest = outsideCodeSpans(md);
  assert.doesNotMatch(rest, /example\.com|<img|onerror/, `payload outside a code span:\n${md}`);
}

describe('hover: user text is never Markdown', () => {
  it('an unknown action holding a link, an image, HTML and backticks', () => {
    assertNoPayload(hoverAt(S(`"Action": "s3:Ge|t${PAYLOAD}"`)));
  });

  it('an unknown service', () => {
    assertNoPayload(hoverAt(S(`"Action": "x${PAYLOAD}:Ge|t"`)));
  });

  it('a wildcard pattern', () => {
    assertNoPayload(hoverAt(S(`"Action": "s3:Get*${PAYLOAD}|"`)));
  });

  it('a resource ARN with a policy variable', () => {
    assertNoPayload(hoverAt(S(`"Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${PAYLOAD}${'${aws:username}'}/k|"`)));
  });

  it('a policy variable', () => {
    assertNoPayload(hoverAt(S(`"Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/\${aws:user|name${PAYLOAD}}"`)));
  });

  it('principals of every type', () => {
    for (const type of ['AWS', 'Service', 'Federated']) {
      assertNoPayload(hoverAt(S(`"Principal": {"${type}": "arn:aws:iam::111122223333:role/r${PAYLOAD}|"}, "Action": "s3:GetObject", "Resource": "*"`)));
    }
  });

  it('a Null condition key', () => {
    assertNoPayload(hoverAt(S(`"Action": "s3:GetObject", "Resource": "*", "Condition": {"Null": {"aws:x${PAYLOAD}": "tr|ue"}}`)));
  });

  it('a 50 KB ARN is shown cut, and the hover is computed in ≤ 100 ms CPU', () => {
    const t0 = process.cpuUsage();
    const md = hoverAt(S(`"Action": "s3:GetObject", "Resource": "arn:aws:s3:::${'x'.repeat(25_000)}|${'x'.repeat(25_000)}"`));
    const d = process.cpuUsage(t0);
    assert.ok((d.user + d.system) / 1000 <= 100, `${(d.user + d.system) / 1000} ms CPU`);
    assert.ok(md.length < 1000, `${md.length} characters`);
    assert.match(md, /\(50,013 characters\)/);
  });
});

describe('inlineCode', () => {
  it('holds any string literally, backticks and spaces included', () => {
    for (const s of ['a', '`', '``', 'a`b', '`a', 'a`', ' a ', '` `', 'x ``` y', '[x](https://e.com)', '`` ` ``']) {
      const md = inlineCode(s);
      assert.equal(outsideCodeSpans(md), '', `${JSON.stringify(s)} -> ${md}`);
      assert.equal(codeSpanContent(md), s, `${JSON.stringify(s)} -> ${md}`);
    }
  });
});
