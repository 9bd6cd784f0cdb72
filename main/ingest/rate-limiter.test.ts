import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limiter';
import { manualClock } from '../test-support/clock';

describe('rate limiter', () => {
  it('allows a minute of requests at once, then refills continuously', () => {
    const clock = manualClock();
    const limiter = createRateLimiter(clock);
    for (let i = 0; i < 60; i += 1) expect(limiter.take('k', 60).allowed).toBe(true);
    expect(limiter.take('k', 60)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    clock.advance(1_000);
    expect(limiter.take('k', 60).allowed).toBe(true);
    expect(limiter.take('k', 60).allowed).toBe(false);
    clock.advance(10 * 60_000);
    for (let i = 0; i < 60; i += 1) expect(limiter.take('k', 60).allowed).toBe(true);
    expect(limiter.take('k', 60).allowed).toBe(false);
  });

  it('says how long until the next request is allowed on a slow key', () => {
    const clock = manualClock();
    const limiter = createRateLimiter(clock);
    expect(limiter.take('slow', 1).allowed).toBe(true);
    expect(limiter.take('slow', 1)).toEqual({ allowed: false, retryAfterSeconds: 60 });
    clock.advance(45_000);
    expect(limiter.take('slow', 1)).toEqual({ allowed: false, retryAfterSeconds: 15 });
  });
});
