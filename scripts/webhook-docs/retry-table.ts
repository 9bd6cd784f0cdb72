// The retry schedule table, computed from the retry policy's own constants.
import { JITTER, MAX_ATTEMPTS, RETRY_DELAYS_MS, RETRY_WINDOW_MS } from '../../main/webhooks/policy/retry-policy';
import { duration, table } from './markdown';

export interface RetryRow {
  attempt: number;
  /** The wait before this attempt (after the previous one failed), before jitter; 0 for the first. */
  delayMs: number;
  minDelayMs: number;
  maxDelayMs: number;
  /** Sum of the nominal delays so far: when this attempt goes, counted from the first one. */
  cumulativeMs: number;
  /** Earliest and latest with every delay jittered the same way, never past the retry window. */
  earliestMs: number;
  latestMs: number;
}

/** One row per attempt, first to last. */
export function retryRows(): RetryRow[] {
  const rows: RetryRow[] = [{ attempt: 1, delayMs: 0, minDelayMs: 0, maxDelayMs: 0, cumulativeMs: 0, earliestMs: 0, latestMs: 0 }];
  let cumulative = 0;
  let earliest = 0;
  let latest = 0;
  RETRY_DELAYS_MS.forEach((delayMs, i) => {
    const minDelayMs = Math.round(delayMs * (1 - JITTER));
    const maxDelayMs = Math.round(delayMs * (1 + JITTER));
    cumulative += delayMs;
    earliest += minDelayMs;
    latest += maxDelayMs;
    rows.push({
      attempt: i + 2,
      delayMs,
      minDelayMs,
      maxDelayMs,
      cumulativeMs: cumulative,
      earliestMs: Math.min(earliest, RETRY_WINDOW_MS),
      latestMs: Math.min(latest, RETRY_WINDOW_MS),
    });
  });
  if (rows.length !== MAX_ATTEMPTS) throw new Error(`the retry table has ${rows.length} rows but MAX_ATTEMPTS is ${MAX_ATTEMPTS}`);
  return rows;
}

/** The Markdown table of the schedule. */
export function retryTable(): string {
  const windowText = duration(RETRY_WINDOW_MS);
  const rows = retryRows().map((r) =>
    r.attempt === 1
      ? ['1', 'immediately', '–', '0', '0']
      : [
          String(r.attempt),
          duration(r.delayMs),
          `${duration(r.minDelayMs)} – ${duration(r.maxDelayMs)}`,
          duration(r.cumulativeMs),
          `${duration(r.earliestMs)} – ${duration(r.latestMs)}${r.latestMs === RETRY_WINDOW_MS ? ` (the ${windowText} limit)` : ''}`,
        ],
  );
  return table(['attempt', 'wait after the previous failure', `with ±${Math.round(JITTER * 100)} % jitter`, 'since attempt 1 (nominal)', 'since attempt 1 (range)'], rows);
}
