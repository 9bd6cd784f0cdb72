// The rate limiter of an integration: the token bucket's pace on a fake timeline (a 429 holds everyone for its
// Retry-After without cutting the rate; only a repeated 429 slows it, a little, and it climbs back in seconds), then
// for real against the SmartAdvocate simulator: it counts HTTP requests (a new case is several), so every request
// SmartAdvocate sees stays under the configured rate in any second, and a 429 holds the next request for its wait.
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { createRateLimiter, createRateLimits, DEFAULT_RATE_LIMITS } from './rate-limit';
import { runKeychain, startPushTest } from './test-push';

const cleanup = useCleanup();

/** A limiter on a timeline that moves only when it sleeps. */
function fakeLimiter(ratePerSecond: number, options: { burst?: number; known?: boolean } = {}) {
  let t = 0;
  const limiter = createRateLimiter({ ratePerSecond, burst: options.burst ?? 1, known: options.known ?? true, now: () => t, sleep: async (ms) => void (t += ms) });
  return { limiter, now: () => t, advance: (ms: number) => void (t += ms) };
}

/** The most requests in any one-second window of `times` (ms). */
const busiestSecond = (times: number[]) => Math.max(...times.map((start) => times.filter((x) => x >= start && x < start + 1000).length));

describe('sync rate limiter', () => {
  it('paces takes at the rate; a 429 holds every caller for its wait, restarts without a burst and keeps the rate', async () => {
    const { limiter, now } = fakeLimiter(20, { burst: 5 });
    const times: number[] = [];
    await Promise.all(Array.from({ length: 100 }, () => limiter.take().then(() => times.push(now()))));
    expect(busiestSecond(times)).toBeLessThanOrEqual(20 + 5);
    expect(now()).toBeGreaterThanOrEqual(4700); // 95 intervals of 50 ms after the burst of 5

    const before = now();
    limiter.rateLimited(2_000);
    limiter.rateLimited(2_000); // a request already in flight meets the same excess: not a repeat
    expect(limiter.rate()).toBe(20);
    const after: number[] = [];
    await Promise.all(Array.from({ length: 10 }, () => limiter.take().then(() => after.push(now()))));
    expect(after[0]! - before).toBeGreaterThanOrEqual(2_000);
    // No burst into the next window: the bucket restarted empty at the end of the hold.
    expect(after[after.length - 1]! - after[0]!).toBeGreaterThanOrEqual(9 * 50 - 1);
  });

  it('slows a known rate by a tenth on a repeated 429, never below half, and climbs back within 15 s', async () => {
    const { limiter, advance } = fakeLimiter(20);
    limiter.rateLimited(1_000);
    advance(5_000);
    limiter.rateLimited(1_000); // again 4 s after the hold ended: the rate is too high for the CRM
    expect(limiter.rate()).toBeCloseTo(18, 5);
    for (let i = 0; i < 20; i += 1) {
      advance(1_000);
      limiter.rateLimited(1_000);
    }
    expect(limiter.rate()).toBe(10); // half the configured rate at most
    advance(1_000 + 7_500);
    expect(limiter.rate()).toBeCloseTo(15, 5);
    advance(7_500);
    expect(limiter.rate()).toBe(20);
    // A 429 long after the last one is a lone one again: it holds but leaves the rate.
    advance(60_000);
    limiter.rateLimited(1_000);
    expect(limiter.rate()).toBe(20);
  });

  it('lets a default (unknown) rate slow further than half on repeated 429s', () => {
    const { limiter, advance } = fakeLimiter(300, { known: false });
    for (let i = 0; i < 80; i += 1) {
      limiter.rateLimited(1_000);
      advance(1_000);
    }
    expect(limiter.rate()).toBeLessThan(10);
    expect(limiter.rate()).toBeGreaterThanOrEqual(2);
  });

  it('paces at a configured rate as a known limit, and configure(null) returns to the CRM default', async () => {
    let t = 0;
    const limiter = createRateLimits().limiterOf('smartadvocate');
    expect(limiter.rate()).toBe(DEFAULT_RATE_LIMITS.smartadvocate);
    // The limiter waits in real time; drive it on a fake one through its pacing alone.
    const fake = createRateLimiter({ ratePerSecond: 300, burst: 30, unconfigured: { ratePerSecond: 300, burst: 30 }, now: () => t, sleep: async (ms) => void (t += ms) });
    const takes = async (n: number) => {
      const times: number[] = [];
      for (let i = 0; i < n; i += 1) await fake.take().then(() => times.push(t));
      return times;
    };
    fake.configure({ ratePerSecond: 20 });
    expect(fake.rate()).toBe(20);
    const paced = await takes(60);
    expect(busiestSecond(paced)).toBeLessThanOrEqual(21);
    expect(paced[59]! - paced[0]!).toBeGreaterThanOrEqual(59 * 50 - 1); // an even pace, no burst
    // Known: repeated 429s slow it to half at most.
    for (let i = 0; i < 30; i += 1) {
      t += 1_000;
      fake.rateLimited(100);
    }
    expect(fake.rate()).toBe(10);

    fake.configure(null);
    expect(fake.rate()).toBe(300);
    t += 1_000; // a quiet spell: the default's burst of 30 goes at once
    const burst = await takes(30);
    expect(burst[29]! - burst[0]!).toBe(0);
    // Unknown again: repeated 429s may slow it below half.
    for (let i = 0; i < 80; i += 1) {
      t += 1_000;
      fake.rateLimited(100);
    }
    expect(fake.rate()).toBeLessThan(150);

    limiter.configure({ ratePerSecond: 5 });
    expect(limiter.rate()).toBe(5);
    limiter.configure(null);
    expect(limiter.rate()).toBe(DEFAULT_RATE_LIMITS.smartadvocate);
  });

  it.skipIf(!runKeychain)('keeps every HTTP request to SmartAdvocate under the configured rate, not just every call', async () => {
    const t = cleanup.use(await startPushTest({ sync: { rateLimits: { smartadvocate: 5 } } }));
    expect(t.core.sync.rateLimits.limiterOf('smartadvocate').rate()).toBe(5);
    const from = t.smartadvocate.requests().length;
    const started = Date.now();
    for (let i = 0; i < 4; i += 1) t.kayseCase(t.client(`Pat${i}`));
    await t.idle();
    expect(t.smartadvocate.created()).toHaveLength(4);
    const sent = t.smartadvocate.requests().slice(from);
    // A new case is more than one request (the create, its contact, …): paced per call they would go in bursts.
    expect(sent.filter((r) => r.operation === 'CreateCase')).toHaveLength(4);
    expect(sent.length).toBeGreaterThan(4);
    expect(busiestSecond(sent.map((r) => Date.parse(r.at)))).toBeLessThanOrEqual(6); // 5 a second, +1 for the edges
    expect(Date.now() - started).toBeGreaterThanOrEqual(((sent.length - 1) * 1000) / 5 - 50);
  });

  it.skipIf(!runKeychain)('holds the next request to SmartAdvocate for the Retry-After of a 429 and keeps the rate', async () => {
    const t = cleanup.use(await startPushTest({ sync: { rateLimits: { smartadvocate: 50 } } }));
    const from = t.smartadvocate.requests().length;
    t.smartadvocate.setFault({ kind: 'rate_limit', retryAfterSeconds: 1 }, { times: 1 });
    t.kayseCase(t.client('Quinn'));
    await t.idle();
    for (let i = 0; i < 100 && t.smartadvocate.created().length === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(t.smartadvocate.created()).toHaveLength(1);
    const sent = t.smartadvocate.requests().slice(from);
    const limited = sent.findIndex((r) => r.status === 429);
    expect(limited).toBeGreaterThanOrEqual(0);
    expect(Date.parse(sent[limited + 1]!.at) - Date.parse(sent[limited]!.at)).toBeGreaterThanOrEqual(990);
    expect(t.core.sync.rateLimits.limiterOf('smartadvocate').rate()).toBe(50);
  });
});
