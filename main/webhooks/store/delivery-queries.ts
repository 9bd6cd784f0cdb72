// What the delivery inspector and the contract read from the delivery log: the filtered list with cursor paging,
// one delivery, its attempts, one attempt in full (with the exact request body, rebuilt from its event when not
// stored), per-webhook health and attempts per hour. Read-only; statements are prepared once.
import type Database from 'better-sqlite3';
import type { AttemptDetail, AttemptSummary, DeliveryListInput, DeliverySummary } from '../../../shared/contract/webhooks';
import { AppError } from '../../../shared/result';
import { buildEnvelope, serializeEnvelope } from '../policy/envelope';
import { createDeliveryList, type DeliveryPage } from './delivery-list';
import { ATTEMPT_COLUMNS, DELIVERY_COLUMNS, DELIVERY_JOIN, toAttemptSummary, toDeliverySummary, type AttemptRow, type DeliveryRow } from './delivery-rows';
import { createHealthQueries, type HealthNumbers } from './webhook-health';

export type { HealthNumbers } from './webhook-health';
export type { DeliveryPage } from './delivery-list';

export interface DeliveryQueries {
  /** Deliveries newest first, filtered; `nextCursor` resumes after the page (INVALID_INPUT for a cursor it did not give). */
  list(input: DeliveryListInput): DeliveryPage;
  /** One delivery, or NOT_FOUND. */
  get(id: string): DeliverySummary;
  /** Every attempt of a delivery, first first (empty when it has none or does not exist). */
  attempts(deliveryId: string): AttemptSummary[];
  /** One attempt with its request and response, or NOT_FOUND. */
  attempt(id: number): AttemptDetail;
  /** A webhook's health numbers as of `nowMs` (all but the circuit, which the engine knows). */
  health(webhookId: string, nowMs: number): HealthNumbers;
}

interface AttemptDetailRow extends AttemptRow {
  request_headers: string;
  response_headers: string | null;
  response_body: string | null;
  response_truncated: number;
  body: string | null;
  e_id: string | null;
  e_type: string | null;
  occurred_at: string | null;
  campaign_id: string | null;
  case_id: string | null;
  client_id: string | null;
  case_type: string | null;
  data: string | null;
}

/** The body that was sent: the stored one (test deliveries), else rebuilt from the event; null when the event is gone. */
function requestBody(r: AttemptDetailRow): string | null {
  if (r.body !== null) return r.body;
  if (r.e_id === null) return null;
  const event = {
    id: r.e_id,
    type: r.e_type!,
    occurredAt: r.occurred_at!,
    campaignId: r.campaign_id,
    caseId: r.case_id,
    clientId: r.client_id,
    caseType: r.case_type,
    data: JSON.parse(r.data!) as Record<string, unknown>,
  };
  return serializeEnvelope(buildEnvelope(event, { test: false }));
}

export function createDeliveryQueries(sqlite: Database.Database): DeliveryQueries {
  const list = createDeliveryList(sqlite);
  const health = createHealthQueries(sqlite);
  const byId = sqlite.prepare<[string], DeliveryRow>(`SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries d ${DELIVERY_JOIN} WHERE d.id = ?`);
  const attemptsOf = sqlite.prepare<[string], AttemptRow>(
    `SELECT ${ATTEMPT_COLUMNS} FROM webhook_attempts a WHERE a.delivery_id = ? ORDER BY a.number, a.id`,
  );
  const attemptById = sqlite.prepare<[number], AttemptDetailRow>(
    `SELECT ${ATTEMPT_COLUMNS}, a.request_headers, a.response_headers, a.response_body, a.response_truncated, d.body,
       e.id AS e_id, e.type AS e_type, e.occurred_at, e.campaign_id, e.case_id, e.client_id, e.case_type, e.data
     FROM webhook_attempts a
     LEFT JOIN webhook_deliveries d ON d.id = a.delivery_id
     LEFT JOIN events e ON e.id = d.event_id AND d.is_test = 0
     WHERE a.id = ?`,
  );

  return {
    list,
    get(id) {
      const row = byId.get(id);
      if (!row) throw new AppError('NOT_FOUND', `No delivery with id ${id}. Log retention may have removed it: reload the list.`, { id });
      return toDeliverySummary(row);
    },
    attempts: (deliveryId) => attemptsOf.all(deliveryId).map(toAttemptSummary),
    attempt(id) {
      const row = attemptById.get(id);
      if (!row) throw new AppError('NOT_FOUND', `No attempt with id ${id}. Log retention may have removed it: reload the delivery.`, { id });
      return {
        ...toAttemptSummary(row),
        requestHeaders: JSON.parse(row.request_headers) as Record<string, string>,
        requestBody: requestBody(row),
        responseHeaders: row.response_headers === null ? null : (JSON.parse(row.response_headers) as Record<string, string>),
        responseBody: row.response_body,
        responseTruncated: row.response_truncated === 1,
      };
    },
    health: (webhookId, nowMs) => health.health(webhookId, nowMs),
  };
}
