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

/** A CRM that accepts `limit()` requests in each fixed one-second window and answers 429 (Retry-After 1 s) past that. */
function fixedWindowCrm(limit: () => number) {
  let windowStart = 0;
  let inWindow = 0;
  return (t: number) => {
    if (t - windowStart >= 1000) {
      windowStart = t - ((t - windowStart) % 1000);
      inWindow = 0;
    }
    if (inWindow >= limit()) return false;
    inWindow += 1;
    return true;
  };
}

/** Requests sent as fast as `limiter` lets them for `ms` of fake time, each answered by `crm`: the times accepted and refused. */
async function drive(fake: ReturnType<typeof fakeLimiter>, crm: (t: number) => boolean, ms: number) {
  const accepted: number[] = [];
  const refused: number[] = [];
  const until = fake.now() + ms;
  for (let i = 0; i < 100_000 && fake.now() < until; i += 1) {
    await fake.limiter.take();
    if (crm(fake.now())) accepted.push(fake.now());
    else {
      refused.push(fake.now());
      fake.limiter.rateLimited(1_000);
    }
  }
  return { accepted, refused };
}

/** Accepted requests per second and the share refused between `from` and `to` (ms). */
function between(run: { accepted: number[]; refused: number[] }, from: number, to: number) {
  const accepted = run.accepted.filter((t) => t >= from && t < to).length;
  const refused = run.refused.filter((t) => t >= from && t < to).length;
  return { perSecond: accepted / ((to - from) / 1000), refusedShare: refused / Math.max(1, accepted + refused) };
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

  it('lets a default (unknown) rate slow further than half on repeated 429s, at most by half for one with few requests of ours', () => {
    const { limiter, advance } = fakeLimiter(300, { known: false });
    limiter.rateLimited(1_000); // nothing of ours in the last second: no measure of the CRM's limit
    expect(limiter.rate()).toBe(150);
    advance(1_000);
    for (let i = 0; i < 80; i += 1) {
      limiter.rateLimited(1_000);
      advance(1_000);
    }
    expect(limiter.rate()).toBeLessThan(10);
    expect(limiter.rate()).toBeGreaterThanOrEqual(2);
  });

  it('takes a 429 as a measure of an unknown limit only when most of what it sent in that second went through', async () => {
    const fake = fakeLimiter(300, { burst: 30, known: false });
    await Promise.all(Array.from({ length: 15 }, () => fake.limiter.take()));
    fake.advance(100);
    for (let i = 0; i < 6; i += 1) fake.limiter.rateLimited(1_000); // 6 of our 15 refused: the window was mostly another's
    expect(fake.limiter.rate()).toBe(150);
    fake.advance(1_000);
    await Promise.all(Array.from({ length: 15 }, () => fake.limiter.take()));
    fake.limiter.rateLimited(1_000); // 14 of 15 through: the CRM allows about 14 a second
    expect(fake.limiter.rate()).toBeCloseTo(14 * 0.95, 5);
  });

  it('learns an unknown limit from the 429s of a 20 req/s CRM: settles between 18 and 20 req/s with ≤ 1 % refused', async () => {
    const fake = fakeLimiter(300, { burst: 30, known: false });
    const run = await drive(fake, fixedWindowCrm(() => 20), 300_000);
    // The first excess teaches it the limit: a handful of 429s, not a 429 every few seconds.
    expect(run.refused.filter((t) => t < 10_000).length).toBeLessThanOrEqual(3);
    for (let from = 10_000; from + 30_000 <= 300_000; from += 30_000) {
      const { perSecond } = between(run, from, from + 30_000);
      expect(perSecond).toBeGreaterThanOrEqual(18);
      expect(perSecond).toBeLessThanOrEqual(20);
    }
    const settled = between(run, 10_000, 300_000);
    expect(settled.refusedShare).toBeLessThanOrEqual(0.01);
    expect(settled.perSecond).toBeGreaterThanOrEqual(19);
    expect(fake.limiter.rate()).toBeGreaterThanOrEqual(18);
    expect(fake.limiter.rate()).toBeLessThanOrEqual(21);
  });

  it('keeps a learnt limit over a quiet spell, and finds a raised one within minutes of pacing', async () => {
    const fake = fakeLimiter(300, { burst: 30, known: false });
    let limit = 20;
    const crm = fixedWindowCrm(() => limit);
    await drive(fake, crm, 60_000);
    const learnt = fake.limiter.rate();
    expect(learnt).toBeLessThanOrEqual(21);
    fake.limiter.configure(null); // another Sync setting saved: the limit stays unknown, and learnt
    expect(fake.limiter.rate()).toBe(learnt);
    fake.advance(6 * 3_600_000); // a quiet night
    expect(fake.limiter.rate()).toBe(learnt);
    const morning = await drive(fake, crm, 30_000);
    expect(morning.refused.length).toBeLessThanOrEqual(1); // no burst of the default's size into the learnt limit
    expect(between(morning, morning.accepted[0]!, morning.accepted[0]! + 30_000).perSecond).toBeGreaterThanOrEqual(18);

    limit = 40; // the firm had its CRM's limit raised
    const raised = await drive(fake, crm, 240_000);
    const found = raised.accepted[0]! + 180_000;
    const after = between(raised, found, found + 60_000);
    expect(after.perSecond).toBeGreaterThanOrEqual(36);
    expect(after.refusedShare).toBeLessThanOrEqual(0.01);
    // It found it by probing, not by jumping back to the default: few 429s on the way.
    expect(raised.refused.length).toBeLessThanOrEqual(10);
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
