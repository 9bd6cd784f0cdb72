// The runs of each integration in SQLite: one row per finished run (a scheduled or manual run, an initial sync, a
// real-time batch window, Apply to all records), written once when it ends. `record` is what the push, the pull and
// the initial sync call.
import type Database from 'better-sqlite3';
import type { CrmConnectorId } from '../../../shared/domain/connectors';
import { emptyRunCounts, RUN_COUNT_KEYS, runOutcomeOf, type RunCounts, type RunDirection, type RunOutcome, type RunTrigger, type SyncRun } from '../../../shared/domain/sync-runs';
import { writeTransaction } from '../../db';
import { announceChanged, newId, type EventBus } from '../../kernel';

export interface RunInput {
  crm: CrmConnectorId;
  trigger: RunTrigger;
  direction: RunDirection;
  startedAt: string;
  finishedAt: string;
  counts: Partial<RunCounts>;
  /** Default: from the counts (ok, partial, failed); `cancelled` must be said. */
  outcome?: RunOutcome;
  errorSummary?: string | null;
}

interface RunRow {
  id: string;
  crm: CrmConnectorId;
  trigger: RunTrigger;
  direction: RunDirection;
  started_at: string;
  finished_at: string;
  outcome: RunOutcome;
  error_summary: string | null;
  read: number;
  pushed: number;
  pulled: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  conflicts: number;
  errors: number;
}

const toRun = (r: RunRow): SyncRun => ({
  id: r.id,
  crm: r.crm,
  trigger: r.trigger,
  direction: r.direction,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  counts: Object.fromEntries(RUN_COUNT_KEYS.map((k) => [k, r[k]])) as RunCounts,
  outcome: r.outcome,
  errorSummary: r.error_summary,
});

/** An error summary short enough for a list line. */
export const summarise = (messages: readonly string[]): string | null => {
  const distinct = [...new Set(messages)];
  if (distinct.length === 0) return null;
  const text = distinct.slice(0, 3).join(' · ') + (distinct.length > 3 ? ` · and ${distinct.length - 3} more` : '');
  return text.length > 1000 ? `${text.slice(0, 999)}…` : text;
};

export function createRunStore(sqlite: Database.Database, events: EventBus) {
  const q = {
    insert: sqlite.prepare(
      `INSERT OR IGNORE INTO sync_runs (id, crm, trigger, direction, started_at, finished_at, read, pushed, pulled, created, updated, unchanged, skipped, conflicts, errors, outcome, error_summary)
       VALUES (@id, @crm, @trigger, @direction, @startedAt, @finishedAt, @read, @pushed, @pulled, @created, @updated, @unchanged, @skipped, @conflicts, @errors, @outcome, @errorSummary)`,
    ),
    byId: sqlite.prepare<[string, string], RunRow>('SELECT * FROM sync_runs WHERE crm = ? AND id = ?'),
    first: sqlite.prepare<[string, number], RunRow>('SELECT * FROM sync_runs WHERE crm = ? ORDER BY started_at DESC, id DESC LIMIT ?'),
    before: sqlite.prepare<[string, string, string, string, number], RunRow>(
      'SELECT * FROM sync_runs WHERE crm = ? AND (started_at < ? OR (started_at = ? AND id < ?)) ORDER BY started_at DESC, id DESC LIMIT ?',
    ),
    count: sqlite.prepare<[string], { n: number }>('SELECT count(*) AS n FROM sync_runs WHERE crm = ?'),
    since: sqlite.prepare<[string, string], RunRow>('SELECT * FROM sync_runs WHERE crm = ? AND started_at >= ? ORDER BY started_at'),
    lastOf: sqlite.prepare<[string, string], RunRow>('SELECT * FROM sync_runs WHERE crm = ? AND trigger = ? ORDER BY started_at DESC, id DESC LIMIT 1'),
  };

  return {
    /** Writes a finished run and announces sync_runs; with `id`, only once (a second call with it does nothing). */
    record(input: RunInput, id?: string): SyncRun {
      const counts = { ...emptyRunCounts(), ...input.counts };
      const run: SyncRun = {
        id: id ?? newId(),
        crm: input.crm,
        trigger: input.trigger,
        direction: input.direction,
        startedAt: input.startedAt,
        finishedAt: input.finishedAt,
        counts,
        outcome: input.outcome ?? runOutcomeOf(counts),
        errorSummary: input.errorSummary ?? null,
      };
      writeTransaction(sqlite, () => {
        q.insert.run({ id: run.id, crm: run.crm, trigger: run.trigger, direction: run.direction, startedAt: run.startedAt, finishedAt: run.finishedAt, ...counts, outcome: run.outcome, errorSummary: run.errorSummary });
        announceChanged(events, ['sync_runs']);
      });
      return run;
    },
    /** Newest first, `limit` after the run `before`. */
    page(crm: CrmConnectorId, before: string | undefined, limit: number): { runs: SyncRun[]; next: string | null; total: number } {
      const anchor = before ? q.byId.get(crm, before) : undefined;
      const rows = anchor ? q.before.all(crm, anchor.started_at, anchor.started_at, anchor.id, limit + 1) : q.first.all(crm, limit + 1);
      const runs = rows.slice(0, limit).map(toRun);
      return { runs, next: rows.length > limit ? runs.at(-1)!.id : null, total: q.count.get(crm)?.n ?? 0 };
    },
    recent: (crm: CrmConnectorId, limit: number): SyncRun[] => q.first.all(crm, limit).map(toRun),
    since: (crm: CrmConnectorId, fromIso: string): SyncRun[] => q.since.all(crm, fromIso).map(toRun),
    lastOf: (crm: CrmConnectorId, trigger: RunTrigger): SyncRun | null => {
      const r = q.lastOf.get(crm, trigger);
      return r ? toRun(r) : null;
    },
  };
}

export type RunStore = ReturnType<typeof createRunStore>;
