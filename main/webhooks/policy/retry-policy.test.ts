import { describe, expect, it } from 'vitest';
import type { AttemptOutcome } from './attempt-outcome';
import { GONE_REASON, MAX_ATTEMPTS, RETRY_WINDOW_MS, jitteredDelayMs, nextStep, type NextStep } from './retry-policy';

const HOUR = 3_600_000;
const T0 = new Date('2026-11-26T20:00:00.000Z');

const failure = (over: Partial<Extract<AttemptOutcome, { ok: false }>> = {}): AttemptOutcome => ({
  ok: false,
  errorClass: 'http_status',
  status: 500,
  message: 'HTTP 500 Internal Server Error',
  retryAfter: null,
  durationMs: 0,
  ...over,
});
const fixed = (value: number) => () => value;

/**
 * Runs a delivery whose every attempt fails, on a fake clock that jumps straight to each scheduled time.
 * Returns each attempt's offset from the first one in ms, and the final step.
 */
function runAllFailing(rng: () => number, attemptMs = 0, outcome: AttemptOutcome = failure()) {
  const offsets: number[] = [];
  let startedAt = T0.getTime();
  let step: NextStep | undefined;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS + 1; attempt++) {
    offsets.push(startedAt - T0.getTime());
    step = nextStep({ attemptNumber: attempt, firstAttemptAt: T0, now: new Date(startedAt + attemptMs), outcome, rng });
    if (step.kind !== 'retry') break;
    expect(step.at.getTime()).toBeGreaterThan(startedAt);
    startedAt = step.at.getTime();
  }
  return { offsets, last: step };
}

describe('retry schedule', () => {
  it('without jitter makes 9 attempts at 0, 30 s, 2.5 min, 12.5 min, 42.5 min, 1 h 42.5, 4 h 42.5, 10 h 42.5, 22 h 42.5, then fails', () => {
    const { offsets, last } = runAllFailing(fixed(0.5));
    expect(offsets).toEqual([0, 30_000, 150_000, 750_000, 2_550_000, 6_150_000, 16_950_000, 38_550_000, 81_750_000]);
    expect(offsets.at(-1)! / HOUR).toBeCloseTo(22.71, 2);
    expect(last).toEqual({ kind: 'failed', reason: 'All 9 attempts failed; the last one: HTTP 500 Internal Server Error' });
  });

  it('at the lowest jitter waits 20 % less each time', () => {
    const { offsets, last } = runAllFailing(fixed(0));
    expect(offsets).toEqual([0, 24_000, 120_000, 600_000, 2_040_000, 4_920_000, 13_560_000, 30_840_000, 65_400_000]);
    expect(last?.kind).toBe('failed');
  });

  it('at the highest jitter waits 20 % more, and the last attempt is pulled back to exactly 24 h after the first', () => {
    const { offsets, last } = runAllFailing(fixed(1));
    expect(offsets).toEqual([0, 36_000, 180_000, 900_000, 3_060_000, 7_380_000, 20_340_000, 46_260_000, RETRY_WINDOW_MS]);
    expect(last?.kind).toBe('failed');
  });

  it('keeps every delay within ±20 % and never schedules past 24 h, whatever the rng and however long attempts take', () => {
    const draws = [0, 0.999, 0.13, 1, 0.5, 0.77, 0.02, 0.91];
    for (const attemptMs of [0, 15_000]) {
      let i = 0;
      const { offsets } = runAllFailing(() => draws[i++ % draws.length]!, attemptMs);
      expect(offsets).toHaveLength(MAX_ATTEMPTS);
      expect(Math.max(...offsets)).toBeLessThanOrEqual(RETRY_WINDOW_MS);
    }
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      const base = jitteredDelayMs(attempt, fixed(0.5));
      expect(jitteredDelayMs(attempt, fixed(0))).toBe(Math.round(base * 0.8));
      expect(jitteredDelayMs(attempt, fixed(1))).toBe(Math.round(base * 1.2));
    }
  });

  it('treats an rng outside [0, 1] as its nearest bound and a NaN as no jitter', () => {
    expect(jitteredDelayMs(1, fixed(-3))).toBe(24_000);
    expect(jitteredDelayMs(1, fixed(7))).toBe(36_000);
    expect(jitteredDelayMs(1, fixed(Number.NaN))).toBe(30_000);
  });

  it('fails a delivery whose 24 h window is over instead of scheduling one more attempt', () => {
    const now = new Date(T0.getTime() + RETRY_WINDOW_MS + 1);
    const step = nextStep({ attemptNumber: 5, firstAttemptAt: T0, now, outcome: failure({ errorClass: 'timeout', status: null, message: 'timed out' }), rng: fixed(0.5) });
    expect(step).toEqual({ kind: 'failed', reason: 'The 24 h retry window ended after attempt 5; the last one: timed out' });
  });

  it('succeeds on a 2xx at any attempt', () => {
    expect(nextStep({ attemptNumber: 9, firstAttemptAt: T0, now: T0, outcome: { ok: true, status: 204, durationMs: 3 }, rng: fixed(0.5) })).toEqual({ kind: 'succeeded' });
  });

  it('deactivates the webhook on 410 Gone at once, without another attempt', () => {
    for (const attemptNumber of [1, 9]) {
      const step = nextStep({ attemptNumber, firstAttemptAt: T0, now: T0, outcome: failure({ status: 410, message: 'HTTP 410 Gone' }), rng: fixed(0.5) });
      expect(step).toEqual({ kind: 'deactivate', reason: GONE_REASON });
    }
    expect(GONE_REASON).toMatch(/^410 Gone/);
  });

  it('refuses an attempt number that is not a whole number from 1', () => {
    expect(() => nextStep({ attemptNumber: 0, firstAttemptAt: T0, now: T0, outcome: failure(), rng: fixed(0.5) })).toThrow(/attemptNumber/);
  });
});

describe('Retry-After', () => {
  /** The wait the policy chooses after attempt `attemptNumber` made at `atMs` after the first. */
  const waitAfter = (outcome: AttemptOutcome, attemptNumber = 1, atMs = 0) => {
    const now = new Date(T0.getTime() + atMs);
    const step = nextStep({ attemptNumber, firstAttemptAt: T0, now, outcome, rng: fixed(0.5) });
    return step.kind === 'retry' ? step.at.getTime() - now.getTime() : step;
  };

  it('honours a longer wait on 429 and 503, stretched to at most twice the scheduled delay', () => {
    expect(waitAfter(failure({ status: 429, retryAfter: '45' }))).toBe(45_000);
    expect(waitAfter(failure({ status: 503, retryAfter: '45' }))).toBe(45_000);
    expect(waitAfter(failure({ status: 429, retryAfter: '3600' }))).toBe(60_000);
    expect(waitAfter(failure({ status: 503, retryAfter: '99999999999999999999' }), 6)).toBe(6 * HOUR);
  });

  it('keeps the schedule when Retry-After asks for less', () => {
    expect(waitAfter(failure({ status: 429, retryAfter: '5' }))).toBe(30_000);
    expect(waitAfter(failure({ status: 429, retryAfter: '0' }))).toBe(30_000);
  });

  it('reads an HTTP-date relative to the clock, and ignores garbage', () => {
    const in50s = new Date(T0.getTime() + 50_000).toUTCString();
    expect(waitAfter(failure({ status: 503, retryAfter: in50s }))).toBe(50_000);
    for (const garbage of ['soon', '-5', '1.5', 'Mon, 1', 'Thu, 31 Feb 2026 10:00:00 GMT', '']) {
      expect(waitAfter(failure({ status: 429, retryAfter: garbage }))).toBe(30_000);
    }
  });

  it('ignores Retry-After on other statuses', () => {
    expect(waitAfter(failure({ status: 500, retryAfter: '45' }))).toBe(30_000);
    expect(waitAfter(failure({ status: 302, errorClass: 'redirect', retryAfter: '45' }))).toBe(30_000);
  });

  it('never lets Retry-After push an attempt past the 24 h window', () => {
    const at = 23 * HOUR;
    expect(waitAfter(failure({ status: 429, retryAfter: String(20 * 3600) }), 8, at)).toBe(HOUR);
  });
});
