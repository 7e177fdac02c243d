// A least-recently-used cache of bounded size: a hit moves the entry to the back, an insert past the limit drops the
// entry used longest ago. Map keeps insertion order, so the first key is the least recently used.

export class LruCache<K, V> {
  private readonly map = new Map<K, V>();

  constructor(readonly limit: number) {}

  get size(): number {
    return this.map.size;
  }

  get(key: K): V | undefined {
    const v = this.map.get(key);
    if (v === undefined) return undefined;
    this.map.delete(key);
    this.map.set(key, v);
    return v;
  }

  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.limit) this.map.delete(this.map.keys().next().value as K);
  }

  /** The cached value, or `make(key)` stored first. */
  getOrCreate(key: K, make: (key: K) => V): V {
    let v = this.get(key);
    if (v === undefined) { v = make(key); this.set(key, v); }
    return v;
  }

  clear(): void {
    this.map.clear();
  }
}
