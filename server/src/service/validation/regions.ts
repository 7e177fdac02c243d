// Region codes in ARNs and condition values.
import type { Catalog } from '../../core/catalog/catalog';
import { suggest } from './suggestions';

/** A Region code that is neither known nor far from a known one is accepted (new Regions appear before the data knows them). */
export function regionProblem(catalog: Catalog, region: string): { suggestions: string[] } | undefined {
  if (catalog.partitionOfRegion(region)) return undefined;
  const close = suggest(region, catalog.allRegions(), 2);
  if (close.length || !catalog.isValidRegion(region)) return { suggestions: close };
  return undefined;
}
