// Outbound webhooks through the contract: manage them (company or campaign scope), their signing secret and App
// Key, test sends, replays, the delivery log with filters and cursor paging, per-webhook statistics, and the
// engine's settings (allowlist, extra CAs, retention, secret grace period).
import { z } from 'zod';
import { procedure } from '../rpc';
import { isoDateTimeSchema } from '../domain/events';
import { deliveryErrorClassSchema, webhookInputSchema, webhookSchema } from '../domain/webhooks';
import type { TableName } from '../domain/tables';

/**
 * pending: waiting for its next attempt, or being sent right now (its newest attempt has no outcome yet);
 * in_flight: a test delivery being sent; succeeded / failed: final until replayed; cancelled: its webhook was deleted.
 */
export const DELIVERY_STATES = ['pending', 'in_flight', 'succeeded', 'failed', 'cancelled'] as const;
export const deliveryStateSchema = z.enum(DELIVERY_STATES);

/** What the state filter accepts: a stored state, or `retrying` (pending after at least one failed attempt). */
export const DELIVERY_STATE_FILTERS = [...DELIVERY_STATES, 'retrying'] as const;
export const deliveryStateFilterSchema = z.enum(DELIVERY_STATE_FILTERS);
export type DeliveryStateFilter = z.infer<typeof deliveryStateFilterSchema>;
export type DeliveryState = z.infer<typeof deliveryStateSchema>;

export const ATTEMPT_TRIGGERS = ['scheduled', 'manual', 'test'] as const;
export const attemptTriggerSchema = z.enum(ATTEMPT_TRIGGERS);
export type AttemptTrigger = z.infer<typeof attemptTriggerSchema>;

export const MAX_DELIVERY_PAGE = 500;

const idInput = z.strictObject({ id: z.string().trim().min(1, 'id is required') });

/** A per-endpoint circuit breaker: open = a clearly dead endpoint is backed off (nothing is dropped). */
export const circuitSchema = z.object({
  state: z.enum(['closed', 'open', 'half_open']),
  consecutiveFailures: z.number().int(),
  openedAt: z.string().nullable(),
  /** When the next probe attempt may go (open only). */
  retryAt: z.string().nullable(),
});
export type Circuit = z.infer<typeof circuitSchema>;

export const webhookHealthSchema = z.object({
  /** Attempts over the last 24 h. */
  attempts24h: z.number().int(),
  /** Successful attempts / attempts over the last 24 h; null without attempts. */
  successRate24h: z.number().nullable(),
  p50LatencyMs: z.number().nullable(),
  p95LatencyMs: z.number().nullable(),
  /** Start of the current run of failed attempts; null when the last attempt succeeded (or none was made). */
  failingSince: z.string().nullable(),
  lastDeliveryAt: z.string().nullable(),
  /** Deliveries waiting for an attempt (due or scheduled). */
  pending: z.number().int(),
  circuit: circuitSchema,
});
export type WebhookHealth = z.infer<typeof webhookHealthSchema>;

export const webhookViewSchema = webhookSchema.extend({
  /** Why the engine deactivated it (410 Gone), shown until someone activates it again. */
  deactivatedReason: z.string().nullable(),
  deactivatedAt: z.string().nullable(),
  hasAppKey: z.boolean(),
  health: webhookHealthSchema,
});
export type WebhookView = z.infer<typeof webhookViewSchema>;

export const deliverySummarySchema = z.object({
  id: z.string(),
  webhookId: z.string(),
  webhookName: z.string().nullable(),
  eventId: z.string(),
  eventType: z.string(),
  caseId: z.string().nullable(),
  /**
   * The case's number and primary client, for scanning the list; null without a case (or once it is gone). Absent
   * from bundles exported before they existed, which still open.
   */
  caseNumber: z.string().nullable().default(null),
  clientName: z.string().nullable().default(null),
  isTest: z.boolean(),
  state: deliveryStateSchema,
  attempts: z.number().int(),
  createdAt: z.string(),
  lastAttemptAt: z.string().nullable(),
  lastStatus: z.number().int().nullable(),
  lastErrorClass: deliveryErrorClassSchema.nullable(),
  lastError: z.string().nullable(),
  lastDurationMs: z.number().int().nullable(),
  nextAttemptAt: z.string().nullable(),
  completedAt: z.string().nullable(),
});
export type DeliverySummary = z.infer<typeof deliverySummarySchema>;

export const attemptSummarySchema = z.object({
  id: z.number().int(),
  deliveryId: z.string(),
  webhookId: z.string(),
  number: z.number().int(),
  trigger: attemptTriggerSchema,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  url: z.string(),
  resolvedIp: z.string().nullable(),
  responseStatus: z.number().int().nullable(),
  errorClass: deliveryErrorClassSchema.nullable(),
  errorMessage: z.string().nullable(),
  durationMs: z.number().int().nullable(),
  nextAttemptAt: z.string().nullable(),
});
export type AttemptSummary = z.infer<typeof attemptSummarySchema>;

export const attemptDetailSchema = attemptSummarySchema.extend({
  requestHeaders: z.record(z.string(), z.string()),
  /** The exact body sent; null when its event is no longer stored. */
  requestBody: z.string().nullable(),
  responseHeaders: z.record(z.string(), z.string()).nullable(),
  responseBody: z.string().nullable(),
  /** True when the response body was longer than the 64 KiB kept. */
  responseTruncated: z.boolean(),
});
export type AttemptDetail = z.infer<typeof attemptDetailSchema>;

export const HTTP_STATUS_CLASSES = ['2xx', '3xx', '4xx', '5xx', 'none'] as const;

export const deliveryFilterSchema = z.strictObject({
  webhookId: z.string().min(1).optional(),
  eventType: z.string().min(1).max(64).optional(),
  /** A stored state (pending includes retrying ones), or retrying: pending after at least one attempt. */
  state: deliveryStateFilterSchema.optional(),
  /** An exact status (404) or a class ("5xx"; "none" = no response: timeouts, connection errors). */
  httpStatus: z.union([z.number().int().min(100).max(599), z.enum(HTTP_STATUS_CLASSES)]).optional(),
  /** Created at or after. */
  from: isoDateTimeSchema.optional(),
  /** Created before. */
  to: isoDateTimeSchema.optional(),
  /** An event id, case id or delivery id (exact, or a prefix of at least 4 characters). */
  search: z.string().trim().max(200).optional(),
});
export type DeliveryFilter = z.output<typeof deliveryFilterSchema>;

export const deliveryListInputSchema = deliveryFilterSchema.extend({
  /** The `nextCursor` of the previous page; omitted for the newest page. */
  cursor: z.string().min(1).optional(),
  limit: z.number().int().min(1).max(MAX_DELIVERY_PAGE, `limit is at most ${MAX_DELIVERY_PAGE}`).default(100),
});
export type DeliveryListInput = z.output<typeof deliveryListInputSchema>;

export const webhookSettingsSchema = z.object({
  /** CIDRs webhooks may reach although they are not public (internal receivers, tests); empty = off. */
  allowlist: z.array(z.string()),
  /** Extra trusted CA certificates (PEM). */
  extraCa: z.array(z.string()),
  retentionDays: z.number().int(),
  graceHours: z.number().int(),
});
export type WebhookSettings = z.infer<typeof webhookSettingsSchema>;

export const webhookSettingsInputSchema = z.strictObject({
  // Shape only: each entry's meaning (a CIDR, and no catch-all such as 0.0.0.0/0) is checked by the host's
  // parseAllowlist (main/net/allowlist.ts), the one check that saving, the engine and checkUrl share.
  allowlist: z.array(z.string().max(64, 'An allowlist entry is at most 64 characters')).max(100, 'At most 100 allowlist entries').optional(),
  extraCa: z
    .array(
      z
        .string()
        .trim()
        .max(20_000, 'A certificate is at most 20,000 characters')
        .refine((pem) => /^-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----$/.test(pem), 'Each extra CA must be a PEM certificate (-----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----)'),
    )
    .max(20, 'At most 20 extra CA certificates')
    .optional(),
  retentionDays: z.number().int('Retention is a whole number of days').min(1, 'Retention is at least 1 day').max(365, 'Retention is at most 365 days').optional(),
  graceHours: z.number().int('The grace period is a whole number of hours').min(0, 'The grace period is at least 0 hours').max(720, 'The grace period is at most 720 hours (30 days)').optional(),
});

export const testResultSchema = z.object({
  deliveryId: z.string(),
  ok: z.boolean(),
  status: z.number().int().nullable(),
  errorClass: deliveryErrorClassSchema.nullable(),
  message: z.string().nullable(),
  durationMs: z.number().int(),
  responseBody: z.string().nullable(),
  resolvedIp: z.string().nullable(),
});
export type TestResult = z.infer<typeof testResultSchema>;

export const destinationCheckSchema = z.object({
  ok: z.boolean(),
  /** The rule broken (https_only, private, loopback, …) when refused. */
  rule: z.string().nullable(),
  message: z.string().nullable(),
  addresses: z.array(z.string()),
  allowlisted: z.boolean(),
});

const webhookTables: TableName[] = ['webhooks'];
const logTables: TableName[] = ['webhook_deliveries', 'webhook_attempts'];

export const webhooksContract = {
  webhooks: {
    list: procedure({
      input: z.strictObject({ campaignId: z.string().min(1).optional() }).default({}),
      output: z.array(webhookViewSchema),
      reads: [...webhookTables, ...logTables],
      description: 'Webhooks (not deleted), oldest first, with their health; only one campaign’s when campaignId is given',
    }),
    get: procedure({ input: idInput, output: webhookViewSchema, reads: [...webhookTables, ...logTables], description: 'One webhook with its health' }),
    create: procedure({
      input: webhookInputSchema,
      output: webhookViewSchema,
      reads: [],
      description: 'Creates a webhook after checking every rule (name, HTTPS, public address, events, campaign filter); issues its signing secret',
    }),
    update: procedure({
      input: z.strictObject({ id: z.string().min(1), webhook: webhookInputSchema }),
      output: webhookViewSchema,
      reads: [],
      description: 'Replaces a webhook’s configuration, checked like create',
    }),
    setActive: procedure({
      input: z.strictObject({ id: z.string().min(1), active: z.boolean() }),
      output: webhookViewSchema,
      reads: [],
      description: 'Activates (clearing a 410 deactivation) or deactivates a webhook',
    }),
    delete: procedure({
      input: idInput,
      output: z.object({ cancelledDeliveries: z.number().int() }),
      reads: [],
      description: 'Deletes a webhook: its pending deliveries stop, its log stays until retention removes it',
    }),
    checkUrl: procedure({
      input: z.strictObject({ url: z.string().max(4096) }),
      output: destinationCheckSchema,
      reads: ['webhook_settings'],
      description: 'Checks a destination URL against the URL rules (HTTPS, resolves only to public or allowlisted addresses)',
    }),
    revealSecret: procedure({
      input: idInput,
      output: z.object({ secret: z.string() }),
      reads: [],
      description: 'The explicit "reveal secret" action: the webhook’s active signing secret',
    }),
    secretInfo: procedure({
      input: idInput,
      output: z.object({ activeSince: z.string(), previousValidUntil: z.array(z.string()), graceHours: z.number().int() }),
      reads: ['webhooks'],
      description: 'When the signing secret was issued and until when rotated-out ones stay valid (no secret)',
    }),
    rotateSecret: procedure({
      input: z.strictObject({ id: z.string().min(1), graceHours: z.number().int().min(0).max(720).optional() }),
      output: z.object({ previousValidUntil: z.string().nullable() }),
      reads: [],
      description: 'Issues a new signing secret; the previous one stays valid for the grace period',
    }),
    setAppKey: procedure({
      input: z.strictObject({
        id: z.string().min(1),
        appKey: z.string().trim().min(8, 'An App Key has at least 8 characters').max(512, 'An App Key has at most 512 characters').regex(/^[\x21-\x7e]+$/, 'An App Key is printable ASCII without spaces'),
      }),
      output: webhookViewSchema,
      reads: [],
      description: 'Attaches an App Key (kept in the keychain, sent as X-Public-Api-Key)',
    }),
    clearAppKey: procedure({ input: idInput, output: webhookViewSchema, reads: [], description: 'Detaches the App Key and deletes it from the keychain' }),
    sendTest: procedure({
      input: z.strictObject({ id: z.string().min(1), eventType: z.string().min(1).max(64).optional() }),
      output: testResultSchema,
      reads: [],
      description: 'Sends a test delivery now (also on inactive webhooks) and returns its result',
    }),
    replay: procedure({
      input: z.strictObject({ deliveryId: z.string().min(1) }),
      output: deliverySummarySchema,
      reads: [],
      description: 'Sends a delivery again (failed or succeeded) as a manual attempt',
    }),
    replayFailed: procedure({
      input: z.strictObject({ webhookId: z.string().min(1), from: isoDateTimeSchema, to: isoDateTimeSchema }),
      output: z.object({ taskId: z.string(), total: z.number().int() }),
      reads: [],
      description: 'Replays every failed delivery of a webhook created in [from, to), with task.progress events',
    }),
    cancelTask: procedure({
      input: z.strictObject({ taskId: z.string().min(1) }),
      output: z.object({ cancelled: z.boolean() }),
      reads: [],
      description: 'Stops a running bulk replay (deliveries already queued stay queued)',
    }),
    settings: procedure({ input: z.undefined(), output: webhookSettingsSchema, reads: ['webhook_settings'], description: 'The webhook engine settings' }),
    updateSettings: procedure({
      input: webhookSettingsInputSchema,
      output: webhookSettingsSchema,
      reads: [],
      description: 'Changes the allowlist, extra CAs, retention or grace period (each checked; nothing changes on a refusal)',
    }),
  },
  deliveries: {
    list: procedure({
      input: deliveryListInputSchema,
      output: z.object({ rows: z.array(deliverySummarySchema), nextCursor: z.string().nullable() }),
      reads: logTables,
      description: 'Deliveries, newest first, filtered, one page per cursor',
    }),
    get: procedure({ input: idInput, output: deliverySummarySchema, reads: logTables, description: 'One delivery' }),
    attempts: procedure({
      input: z.strictObject({ deliveryId: z.string().min(1) }),
      output: z.array(attemptSummarySchema),
      reads: logTables,
      description: 'Every attempt of a delivery, first first',
    }),
    attempt: procedure({
      input: z.strictObject({ id: z.number().int().positive() }),
      output: attemptDetailSchema,
      reads: logTables,
      description: 'One attempt with its request headers (App Key masked) and body, and the response (body capped at 64 KiB)',
    }),
  },
};
