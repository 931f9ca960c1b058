// Message ids seen recently, so a platform's retry of a message it got no answer for is not handled
// twice. Entries expire after `ttlMs` (the platforms retry within seconds) and the set is bounded.

export interface SeenSet {
  /** true the first time `id` is added (within ttl), false for a repeat */
  add(id: string): boolean;
}

export function createSeenSet(opts: { ttlMs?: number; max?: number; now?: () => number } = {}): SeenSet {
  const ttlMs = opts.ttlMs ?? 10 * 60 * 1000;
  const max = opts.max ?? 50_000;
  const now = opts.now ?? Date.now;
  const seen = new Map<string, number>();
  return {
    add(id) {
      const t = now();
      // Insertion order is expiry order: drop from the front until the first live entry.
      for (const [k, until] of seen) {
        if (until > t && seen.size < max) break;
        seen.delete(k);
      }
      if (seen.has(id)) return false;
      seen.set(id, t + ttlMs);
      return true;
    },
  };
}
