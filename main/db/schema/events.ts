// Events posted by the voice/messaging platform (stored before they are acknowledged) and the API keys that
// may post them (only a hash is kept).
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { demoFlag, isoTime, jsonText } from './columns';

export const ingestApiKeys = sqliteTable('ingest_api_keys', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** The first characters of the key, shown in lists so people can tell keys apart. */
  prefix: text('prefix').notNull(),
  /** SHA-256 of the whole key, hex. The key itself is shown once and never stored. */
  hash: text('hash').notNull().unique(),
  /** Requests per minute allowed for this key. */
  rateLimitPerMinute: integer('rate_limit_per_minute').notNull().default(6000),
  createdAt: isoTime('created_at').notNull(),
  lastUsedAt: isoTime('last_used_at'),
  revokedAt: isoTime('revoked_at'),
  /** The demo generator's key: what it posts is demo data, wiped with the rest. */
  isDemo: demoFlag(),
});

export const events = sqliteTable(
  'events',
  {
    id: text('id').primaryKey(),
    type: text('type').notNull(),
    /** When it happened (from the platform). */
    occurredAt: isoTime('occurred_at').notNull(),
    /** When the console stored it. */
    receivedAt: isoTime('received_at').notNull(),
    campaignId: text('campaign_id'),
    caseId: text('case_id'),
    clientId: text('client_id'),
    caseType: text('case_type'),
    data: jsonText<Record<string, unknown>>('data').notNull(),
    /** Client-supplied id or Idempotency-Key: a retried POST finds its earlier event here. */
    idempotencyKey: text('idempotency_key'),
    apiKeyId: text('api_key_id'),
    isDemo: demoFlag(),
  },
  (t) => [
    uniqueIndex('events_idempotency').on(t.apiKeyId, t.idempotencyKey),
    index('events_received').on(t.receivedAt),
    index('events_type_received').on(t.type, t.receivedAt),
    index('events_campaign').on(t.campaignId, t.receivedAt),
    index('events_case').on(t.caseId),
    index('events_demo').on(t.isDemo).where(sql`${t.isDemo} = 1`),
  ],
);
