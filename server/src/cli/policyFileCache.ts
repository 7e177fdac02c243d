// One read of each policy file per CLI run, keyed by resolved path. The same `{ text }` object comes back for every
// scenario that references the file, so parseScenarioFile parses it once (its parse cache is keyed by that object)
// and the evaluator compiles it once (its compile cache is keyed by the parsed policy object).
import type { PolicyFileReader } from '../node/scenarioFiles';

export function cachedPolicyReader(read: PolicyFileReader): PolicyFileReader {
  const cache = new Map<string, { text: string } | Error>();
  return (absolutePath, roots) => {
    // the folders a file may be read from belong to the key: a file allowed for one scenario file may not be for another
    const key = `${roots.join('\0')}\0${absolutePath}`;
    let hit = cache.get(key);
    if (!hit) {
      try { hit = read(absolutePath, roots); } catch (e) { hit = e instanceof Error ? e : new Error(String(e)); }
      cache.set(key, hit);
    }
    if (hit instanceof Error) throw hit;
    return hit;
  };
}
