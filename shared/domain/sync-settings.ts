// The sync settings of one integration, beside its toggles (crm.updateToggles): direction, frequency, the conflict
// rule, selective sync, the CRM's rate limit. Defaults: both ways, real time, most recent change wins, an empty value
// never overwrites a filled one, everything selected, rate limit unknown (docs/sync.md).
import { z } from 'zod';
import { crmConnectorIdSchema } from './connectors';

export const SYNC_DIRECTIONS = ['kayse_to_crm', 'crm_to_kayse', 'both'] as const;
export const syncDirectionSchema = z.enum(SYNC_DIRECTIONS, { error: `direction is one of ${SYNC_DIRECTIONS.join(', ')}` });

export const CONFLICT_RULES = ['kayse_wins', 'crm_wins', 'most_recent'] as const;
export const conflictRuleSchema = z.enum(CONFLICT_RULES, { error: `conflict.rule is one of ${CONFLICT_RULES.join(', ')}` });

export const RECORD_KINDS = ['cases', 'clients', 'notes'] as const;
export const recordKindSchema = z.enum(RECORD_KINDS, { error: `a record kind is one of ${RECORD_KINDS.join(', ')}` });

/** 24-hour HH:MM, read in the company's timezone (Settings → Company). */
export const dailyTimeSchema = z
  .string({ error: 'frequency.at is text' })
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'frequency.at is a 24-hour time HH:MM, e.g. 02:30');

export const frequencyInputSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('real_time') }),
    z.strictObject({ kind: z.literal('hourly') }),
    z.strictObject({ kind: z.literal('daily'), at: dailyTimeSchema }),
  ],
  { error: 'frequency.kind is one of real_time, hourly, daily (with at: "HH:MM")' },
);

/** The highest rate a firm may set: well above what either CRM serves, low enough to stay a limit. */
export const MAX_RATE_LIMIT = 1000;
const RATE_LIMIT_MESSAGE = `rateLimit.requestsPerSecond is a whole number of requests per second from 1 to ${MAX_RATE_LIMIT} (ask your CRM vendor), or set rateLimit to null for unknown`;

/** Requests per second the CRM allows (its vendor's number), or null: unknown, the CRM's default, learnt from 429s. */
export const rateLimitSchema = z
  .strictObject(
    { requestsPerSecond: z.number({ error: RATE_LIMIT_MESSAGE }).int(RATE_LIMIT_MESSAGE).min(1, RATE_LIMIT_MESSAGE).max(MAX_RATE_LIMIT, RATE_LIMIT_MESSAGE) },
    { error: `rateLimit is { requestsPerSecond: <1 to ${MAX_RATE_LIMIT}> } or null (unknown: the CRM's default)` },
  )
  .nullable();

const ids = (name: string) => z.array(z.string({ error: `${name} are ids` }).trim().min(1)).max(1000);

export const syncSettingsSchema = z.object({
  crm: crmConnectorIdSchema,
  direction: syncDirectionSchema,
  frequency: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('real_time') }),
    z.object({ kind: z.literal('hourly') }),
    z.object({ kind: z.literal('daily'), at: z.string(), timezone: z.string() }),
  ]),
  conflict: z.object({
    rule: conflictRuleSchema,
    /** An empty value on the winning side clears a filled one on the other only when true. */
    emptyOverwritesFilled: z.boolean(),
  }),
  /** Empty lists mean all. Case types and statuses are Kayse's. */
  selective: z.object({ recordKinds: z.array(recordKindSchema), caseTypeIds: z.array(z.string()), statusIds: z.array(z.string()) }),
  /** Requests per second the CRM allows, as its vendor told the firm; null: unknown (the CRM's default, learnt from 429s). */
  rateLimit: z.object({ requestsPerSecond: z.number() }).nullable(),
  /** Null while the defaults were never changed. */
  updatedAt: z.string().nullable(),
});
export type SyncSettings = z.infer<typeof syncSettingsSchema>;

export const syncSettingsUpdateSchema = z.strictObject({
  crm: crmConnectorIdSchema,
  direction: syncDirectionSchema.optional(),
  frequency: frequencyInputSchema.optional(),
  conflict: z.strictObject({ rule: conflictRuleSchema.optional(), emptyOverwritesFilled: z.boolean().optional() }).optional(),
  selective: z
    .strictObject({
      recordKinds: z
        .array(recordKindSchema)
        .refine((k) => new Set(k).size === k.length, 'each record kind once')
        .optional(),
      caseTypeIds: ids('caseTypeIds').optional(),
      statusIds: ids('statusIds').optional(),
    })
    .optional(),
  rateLimit: rateLimitSchema.optional(),
});
export type SyncSettingsUpdate = z.infer<typeof syncSettingsUpdateSchema>;

/** What an integration syncs before anyone changes a setting. */
export const DEFAULT_SYNC_SETTINGS = {
  direction: 'both',
  frequency: { kind: 'real_time' },
  conflict: { rule: 'most_recent', emptyOverwritesFilled: false },
  selective: { recordKinds: [], caseTypeIds: [], statusIds: [] },
  rateLimit: null,
} as const satisfies Omit<SyncSettings, 'crm' | 'updatedAt' | 'frequency'> & { frequency: { kind: 'real_time' } };
