// The glob expansion behind the GitHub Action's `paths` and `scenarios` inputs.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { expandBraces, expandGlobs, globToRegExp } from '../../../server/src/node/globFiles';

describe('globFiles', () => {
  it('expands {a,b} alternatives, nested ones too, and keeps an unclosed brace literal', () => {
    assert.deepEqual(expandBraces('p/*.{policy,trust}.json'), ['p/*.policy.json', 'p/*.trust.json']);
    assert.deepEqual(expandBraces('{a,b{c,d}}x'), ['ax', 'bcx', 'bdx']);
    assert.deepEqual(expandBraces('a{b'), ['a{b']);
  });

  it('* and ? stay inside one folder, ** spans any number of folders (none too), dots are literal', () => {
    const re = globToRegExp('**/*.policy.json');
    assert.ok(re.test('a.policy.json') && re.test('x/y/a.policy.json'));
    assert.ok(!re.test('apolicy.json') && !re.test('a.policy.jsonc'));
    assert.ok(globToRegExp('p/*.json').test('p/a.json') && !globToRegExp('p/*.json').test('p/q/a.json'));
    assert.ok(globToRegExp('p/?.json').test('p/a.json') && !globToRegExp('p/?.json').test('p/ab.json'));
    assert.ok(globToRegExp('p/**').test('p/q/r.json'));
  });

  it('walks from the fixed folder, skips node_modules, .git and folder links, applies ! exclusions, reports unmatched patterns', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iam-glob-'));
    for (const d of ['p/q', 'node_modules/m', '.git', 'other']) mkdirSync(join(dir, d), { recursive: true });
    for (const f of ['p/a.policy.json', 'p/q/b.trust.json', 'p/q/c.json', 'node_modules/m/d.policy.json', '.git/e.policy.json', 'other/f.policy.json']) writeFileSync(join(dir, f), '{}');
    symlinkSync(join(dir, 'p'), join(dir, 'other', 'loop'));
    const r = expandGlobs('**/*.{policy,trust}.json\n!other/**  missing/*.json', dir);
    assert.deepEqual(r.files, ['p/a.policy.json', 'p/q/b.trust.json']);
    assert.deepEqual(r.unmatched, ['missing/*.json']);
    assert.deepEqual(expandGlobs('./p/q/c.json named/but-missing.json', dir), { files: ['named/but-missing.json', 'p/q/c.json'], unmatched: [] });
    assert.deepEqual(expandGlobs('', dir), { files: [], unmatched: [] });
  });
});
