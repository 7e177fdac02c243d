// The README as a newcomer reads it: how to set up, run and test comes before the reference sections.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
const headings = [...readme.matchAll(/^## (.+)$/gm)].map((m) => m[1]);

describe('README', () => {
  it('has the two commands (set-up and run, tests) in the first section, before the reference sections', () => {
    assert.equal(headings[0], 'Getting started', headings.join(' | '));
    const first = readme.slice(0, readme.indexOf(`## ${headings[1]}`));
    assert.match(first, /^bash scripts\/start-host\.sh\s+#/m);
    assert.match(first, /^npm test\s+#/m);
    for (const reference of ['Features', 'Commands', 'Settings', 'Command line (CI)', 'Limits']) {
      assert.ok(headings.indexOf(reference) > 0, `${reference} comes after Getting started`);
    }
  });
});
