// Outbound webhooks: their configuration, one delivery per (webhook, event), every attempt of a delivery, and
// the engine's settings. Signing secrets and App Keys live in the keychain, never here.
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { isoTime, jsonText } from './columns';

export const webhooks = sqliteTable(
  'webhooks',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    url: text('url').notNull(),
    /** Event types; empty = all, including types added later. */
    events: jsonText<string[]>('events').notNull(),
    /** Only this campaign's call events; null = every campaign. */
    campaignId: text('campaign_id'),
    /** Case type names (case-insensitive); empty = all. */
    caseTypes: jsonText<string[]>('case_types').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull(),
    /** Opted in to demo data: demo events (posted with the demo key) reach only webhooks that say so. */
    receivesDemo: integer('receives_demo', { mode: 'boolean' }).notNull().default(false),
    /** Demo mode's own webhook to its loopback receiver (created and removed by demo mode, plain http allowed). */
    isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
    /** Keychain account of the attached App Key; null when none. */
    appKeyRef: text('app_key_ref'),
    /** Why the engine turned it off (410 Gone); cleared when someone activates it again. */
    deactivatedReason: text('deactivated_reason'),
    deactivatedAt: isoTime('deactivated_at'),
    createdAt: isoTime('created_at').notNull(),
    updatedAt: isoTime('updated_at').notNull(),
    /** Deleted webhooks keep their delivery log until retention removes it. */
    deletedAt: isoTime('deleted_at'),
  },
  (t) => [index('webhooks_live').on(t.deletedAt, t.createdAt)],
);

export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    /** `dlv_<ulid>`: sorts by creation, sent as X-Kayse-Delivery on every attempt. */
    id: text('id').primaryKey(),
    webhookId: text('webhook_id').notNull(),
    eventId: text('event_id').notNull(),
    eventType: text('event_type').notNull(),
    caseId: text('case_id'),
    isTest: integer('is_test', { mode: 'boolean' }).notNull().default(false),
    /** The exact request body of a test delivery (its event is not stored); null = built from the event. */
    body: text('body'),
    /** pending | in_flight | succeeded | failed | cancelled */
    state: text('state').notNull(),
    /** What starts the next attempt: scheduled (the retry schedule) or manual (a replay). */
    nextTrigger: text('next_trigger').notNull().default('scheduled'),
    attempts: integer('attempts').notNull().default(0),
    firstAttemptAt: isoTime('first_attempt_at'),
    /** Epoch ms when it is due; null unless pending. */
    nextAttemptAt: integer('next_attempt_at'),
    lastAttemptAt: isoTime('last_attempt_at'),
    lastStatus: integer('last_status'),
    lastErrorClass: text('last_error_class'),
    lastError: text('last_error'),
    lastDurationMs: integer('last_duration_ms'),
    createdAt: isoTime('created_at').notNull(),
    completedAt: isoTime('completed_at'),
  },
  (t) => [
    uniqueIndex('deliveries_webhook_event').on(t.webhookId, t.eventId).where(sql`${t.isTest} = 0`),
    // The engine's claim: the due deliveries of one webhook, earliest first.
    index('deliveries_due').on(t.webhookId, t.nextAttemptAt).where(sql`${t.state} = 'pending'`),
    index('deliveries_in_flight').on(t.state).where(sql`${t.state} = 'in_flight'`),
    // The inspector's list walks these newest first and checks every filter inside the index (no row reads):
    // one webhook's deliveries, and everyone's.
    index('deliveries_webhook').on(t.webhookId, t.id, t.state, t.eventType, t.lastStatus, t.attempts, t.createdAt),
    index('deliveries_log').on(t.id, t.state, t.eventType, t.lastStatus, t.attempts, t.createdAt),
    index('deliveries_event').on(t.eventId),
    index('deliveries_case').on(t.caseId),
    // Retention's oldest-first pass, and the id span of a time range in the list.
    index('deliveries_created').on(t.createdAt, t.id),
    check('deliveries_state', sql`${t.state} in ('pending', 'in_flight', 'succeeded', 'failed', 'cancelled')`),
  ],
);

export const webhookAttempts = sqliteTable(
  'webhook_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    deliveryId: text('delivery_id').notNull(),
    webhookId: text('webhook_id').notNull(),
    /** 1-based, as sent in X-Kayse-Attempt. */
    number: integer('number').notNull(),
    /** scheduled | manual | test */
    trigger: text('trigger').notNull(),
    startedAt: isoTime('started_at').notNull(),
    /** Null while the attempt is in flight (logged before sending). */
    finishedAt: isoTime('finished_at'),
    url: text('url').notNull(),
    resolvedIp: text('resolved_ip'),
    /** As sent, with the App Key masked. */
    requestHeaders: jsonText<Record<string, string>>('request_headers').notNull(),
    responseStatus: integer('response_status'),
    responseHeaders: jsonText<Record<string, string>>('response_headers'),
    /** The first 64 KiB of the response body. */
    responseBody: text('response_body'),
    responseTruncated: integer('response_truncated', { mode: 'boolean' }).notNull().default(false),
    errorClass: text('error_class'),
    errorMessage: text('error_message'),
    durationMs: integer('duration_ms'),
    /** Epoch ms of the attempt this one scheduled; null when none follows. */
    nextAttemptAt: integer('next_attempt_at'),
  },
  (t) => [
    index('attempts_delivery').on(t.deliveryId, t.number),
    // Health reads only these (covering) columns. next_attempt_at served the old attempts-per-hour chart; dropping it
    // from the index needs a migration.
    index('attempts_webhook_started').on(t.webhookId, t.startedAt, t.finishedAt, t.responseStatus, t.errorClass, t.durationMs, t.nextAttemptAt),
    // Attempts in flight (logged, no outcome yet): what a restart resumes.
    index('attempts_unfinished').on(t.deliveryId).where(sql`${t.finishedAt} IS NULL`),
    // A webhook's last success in one step, however long it has been failing (health's "failing since").
    index('attempts_webhook_succeeded')
      .on(t.webhookId, t.startedAt)
      .where(sql`${t.errorClass} IS NULL AND ${t.responseStatus} BETWEEN 200 AND 299`),
  ],
);

/**
 * Attempts whose outcome is written but not yet counted on their delivery. Under load the engine writes an
 * outcome with the next attempts it logs (so the log never shows more attempts in flight than the limit) and
 * brings the delivery row up to date in its next batch; a restart applies what a crash left here before resuming
 * anything, so an attempt that got its answer is never sent again. A handful of rows at a time.
 */
export const webhookUnappliedOutcomes = sqliteTable('webhook_unapplied_outcomes', {
  attemptId: integer('attempt_id').primaryKey(),
});

/** The engine's settings: a single row (id = 1). */
export const webhookSettings = sqliteTable(
  'webhook_settings',
  {
    id: integer('id').primaryKey(),
    /** CIDRs webhooks may reach despite the URL rules (a firm's internal receivers, tests); empty = off. */
    allowlist: jsonText<string[]>('allowlist').notNull(),
    /** Extra trusted CA certificates (PEM), beside the public roots. */
    extraCa: jsonText<string[]>('extra_ca').notNull(),
    retentionDays: integer('retention_days').notNull().default(30),
    /** How long a rotated-out signing secret stays valid. */
    graceHours: integer('grace_hours').notNull().default(24),
    updatedAt: isoTime('updated_at'),
  },
  (t) => [check('webhook_settings_singleton', sql`${t.id} = 1`)],
);
