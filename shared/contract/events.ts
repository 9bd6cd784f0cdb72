// The event ingest API as the console shows it: stored events, the API keys that may post them, and where
// the ingest server listens.
import { z } from 'zod';
import { procedure } from '../rpc';
import { eventListRowSchema, eventTypeSchema, isoDateTimeSchema, storedEventSchema } from '../domain/events';

export const MAX_EVENTS_PAGE = 500;
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 6000;

export const ingestKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The key's first characters (e.g. kik_3fA9xQ2b), to tell keys apart; the key itself is never stored. */
  prefix: z.string(),
  rateLimitPerMinute: z.number().int(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  /** Created by demo mode: events posted with it are demo data. */
  isDemo: z.boolean(),
});
export type IngestKey = z.infer<typeof ingestKeySchema>;

export const ingestKeyCreateSchema = z.strictObject({
  name: z.string().trim().min(1, 'Give the key a name (e.g. "Kayse voice platform")').max(100, 'Name is at most 100 characters'),
  rateLimitPerMinute: z
    .number()
    .int('Rate limit is a whole number of requests per minute')
    .min(1, 'Rate limit is at least 1 request per minute')
    .max(1_000_000, 'Rate limit is at most 1,000,000 requests per minute')
    .default(DEFAULT_RATE_LIMIT_PER_MINUTE),
});
export type IngestKeyCreate = z.input<typeof ingestKeyCreateSchema>;

export const ingestStatusSchema = z.object({
  listening: z.boolean(),
  /** Base URL of the ingest API (events go to `${url}/v1/events`); null until it listens. */
  url: z.string().nullable(),
  host: z.string().nullable(),
  port: z.number().int().nullable(),
  /** False when bound to an address other machines can reach. */
  loopbackOnly: z.boolean(),
  /** Why it is not listening (e.g. the port is taken), when it tried and failed. */
  error: z.string().nullable(),
});
export type IngestStatus = z.infer<typeof ingestStatusSchema>;

export const eventListInputSchema = z.strictObject({
  type: eventTypeSchema.optional(),
  campaignId: z.string().min(1).optional(),
  caseId: z.string().min(1).optional(),
  /** Received at or after this time. */
  from: isoDateTimeSchema.optional(),
  /** Received before this time. */
  to: isoDateTimeSchema.optional(),
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().min(1).max(MAX_EVENTS_PAGE, `limit is at most ${MAX_EVENTS_PAGE}`).default(100),
});
export type EventListInput = z.output<typeof eventListInputSchema>;

export const eventsContract = {
  events: {
    list: procedure({
      input: eventListInputSchema,
      output: z.object({ rows: z.array(eventListRowSchema), total: z.number().int() }),
      reads: ['events', 'cases', 'clients'],
      description: 'Stored events, newest received first, filtered by type, campaign, case and received time',
    }),
    get: procedure({
      input: z.strictObject({ id: z.string().min(1) }),
      output: storedEventSchema,
      reads: ['events'],
      description: 'One stored event with its data',
    }),
  },
  ingestKeys: {
    list: procedure({
      input: z.undefined(),
      output: z.array(ingestKeySchema),
      reads: ['ingest_api_keys'],
      description: 'API keys of the event ingest API (never the keys themselves)',
    }),
    create: procedure({
      input: ingestKeyCreateSchema,
      output: z.object({ key: ingestKeySchema, apiKey: z.string() }),
      reads: [],
      description: 'Create an ingest API key; the key value is returned this once and never again',
    }),
    revoke: procedure({
      input: z.strictObject({ id: z.string().min(1) }),
      output: ingestKeySchema,
      reads: [],
      description: 'Revoke an ingest API key: requests with it get 401 from then on',
    }),
  },
  ingest: {
    status: procedure({
      input: z.undefined(),
      output: ingestStatusSchema,
      reads: ['ingest'],
      description: 'Where the event ingest API listens',
    }),
  },
};
