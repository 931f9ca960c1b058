// Per-user token bucket: a burst of `capacity` turns, refilled at `perMinute` turns a minute. Keeps one
// chatty (or scripted) user from hogging the engine; the adapters tell the user politely how long to wait.

export interface RateLimitDecision {
  ok: boolean;
  /** when refused: milliseconds until the next turn is allowed */
  retryAfterMs: number;
  /** when refused: true for the first refusal since the last allowed turn, so the notice is sent once */
  firstRefusal: boolean;
}

export interface RateLimiter {
  take(key: string): RateLimitDecision;
}

interface Bucket {
  tokens: number;
  at: number;
  refused: boolean;
}

export function createRateLimiter(
  opts: { perMinute?: number; capacity?: number; now?: () => number } = {},
): RateLimiter {
  const perMinute = opts.perMinute ?? 20;
  const capacity = opts.capacity ?? perMinute;
  const now = opts.now ?? Date.now;
  if (!(perMinute > 0) || !(capacity >= 1)) {
    throw new RangeError('rate limit: perMinute must be > 0 and capacity >= 1');
  }
  const perMs = perMinute / 60_000;
  const buckets = new Map<string, Bucket>();

  return {
    take(key) {
      const t = now();
      const b = buckets.get(key) ?? { tokens: capacity, at: t, refused: false };
      b.tokens = Math.min(capacity, b.tokens + (t - b.at) * perMs);
      b.at = t;
      buckets.set(key, b);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        b.refused = false;
        // Full buckets carry no information: drop them so the map does not grow with every user ever seen.
        if (b.tokens >= capacity - 1 && buckets.size > 10_000) buckets.delete(key);
        return { ok: true, retryAfterMs: 0, firstRefusal: false };
      }
      const firstRefusal = !b.refused;
      b.refused = true;
      return { ok: false, retryAfterMs: Math.ceil((1 - b.tokens) / perMs), firstRefusal };
    },
  };
}
