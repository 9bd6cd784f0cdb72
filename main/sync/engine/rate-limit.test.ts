// The rate limiter of an integration: the token bucket's pace on a fake timeline (a 429 holds everyone for its
// Retry-After, halves the rate, which climbs back), then for real against the SmartAdvocate simulator: pushes of
// twelve new cases at 5 requests/s never exceed the rate in any second, shared by whatever uses the connector.
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { createRateLimiter } from './rate-limit';
import { runKeychain, startPushTest } from './test-push';

const cleanup = useCleanup();

/** A limiter on a timeline that moves only when it sleeps. */
function fakeLimiter(ratePerSecond: number, burst = 1) {
  let t = 0;
  const limiter = createRateLimiter({ ratePerSecond, burst, now: () => t, sleep: async (ms) => void (t += ms) });
  return { limiter, now: () => t, advance: (ms: number) => void (t += ms) };
}

/** The most requests in any one-second window of `times` (ms). */
const busiestSecond = (times: number[]) => Math.max(...times.map((start) => times.filter((x) => x >= start && x < start + 1000).length));

describe('sync rate limiter', () => {
  it('paces takes at the rate, a 429 holds every caller for its wait and halves the rate, which climbs back', async () => {
    const { limiter, now } = fakeLimiter(20);
    const times: number[] = [];
    await Promise.all(Array.from({ length: 100 }, () => limiter.take().then(() => times.push(now()))));
    expect(busiestSecond(times)).toBeLessThanOrEqual(20);
    expect(now()).toBeGreaterThanOrEqual(4900); // 99 intervals of 50 ms

    const before = now();
    limiter.rateLimited(2_000);
    expect(limiter.rate()).toBe(10);
    await limiter.take();
    expect(now() - before).toBeGreaterThanOrEqual(2_000);
    const after: number[] = [];
    for (let i = 0; i < 10; i += 1) await limiter.take().then(() => after.push(now()));
    expect(busiestSecond(after)).toBeLessThanOrEqual(11);
    // Climbing back over a minute from the end of the wait: half way there after 30 s, 20/s again after 60 s.
    const { limiter: l2, advance } = fakeLimiter(20);
    l2.rateLimited(1_000);
    expect(l2.rate()).toBe(10);
    advance(31_000);
    expect(l2.rate()).toBeCloseTo(15, 5);
    advance(30_000);
    expect(l2.rate()).toBe(20);
  });

  it.skipIf(!runKeychain)('keeps the pushes to SmartAdvocate under the configured rate', async () => {
    const t = cleanup.use(await startPushTest({ sync: { rateLimits: { smartadvocate: 5 } } }));
    expect(t.core.sync.rateLimits.limiterOf('smartadvocate').rate()).toBe(5);
    const started = Date.now();
    for (let i = 0; i < 12; i += 1) t.kayseCase(t.client(`Pat${i}`));
    await t.idle();
    expect(t.smartadvocate.created()).toHaveLength(12);
    const creates = t.smartadvocate
      .requests()
      .filter((r) => r.operation === 'CreateCase')
      .map((r) => Date.parse(r.at));
    expect(creates).toHaveLength(12);
    expect(busiestSecond(creates)).toBeLessThanOrEqual(6); // 5 a second, +1 for the edges of the window
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000); // 11 intervals of 200 ms at least
  });
});
