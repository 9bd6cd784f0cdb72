// The attempt log's writes (an attempt logged before it is sent, its outcome after), as SQL and parameter rows.
// Shared by the delivery store, which runs them on the main connection, and by the attempt log worker, which runs
// the same statements on its own connection (attempt-log.worker.mjs receives this SQL, not a copy of it).
import type { AttemptFinish, AttemptStart } from './attempt-rows';

export const ATTEMPT_LOG_SQL = {
  insertAttempt: `INSERT INTO webhook_attempts (delivery_id, webhook_id, number, trigger, started_at, url, request_headers)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  finishAttempt: `UPDATE webhook_attempts SET finished_at = @finishedAt, resolved_ip = @resolvedIp, response_status = @responseStatus,
       response_headers = @responseHeaders, response_body = @responseBody, response_truncated = @responseTruncated,
       error_class = @errorClass, error_message = @errorMessage, duration_ms = @durationMs, next_attempt_at = @nextAttemptAt
     WHERE id = @attemptId`,
  // The attempt count and times are written with the outcome: one delivery write per attempt, not two.
  finishDelivery: `UPDATE webhook_deliveries SET state = @state, next_attempt_at = @nextAttemptAt, next_trigger = 'scheduled',
       attempts = @number, first_attempt_at = coalesce(first_attempt_at, @startedAt), last_attempt_at = @startedAt,
       last_status = @responseStatus, last_error_class = @errorClass, last_error = @errorMessage, last_duration_ms = @durationMs,
       completed_at = CASE WHEN @state = 'pending' THEN NULL ELSE @finishedAt END
     WHERE id = @deliveryId AND state IN ('pending', 'in_flight')`,
  // A cancelled delivery (webhook deleted mid-attempt) still shows how its last attempt went.
  finishCancelled: `UPDATE webhook_deliveries SET last_status = @responseStatus, last_error_class = @errorClass, last_error = @errorMessage,
       last_duration_ms = @durationMs WHERE id = @deliveryId AND state = 'cancelled'`,
  // An outcome written ahead of its delivery (finishAttempt alone, in the transaction of the attempts that reuse its
  // request slot) is listed here until its delivery follows (applyOutcome), so that a restart can apply it first.
  markUnapplied: `INSERT OR IGNORE INTO webhook_unapplied_outcomes (attempt_id) VALUES (?)`,
  clearUnapplied: `DELETE FROM webhook_unapplied_outcomes WHERE attempt_id = @attemptId`,
  // finishDelivery, taken from the attempt's row: the state follows from the outcome finishAttempt wrote there, as
  // the engine decided it (a next attempt scheduled: pending; else no error: succeeded; else failed). Only while the
  // delivery has not counted the attempt: applying an outcome twice (a write the writer thread committed but could
  // not answer is made again inline), or after a later attempt, changes nothing. A row value and subqueries, not
  // UPDATE … FROM, which SQLite runs through a temporary table (about four times slower here).
  applyOutcome: `UPDATE webhook_deliveries SET
       (state, next_attempt_at, next_trigger, attempts, first_attempt_at, last_attempt_at, last_status, last_error_class, last_error,
        last_duration_ms, completed_at) =
       (SELECT CASE WHEN a.next_attempt_at IS NOT NULL THEN 'pending' WHEN a.error_class IS NULL THEN 'succeeded' ELSE 'failed' END,
          a.next_attempt_at, 'scheduled', a.number, coalesce(webhook_deliveries.first_attempt_at, a.started_at), a.started_at,
          a.response_status, a.error_class, a.error_message, a.duration_ms, CASE WHEN a.next_attempt_at IS NOT NULL THEN NULL ELSE a.finished_at END
        FROM webhook_attempts a WHERE a.id = @attemptId)
     WHERE id = @deliveryId AND state IN ('pending', 'in_flight')
       AND attempts < (SELECT number FROM webhook_attempts WHERE id = @attemptId AND finished_at IS NOT NULL)`,
  // finishCancelled, taken from the attempt's row.
  applyCancelled: `UPDATE webhook_deliveries SET (last_status, last_error_class, last_error, last_duration_ms) =
       (SELECT a.response_status, a.error_class, a.error_message, a.duration_ms FROM webhook_attempts a WHERE a.id = @attemptId)
     WHERE id = @deliveryId AND state = 'cancelled' AND EXISTS (SELECT 1 FROM webhook_attempts WHERE id = @attemptId AND finished_at IS NOT NULL)`,
} as const;

/** `insertAttempt`'s positional parameters. */
export type AttemptStartRow = [string, string, number, string, string, string, string];

export const attemptStartRow = (a: AttemptStart): AttemptStartRow => [a.deliveryId, a.webhookId, a.number, a.trigger, a.startedAt, a.url, JSON.stringify(a.requestHeaders)];

/** The named parameters of the three outcome statements. */
export type AttemptFinishParams = Omit<AttemptFinish, 'responseHeaders' | 'responseTruncated'> & { responseHeaders: string | null; responseTruncated: 0 | 1 };

/** Field by field rather than `{ ...r, more }`: such literals are a slow path in V8, and this runs per attempt. */
export const attemptFinishParams = (r: AttemptFinish): AttemptFinishParams => ({
  attemptId: r.attemptId,
  deliveryId: r.deliveryId,
  number: r.number,
  startedAt: r.startedAt,
  finishedAt: r.finishedAt,
  resolvedIp: r.resolvedIp,
  responseStatus: r.responseStatus,
  responseHeaders: r.responseHeaders === null ? null : JSON.stringify(r.responseHeaders),
  responseBody: r.responseBody,
  responseTruncated: r.responseTruncated ? 1 : 0,
  errorClass: r.errorClass,
  errorMessage: r.errorMessage,
  durationMs: r.durationMs,
  state: r.state,
  nextAttemptAt: r.nextAttemptAt,
});

/** An outcome written ahead of its delivery (the `outcomes` of a start), for a later finish to apply to the delivery. */
export interface AppliedOutcome {
  attemptId: number;
  deliveryId: string;
}
