// Demo mode: seed a realistic workspace (clearly marked as demo data), run a generator that posts campaign
// activity through the ingest API at a chosen rate, and wipe every demo row in one action.
import { z } from 'zod';
import { procedure } from '../rpc';

export const DEMO_RATE_MIN = 1;
export const DEMO_RATE_MAX = 6000;
export const DEMO_RATE_DEFAULT = 60;

/** Requests (events or case status changes) per minute the generator posts. */
export const demoRateSchema = z
  .number({ error: 'ratePerMinute is a number of events per minute, e.g. 60' })
  .int('ratePerMinute is a whole number of events per minute')
  .min(DEMO_RATE_MIN, `ratePerMinute is at least ${DEMO_RATE_MIN} event per minute`)
  .max(DEMO_RATE_MAX, `ratePerMinute is at most ${DEMO_RATE_MAX} events per minute (100 a second)`);

export const demoCountsSchema = z.object({
  caseTypes: z.number().int(),
  campaigns: z.number().int(),
  agents: z.number().int(),
  clients: z.number().int(),
  cases: z.number().int(),
  events: z.number().int(),
});
export type DemoCounts = z.infer<typeof demoCountsSchema>;

export const demoGeneratorStatusSchema = z.object({
  running: z.boolean(),
  ratePerMinute: z.number().int(),
  /** Events the ingest API accepted since the generator last started. */
  posted: z.number().int(),
  /** Case status changes the ingest API accepted since the generator last started. */
  caseUpdates: z.number().int(),
  /** Requests the ingest API refused or that could not reach it. */
  failed: z.number().int(),
  lastError: z.string().nullable(),
  /** Why the generator stopped by itself (real records arrived), until it starts again; null otherwise. */
  stoppedBecause: z.string().nullable(),
});
export type DemoGeneratorStatus = z.infer<typeof demoGeneratorStatusSchema>;

export const demoStatusSchema = z.object({
  /** True when demo records exist. */
  seeded: z.boolean(),
  /** True while demo records are being created. */
  seeding: z.boolean(),
  generator: demoGeneratorStatusSchema,
  demoCounts: demoCountsSchema,
  /** The console's own demo webhook receiver (127.0.0.1) while it runs: its address and the requests it got. */
  receiver: z.object({ url: z.string(), received: z.number().int() }).nullable(),
});
export type DemoStatus = z.infer<typeof demoStatusSchema>;

export const demoStartSchema = z.strictObject({
  ratePerMinute: demoRateSchema.default(DEMO_RATE_DEFAULT),
  /** Seed the demo workspace first when there is none (default true); false only starts the generator. */
  seed: z.boolean().default(true),
});
export type DemoStart = z.input<typeof demoStartSchema>;

const count = z.number().int().nonnegative();
export const demoWipeCountsSchema = z.object({
  cases: count,
  clients: count,
  caseClients: count,
  recordChanges: count,
  campaigns: count,
  agents: count,
  caseTypes: count,
  caseStatuses: count,
  customFields: count,
  events: count,
  ingestApiKeys: count,
  /** Demo mode's own webhook (to its loopback receiver), with its deliveries. */
  webhooks: count,
});
export type DemoWipeCounts = z.infer<typeof demoWipeCountsSchema>;

export const demoWipeResultSchema = z.object({
  deleted: demoWipeCountsSchema,
  /** Demo rows kept because real rows use them (a real case of a demo case type, say), by table. */
  kept: z.object({ caseTypes: count, campaigns: count, clients: count }),
});
export type DemoWipeResult = z.infer<typeof demoWipeResultSchema>;

// Not `events`: at up to 100 demo events a second that would refetch the status once per event. Demo mode
// announces `demo` instead, at most once a second while the generator runs.
const DEMO_READS = ['demo', 'case_types', 'campaigns', 'agents', 'clients', 'cases'] as const;

export const demoContract = {
  demo: {
    status: procedure({
      input: z.undefined(),
      output: demoStatusSchema,
      reads: DEMO_READS,
      description: 'Whether demo data exists, how many demo rows there are and what the activity generator is doing',
    }),
    start: procedure({
      input: demoStartSchema,
      output: demoStatusSchema,
      reads: [],
      description: 'Seed the demo workspace if there is none (progress as task.progress, kind demo-seed), then post demo activity',
    }),
    stop: procedure({
      input: z.undefined(),
      output: demoStatusSchema,
      reads: [],
      description: 'Stop posting demo activity; demo data stays until wiped',
    }),
    setRate: procedure({
      input: z.strictObject({ ratePerMinute: demoRateSchema }),
      output: demoStatusSchema,
      reads: [],
      description: 'Change how many demo events a minute the generator posts (also for its next start)',
    }),
    wipe: procedure({
      input: z.undefined(),
      output: demoWipeResultSchema,
      reads: [],
      description: 'Stop the generator and delete every demo row (records, their change history, events, the demo API key, the demo webhook); real rows are untouched',
    }),
  },
};
