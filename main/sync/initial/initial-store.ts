// The initial sync's job rows (sync_initial_jobs): one per run, its checkpoint written in the same transaction as the
// page it closes, so the job never says a page is done that was not, nor forgets one that was.
import type Database from 'better-sqlite3';
import type { CrmConnectorId } from '../../../shared/domain/connectors';
import { INITIAL_COUNT_KEYS, type AmbiguousMatch, type InitialCounts } from '../../../shared/domain/sync-initial';
import type { CrmCursor } from '../../connectors';

export type JobState = 'running' | 'done' | 'cancelled' | 'failed';

export interface JobRow {
  id: string;
  crm: CrmConnectorId;
  state: JobState;
  phase: 'crm' | 'kayse';
  crmCursor: CrmCursor | null;
  kayseAfter: string | null;
  pages: number;
  counts: InitialCounts;
  ambiguous: AmbiguousMatch[];
  heldCaseIds: string[];
  startedAt: string;
  updatedAt: string;
  finishedAt: string | null;
  error: string | null;
}

interface Raw {
  id: string;
  crm: CrmConnectorId;
  state: JobState;
  phase: 'crm' | 'kayse';
  crm_cursor: string | null;
  kayse_after: string | null;
  pages: number;
  counts: string;
  ambiguous: string;
  held_case_ids: string;
  started_at: string;
  updated_at: string;
  finished_at: string | null;
  error: string | null;
}

export const zeroCounts = (): InitialCounts => Object.fromEntries(INITIAL_COUNT_KEYS.map((k) => [k, 0])) as InitialCounts;

const toJob = (r: Raw): JobRow => ({
  id: r.id,
  crm: r.crm,
  state: r.state,
  phase: r.phase,
  crmCursor: r.crm_cursor ? (JSON.parse(r.crm_cursor) as CrmCursor | null) : null,
  kayseAfter: r.kayse_after,
  pages: r.pages,
  counts: { ...zeroCounts(), ...(JSON.parse(r.counts) as Partial<InitialCounts>) },
  ambiguous: JSON.parse(r.ambiguous) as AmbiguousMatch[],
  heldCaseIds: JSON.parse(r.held_case_ids) as string[],
  startedAt: r.started_at,
  updatedAt: r.updated_at,
  finishedAt: r.finished_at,
  error: r.error,
});

export function createInitialStore(sqlite: Database.Database) {
  const q = {
    latest: sqlite.prepare<[string], Raw>('SELECT * FROM sync_initial_jobs WHERE crm = ? ORDER BY started_at DESC, id DESC LIMIT 1'),
    running: sqlite.prepare<[], Raw>("SELECT * FROM sync_initial_jobs WHERE state = 'running' ORDER BY started_at"),
    insert: sqlite.prepare(
      `INSERT INTO sync_initial_jobs (id, crm, state, phase, crm_cursor, kayse_after, pages, counts, ambiguous, held_case_ids, started_at, updated_at, finished_at, error)
       VALUES (@id, @crm, @state, @phase, @crmCursor, @kayseAfter, @pages, @counts, @ambiguous, @heldCaseIds, @startedAt, @updatedAt, @finishedAt, @error)`,
    ),
    linkOfRecord: sqlite.prepare<[string, string], { case_id: string }>('SELECT case_id FROM sync_links WHERE crm = ? AND crm_record_id = ?'),
    insertLink: sqlite.prepare('INSERT INTO sync_links (crm, case_id, crm_record_id, crm_case_type_id, linked_at) VALUES (?, ?, ?, ?, ?)'),
    writeSnapshot: sqlite.prepare(
      `INSERT INTO sync_snapshots (crm, case_id, kayse_values, crm_values, synced_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (crm, case_id) DO UPDATE SET kayse_values = excluded.kayse_values, crm_values = excluded.crm_values, synced_at = excluded.synced_at`,
    ),
    deleteIntent: sqlite.prepare('DELETE FROM sync_create_intents WHERE crm = ? AND case_id = ?'),
    save: sqlite.prepare(
      `UPDATE sync_initial_jobs SET state = @state, phase = @phase, crm_cursor = @crmCursor, kayse_after = @kayseAfter, pages = @pages, counts = @counts,
       ambiguous = @ambiguous, held_case_ids = @heldCaseIds, updated_at = @updatedAt, finished_at = @finishedAt, error = @error WHERE id = @id`,
    ),
  };
  const params = (j: JobRow) => ({
    ...j,
    crmCursor: JSON.stringify(j.crmCursor),
    counts: JSON.stringify(j.counts),
    ambiguous: JSON.stringify(j.ambiguous),
    heldCaseIds: JSON.stringify(j.heldCaseIds),
  });
  return {
    latest: (crm: CrmConnectorId): JobRow | null => {
      const r = q.latest.get(crm);
      return r ? toJob(r) : null;
    },
    /** Jobs a crash or a shutdown left running: resumed at start-up. */
    running: (): JobRow[] => q.running.all().map(toJob),
    /** Call inside a write transaction. */
    insert: (job: JobRow) => void q.insert.run(params(job)),
    /** The Kayse case linked with a CRM record, read inside the page's transaction. */
    linkOfRecord: (crm: CrmConnectorId, crmRecordId: string): string | null => q.linkOfRecord.get(crm, crmRecordId)?.case_id ?? null,
    /**
     * A link with its snapshot, as the push's linkCreated writes it (an intent of the case goes), in the page's own
     * transaction rather than one of its own per record: the run announces the tables once per page.
     */
    link(crm: CrmConnectorId, l: { caseId: string; crmRecordId: string; crmCaseTypeId: string; at: string }, snapshot: { kayseValues: object; crmValues: object }): void {
      q.insertLink.run(crm, l.caseId, l.crmRecordId, l.crmCaseTypeId, l.at);
      q.writeSnapshot.run(crm, l.caseId, JSON.stringify(snapshot.kayseValues), JSON.stringify(snapshot.crmValues), l.at);
      q.deleteIntent.run(crm, l.caseId);
    },
    /** The checkpoint; call inside the write transaction of the page it closes. */
    save: (job: JobRow) => void q.save.run(params(job)),
  };
}

export type InitialStore = ReturnType<typeof createInitialStore>;
