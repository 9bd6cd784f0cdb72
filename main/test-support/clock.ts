// Test kit: the one clock tests move by hand (inject it as `clock` wherever a Clock is taken).
import type { Clock } from '../kernel';

/** A Clock that stands still until the test moves it. */
export interface ManualClock extends Clock {
  /** Moves the clock on by `ms` milliseconds. */
  advance(ms: number): void;
  /** Sets the clock to an ISO date-time. */
  set(iso: string): void;
}

/** A manual clock starting at `startIso` (default 2026-11-26T20:00:00.000Z). */
export function manualClock(startIso = '2026-11-26T20:00:00.000Z'): ManualClock {
  let now = Date.parse(startIso);
  if (Number.isNaN(now)) throw new Error(`manualClock: "${startIso}" is not a date-time`);
  return {
    now: () => new Date(now),
    advance: (ms) => void (now += ms),
    set: (iso) => void (now = Date.parse(iso)),
  };
}
