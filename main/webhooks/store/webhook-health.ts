// A webhook's health from its attempt log (last-24 h volume, success rate, latency percentiles, the current run of
// failures, pending work) and attempts per hour by outcome for the charts. Every query reads covering or partial
// indexes of webhook_attempts, so its cost follows the window's size, never the log's.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { WebhookHealth } from '../../../shared/contract/webhooks';
import { AppError } from '../../../shared/result';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Percentiles are exact over up to this many of the window's newest attempts (a busy day at 1 attempt/s is 86,400). */
export const LATENCY_SAMPLE_MAX = 100_000;
/** The longest range `hourly` answers: about three months of hours. */
export const HOURLY_MAX_HOURS = 24 * 92;

/** One hour of attempts: succeeded (2xx), retrying (failed, another attempt scheduled), failed (failed, none follows). */
export const hourlyOutcomeSchema = z.object({
  /** The hour's start, ISO UTC (2026-11-26T20:00:00.000Z). */
  hour: z.string(),
  succeeded: z.number().int(),
  failed: z.number().int(),
  retrying: z.number().int().optional(),
});
export const hourlyOutcomesSchema = z.array(hourlyOutcomeSchema);
export type HourlyOutcome = z.infer<typeof hourlyOutcomeSchema>;

export type HealthNumbers = Omit<WebhookHealth, 'circuit'>;

// A finished attempt succeeded when it got a 2xx and no error; written exactly as attempts_webhook_succeeded's WHERE,
// so SQLite can use that partial index.
const SUCCEEDED = 'error_class IS NULL AND response_status BETWEEN 200 AND 299';
/** 1 for a success, 0 otherwise (also when the status is missing). */
const OK = `((${SUCCEEDED}) IS 1)`;

/** Nearest-rank percentile (the smallest value with at least p of the values at or below it) of sorted values. */
export function nearestRank(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

export interface HealthQueries {
  /** Health numbers of one webhook as of `nowMs` (the circuit comes from the engine). */
  health(webhookId: string, nowMs: number): HealthNumbers;
  /**
   * Finished attempts per hour by outcome from the hour `fromIso` falls in up to `toIso` (exclusive), every hour
   * present (zeros included); all webhooks when no id. INVALID_INPUT for a reversed, unreadable or over-long range.
   */
  hourly(webhookId: string | undefined, fromIso: string, toIso: string): HourlyOutcome[];
}

export function createHealthQueries(sqlite: Database.Database): HealthQueries {
  const windowTotals = sqlite.prepare<[string, string], { n: number; ok: number | null }>(
    `SELECT count(*) AS n, sum(${OK}) AS ok FROM webhook_attempts INDEXED BY attempts_webhook_started
     WHERE webhook_id = ? AND started_at >= ? AND finished_at IS NOT NULL`,
  );
  const durations = sqlite
    .prepare<[string, string, number], number>(
      `SELECT duration_ms FROM webhook_attempts INDEXED BY attempts_webhook_started
       WHERE webhook_id = ? AND started_at >= ? AND finished_at IS NOT NULL AND duration_ms IS NOT NULL
       ORDER BY started_at DESC LIMIT ?`,
    )
    .pluck();
  const lastSuccess = sqlite
    .prepare<[string], string | null>(`SELECT max(started_at) FROM webhook_attempts INDEXED BY attempts_webhook_succeeded WHERE webhook_id = ? AND ${SUCCEEDED}`)
    .pluck();
  const firstFinishedAfter = sqlite
    .prepare<[string, string], string>(
      `SELECT started_at FROM webhook_attempts INDEXED BY attempts_webhook_started
       WHERE webhook_id = ? AND started_at > ? AND finished_at IS NOT NULL ORDER BY started_at LIMIT 1`,
    )
    .pluck();
  const lastStarted = sqlite.prepare<[string], string | null>('SELECT max(started_at) FROM webhook_attempts WHERE webhook_id = ?').pluck();
  const pending = sqlite
    .prepare<[string, string], number>(
      `SELECT (SELECT count(*) FROM webhook_deliveries INDEXED BY deliveries_due WHERE webhook_id = ? AND state = 'pending')
            + (SELECT count(*) FROM webhook_deliveries INDEXED BY deliveries_in_flight WHERE state = 'in_flight' AND webhook_id = ?)`,
    )
    .pluck();
  // One index range per hour (grouping a whole range by an expression would sort every attempt in it), and one
  // expression per attempt: the outcome is added as 1 (succeeded), 2^21 (failed) or 2^42 (retrying) into one
  // 64-bit sum, read as a BigInt and split; an hour would need 2,097,152 attempts of one outcome to overflow.
  const outcomeSum = `sum(CASE WHEN ${SUCCEEDED} THEN 1 WHEN next_attempt_at IS NULL THEN ${2 ** 21} ELSE ${2 ** 42} END)`;
  const hourOne = sqlite
    .prepare<[string, string, string], bigint | null>(
      `SELECT ${outcomeSum} FROM webhook_attempts INDEXED BY attempts_webhook_started
       WHERE webhook_id = ? AND started_at >= ? AND started_at < ? AND finished_at IS NOT NULL`,
    )
    .pluck()
    .safeIntegers();
  // All webhooks: the same covering index, one range per webhook (deleted webhooks keep their row, and their log).
  const hourAll = sqlite
    .prepare<[string, string], bigint | null>(
      `SELECT ${outcomeSum} FROM webhook_attempts INDEXED BY attempts_webhook_started
       WHERE webhook_id IN (SELECT id FROM webhooks) AND started_at >= ? AND started_at < ? AND finished_at IS NOT NULL`,
    )
    .pluck()
    .safeIntegers();
  const split = (sum: bigint | null) => {
    const s = sum ?? 0n;
    const part = (shift: bigint) => Number((s >> shift) & 0x1fffffn);
    return { succeeded: part(0n), failed: part(21n), retrying: part(42n) };
  };

  /**
   * Start of the current run of failed attempts: the first finished attempt after the last success (every one
   * after it failed). Null when the latest finished attempt succeeded, or none finished.
   */
  const failingSince = (webhookId: string): string | null => firstFinishedAfter.get(webhookId, lastSuccess.get(webhookId) ?? '') ?? null;

  return {
    health(webhookId, nowMs) {
      const since = new Date(nowMs - DAY_MS).toISOString();
      const totals = windowTotals.get(webhookId, since)!;
      const sample = Float64Array.from(durations.all(webhookId, since, LATENCY_SAMPLE_MAX)).sort();
      return {
        attempts24h: totals.n,
        successRate24h: totals.n === 0 ? null : (totals.ok ?? 0) / totals.n,
        p50LatencyMs: nearestRank(sample, 0.5),
        p95LatencyMs: nearestRank(sample, 0.95),
        failingSince: failingSince(webhookId),
        lastDeliveryAt: lastStarted.get(webhookId) ?? null,
        pending: pending.get(webhookId, webhookId)!,
      };
    },
    hourly(webhookId, fromIso, toIso) {
      const fromMs = Math.floor(Date.parse(fromIso) / HOUR_MS) * HOUR_MS;
      const toMs = Date.parse(toIso);
      const issues = [
        ...(Number.isNaN(fromMs) ? [{ path: 'from', message: 'is not an ISO date-time (e.g. 2026-11-26T00:00:00Z)' }] : []),
        ...(Number.isNaN(toMs) ? [{ path: 'to', message: 'is not an ISO date-time (e.g. 2026-11-27T00:00:00Z)' }] : []),
      ];
      if (issues.length === 0 && toMs <= fromMs) issues.push({ path: 'to', message: 'must be after from' });
      if (issues.length === 0 && (toMs - fromMs) / HOUR_MS > HOURLY_MAX_HOURS) issues.push({ path: 'to', message: `must be at most ${HOURLY_MAX_HOURS / 24} days after from` });
      if (issues.length > 0) throw new AppError('INVALID_INPUT', `Hourly attempts: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}.`, { issues });

      const hours: HourlyOutcome[] = [];
      for (let ms = fromMs; ms < toMs; ms += HOUR_MS) {
        const hour = new Date(ms).toISOString();
        const end = new Date(Math.min(ms + HOUR_MS, toMs)).toISOString();
        hours.push({ hour, ...split((webhookId === undefined ? hourAll.get(hour, end) : hourOne.get(webhookId, hour, end)) ?? null) });
      }
      return hours;
    },
  };
}
