// The webhook request body (the envelope) as a zod schema, for its published JSON Schema; it must describe exactly
// the WebhookEnvelope the engine builds (checked both ways at compile time).
import { z } from 'zod';
import { EVENT_TYPES } from '../../shared/domain/events';
import type { WebhookEnvelope } from '../../main/webhooks/policy/envelope';

export const webhookEnvelopeSchema = z.strictObject({
  id: z.string().min(1).describe('The event id (evt_…): unique per event, the same on every retry and replay. Deduplicate on it.'),
  type: z.string().min(1).describe(`The event type: one of the ${EVENT_TYPES.length} below. A webhook subscribed to all events also receives types added later: ignore types you do not know.`),
  created_at: z.iso.datetime().describe('When the event happened, ISO 8601 in UTC with milliseconds.'),
  test: z.boolean().describe('true only for "send a test" deliveries (which also carry X-Kayse-Test: true).'),
  campaign_id: z.string().nullable().describe('The Kayse campaign the event belongs to, or null.'),
  case_type: z.string().nullable().describe('The case type of the case the event is about (e.g. "Personal Injury"), or null.'),
  data: z.record(z.string(), z.unknown()).describe("The event's own payload; its schema depends on type (see the event reference)."),
});

type Envelope = z.infer<typeof webhookEnvelopeSchema>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Fails to compile when the schema and the engine's WebhookEnvelope drift apart. */
export const ENVELOPE_MATCHES_ENGINE: Same<Envelope, WebhookEnvelope> = true;

/** The envelope's JSON Schema (draft 2020-12). */
export const envelopeJsonSchema = (): Record<string, unknown> => z.toJSONSchema(webhookEnvelopeSchema) as Record<string, unknown>;
