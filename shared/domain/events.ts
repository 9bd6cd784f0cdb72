// The 12 Kayse event types: what each event's `data` carries (defined once, validated on ingest, exported as
// JSON Schema for the docs), the envelope the ingest API accepts, and the stored event as the contract shows it.
import { z } from 'zod';
import { PHONE_FORMS, PHONE_PATTERN, phoneNumberSchema } from './phone';

export const EVENT_TYPES = [
  'call_started',
  'call_ended',
  'call_analyzed',
  'transcript_updated',
  'transfer_started',
  'transfer_bridged',
  'transfer_cancelled',
  'transfer_ended',
  'message_sent',
  'message_delivered',
  'task_completed',
  'form_submitted',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** True when `name` is one of the 12 event types. */
export const isEventType = (name: unknown): name is EventType => typeof name === 'string' && (EVENT_TYPES as readonly string[]).includes(name);

export const eventTypeSchema = z.enum(EVENT_TYPES, {
  error: (issue) => `unknown event type ${JSON.stringify(issue.input)}; valid types: ${EVENT_TYPES.join(', ')}`,
});

const id = (what: string) => z.string().trim().min(1, `${what} is required`).max(128, `${what} is at most 128 characters`);
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);
/** An ISO 8601 date-time with a zone (Z or ±hh:mm), e.g. 2026-11-26T20:00:00Z. */
export const isoDateTimeSchema = z.iso.datetime({ offset: true, error: 'expected an ISO 8601 date-time with a zone, e.g. 2026-11-26T20:00:00Z' });
const seconds = z.number().nonnegative('must be 0 or more');
/** A phone number (E.164, e.g. +15551234567) or a SIP URI. */
const phone = phoneNumberSchema;
const optional = <T extends z.ZodType>(schema: T) => schema.nullable().default(null);

export const CALL_DIRECTIONS = ['inbound', 'outbound'] as const;
export const CALL_END_REASONS = ['caller_hangup', 'agent_hangup', 'transferred', 'voicemail', 'no_answer', 'busy', 'max_duration', 'failed', 'error'] as const;
export const SENTIMENTS = ['positive', 'neutral', 'negative', 'mixed'] as const;
export const SPEAKERS = ['agent', 'caller', 'transfer_target', 'system'] as const;
export const TRANSFER_TYPES = ['cold', 'warm'] as const;
export const MESSAGE_CHANNELS = ['sms', 'email'] as const;

/** An answer to a form question, a task or a post-call field. */
export const answerValueSchema = z.union([z.string().max(20_000), z.number(), z.boolean(), z.null(), z.array(z.string().max(2_000)).max(200)]);

export const utteranceSchema = z.strictObject({
  speaker: z.enum(SPEAKERS),
  text: text(20_000),
  /** Seconds from the start of the call. */
  start_seconds: seconds,
  end_seconds: optional(seconds),
});

const call = {
  call_id: id('call_id'),
  agent_id: optional(id('agent_id')),
  direction: z.enum(CALL_DIRECTIONS),
  from_number: phone,
  to_number: phone,
};

export const callStartedDataSchema = z.strictObject({ ...call, started_at: isoDateTimeSchema });

export const callEndedDataSchema = z.strictObject({
  ...call,
  started_at: isoDateTimeSchema,
  ended_at: isoDateTimeSchema,
  duration_seconds: seconds,
  end_reason: z.enum(CALL_END_REASONS),
  outcome: optional(text(200)),
});

export const callAnalyzedDataSchema = z.strictObject({
  call_id: id('call_id'),
  agent_id: optional(id('agent_id')),
  summary: z.string().trim().max(20_000),
  sentiment: z.enum(SENTIMENTS),
  outcome: optional(text(200)),
  transcript: z.array(utteranceSchema).max(20_000),
  post_call_fields: z.record(z.string().min(1).max(128), answerValueSchema).default({}),
});

export const transcriptUpdatedDataSchema = z.strictObject({
  call_id: id('call_id'),
  agent_id: optional(id('agent_id')),
  utterances: z.array(utteranceSchema).min(1, 'at least one new utterance').max(5_000),
});

const transfer = {
  transfer_id: id('transfer_id'),
  call_id: id('call_id'),
  agent_id: optional(id('agent_id')),
  transfer_type: z.enum(TRANSFER_TYPES),
  /** Where the call is transferred to: a phone number or SIP URI. */
  destination: phone,
};

export const transferStartedDataSchema = z.strictObject({ ...transfer, started_at: isoDateTimeSchema });
export const transferBridgedDataSchema = z.strictObject({ ...transfer, bridged_at: isoDateTimeSchema });
export const transferCancelledDataSchema = z.strictObject({ ...transfer, cancelled_at: isoDateTimeSchema, reason: text(500) });
export const transferEndedDataSchema = z.strictObject({ ...transfer, ended_at: isoDateTimeSchema, duration_seconds: optional(seconds) });

const message = {
  message_id: id('message_id'),
  agent_id: optional(id('agent_id')),
  channel: z.enum(MESSAGE_CHANNELS),
  /** A phone number for sms, an email address for email. */
  recipient: text(320),
  /** The SMS/email provider's own status word (queued, sent, delivered, undelivered, bounced…). */
  provider_status: text(64),
};

/** The recipient must fit the channel: an email address for email, a phone number for sms. */
const recipientFitsChannel = (value: { channel: 'sms' | 'email'; recipient: string }, ctx: z.RefinementCtx) => {
  const looksLikeEmail = z.email().safeParse(value.recipient).success;
  if (value.channel === 'email' && !looksLikeEmail) ctx.addIssue({ code: 'custom', path: ['recipient'], message: 'expected an email address for channel email' });
  if (value.channel === 'sms' && !PHONE_PATTERN.test(value.recipient)) {
    ctx.addIssue({ code: 'custom', path: ['recipient'], message: `expected a phone number for channel sms: ${PHONE_FORMS}` });
  }
};

/**
 * Check the recipient even when other fields are wrong (every problem is named in one answer), but only once the
 * channel and the recipient are themselves well-formed.
 */
const recipientCheckable = {
  when: (payload: z.core.ParsePayload) =>
    typeof payload.value === 'object' && payload.value !== null && !payload.issues.some((i) => !i.path?.length || i.path[0] === 'channel' || i.path[0] === 'recipient'),
};

export const messageSentDataSchema = z
  .strictObject({
    ...message,
    sent_at: isoDateTimeSchema,
    subject: optional(z.string().max(1_000)),
    body: optional(z.string().max(100_000)),
  })
  .superRefine(recipientFitsChannel, recipientCheckable);

export const messageDeliveredDataSchema = z
  .strictObject({
    ...message,
    delivered_at: isoDateTimeSchema,
    /** The provider's error text when the status is a failure. */
    error_message: optional(z.string().max(2_000)),
  })
  .superRefine(recipientFitsChannel, recipientCheckable);

export const taskCompletedDataSchema = z.strictObject({
  task_id: id('task_id'),
  agent_id: optional(id('agent_id')),
  title: text(500),
  /** What kind of task (question, callback, document_request, …): free text from the platform. */
  task_type: text(64),
  answer: answerValueSchema,
  completed_at: isoDateTimeSchema,
  completed_by: optional(text(200)),
});

export const formSubmittedDataSchema = z.strictObject({
  form_id: id('form_id'),
  form_name: optional(text(200)),
  submission_id: optional(id('submission_id')),
  submitted_at: isoDateTimeSchema,
  /** Every answer, by question key. */
  answers: z.record(z.string().min(1).max(128), answerValueSchema),
});

/** Each type's `data` schema: the single definition the ingest API, the store and the docs use. */
export const eventDataSchemas = {
  call_started: callStartedDataSchema,
  call_ended: callEndedDataSchema,
  call_analyzed: callAnalyzedDataSchema,
  transcript_updated: transcriptUpdatedDataSchema,
  transfer_started: transferStartedDataSchema,
  transfer_bridged: transferBridgedDataSchema,
  transfer_cancelled: transferCancelledDataSchema,
  transfer_ended: transferEndedDataSchema,
  message_sent: messageSentDataSchema,
  message_delivered: messageDeliveredDataSchema,
  task_completed: taskCompletedDataSchema,
  form_submitted: formSubmittedDataSchema,
} satisfies Record<EventType, z.ZodType>;
export type EventData<T extends EventType> = z.output<(typeof eventDataSchemas)[T]>;

/** Longest external source name and external id (in the record routes' URLs, too), in characters. */
export const EXTERNAL_SOURCE_MAX = 64;
export const EXTERNAL_ID_MAX = 128;

/** A case or client as the platform knows it, when it doesn't hold the console's id. */
export const externalRefSchema = z.strictObject({
  external_source: z.string().trim().min(1, 'must not be empty').max(EXTERNAL_SOURCE_MAX, `at most ${EXTERNAL_SOURCE_MAX} characters`),
  external_id: z.string().trim().min(1, 'must not be empty').max(EXTERNAL_ID_MAX, `at most ${EXTERNAL_ID_MAX} characters`),
});
export type ExternalRef = z.infer<typeof externalRefSchema>;

/** Envelope fields shared by every event posted to the ingest API (all but `type` and `data`). */
export const eventEnvelopeShape = {
  /** Client-supplied id: the idempotency key (a retry with the same id stores nothing twice). */
  id: z.string().trim().min(1).max(200).optional(),
  occurred_at: isoDateTimeSchema,
  campaign_id: z.string().trim().min(1).max(128).nullable().optional(),
  case_id: z.string().trim().min(1).max(128).nullable().optional(),
  client_id: z.string().trim().min(1).max(128).nullable().optional(),
  case_ref: externalRefSchema.optional(),
  client_ref: externalRefSchema.optional(),
};

const envelopeOf = <T extends EventType>(type: T) =>
  z.strictObject({ ...eventEnvelopeShape, type: z.literal(type), data: eventDataSchemas[type] as (typeof eventDataSchemas)[T] });

/** One posted event of each type: envelope + that type's data. */
export const ingestEventSchemas = Object.fromEntries(EVENT_TYPES.map((t) => [t, envelopeOf(t)])) as {
  [T in EventType]: ReturnType<typeof envelopeOf<T>>;
};
/** Any posted event, discriminated by `type`. */
export const ingestEventSchema = z.discriminatedUnion(
  'type',
  EVENT_TYPES.map((t) => ingestEventSchemas[t]) as unknown as [(typeof ingestEventSchemas)[EventType], ...(typeof ingestEventSchemas)[EventType][]],
);
export type IngestEvent = z.output<typeof ingestEventSchema>;

export type JsonSchemaDirection = 'input' | 'output';

/**
 * JSON Schema (draft 2020-12) of one type's `data`: `input` is what the ingest API accepts (fields with a
 * default are optional), `output` what is stored and sent to webhooks (every field present).
 */
export function eventDataJsonSchema(type: EventType, io: JsonSchemaDirection = 'output'): Record<string, unknown> {
  return z.toJSONSchema(eventDataSchemas[type], { io }) as Record<string, unknown>;
}

/** JSON Schema of one whole posted event (envelope + data) of the given type. */
export function ingestEventJsonSchema(type: EventType): Record<string, unknown> {
  return z.toJSONSchema(ingestEventSchemas[type], { io: 'input' }) as Record<string, unknown>;
}

/** A stored event as the contract lists it. */
export const eventSummarySchema = z.object({
  id: z.string(),
  type: eventTypeSchema,
  occurredAt: z.string(),
  receivedAt: z.string(),
  campaignId: z.string().nullable(),
  caseId: z.string().nullable(),
  clientId: z.string().nullable(),
  caseType: z.string().nullable(),
  /** The ingest API key it came in with; null for events made inside the console (demo mode). */
  apiKeyId: z.string().nullable(),
  isDemo: z.boolean(),
});
export type EventSummary = z.infer<typeof eventSummarySchema>;

/** An event as the Events list shows it: with its case's number and its client's name, so a list can be scanned. */
export const eventListRowSchema = eventSummarySchema.extend({
  caseNumber: z.string().nullable(),
  /** The event's client, else its case's primary client. */
  clientName: z.string().nullable(),
});
export type EventListRow = z.infer<typeof eventListRowSchema>;

/** A stored event with its payload. */
export const storedEventSchema = eventSummarySchema.extend({
  data: z.record(z.string(), z.unknown()),
  /** The client-supplied id or Idempotency-Key it was posted with. */
  idempotencyKey: z.string().nullable(),
});
export type StoredEvent = z.infer<typeof storedEventSchema>;
