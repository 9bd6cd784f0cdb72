// Scheduling's company-level connection (Cal.com): one row while connected, holding what was checked with /v2/me
// and where (never the key: that is in the keychain under `keyAccount`), and the event types looked up for agents,
// so the agent list shows each agent's event type title without asking Cal.com again.
import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { isoTime } from './columns';

export const schedulingConnection = sqliteTable(
  'scheduling_connection',
  {
    /** One provider today; the row's key, so a second Connect replaces the first. */
    provider: text('provider', { enum: ['calcom'] }).primaryKey(),
    baseUrl: text('base_url').notNull(),
    accountId: integer('account_id').notNull(),
    accountEmail: text('account_email').notNull(),
    accountUsername: text('account_username'),
    accountTimeZone: text('account_time_zone').notNull(),
    /** Keychain account holding the key; null for demo mode's simulator (its key is kept in memory only). */
    keyAccount: text('key_account'),
    isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
    connectedAt: isoTime('connected_at').notNull(),
    /** key_refused / key_missing, set when a use of the saved key failed that way; cleared by a new Connect. */
    errorKind: text('error_kind'),
    errorMessage: text('error_message'),
    errorSince: isoTime('error_since'),
  },
  (t) => [check('scheduling_connection_provider', sql`${t.provider} = 'calcom'`)],
);

/** The last live look-up of each event type id (any agent's). */
export const schedulingEventTypes = sqliteTable('scheduling_event_types', {
  id: integer('id').primaryKey(),
  title: text('title').notNull(),
  slug: text('slug').notNull(),
  lengthMinutes: integer('length_minutes').notNull(),
  lookedUpAt: isoTime('looked_up_at').notNull(),
});
