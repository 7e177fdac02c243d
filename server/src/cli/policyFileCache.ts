// One read of each policy file per CLI run, keyed by resolved path. The same `{ text }` object comes back for every
// scenario that references the file, so parseScenarioFile parses it once (its parse cache is keyed by that object)
// and the evaluator compiles it once (its compile cache is keyed by the parsed policy object).
import type { PolicyFileReader } from '../node/scenarioFiles';

export function cachedPolicyReader(read: PolicyFileReader): PolicyFileReader {
  // the folders a file may be read from belong to the key: a file allowed for one scenario file may not be for another
  const byRoots = new Map<string, Map<string, { text: string } | Error>>();
  // a scenario file passes the same roots array for all its scenarios: its key is joined once
  const rootsKeys = new WeakMap<readonly string[], string>();
  return (absolutePath, roots) => {
    let rootsKey = rootsKeys.get(roots);
    if (rootsKey === undefined) { rootsKey = roots.join('\0'); rootsKeys.set(roots, rootsKey); }
    let cache = byRoots.get(rootsKey);
    if (!cache) { cache = new Map(); byRoots.set(rootsKey, cache); }
    let hit = cache.get(absolutePath);
    if (!hit) {
      try { hit = read(absolutePath, roots); } catch (e) { hit = e instanceof Error ? e : new Error(String(e)); }
      cache.set(absolutePath, hit);
    }
    if (hit instanceof Error) throw hit;
    return hit;
  };
}
