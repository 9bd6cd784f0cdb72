// Applies the rows of a CSV file in chunks: each chunk is one transaction (committed for a run, rolled back for
// a dry run), the event loop gets a turn between chunks, and a row refused with an AppError (raised before the
// writer writes anything) is set aside with its reasons while the others go on. Any other error is a fault, not
// a bad row: it rolls back the chunk and stops the import. A dry run replays, in each chunk, the earlier rows of
// any record the chunk touches again, so that its counts match the run's although each chunk is rolled back.
// Between chunks the job's signal is checked: once aborted, the import stops with the signal's reason, keeping
// the chunks already committed.
import type { UpsertOutcome } from '../../shared/domain/workspace';
import { AppError } from '../../shared/result';
import type { RecordStore } from '../workspace';
import type { CsvRow } from './csv-table';
import type { ImportPlan } from './import-plan';
import type { RecordWriter } from './record-writers';
import { rejectReasons } from './reject-reasons';
import type { RowInput } from './row-inputs';

export interface RejectedRow {
  row: CsvRow;
  reasons: string[];
}

export interface ImportTally {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejects: RejectedRow[];
}

export interface ImportJob<I> {
  plan: ImportPlan;
  rows: readonly CsvRow[];
  mode: 'dry' | 'write';
  chunkSize: number;
  /** The row's upsert input, or why it can't be one. Called inside the chunk's transaction. */
  toInput(row: CsvRow): RowInput<I>;
  /** What identifies the row's record (external ref, case number), for the dry run's replays. */
  keysOf(row: CsvRow): string[];
  /** A writer for one chunk (writers may cache within a transaction). */
  writer(): RecordWriter<I>;
  /** After each chunk: rows done so far. */
  onProgress(done: number): void;
  /** After a committed chunk that changed records written by a writer that doesn't announce them. */
  onChanged(): void;
  /** When aborted, no further chunk starts: the import rejects with the signal's reason. */
  signal?: AbortSignal;
}

export interface ImportRunnerDeps {
  records: RecordStore;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** An empty tally, to be filled (and read while running) by `runImport`. */
export const emptyTally = (): ImportTally => ({ created: 0, updated: 0, unchanged: 0, rejected: 0, rejects: [] });

/** Runs `job` to the end, counting into `tally`; only an unexpected failure (not a bad row) or a stop rejects. */
export async function runImport<I>(job: ImportJob<I>, tally: ImportTally, { records }: ImportRunnerDeps): Promise<ImportTally> {
  const applied = new Map<string, CsvRow[]>();

  const apply = (row: CsvRow, writer: RecordWriter<I>): UpsertOutcome | RejectedRow => {
    if (row.problems.length > 0) return { row, reasons: row.problems };
    const mapped = job.toInput(row);
    if (!mapped.ok) return { row, reasons: mapped.reasons };
    try {
      return writer.write(mapped.input);
    } catch (error) {
      if (!(error instanceof AppError)) throw new Error(`Line ${row.line} could not be imported: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      return { row, reasons: rejectReasons(error, job.plan, mapped.input) };
    }
  };

  const replayEarlierRows = (chunk: readonly CsvRow[], writer: RecordWriter<I>) => {
    const earlier = new Set<CsvRow>();
    for (const row of chunk) for (const key of job.keysOf(row)) for (const before of applied.get(key) ?? []) earlier.add(before);
    for (const row of [...earlier].sort((a, b) => a.line - b.line)) apply(row, writer);
  };

  /** The chunk's own tally, merged into the import's only once its transaction has ended well. */
  const runChunk = (chunk: readonly CsvRow[]) => {
    const writer = job.writer();
    if (job.mode === 'dry') replayEarlierRows(chunk, writer);
    const counts = emptyTally();
    const chunkApplied: CsvRow[] = [];
    for (const row of chunk) {
      const outcome = apply(row, writer);
      if (typeof outcome === 'object') {
        counts.rejected += 1;
        counts.rejects.push(outcome);
        continue;
      }
      counts[outcome] += 1;
      chunkApplied.push(row);
    }
    return { counts, chunkApplied, announced: writer.announcesWrites };
  };

  const merge = (counts: ImportTally) => {
    tally.created += counts.created;
    tally.updated += counts.updated;
    tally.unchanged += counts.unchanged;
    tally.rejected += counts.rejected;
    tally.rejects.push(...counts.rejects);
  };

  for (let start = 0; start < job.rows.length; start += job.chunkSize) {
    job.signal?.throwIfAborted();
    const chunk = job.rows.slice(start, start + job.chunkSize);
    if (job.mode === 'dry') {
      const { counts, chunkApplied } = records.dryRun(() => runChunk(chunk));
      merge(counts);
      for (const row of chunkApplied) {
        for (const key of job.keysOf(row)) {
          const rows = applied.get(key);
          if (rows) rows.push(row);
          else applied.set(key, [row]);
        }
      }
    } else {
      const { counts, announced } = records.batch(() => runChunk(chunk));
      merge(counts);
      if (counts.created + counts.updated > 0 && !announced) job.onChanged();
    }
    job.onProgress(Math.min(job.rows.length, start + job.chunkSize));
    await nextTurn();
  }
  return tally;
}
