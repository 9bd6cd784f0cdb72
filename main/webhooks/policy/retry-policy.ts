// When a failed webhook delivery is tried again: the 30 s … 12 h schedule with ±20 % jitter inside a 24 h window,
// Retry-After on 429/503, and 410 Gone deactivating the webhook.
import type { AttemptOutcome } from './attempt-outcome';
import { parseRetryAfter } from '../../net';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** The wait after each failed attempt (after attempt 1, after attempt 2, …), before jitter. */
export const RETRY_DELAYS_MS: readonly number[] = [30 * SECOND, 2 * MINUTE, 10 * MINUTE, 30 * MINUTE, HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR];
/** The first attempt plus one per delay. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
/** No attempt is scheduled later than this long after the first one. */
export const RETRY_WINDOW_MS = 24 * HOUR;
/** Each delay is multiplied by a factor in [1 − JITTER, 1 + JITTER]. */
export const JITTER = 0.2;
/** Statuses whose Retry-After header is honoured. */
export const RETRY_AFTER_STATUSES: readonly number[] = [429, 503];

/** What to do after an attempt. */
export type NextStep =
  | { kind: 'succeeded' }
  | { kind: 'retry'; at: Date }
  | { kind: 'failed'; reason: string }
  | { kind: 'deactivate'; reason: string };

export interface NextStepInput {
  /** The 1-based number of the attempt that just finished. */
  attemptNumber: number;
  /** When attempt 1 was made: the 24 h window starts here. */
  firstAttemptAt: Date;
  /** The injected clock's time as the attempt finished. */
  now: Date;
  outcome: AttemptOutcome;
  /** A uniform number in [0, 1] (Math.random in production, fixed in tests). */
  rng: () => number;
}

export const GONE_REASON = '410 Gone: the receiver says this URL no longer exists, so the webhook was deactivated. Fix the URL and activate it again.';

/** The delay after failed attempt `attemptNumber`, jittered by one `rng` draw (0 → −20 %, 0.5 → exact, 1 → +20 %). */
export function jitteredDelayMs(attemptNumber: number, rng: () => number): number {
  const base = RETRY_DELAYS_MS[attemptNumber - 1];
  if (base === undefined) throw new RangeError(`no retry after attempt ${attemptNumber}: there are at most ${MAX_ATTEMPTS} attempts`);
  const draw = rng();
  const r = Number.isFinite(draw) ? Math.min(1, Math.max(0, draw)) : 0.5;
  return Math.round(base * (1 + JITTER * (2 * r - 1)));
}

/** The delay a Retry-After asks for, kept between the scheduled delay and twice it; the schedule when there is none. */
function honourRetryAfter(outcome: AttemptOutcome, scheduledMs: number, now: Date): number {
  if (outcome.ok || outcome.status === null || !RETRY_AFTER_STATUSES.includes(outcome.status)) return scheduledMs;
  const askedMs = parseRetryAfter(outcome.retryAfter, now);
  return askedMs === null ? scheduledMs : Math.min(Math.max(askedMs, scheduledMs), 2 * scheduledMs);
}

/** Decides what follows an attempt: done, another attempt at a time, failed for good, or deactivate on 410. */
export function nextStep({ attemptNumber, firstAttemptAt, now, outcome, rng }: NextStepInput): NextStep {
  if (!Number.isInteger(attemptNumber) || attemptNumber < 1) throw new RangeError(`attemptNumber must be a whole number from 1, got ${attemptNumber}`);
  if (outcome.ok) return { kind: 'succeeded' };
  if (outcome.status === 410) return { kind: 'deactivate', reason: GONE_REASON };
  if (attemptNumber >= MAX_ATTEMPTS) return { kind: 'failed', reason: `All ${MAX_ATTEMPTS} attempts failed; the last one: ${outcome.message}` };
  const windowLeftMs = firstAttemptAt.getTime() + RETRY_WINDOW_MS - now.getTime();
  if (windowLeftMs <= 0) {
    return { kind: 'failed', reason: `The 24 h retry window ended after attempt ${attemptNumber}; the last one: ${outcome.message}` };
  }
  const delayMs = honourRetryAfter(outcome, jitteredDelayMs(attemptNumber, rng), now);
  return { kind: 'retry', at: new Date(now.getTime() + Math.min(delayMs, windowLeftMs)) };
}
