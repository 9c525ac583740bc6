/**
 * A small keyed cache for values read often and changed rarely (sites, menus). Entries
 * expire after `ttlMs` so that a change made by another process behind the same load
 * balancer shows up within that time; changes made by this process invalidate at once.
 * Concurrent misses for one key share one load.
 */
export class Memo<V> {
  readonly #ttlMs: number;
  readonly #entries = new Map<string, { value: Promise<V>; expires: number }>();

  constructor(ttlMs: number) {
    this.#ttlMs = ttlMs;
  }

  get(key: string, load: () => Promise<V>): Promise<V> {
    const now = Date.now();
    const hit = this.#entries.get(key);
    if (hit && hit.expires > now) return hit.value;
    const value = load();
    this.#entries.set(key, { value, expires: now + this.#ttlMs });
    // A failed load must not be remembered.
    value.catch(() => {
      if (this.#entries.get(key)?.value === value) this.#entries.delete(key);
    });
    return value;
  }

  /** Forgets one key, or every key when none is given. */
  invalidate(key?: string): void {
    if (key === undefined) this.#entries.clear();
    else this.#entries.delete(key);
  }
}
