// How the delivery log's rows read back: the columns a delivery summary selects (with its webhook's name, kept
// for deleted webhooks too) and attempts, and their mapping to the contract's shapes.
import type { DeliveryErrorClass } from '../../../shared/domain/webhooks';
import type { AttemptSummary, AttemptTrigger, DeliveryState, DeliverySummary } from '../../../shared/contract/webhooks';

/** A delivery row as the summary query returns it. */
export interface DeliveryRow {
  id: string;
  webhook_id: string;
  webhook_name: string | null;
  event_id: string;
  event_type: string;
  case_id: string | null;
  case_number: string | null;
  client_name: string | null;
  is_test: number;
  state: string;
  attempts: number;
  created_at: string;
  last_attempt_at: string | null;
  last_status: number | null;
  last_error_class: string | null;
  last_error: string | null;
  last_duration_ms: number | null;
  next_attempt_at: number | null;
  completed_at: string | null;
}

/**
 * The case's number and its primary client's name, so support can scan the list: read per row of a page (at most a
 * page of rows), each on a primary key or case_clients' case index.
 */
const CASE_NAMES = `(SELECT case_number FROM cases WHERE id = d.case_id) AS case_number,
  (SELECT trim(cl.first_name || ' ' || cl.last_name) FROM case_clients cc JOIN clients cl ON cl.id = cc.client_id
    WHERE cc.case_id = d.case_id ORDER BY cc.is_primary DESC, cc.rowid LIMIT 1) AS client_name`;

/** Select list and join for DeliveryRow: `FROM webhook_deliveries d` must follow the select, then DELIVERY_JOIN. */
export const DELIVERY_COLUMNS = `d.id, d.webhook_id, w.name AS webhook_name, d.event_id, d.event_type, d.case_id, d.is_test, d.state,
  d.attempts, d.created_at, d.last_attempt_at, d.last_status, d.last_error_class, d.last_error, d.last_duration_ms, d.next_attempt_at, d.completed_at,
  ${CASE_NAMES}`;
export const DELIVERY_JOIN = 'LEFT JOIN webhooks w ON w.id = d.webhook_id';

/** Epoch ms as the contract's ISO time. */
export const isoOf = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** A delivery row as the contract's summary; the next attempt time shows only while it is pending. */
export const toDeliverySummary = (r: DeliveryRow): DeliverySummary => ({
  id: r.id,
  webhookId: r.webhook_id,
  webhookName: r.webhook_name,
  eventId: r.event_id,
  eventType: r.event_type,
  caseId: r.case_id,
  caseNumber: r.case_number,
  clientName: r.client_name,
  isTest: r.is_test === 1,
  state: r.state as DeliveryState,
  attempts: r.attempts,
  createdAt: r.created_at,
  lastAttemptAt: r.last_attempt_at,
  lastStatus: r.last_status,
  lastErrorClass: r.last_error_class as DeliveryErrorClass | null,
  lastError: r.last_error,
  lastDurationMs: r.last_duration_ms,
  nextAttemptAt: r.state === 'pending' ? isoOf(r.next_attempt_at) : null,
  completedAt: r.completed_at,
});

/** An attempt row (summary columns). */
export interface AttemptRow {
  id: number;
  delivery_id: string;
  webhook_id: string;
  number: number;
  trigger: string;
  started_at: string;
  finished_at: string | null;
  url: string;
  resolved_ip: string | null;
  response_status: number | null;
  error_class: string | null;
  error_message: string | null;
  duration_ms: number | null;
  next_attempt_at: number | null;
}

export const ATTEMPT_COLUMNS = `a.id, a.delivery_id, a.webhook_id, a.number, a.trigger, a.started_at, a.finished_at, a.url, a.resolved_ip,
  a.response_status, a.error_class, a.error_message, a.duration_ms, a.next_attempt_at`;

/** An attempt row as the contract's summary. */
export const toAttemptSummary = (r: AttemptRow): AttemptSummary => ({
  id: r.id,
  deliveryId: r.delivery_id,
  webhookId: r.webhook_id,
  number: r.number,
  trigger: r.trigger as AttemptTrigger,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  url: r.url,
  resolvedIp: r.resolved_ip,
  responseStatus: r.response_status,
  errorClass: r.error_class as DeliveryErrorClass | null,
  errorMessage: r.error_message,
  durationMs: r.duration_ms,
  nextAttemptAt: isoOf(r.next_attempt_at),
});
