// What the CRM → Kayse pull keeps: a durable cursor per integration over the CRM's listing of changed records (the
// last record processed: its modified time and id, saved after every page, so a restart resumes there and never from
// "now"), and the conflict log (a field both sides changed since the last sync: both values, the rule that decided,
// who won, when each side changed).
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { CRM_CONNECTOR_IDS } from '../../../shared/domain/connectors';
import { isoTime, jsonText } from './columns';

export const syncInboundCursors = sqliteTable('sync_inbound_cursors', {
  crm: text('crm', { enum: CRM_CONNECTOR_IDS }).primaryKey(),
  /** The last processed record's modified time (the CRM's, as it listed it) and id. */
  modifiedAt: text('modified_at').notNull(),
  recordId: text('record_id').notNull(),
  updatedAt: isoTime('updated_at').notNull(),
});

export const syncConflicts = sqliteTable(
  'sync_conflicts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    crm: text('crm', { enum: CRM_CONNECTOR_IDS }).notNull(),
    caseId: text('case_id').notNull(),
    crmRecordId: text('crm_record_id').notNull(),
    /** The Kayse field key and the CRM field id of the mapping (`$status` for the status). */
    kayseField: text('kayse_field').notNull(),
    crmFieldId: text('crm_field_id').notNull(),
    kayseValue: jsonText<unknown>('kayse_value'),
    crmValue: jsonText<unknown>('crm_value'),
    rule: text('rule', { enum: ['kayse_wins', 'crm_wins', 'most_recent'] }).notNull(),
    winner: text('winner', { enum: ['kayse', 'crm'] }).notNull(),
    /** What was done: the winner's value written, or kept (an empty value not overwriting, a value with no counterpart). */
    outcome: text('outcome').notNull(),
    kayseChangedAt: isoTime('kayse_changed_at'),
    crmChangedAt: isoTime('crm_changed_at'),
    decidedAt: isoTime('decided_at').notNull(),
  },
  (t) => [index('sync_conflicts_crm_decided').on(t.crm, t.decidedAt), index('sync_conflicts_case').on(t.crm, t.caseId)],
);
