// A webhook's health from its attempt log (last-24 h volume, success rate, latency percentiles, the current run of
// failures, pending work). Every query reads covering or partial indexes of webhook_attempts, so its cost follows
// the window's size, never the log's.
import type Database from 'better-sqlite3';
import type { WebhookHealth } from '../../../shared/contract/webhooks';

const DAY_MS = 86_400_000;
/** Percentiles are exact over up to this many of the window's newest attempts (a busy day at 1 attempt/s is 86,400). */
export const LATENCY_SAMPLE_MAX = 100_000;
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
  };
}
