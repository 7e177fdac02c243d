// The on-disk shape of the generated catalog (see scripts/build-catalog.mjs for the authoritative description).

export interface CatalogSourceInfo {
  package: string;
  version: string;
  dataUpdatedAt: string | null;
  license: string;
  dependentActionsFrom?: string;
}

/** [accessBits, resourceTypes ("name*" = required), actionConditionKeys, perResourceTypeKeys?] */
export type RawAction = [number, string[], string[], Record<string, string[]>?];

/** A service as stored: the bulky parts are JSON text, parsed on first use (see ParsedService). */
export interface RawService {
  n: string;
  rcp?: 1;
  /** the action names, sorted, joined by commas: all that telling known actions from typos needs */
  x: string;
  /** JSON text of RawAction[], in the order of the names in `x` */
  a: string;
  /** JSON text of Record<resource type, [ARN format, condition keys]> */
  r: string;
  /** service condition key -> type index */
  c: Record<string, number>;
  /** JSON text of Record<action, dependent actions> */
  dep?: string;
}

export interface ParsedService {
  /** in the order of the names */
  a: RawAction[];
  r: Record<string, [string, string[]]>;
  dep: Record<string, string[]>;
}

export interface RawCatalog {
  format: string;
  source: CatalogSourceInfo;
  counts: Record<string, number>;
  accessLevelBits: Record<string, number>;
  types: string[];
  global: Record<string, [number, string]>;
  services: Record<string, RawService>;
  keyPatterns: Record<string, Record<string, string>>;
  foreignKeyPrefixes: Record<string, string[]>;
  partitions: Record<string, { regionRegex: string; regions: string[] }>;
  /** Service Authorization Reference links: `${slug}` is overrides[prefix] ?? prefix */
  docs: {
    urlTemplate: string;
    actionAnchor: string;
    resourceAnchor: string;
    sectionAnchors: Record<'actions' | 'resources' | 'conditionKeys', string>;
    overrides: Record<string, string>;
  };
}

export interface GlobalKeyText {
  description: string;
  availability: string;
  valueHint: string;
}

export interface RawDescriptions {
  format: string;
  source: CatalogSourceInfo;
  actionDescPrefix: string;
  keyDescPrefix: string;
  /** per service prefix: JSON text of Record<action, description>, parsed on first use */
  actions: Record<string, string>;
  keys: Record<string, string>;
  global: Record<string, GlobalKeyText>;
}

/**
 * Where the catalog comes from. The core never reads files: the server and the CLI pass a source that reads
 * server/data, tests may pass objects, and a web worker could pass fetched JSON.
 */
export interface CatalogSource {
  lean(): RawCatalog;
  descriptions(): RawDescriptions;
}
