// The webhook request body of webhooks.md built from a stored event, and its one serialisation that is signed and sent.
import { eventDataSchemas, isEventType, type StoredEvent } from '../../../shared/domain/events';

/** The body of every webhook request: one event, keys in this order. */
export interface WebhookEnvelope {
  id: string;
  type: string;
  created_at: string;
  test: boolean;
  campaign_id: string | null;
  case_type: string | null;
  data: Record<string, unknown>;
}

/** The stored-event fields the envelope is made of. */
export type EnvelopeSource = Pick<StoredEvent, 'id' | 'occurredAt' | 'campaignId' | 'caseId' | 'clientId' | 'caseType' | 'data'> & {
  /** Any type string, so events of types added later are still delivered. */
  type: string;
};

/** ISO 8601 in UTC with milliseconds, as every timestamp on the wire; unparsable input is passed through unchanged. */
const utcIso = (value: string): string => {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
};

/** The type's own data keys in schema order, then case_id/client_id, then anything else in stored order. */
function orderedData(event: EnvelopeSource): Record<string, unknown> {
  const known = isEventType(event.type) ? Object.keys(eventDataSchemas[event.type].shape) : [];
  const data: Record<string, unknown> = {};
  for (const key of known) if (key in event.data) data[key] = event.data[key];
  if (event.caseId !== null) data.case_id = event.caseId;
  if (event.clientId !== null) data.client_id = event.clientId;
  for (const [key, value] of Object.entries(event.data)) if (!(key in data)) data[key] = value;
  return data;
}

/** The envelope for one stored event; `test` marks "send a test" deliveries. */
export function buildEnvelope(event: EnvelopeSource, options: { test: boolean }): WebhookEnvelope {
  return {
    id: event.id,
    type: event.type,
    created_at: utcIso(event.occurredAt),
    test: options.test,
    campaign_id: event.campaignId,
    case_type: event.caseType,
    data: orderedData(event),
  };
}

/** The raw JSON body that is signed and sent: fixed top-level key order, compact, the same bytes for the same envelope. */
export function serializeEnvelope(envelope: WebhookEnvelope): string {
  const { id, type, created_at, test, campaign_id, case_type, data } = envelope;
  return JSON.stringify({ id, type, created_at, test, campaign_id, case_type, data });
}
