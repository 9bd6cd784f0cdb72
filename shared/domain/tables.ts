// The names a procedure can `read` and a `tables.changed` event can carry: the database's tables (kept equal to
// the drizzle schema by main/db/table-names.test.ts) and the few changes announced the same way that are not
// rows in the database. A name outside this list is a type error, so a misspelt table can't silently stop a refresh.
import { z } from 'zod';

/** Every table of the console's database, as SQL names it. */
export const DATABASE_TABLES = [
  'company',
  'case_types',
  'case_statuses',
  'custom_fields',
  'campaigns',
  'agents',
  'clients',
  'cases',
  'case_clients',
  'record_changes',
  'import_mappings',
  'ingest_api_keys',
  'events',
  'webhooks',
  'webhook_deliveries',
  'webhook_attempts',
  'webhook_unapplied_outcomes',
  'webhook_settings',
  'crm_connections',
  'crm_catalogs',
  'crm_catalog_failures',
  'crm_field_sheets',
  'crm_inbound_secrets',
  'crm_inbound_events',
  'sync_field_mappings',
  'sync_status_mappings',
  'sync_settings',
  'sync_links',
  'sync_snapshots',
  'sync_outbound_cursors',
  'sync_create_intents',
  'sync_record_errors',
  'sync_initial_jobs',
  'scheduling_connection',
  'scheduling_event_types',
  'sync_runs',
  'sync_pauses',
  'sync_notes',
  'sync_inbound_cursors',
  'sync_conflicts',
  'scheduling_activity',
  'scheduling_idempotency',
] as const;
export type DatabaseTable = (typeof DATABASE_TABLES)[number];

/**
 * State kept outside the database that the renderer still refreshes on `tables.changed`: UI preferences (a JSON
 * file), whether and where the ingest API listens, demo mode's state and generator, and the CRM rate limiters
 * (a 429's wait, a new setting).
 */
export const OTHER_CHANGE_TOPICS = ['preferences', 'ingest', 'demo', 'rate_limits'] as const;

/** What `reads` and `tables.changed` name: a database table or one of the other change topics. */
export const TABLE_NAMES = [...DATABASE_TABLES, ...OTHER_CHANGE_TOPICS] as const;
export const tableNameSchema = z.enum(TABLE_NAMES);
export type TableName = z.infer<typeof tableNameSchema>;
