// The runs of a CRM integration as the contract shows them: what started each (real time, a schedule, Sync now,
// the initial sync, Apply to all records), the direction, its times, counts and outcome.
import { z } from 'zod';
import { crmConnectorIdSchema } from './connectors';

export const RUN_TRIGGERS = ['realtime', 'schedule', 'manual', 'initial', 'apply_all'] as const;
export type RunTrigger = (typeof RUN_TRIGGERS)[number];
export const RUN_DIRECTIONS = ['to_crm', 'from_crm', 'both'] as const;
export type RunDirection = (typeof RUN_DIRECTIONS)[number];
export const RUN_OUTCOMES = ['ok', 'partial', 'failed', 'cancelled'] as const;
export type RunOutcome = (typeof RUN_OUTCOMES)[number];

export const RUN_COUNT_KEYS = ['read', 'pushed', 'pulled', 'created', 'updated', 'unchanged', 'skipped', 'conflicts', 'errors'] as const;
export type RunCountKey = (typeof RUN_COUNT_KEYS)[number];
export type RunCounts = Record<RunCountKey, number>;

export const runCountsSchema = z.object(Object.fromEntries(RUN_COUNT_KEYS.map((k) => [k, z.number().int()])) as Record<RunCountKey, z.ZodNumber>);

export const syncRunSchema = z.object({
  id: z.string(),
  crm: crmConnectorIdSchema,
  trigger: z.enum(RUN_TRIGGERS),
  direction: z.enum(RUN_DIRECTIONS),
  startedAt: z.string(),
  finishedAt: z.string(),
  counts: runCountsSchema,
  outcome: z.enum(RUN_OUTCOMES),
  errorSummary: z.string().nullable(),
});
export type SyncRun = z.infer<typeof syncRunSchema>;

export const syncRunsInputSchema = z.strictObject({
  crm: crmConnectorIdSchema,
  /** Newest first; the id of the last run of the previous page. */
  before: z.string().trim().min(1).optional(),
  limit: z.number({ error: 'limit is a number' }).int().min(1, 'limit is 1 to 200').max(200, 'limit is 1 to 200').default(50),
});

export const syncRunsPageSchema = z.object({
  runs: z.array(syncRunSchema),
  /** Pass as `before` for the next page; null at the end. */
  next: z.string().nullable(),
  total: z.number().int(),
});

export const syncNowInputSchema = z.strictObject({ crm: crmConnectorIdSchema });

/** A run with nothing in it: what a run starts with. */
export const emptyRunCounts = (): RunCounts => ({ read: 0, pushed: 0, pulled: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, conflicts: 0, errors: 0 });

/** ok: nothing failed; failed: something failed and nothing went; partial: some of each. */
export function runOutcomeOf(counts: RunCounts): Exclude<RunOutcome, 'cancelled'> {
  if (counts.errors === 0) return 'ok';
  return counts.pushed + counts.pulled + counts.created + counts.updated > 0 ? 'partial' : 'failed';
}

/** "Apply to all records" of one integration: the task (follow it with task.progress), its counts so far. */
export const applyAllTaskSchema = z.object({
  taskId: z.string(),
  crm: crmConnectorIdSchema,
  status: z.enum(['running', 'finished', 'failed']),
  phase: z.string(),
  done: z.number().int(),
  total: z.number().int().nullable(),
  cancelled: z.boolean(),
  error: z.string().nullable(),
  counts: runCountsSchema,
});

export const applyAllStatusSchema = z.object({ crm: crmConnectorIdSchema, task: applyAllTaskSchema.nullable() });
