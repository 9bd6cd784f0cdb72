// Cal.com's per-key throttle (external-apis.md): 120 requests in a 60 s window, then blocked for 60 s: 429 without
// Retry-After, with X-RateLimit-Limit-Default / -Remaining-Default / -Reset-Default (seconds until it lifts). Time
// is the simulator's clock, so tests move through a block without sleeping.

export const RATE_LIMIT = 120;
const WINDOW_MS = 60_000;
const BLOCK_MS = 60_000;

interface Bucket {
  windowStart: number;
  count: number;
  blockedUntil: number;
}

export interface RateVerdict {
  allowed: boolean;
  headers: Record<string, string>;
}

export function createRateLimiter(now: () => number) {
  const buckets = new Map<string, Bucket>();
  return {
    /** Counts one request for `key` and says whether it may be answered, with the headers to send either way. */
    take(key: string): RateVerdict {
      const t = now();
      let b = buckets.get(key);
      if (b && t < b.blockedUntil) return { allowed: false, headers: headers(0, b.blockedUntil - t) };
      if (!b || t >= b.windowStart + WINDOW_MS) {
        b = { windowStart: t, count: 0, blockedUntil: 0 };
        buckets.set(key, b);
      }
      b.count += 1;
      if (b.count > RATE_LIMIT) {
        b.blockedUntil = t + BLOCK_MS;
        return { allowed: false, headers: headers(0, BLOCK_MS) };
      }
      return { allowed: true, headers: headers(RATE_LIMIT - b.count, b.windowStart + WINDOW_MS - t) };
    },
  };
}

const headers = (remaining: number, resetMs: number): Record<string, string> => ({
  'x-ratelimit-limit-default': String(RATE_LIMIT),
  'x-ratelimit-remaining-default': String(remaining),
  'x-ratelimit-reset-default': String(Math.max(1, Math.ceil(resetMs / 1000))),
});
