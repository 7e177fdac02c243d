// The strict-JSON fast reader (issue 13) builds exactly the tree jsonc-parser builds, or declines: on every AWS managed
// policy, the examples, escapes, numbers and odd white space, and on thousands of random edits of ReadOnlyAccess
// (characters deleted, inserted, replaced, text cut off). Whatever it declines goes to jsonc-parser, so what the
// rules see cannot change.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseTree, type ParseError } from 'jsonc-parser';
import { strictJsonTree } from '../../../server/src/core/policy/strictJsonTree';
import { MAX_NESTING, nestingTooDeepAt, parsePolicy } from '../../../server/src/core/policy/model';
import { managedPolicies } from '../validation/managed';
import { rng } from '../helpers';

const root = join(__dirname, '..', '..', '..');

/** jsonc-parser's tree with the options parsePolicy uses (strict, then lenient), and the errors of each. */
function jsonc(text: string, lenient: boolean) {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: !lenient, allowTrailingComma: lenient, allowEmptyContent: true });
  return { tree, errors };
}

/**
 * Asserts the fast reader agrees with jsonc-parser on text (parsePolicy's strict options, and the lenient ones of
 * looksLikePolicy when asked); true when it read it (did not decline).
 */
function agrees(text: string, label: string, lenientToo = false): boolean {
  const fast = strictJsonTree(text);
  if (fast === undefined) return false;
  for (const lenient of lenientToo ? [false, true] : [false]) {
    const { tree, errors } = jsonc(text, lenient);
    assert.deepEqual(errors, [], `${label}: read as strict JSON but jsonc-parser reports errors`);
    assert.deepStrictEqual(fast, tree, `${label}: trees differ`);
  }
  return true;
}

const readOnly = managedPolicies().find(([name]) => name === 'ReadOnlyAccess')![1];

describe('strict JSON fast reader', () => {
  it('reads every AWS managed policy (pretty-printed and minified) into the tree jsonc-parser builds', () => {
    const all = managedPolicies();
    assert.ok(all.length > 1000);
    for (const [i, [name, text]] of all.entries()) {
      assert.ok(agrees(text, name, i % 50 === 0), `${name} was declined`);
      assert.ok(agrees(JSON.stringify(JSON.parse(text)), `${name} minified`), `${name} minified was declined`);
    }
  });

  it('reads the example policies, scalars, escapes, numbers and CRLF line ends the same way', () => {
    const dir = join(root, 'examples', 'policies');
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.json'))) agrees(readFileSync(join(dir, f), 'utf8'), f, true);
    const cases = [
      '{}', '[]', '"x"', '0', '-0', '12.5e-3', '1E+2', 'true', 'false', 'null', ' \t\r\n{ "a" : [ 1 , -2.0 , true , null , { } , [ ] ] }\r\n',
      '{"a":"\\u00e9\\n\\"\\\\\\/\\b\\f\\r\\t","b\\u0041":1}', '{"a":"\\ud83d\\ude00 \u2028 \u00a0 \u007f"}', '{"a":1,"a":2}',
      readOnly.replace(/\n/g, '\r\n'),
    ];
    for (const text of cases) assert.ok(agrees(text, JSON.stringify(text), true), `${JSON.stringify(text)} was declined`);
  });

  it('declines what strict JSON is not, leaving it (and its errors) to jsonc-parser', () => {
    const declined = [
      '', '   ', '{"a":1,}', '[1,]', '{"a":1} // c', '/* c */ {}', '{"a" 1}', '{"a":01}', '{"a":1.}', '{"a":.5}', '{"a":+1}',
      '{"a":"\\x"}', '{"a":"\\u12"}', '{"a":"line\nbreak"}', '{"a":"tab\there"}', '{"a":tru}', '{"a":truex}', '{"a":1}}',
      '{"a":1} x', '\ufeff{}', '{\u00a0"a":1}', '{"a":1', '{"a":"b', "{'a':1}", '{a:1}', '[1 2]', '{"a":1 "b":2}', '{"a":NaN}',
    ];
    for (const text of declined) assert.equal(strictJsonTree(text), undefined, JSON.stringify(text));
  });

  it('declines nesting past the limit, where parsePolicy reports the offset as before', () => {
    const nested = (n: number) => `{"Statement":${'['.repeat(n)}${']'.repeat(n)}}`;
    assert.ok(agrees(nested(MAX_NESTING - 1), 'at the limit'));
    assert.equal(strictJsonTree(nested(MAX_NESTING), MAX_NESTING), undefined);
    const p = parsePolicy(nested(MAX_NESTING));
    assert.equal(p.tooDeepAt, nestingTooDeepAt(nested(MAX_NESTING)));
    assert.ok(p.tooDeepAt! > 0);
    assert.equal(parsePolicy(nested(MAX_NESTING - 1)).tooDeepAt, undefined);
  });

  it('agrees with jsonc-parser on 1,000 random edits of ReadOnlyAccess, and parsePolicy stays the same', () => {
    const r = rng(1013);
    const pieces = ['"', ',', ':', '{', '}', '[', ']', ' ', '\t', '\n', '\\', '\\u00', '/', '*', '"s3:', '// c\n', 'x', '0', '-', '.', 'e', 'true', '\u00a0', '\u0001'];
    let read = 0, declined = 0;
    for (let k = 0; k < 1000; k++) {
      let text = k % 3 === 2 ? JSON.stringify(JSON.parse(readOnly)) : readOnly;
      for (let m = 1 + Math.floor(r() * 3); m > 0; m--) {
        const at = Math.floor(r() * text.length);
        const what = r();
        text = what < 0.3 ? text.slice(0, at) + text.slice(at + 1 + Math.floor(r() * 4))
          : what < 0.6 ? text.slice(0, at) + pieces[Math.floor(r() * pieces.length)] + text.slice(at)
            : what < 0.9 ? text.slice(0, at) + pieces[Math.floor(r() * pieces.length)] + text.slice(at + 1)
              : text.slice(0, at);
      }
      if (agrees(text, `edit ${k}`)) read++;
      else {
        declined++;
        // declined text goes to jsonc-parser unchanged: parsePolicy's tree and errors are jsonc-parser's
        const { tree, errors } = jsonc(text, false);
        const p = parsePolicy(text);
        assert.deepStrictEqual(p.root, tree, `edit ${k}: parsePolicy tree`);
        assert.deepEqual(p.syntaxErrors, errors, `edit ${k}: parsePolicy errors`);
      }
    }
    // both paths are exercised
    assert.ok(read > 100 && declined > 100, `read ${read}, declined ${declined}`);
  });
});
