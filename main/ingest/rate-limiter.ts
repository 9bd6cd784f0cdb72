// Requests per minute per API key: a token bucket in memory that holds one minute's allowance and refills
// continuously, on the injected clock.
import type { Clock } from '../kernel';

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Takes one request's token from `key`'s bucket, or says how long until there is one. */
  take(key: string, perMinute: number): RateDecision;
}

export function createRateLimiter(clock: Clock): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number; perMinute: number }>();
  return {
    take(key, perMinute) {
      const now = clock.now().getTime();
      const perMs = perMinute / 60_000;
      let bucket = buckets.get(key);
      if (!bucket || bucket.perMinute !== perMinute) {
        bucket = { tokens: perMinute, at: now, perMinute };
        buckets.set(key, bucket);
      }
      bucket.tokens = Math.min(perMinute, bucket.tokens + Math.max(0, now - bucket.at) * perMs);
      bucket.at = now;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true };
      }
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
    },
  };
}
