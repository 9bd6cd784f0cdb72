// What the sync engine keeps about its work rather than its records: the runs of each integration (every scheduled
// run, manual run, initial sync and real-time batch window, with its counts and outcome), the pause an integration
// is in after the CRM refused its credentials, and the notes sent for ingested messages and call records (one row
// per event and CRM: the durable "sent once" marker).
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { CRM_CONNECTOR_IDS } from '../../../shared/domain/connectors';
import { RUN_DIRECTIONS, RUN_OUTCOMES, RUN_TRIGGERS } from '../../../shared/domain/sync-runs';
import { isoTime } from './columns';

const count = (name: string) => integer(name).notNull().default(0);

export const syncRuns = sqliteTable(
  'sync_runs',
  {
    id: text('id').primaryKey(),
    crm: text('crm', { enum: CRM_CONNECTOR_IDS }).notNull(),
    trigger: text('trigger', { enum: RUN_TRIGGERS }).notNull(),
    direction: text('direction', { enum: RUN_DIRECTIONS }).notNull(),
    startedAt: isoTime('started_at').notNull(),
    finishedAt: isoTime('finished_at').notNull(),
    /** Records read (Kayse changes or CRM records). */
    read: count('read'),
    pushed: count('pushed'),
    pulled: count('pulled'),
    created: count('created'),
    updated: count('updated'),
    unchanged: count('unchanged'),
    /** Left out by selective sync (or not the integration's to send: demo records, unreadable ones). */
    skipped: count('skipped'),
    conflicts: count('conflicts'),
    /** Records that failed (each has its own error). */
    errors: count('errors'),
    outcome: text('outcome', { enum: RUN_OUTCOMES }).notNull(),
    /** The first errors' messages, when any. */
    errorSummary: text('error_summary'),
  },
  (t) => [index('sync_runs_crm_started').on(t.crm, t.startedAt)],
);

export const syncPauses = sqliteTable('sync_pauses', {
  crm: text('crm', { enum: CRM_CONNECTOR_IDS }).primaryKey(),
  /** Why: `auth` (the CRM refused the saved credentials after one re-authentication). */
  kind: text('kind').notNull(),
  reason: text('reason').notNull(),
  /** What the admin can do about it. */
  fix: text('fix').notNull(),
  since: isoTime('since').notNull(),
});

export const syncNotes = sqliteTable(
  'sync_notes',
  {
    crm: text('crm', { enum: CRM_CONNECTOR_IDS }).notNull(),
    /** The ingested event (message_sent, call_analyzed) the note records. */
    eventId: text('event_id').notNull(),
    caseId: text('case_id').notNull(),
    crmRecordId: text('crm_record_id').notNull(),
    /** sending: written before addNote (a crash leaves it: never sent twice); sent; failed (waits for nextTryAt). */
    state: text('state', { enum: ['sending', 'sent', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull(),
    message: text('message'),
    nextTryAt: isoTime('next_try_at'),
    updatedAt: isoTime('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.crm, t.eventId] }), index('sync_notes_state').on(t.crm, t.state)],
);
