// Deterministic example deliveries for the docs: each type's sample event stored as the ingest API stores it, its
// real request body, and a fully signed request made by the engine's own header builder.
import { monotonicFactory } from 'ulid';
import { EVENT_TYPES, eventDataSchemas, type EventType } from '../../shared/domain/events';
import { sampleEvent } from '../../main/ingest/sample-events';
import { requestHeaders } from '../../main/webhooks/engine/request-headers';
import { buildEnvelope, serializeEnvelope, type EnvelopeSource } from '../../main/webhooks/policy/envelope';

const EXAMPLE_TIME_MS = Date.parse('2026-11-26T20:00:00.000Z');

/** A fixed pseudo-random source, so the example ids are the same on every run. */
function seededPrng(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 16_807) % 2_147_483_647;
    return state / 2_147_483_647;
  };
}

const exampleId = monotonicFactory(seededPrng(20_261_126));
const CASE_ID = exampleId(EXAMPLE_TIME_MS - 86_400_000);
const CLIENT_ID = exampleId(EXAMPLE_TIME_MS - 86_400_000);
const EVENT_IDS = Object.fromEntries(EVENT_TYPES.map((type) => [type, `evt_${exampleId(EXAMPLE_TIME_MS)}`])) as Record<EventType, string>;
export const EXAMPLE_DELIVERY_ID = `dlv_${exampleId(EXAMPLE_TIME_MS + 500)}`;

/** Example signing secrets: the active one, and one rotated out but still in its grace period. */
export const EXAMPLE_SECRETS = [
  `whsec_${Buffer.from(Array.from({ length: 32 }, (_, i) => i)).toString('base64')}`,
  `whsec_${Buffer.from(Array.from({ length: 32 }, (_, i) => 255 - i)).toString('base64')}`,
] as const;

/** The example event, stored as the ingest API stores it: data validated (defaults filled), linked to a case. */
export function sampleStoredEvent(type: EventType): EnvelopeSource {
  const posted = sampleEvent(type) as { occurred_at: string; campaign_id: string; data: Record<string, unknown> };
  return {
    id: EVENT_IDS[type],
    type,
    occurredAt: posted.occurred_at,
    campaignId: posted.campaign_id,
    caseId: CASE_ID,
    clientId: CLIENT_ID,
    caseType: 'Personal Injury',
    data: eventDataSchemas[type].parse(posted.data) as Record<string, unknown>,
  };
}

/** The exact request body the console sends for the example event of `type`. */
export const sampleBody = (type: EventType, test = false): string => serializeEnvelope(buildEnvelope(sampleStoredEvent(type), { test }));

/** The User-Agent as the examples show it: the real one carries the console's version (a release must not stale the docs). */
const EXAMPLE_USER_AGENT = 'KayseWebhooks/<version>';

export interface SampleRequest {
  type: EventType;
  body: string;
  timestamp: number;
  headers: Record<string, string>;
}

/** A whole signed request of the example event: during a rotation (both secrets), with an App Key or as a test when asked. */
export function sampleRequest(type: EventType, options: { appKey?: string; test?: boolean; attempt?: number } = {}): SampleRequest {
  const body = sampleBody(type, options.test ?? false);
  const timestamp = Math.floor(Date.parse(sampleStoredEvent(type).occurredAt) / 1000) + 5;
  const headers = requestHeaders({
    eventId: EVENT_IDS[type],
    eventType: type,
    deliveryId: EXAMPLE_DELIVERY_ID,
    attemptNumber: options.attempt ?? 1,
    body,
    secrets: EXAMPLE_SECRETS,
    timestamp,
    appKey: options.appKey ?? null,
    test: options.test ?? false,
    userAgent: EXAMPLE_USER_AGENT,
  });
  return { type, body, timestamp, headers };
}
