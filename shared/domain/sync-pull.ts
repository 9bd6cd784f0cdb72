// The CRM → Kayse pull as it crosses the contract: what one pull pass did (the counts a sync run records) and the
// conflict log (a field both sides changed since the last sync, both values, the rule that decided, the winner).
import { z } from 'zod';
import { crmConnectorIdSchema } from './connectors';
import { CONFLICT_RULES } from './sync-settings';

/** Why a pull ran: the real-time poll, a scheduled run, the LawRuler webhook queue, or someone asking. */
export const PULL_TRIGGERS = ['real_time', 'scheduled', 'webhook', 'manual'] as const;
export const pullTriggerSchema = z.enum(PULL_TRIGGERS);
export type PullTrigger = z.infer<typeof pullTriggerSchema>;

export const pullCountsSchema = z.object({
  /** CRM records read (listed, or fetched for a webhook call or a retry). */
  read: z.number().int(),
  /** Linked Kayse cases changed from the CRM (or CRM records changed by a decided Kayse value). */
  applied: z.number().int(),
  /** Kayse cases created from unlinked CRM records. */
  created: z.number().int(),
  /** Nothing to do: equal values, a record this console made, a filtered or unreceivable record. */
  skipped: z.number().int(),
  /** Fields both sides changed (each logged). */
  conflicts: z.number().int(),
  /** Records that failed (each a per-record error, direction from_crm). */
  errors: z.number().int(),
});
export type PullCounts = z.infer<typeof pullCountsSchema>;

export const conflictEntrySchema = z.object({
  id: z.number().int(),
  crm: crmConnectorIdSchema,
  caseId: z.string(),
  crmRecordId: z.string(),
  kayseField: z.string(),
  crmFieldId: z.string(),
  kayseValue: z.unknown(),
  crmValue: z.unknown(),
  rule: z.enum(CONFLICT_RULES),
  winner: z.enum(['kayse', 'crm']),
  /** `to_kayse` / `to_crm`: the winner's value was written; `kept`: an empty value or one with no counterpart was not. */
  outcome: z.string(),
  kayseChangedAt: z.string().nullable(),
  crmChangedAt: z.string().nullable(),
  decidedAt: z.string(),
});
export type ConflictEntry = z.infer<typeof conflictEntrySchema>;

export const conflictsInputSchema = z.strictObject({ crm: crmConnectorIdSchema, limit: z.number().int().min(1).max(500).default(100) });
export const conflictListSchema = z.array(conflictEntrySchema);
