// One read of each policy file per CLI run, keyed by resolved path. The same `{ text }` object comes back for every
// scenario that references the file, so parseScenarioFile parses it once (its parse cache is keyed by that object)
// and the evaluator compiles it once (its compile cache is keyed by the parsed policy object).
import type { PolicyFileReader } from '../node/scenarioFiles';

export function cachedPolicyReader(read: PolicyFileReader): PolicyFileReader {
  const cache = new Map<string, { text: string } | Error>();
  return (absolutePath) => {
    let hit = cache.get(absolutePath);
    if (!hit) {
      try { hit = read(absolutePath); } catch (e) { hit = e instanceof Error ? e : new Error(String(e)); }
      cache.set(absolutePath, hit);
    }
    if (hit instanceof Error) throw hit;
    return hit;
  };
}
