// What the sync engine's Kayse → CRM push keeps: links (a Kayse case paired with a CRM record, unique on both sides
// per integration), the snapshot of mapped values on both sides after the last successful sync, a durable cursor
// per integration over record_changes, create intents (the marker written before the CRM is called, so a lost
// answer or a crash is looked up, never created twice) and per-record errors with the CRM's answer.
import { integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { CRM_CONNECTOR_IDS } from '../../../shared/domain/connectors';
import { isoTime, jsonText } from './columns';

export const syncLinks = sqliteTable(
  'sync_links',
  {
    crm: text('crm', { enum: CRM_CONNECTOR_IDS }).notNull(),
    caseId: text('case_id').notNull(),
    crmRecordId: text('crm_record_id').notNull(),
    /** The CRM case type the record was created with (or found as): the one its field mappings come from. */
    crmCaseTypeId: text('crm_case_type_id').notNull(),
    linkedAt: isoTime('linked_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.crm, t.caseId] }), uniqueIndex('sync_links_crm_record').on(t.crm, t.crmRecordId)],
);

export const syncSnapshots = sqliteTable(
  'sync_snapshots',
  {
    crm: text('crm', { enum: CRM_CONNECTOR_IDS }).notNull(),
    caseId: text('case_id').notNull(),
    /** Kayse field key → the value it had. */
    kayseValues: jsonText<Record<string, unknown>>('kayse_values').notNull(),
    /** CRM field id (and `$status`) → the value the CRM held. */
    crmValues: jsonText<Record<string, unknown>>('crm_values').notNull(),
    syncedAt: isoTime('synced_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.crm, t.caseId] })],
);

export const syncOutboundCursors = sqliteTable('sync_outbound_cursors', {
  crm: text('crm', { enum: CRM_CONNECTOR_IDS }).primaryKey(),
  /** The last record_changes.seq done (pushed, skipped, or recorded as a per-record error). */
  seq: integer('seq').notNull(),
  updatedAt: isoTime('updated_at').notNull(),
});

export const syncCreateIntents = sqliteTable(
  'sync_create_intents',
  {
    crm: text('crm', { enum: CRM_CONNECTOR_IDS }).notNull(),
    caseId: text('case_id').notNull(),
    /** Sent with the create; `findExisting` looks it up before any second create. */
    marker: text('marker').notNull(),
    crmCaseTypeId: text('crm_case_type_id').notNull(),
    createdAt: isoTime('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.crm, t.caseId] }), uniqueIndex('sync_create_intents_marker').on(t.marker)],
);

export const syncRecordErrors = sqliteTable(
  'sync_record_errors',
  {
    crm: text('crm', { enum: CRM_CONNECTOR_IDS }).notNull(),
    caseId: text('case_id').notNull(),
    direction: text('direction', { enum: ['to_crm', 'from_crm'] }).notNull(),
    /** The CrmError kind, or `config` when the console can't say where the record goes. */
    kind: text('kind').notNull(),
    message: text('message').notNull(),
    /** The CRM's own words, its HTTP status and the field it refused, where it gave them. */
    crmMessage: text('crm_message'),
    httpStatus: integer('http_status'),
    field: text('field'),
    attempts: integer('attempts').notNull(),
    firstAt: isoTime('first_at').notNull(),
    lastAt: isoTime('last_at').notNull(),
    /** When it is tried again; null: it waits for a change of the record or "Retry now". */
    nextTryAt: isoTime('next_try_at'),
    /**
     * to_crm: the create or update the failed attempt sent (or was sending), for support to see what the CRM refused;
     * null when no call went out, and on rows from before it was kept. Read back through sentRequestSchema.
     */
    sentRequest: jsonText<unknown>('sent_request'),
  },
  (t) => [primaryKey({ columns: [t.crm, t.caseId, t.direction] })],
);
