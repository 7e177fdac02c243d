// Reads the generated catalog from disk for the server and the CLI (the core itself never touches files).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Catalog } from '../core/catalog/catalog';
import type { CatalogSource, RawCatalog, RawDescriptions } from '../core/catalog/format';

const LEAN = 'iam-catalog.json';
const DESCRIPTIONS = 'iam-catalog.descriptions.json';

/** The folder holding the catalog: dist/data next to a bundle, or server/data when running from sources. */
export function findDataDir(): string {
  const candidates = [join(__dirname, 'data'), join(__dirname, '..', '..', 'data'), join(__dirname, '..', 'server', 'data'), join(__dirname, '..', 'data')];
  const dir = candidates.find((d) => existsSync(join(d, LEAN)));
  if (!dir) throw new Error(`IAM catalog not found; looked for ${LEAN} in: ${candidates.join(', ')}`);
  return dir;
}

export function fileCatalogSource(dir = findDataDir()): CatalogSource {
  return {
    lean: () => JSON.parse(readFileSync(join(dir, LEAN), 'utf8')) as RawCatalog,
    descriptions: () => JSON.parse(readFileSync(join(dir, DESCRIPTIONS), 'utf8')) as RawDescriptions,
  };
}

let shared: Catalog | undefined;
/** One catalog per process. */
export function loadCatalog(dir?: string): Catalog {
  return (shared ??= new Catalog(fileCatalogSource(dir)));
}
