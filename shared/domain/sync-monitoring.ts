// The monitoring of one CRM integration as the contract shows it: the last sync, records synced, open errors,
// what is pending, the recent runs, and chart data (records per run by outcome over 24 hours, 7 days or 30 days);
// and one record's error in detail.
import { z } from 'zod';
import { crmConnectorIdSchema } from './connectors';
import { pushRecordErrorSchema } from './sync-push';
import { syncMappedValueSchema } from './sync-sample';
import { RUN_OUTCOMES, syncRunSchema } from './sync-runs';

export const CHART_RANGES = ['24h', '7d', '30d'] as const;

/** set: as set; slowed: a set limit slowed after repeated 429s; default: the CRM's default; learnt: learnt from 429s. */
export const RATE_PACES = ['set', 'slowed', 'default', 'learnt'] as const;
export type RatePace = (typeof RATE_PACES)[number];
export type ChartRange = (typeof CHART_RANGES)[number];

export const monitoringInputSchema = z.strictObject({
  crm: crmConnectorIdSchema,
  /** The chart's span: 24 hourly buckets, 7 daily or 30 daily ones in the company's timezone (default 24h). */
  range: z.enum(CHART_RANGES, { error: `range is one of ${CHART_RANGES.join(', ')}` }).default('24h'),
});

export const chartBucketSchema = z.object({
  /** ISO start of the bucket: a local hour or local midnight of the company's timezone. */
  start: z.string(),
  runs: z.number().int(),
  /** Records by what happened to them. */
  created: z.number().int(),
  updated: z.number().int(),
  pulled: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
  conflicts: z.number().int(),
  failed: z.number().int(),
});
export type ChartBucket = z.infer<typeof chartBucketSchema>;

export const syncMonitoringSchema = z.object({
  crm: crmConnectorIdSchema,
  lastSync: z.object({ at: z.string(), outcome: z.enum(RUN_OUTCOMES), trigger: z.string() }).nullable(),
  /** Kayse cases linked with a CRM record, and those synced in the last 24 hours. */
  recordsSynced: z.object({ linked: z.number().int(), changedLast24h: z.number().int() }),
  /** Records with an open error (each inspectable with errorDetail; Retry now with retryRecord). */
  errors: z.number().int(),
  pending: z.object({
    /** Kayse changes waiting to be sent. */
    kayse: z.number().int(),
    /** CRM changes waiting where known (LawRuler's webhook calls not yet applied); null where the CRM can't say. */
    crm: z.number().int().nullable(),
  }),
  /** Why the integration is paused by the sync (the CRM refused the credentials), with what to do. */
  paused: z.object({ reason: z.string(), fix: z.string(), since: z.string() }).nullable(),
  /** The integration's rate limiter now (one per CRM, shared by everything that calls it). */
  rateLimit: z.object({
    /** The firm set the CRM's limit in the Sync settings; false: the CRM's default, learnt down from its 429s. */
    known: z.boolean(),
    /** Requests per second the console paces at now. */
    requestsPerSecond: z.number(),
    pace: z.enum(RATE_PACES),
    /** Seconds left of a 429's wait (nothing goes to the CRM before); 0 when none. */
    holdSeconds: z.number().int(),
  }),
  recentRuns: z.array(syncRunSchema),
  /** Buckets of local hours (24h) or local days (7d, 30d: 23 or 25 hours on DST days) in `timezone`. */
  chart: z.object({ range: z.enum(CHART_RANGES), timezone: z.string(), buckets: z.array(chartBucketSchema) }),
});
export type SyncMonitoring = z.infer<typeof syncMonitoringSchema>;

/** Whether the sync of an integration is paused after the CRM refused the credentials (the CRM detail's header). */
export const syncPauseStateSchema = z.object({
  crm: crmConnectorIdSchema,
  paused: z.object({ reason: z.string(), fix: z.string(), since: z.string() }).nullable(),
});
export type SyncPauseState = z.infer<typeof syncPauseStateSchema>;

export const errorDetailInputSchema = z.strictObject({
  crm: crmConnectorIdSchema,
  /** The Kayse case, or `crm:<record id>` for a CRM record not linked to a case (CRM → Kayse errors). */
  caseId: z.string().trim().min(1, 'caseId is the Kayse case whose error to show (or crm:<record id>)'),
  /** Which side's error: Kayse → CRM (default) or CRM → Kayse. */
  direction: z.enum(['to_crm', 'from_crm'], { error: 'direction is to_crm or from_crm' }).default('to_crm'),
});

/**
 * The create or update a failed Kayse → CRM attempt sent (or was sending), as it was sent: the CRM record (update),
 * CRM field id (`standard.*`, custom field ids, `$status`) → value, and when. Kept with the error row and read back
 * through this schema (a row it can't read shows as not kept).
 */
export const sentRequestSchema = z.object({
  operation: z.enum(['create', 'update']),
  crmRecordId: z.string().nullable(),
  values: z.record(z.string(), z.unknown()),
  at: z.string(),
});
export type SentRequest = z.infer<typeof sentRequestSchema>;

export const errorDetailSchema = z.object({
  crm: crmConnectorIdSchema,
  caseId: z.string(),
  caseName: z.string().nullable(),
  direction: z.enum(['to_crm', 'from_crm']),
  error: pushRecordErrorSchema,
  /**
   * to_crm: a create or an update of the linked record and the values the next attempt sends (those that differ from
   * the last sync). from_crm: `apply`, the CRM record it reads, no values (the CRM's record is read afresh).
   */
  request: z.object({ operation: z.enum(['create', 'update', 'skip', 'apply']), crmRecordId: z.string().nullable(), values: z.record(z.string(), z.unknown()) }),
  /**
   * to_crm: the call of the last failed attempt as it was sent (what the CRM refused), beside `request`, which is
   * rebuilt from the case now. Null for from_crm, when the attempt failed before any call (a config error, Kayse
   * refusing a CRM value), and for errors stored before calls were kept.
   */
  sent: sentRequestSchema.nullable(),
  /** The CRM's answer: its HTTP status, its own words, the field it refused. */
  response: z.object({ kind: z.string(), httpStatus: z.number().int().nullable(), crmMessage: z.string().nullable(), field: z.string().nullable() }),
  /** Every mapped value of the record now, both sides named. */
  mappedValues: z.array(syncMappedValueSchema),
});
export type ErrorDetail = z.infer<typeof errorDetailSchema>;
