import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { documentSymbols, foldingRanges, format } from '../../../server/src/service/structure';
import { parsePolicy } from '../../../server/src/core/policy/model';
import { doc } from '../helpers';

let n = 0;
const mk = (text: string) => doc(text, 'iam-policy', `file:///test/s${++n}.json`);

const POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ReadReports",
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:ListBucket"],
      "Resource": "arn:aws:s3:::reports/*",
      "Condition": {
        "Bool": { "aws:SecureTransport": "true" }
      }
    },
    {
      "Effect": "Deny",
      "NotAction": "iam:*",
      "Resource": "*"
    }
  ]
}`;

describe('document symbols', () => {
  it('outlines statements by Sid (or number) and effect, with their elements', () => {
    const symbols = documentSymbols(mk(POLICY));
    assert.deepEqual(symbols.map((s) => s.name), ['Version', 'Statement']);
    assert.equal(symbols[0].detail, '2012-10-17');
    const statements = symbols[1].children!;
    assert.deepEqual(statements.map((s) => [s.name, s.detail]), [['ReadReports', 'Allow'], ['Statement 2', 'Deny']]);
    assert.deepEqual(statements[0].children!.map((c) => [c.name, c.detail]), [['Action', '2 actions'], ['Resource', 'arn:aws:s3:::reports/*'], ['Condition', '1 operator']]);
    const cond = statements[0].children![2];
    assert.equal(cond.children![0].name, 'Bool');
    assert.deepEqual(cond.children![0].children!.map((k) => [k.name, k.detail]), [['aws:SecureTransport', 'true']]);
    assert.deepEqual(statements[1].children!.map((c) => c.name), ['NotAction', 'Resource']);
  });

  it('ranges contain their selection ranges', () => {
    const d = mk(POLICY);
    const walk = (ss: ReturnType<typeof documentSymbols>) => {
      for (const s of ss) {
        assert.ok(d.offsetAt(s.range.start) <= d.offsetAt(s.selectionRange.start) && d.offsetAt(s.selectionRange.end) <= d.offsetAt(s.range.end), s.name);
        walk(s.children ?? []);
      }
    };
    walk(documentSymbols(d));
  });

  it('shows principals by type', () => {
    const symbols = documentSymbols(mk('{"Statement": [{"Principal": {"Service": "ec2.amazonaws.com", "AWS": ["1", "2"]}, "Effect": "Allow"}]}'));
    const principal = symbols[0].children![0].children![0];
    assert.deepEqual(principal.children!.map((c) => [c.name, c.detail]), [['Service', 'ec2.amazonaws.com'], ['AWS', '2 principals']]);
  });

  it('a single Statement object becomes one symbol; broken documents still give what can be read', () => {
    assert.equal(documentSymbols(mk('{"Statement": {"Sid": "One", "Effect": "Allow"}}'))[0].name, 'One');
    const broken = documentSymbols(mk('{"Statement": [{"Sid": "A", "Effect": "Allow", "Action": ["s3:'));
    assert.equal(broken[0].children![0].name, 'A');
    for (const t of ['', '{', '[1,2]', '{"Statement": 3}', '{"Statement": [1, "x", null]}', '{"Statement": [{"Sid": ""}]}']) {
      for (const s of documentSymbols(mk(t))) assert.ok(s.name.length > 0);
    }
  });
});

describe('folding ranges', () => {
  it('folds every multi-line object and array, keeping the closing line visible', () => {
    const ranges = foldingRanges(mk(POLICY));
    const lines = POLICY.split('\n');
    assert.deepEqual(ranges[0], { startLine: 0, endLine: lines.length - 2 });
    assert.ok(ranges.some((r) => r.startLine === 2 && lines[r.endLine + 1].trim() === ']'));
    assert.ok(ranges.some((r) => lines[r.startLine].includes('"Condition"')));
    // one-line objects do not fold
    assert.ok(!ranges.some((r) => lines[r.startLine].includes('"Bool"')));
  });

  it('copes with unbalanced brackets', () => {
    const ranges = foldingRanges(mk('{\n "Statement": [\n  {\n   "Action": "s3:*"\n  }\n'));
    assert.deepEqual(ranges, [{ startLine: 2, endLine: 3 }]);
    assert.deepEqual(foldingRanges(mk('}\n]\n')), []);
  });
});

describe('formatting', () => {
  const apply = (d: TextDocument, edits: ReturnType<typeof format>) => TextDocument.applyEdits(d, edits);

  it('formats with the editor\'s tab size and spaces', () => {
    const d = mk('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}');
    const out = apply(d, format(d, undefined, { tabSize: 4, insertSpaces: true }));
    assert.match(out, /\n {4}"Version": "2012-10-17"/);
    assert.match(out, /\n {12}"Effect": "Allow"/);
    assert.deepEqual(JSON.parse(out), JSON.parse(d.getText()));
  });

  it('formats with tabs', () => {
    const d = mk('{"Statement":[{"Effect":"Allow"}]}');
    assert.match(apply(d, format(d, undefined, { tabSize: 2, insertSpaces: false })), /\n\t\t\t"Effect"/);
  });

  it('formats only the requested range', () => {
    const text = '{"Version":"2012-10-17",\n"Statement":[{"Effect":"Allow",  "Action":"s3:*"}]}';
    const d = mk(text);
    const start = text.indexOf('{"Effect"');
    const range = { start: d.positionAt(start), end: d.positionAt(text.indexOf('}]}') + 1) };
    const out = apply(d, format(d, range, { tabSize: 2, insertSpaces: true }));
    assert.ok(out.startsWith('{"Version":"2012-10-17",'), out);
    assert.doesNotMatch(out, /"Allow",  "Action"/);
  });

  it('keeps CRLF line ends and adds a final newline when asked', () => {
    const d = mk('{\r\n"Statement": []}');
    const out = apply(d, format(d, undefined, { tabSize: 2, insertSpaces: true, insertFinalNewline: true }));
    assert.ok(out.includes('\r\n') && !/[^\r]\n/.test(out));
    assert.ok(out.endsWith('\r\n'));
  });

  it('leaves broken documents parseable the same way', () => {
    const d = mk('{"Statement":[{"Effect":"Allow","Action":["s3:');
    const out = apply(d, format(d, undefined, { tabSize: 2, insertSpaces: true }));
    assert.equal(parsePolicy(out).statements[0].effect?.value, 'Allow');
  });
});
