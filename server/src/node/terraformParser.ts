// The Terraform (HCL) parser: tree-sitter's WASM runtime and the HCL/Terraform grammar, loaded once per process
// from dist/data (next to the bundles) or from node_modules when running from sources. Core gets only the tree.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Language, Parser } from 'web-tree-sitter';
import type { SyntaxNode } from '../core/embedded/terraform';

const RUNTIME = 'web-tree-sitter.wasm';
const GRAMMAR = 'tree-sitter-terraform.wasm';

function locate(file: string, packageName: string): string {
  // next to a bundle (dist/data), or from sources (server/src/node → the repository's node_modules)
  const candidates = [join(__dirname, 'data', file), join(__dirname, '..', '..', '..', 'node_modules', packageName, file)];
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`${file} not found; looked in: ${candidates.join(', ')}`);
  return found;
}

export type TerraformParse = (text: string) => SyntaxNode;

let loading: Promise<TerraformParse> | undefined;

/** Loads the parser once; each call of the returned function parses one file and frees the previous tree. */
export function loadTerraformParser(): Promise<TerraformParse> {
  return (loading ??= (async () => {
    const runtime = locate(RUNTIME, 'web-tree-sitter');
    await Parser.init({ locateFile: () => runtime });
    const language = await Language.load(locate(GRAMMAR, '@tree-sitter-grammars/tree-sitter-hcl'));
    const parser = new Parser();
    parser.setLanguage(language);
    let previous: { delete(): void } | undefined;
    return (text: string) => {
      previous?.delete();
      const tree = parser.parse(text);
      if (!tree) throw new Error('the Terraform parser returned no tree');
      previous = tree;
      return tree.rootNode as unknown as SyntaxNode;
    };
  })());
}
