import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
}

describe('layer boundaries (architecture.md)', () => {
  it('the client reaches the server side only through server/src/protocol.ts', () => {
    const offending: string[] = [];
    for (const file of tsFiles(join(ROOT, 'client/src'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
        const target = resolve(file, '..', m[1]);
        const rel = relative(ROOT, target).replace(/\\/g, '/');
        if (rel.startsWith('server/') && rel !== 'server/src/protocol') offending.push(`${relative(ROOT, file)} imports ${m[1]}`);
      }
    }
    assert.deepEqual(offending, []);
  });

  it('core is pure: no VS Code, no LSP, no Node I/O, no l10n package (texts go through core/localize.ts)', () => {
    const offending: string[] = [];
    for (const file of tsFiles(join(ROOT, 'server/src/core'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)[^'\n]*from\s*'([^']+)'/gm)) {
        const spec = m[1];
        if (spec.startsWith('.') ) {
          const rel = relative(ROOT, resolve(file, '..', spec)).replace(/\\/g, '/');
          if (!rel.startsWith('server/src/core/')) offending.push(`${relative(ROOT, file)} imports ${spec}`);
        } else if (!['jsonc-parser', 'yaml', 'vscode-languageserver-types'].includes(spec)) offending.push(`${relative(ROOT, file)} imports ${spec}`);
      }
    }
    assert.deepEqual(offending, []);
  });
});
