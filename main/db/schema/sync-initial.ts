// The initial sync's job of each integration: where its paging stands (the CRM listing's cursor, then the Kayse
// cases still to send), its counts, and its state, checkpointed after every page so that a crash or a restart of
// the console resumes from the last page done, never from zero.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { CRM_CONNECTOR_IDS } from '../../../shared/domain/connectors';
import { isoTime, jsonText } from './columns';

export const syncInitialJobs = sqliteTable(
  'sync_initial_jobs',
  {
    id: text('id').primaryKey(),
    crm: text('crm', { enum: CRM_CONNECTOR_IDS }).notNull(),
    /** running (also after a crash: resumed at start-up), done, cancelled, failed. */
    state: text('state', { enum: ['running', 'done', 'cancelled', 'failed'] }).notNull(),
    /** crm: paging through the CRM's records; kayse: sending the Kayse cases the CRM has no match for. */
    phase: text('phase', { enum: ['crm', 'kayse'] }).notNull(),
    /** The CRM listing's cursor after the last page done (null: from the start). */
    crmCursor: jsonText<{ modifiedAt: string; id: string } | null>('crm_cursor'),
    /** The last Kayse case id (ids sort by time) the kayse phase is done with. */
    kayseAfter: text('kayse_after'),
    pages: integer('pages').notNull(),
    counts: jsonText<Record<string, number>>('counts').notNull(),
    /** CRM records with several Kayse candidates (the first ones, for the admin), and every candidate held back. */
    ambiguous: jsonText<unknown[]>('ambiguous').notNull(),
    heldCaseIds: jsonText<string[]>('held_case_ids').notNull(),
    startedAt: isoTime('started_at').notNull(),
    updatedAt: isoTime('updated_at').notNull(),
    finishedAt: isoTime('finished_at'),
    error: text('error'),
  },
  (t) => [index('sync_initial_jobs_crm').on(t.crm, t.startedAt)],
);
