// The attempt log's writes (an attempt logged before it is sent, its outcome after), as SQL and parameter rows.
// Shared by the delivery store, which runs them on the main connection, and by the attempt log worker, which runs
// the same statements on its own connection (attempt-log.worker.mjs receives this SQL, not a copy of it).
import type { AttemptFinish, AttemptStart } from './delivery-store';

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
