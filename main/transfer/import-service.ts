// CSV import of clients and cases: inspect a file (columns, sample, suggested and remembered mapping), dry-run
// it, run it in the background with progress, and hand back its counts and rejected rows.
import type Database from 'better-sqlite3';
import type {
  ImportCounts,
  ImportInspection,
  ImportKind,
  ImportMapping,
  ImportResult,
  ImportRunInput,
  ImportTarget,
} from '../../shared/contract/transfer';
import type { CaseUpsert } from '../../shared/domain/workspace';
import { AppError } from '../../shared/result';
import { announceChanged } from '../kernel';
import { createTaskRegistry, type Clock, type EventBus, type IdGenerator } from '../kernel';
import type { Logger } from '../log';
import { createCaseNumberAllocator, type CaseTypeCatalog, type RecordStore, type WriteContext } from '../workspace';
import { bulkCaseWriter } from './bulk-case-writer';
import { readCsvHeader, readCsvTable, type CsvRow, type CsvTable } from './csv-table';
import { planImport, type ImportPlan } from './import-plan';
import { emptyTally, runImport, type ImportTally } from './import-runner';
import { importTargets } from './import-targets';
import { createMappingStore } from './mapping-store';
import { storeCaseWriter, storeClientWriter } from './record-writers';
import { rejectedCsv, rejectedFileName } from './rejected-csv';
import { caseFromRow, clientFromRow, recordKeysOf, type CampaignLookup, type ClientRowInput } from './row-inputs';
import { createTransferShutdown } from './shutdown';
import { suggestMapping } from './suggest-mapping';

export interface ImportService {
  inspect(input: { kind: ImportKind; fileName: string; csv: string }): ImportInspection;
  dryRun(input: ImportRunInput): Promise<ImportCounts>;
  run(input: ImportRunInput): { taskId: string };
  result(taskId: string): ImportResult;
  rejectedCsv(taskId: string): { fileName: string; csv: string };
  /** Stops running imports and dry runs (their tasks fail, committed chunks stay) and waits for them. */
  close(): Promise<void>;
}

export interface ImportServiceDeps {
  sqlite: Database.Database;
  caseTypes: CaseTypeCatalog;
  records: RecordStore;
  clock: Clock;
  /** Task ids and the ids of cases the bulk writer creates (default: ULIDs). */
  ids?: IdGenerator;
  events: EventBus;
  logger: Logger;
  /** Rows per transaction (default 2,000). */
  chunkSize?: number;
  /** Cases through the bulk writer (default) or one by one through the record store. */
  casePath?: 'bulk' | 'store';
}

interface ImportState {
  kind: ImportKind;
  fileName: string;
  columns: string[];
  tally: ImportTally;
}

const REJECTS_SHOWN = 200;
/**
 * Dry runs have a registry of their own: their counts come back in the reply, and repeated checks of a file must
 * not push a finished import (and its rejected rows, for "Download rejected rows") out of the import registry.
 */
const DRY_RUNS_KEPT = 3;
const IMPORT_CONTEXT: WriteContext = { origin: 'import' };

/** The import service over the record store; progress goes out as `task.progress`. */
export function createImportService(deps: ImportServiceDeps): ImportService {
  const { sqlite, caseTypes, records, events, logger } = deps;
  const chunkSize = deps.chunkSize ?? 2000;
  const mappings = createMappingStore(sqlite, deps.clock, events);
  const tasks = createTaskRegistry<ImportState>(events, 'imp_', undefined, deps.ids);
  const dryRuns = createTaskRegistry<ImportState>(events, 'imp_', DRY_RUNS_KEPT, deps.ids);
  const shutdown = createTransferShutdown();
  const campaignRows = sqlite.prepare('SELECT id, name FROM campaigns ORDER BY name');

  const targetsOf = (kind: ImportKind): ImportTarget[] => importTargets(kind, caseTypes.list());

  const campaignLookup = (): CampaignLookup => {
    const rows = campaignRows.all() as { id: string; name: string }[];
    const byName = new Map(rows.map((r) => [r.name.toLowerCase(), r.id]));
    const ids = new Set(rows.map((r) => r.id));
    return { find: (v) => byName.get(v.toLowerCase()) ?? (ids.has(v) ? v : undefined), names: rows.map((r) => r.name) };
  };

  /** Applies the file's rows (`write`) or rehearses them (`dry`), counting into `tally`. */
  const applyRows = (plan: ImportPlan, table: CsvTable, input: ImportRunInput, mode: 'dry' | 'write', tally: ImportTally, onProgress: (done: number) => void) => {
    const source = input.externalSource;
    const common = {
      plan,
      rows: table.rows,
      mode,
      chunkSize,
      keysOf: (row: CsvRow) => recordKeysOf(plan, row, source),
      onProgress,
      onChanged: () => announceChanged(events, ['cases', 'case_clients', 'record_changes']),
      signal: shutdown.signal,
    };
    const runner = { records };
    if (plan.kind === 'clients') {
      const writer = storeClientWriter(sqlite, records, IMPORT_CONTEXT);
      return runImport<ClientRowInput>({ ...common, toInput: (row) => clientFromRow(plan, row, source), writer: () => writer }, tally, runner);
    }
    const campaigns = campaignLookup();
    const storeWriter = storeCaseWriter(records, IMPORT_CONTEXT);
    const caseNumbers = createCaseNumberAllocator(sqlite); // one for the whole import, across its chunks
    const writer = () => (deps.casePath === 'store' ? storeWriter : bulkCaseWriter(sqlite, caseTypes, deps.clock, IMPORT_CONTEXT, caseNumbers, deps.ids));
    return runImport<CaseUpsert>({ ...common, toInput: (row) => caseFromRow(plan, row, source, caseTypes, campaigns), writer }, tally, runner);
  };

  const countsOf = (taskId: string, tally: ImportTally) => ({
    taskId,
    created: tally.created,
    updated: tally.updated,
    unchanged: tally.unchanged,
    rejected: tally.rejected,
    rejects: tally.rejects.slice(0, REJECTS_SHOWN).map((r) => ({ row: r.row.line, reasons: r.reasons })),
  });

  /** An import's task, or a dry run's (still kept for a short while). */
  const taskOf = (taskId: string) => dryRuns.find(taskId) ?? tasks.get(taskId, 'import');

  const finishedTask = (taskId: string) => {
    const task = taskOf(taskId);
    if (task.status === 'running') {
      throw new AppError('CONFLICT', `The import is still running (${task.done} of ${task.total ?? '?'} rows); wait for it to finish.`);
    }
    return task;
  };

  return {
    inspect({ kind, csv }) {
      const table = readCsvTable(csv);
      const targets = targetsOf(kind);
      const fields = new Set(targets.map((t) => t.field));
      const remembered = mappings.remembered(kind, table.columns);
      const usable = (mapping: ImportMapping) => Object.fromEntries(Object.entries(mapping).map(([c, f]) => [c, f !== null && fields.has(f) ? f : null]));
      return {
        columns: table.columns,
        sampleRows: table.rows.slice(0, 5).map((r) => r.cells),
        rowCount: table.rows.length,
        suggestedMapping: suggestMapping(kind, table.columns, targets),
        ...(remembered ? { rememberedMapping: usable(remembered) } : {}),
        targets,
      };
    },

    async dryRun(input) {
      shutdown.assertOpen('dry run');
      const table = readCsvTable(input.csv);
      const plan = planImport(input.kind, table.columns, targetsOf(input.kind), input.mapping);
      const tally = emptyTally();
      const task = dryRuns.start('import-dry-run', { kind: input.kind, fileName: input.fileName, columns: table.columns, tally }, table.rows.length);
      try {
        await shutdown.track(applyRows(plan, table, input, 'dry', tally, (done) => dryRuns.progress(task, 'checking', done)));
      } catch (error) {
        dryRuns.fail(task, error instanceof Error ? error.message : String(error));
        throw error;
      }
      dryRuns.finish(task);
      return countsOf(task.id, tally);
    },

    run(input) {
      shutdown.assertOpen('import');
      const columns = readCsvHeader(input.csv);
      planImport(input.kind, columns, targetsOf(input.kind), input.mapping);
      const tally = emptyTally();
      const task = tasks.start('import', { kind: input.kind, fileName: input.fileName, columns, tally }, null);
      mappings.save(input.kind, columns, input.mapping);
      const work = async () => {
        tasks.progress(task, 'reading', 0);
        await new Promise<void>((resolve) => setImmediate(resolve));
        shutdown.signal.throwIfAborted();
        const table = readCsvTable(input.csv);
        task.state.columns = table.columns;
        const plan = planImport(input.kind, table.columns, targetsOf(input.kind), input.mapping);
        tasks.progress(task, 'importing', 0, table.rows.length);
        await applyRows(plan, table, input, 'write', tally, (done) => tasks.progress(task, 'importing', done));
        const { rejects: _rejects, ...counts } = countsOf(task.id, tally);
        logger.info({ kind: input.kind, rows: table.rows.length, ...counts }, 'import finished');
        tasks.finish(task);
      };
      const settled = work().catch((error: unknown) => {
        if (shutdown.isStop(error)) logger.info({ taskId: task.id, done: task.done, total: task.total }, 'import stopped: the console is shutting down');
        else logger.error({ taskId: task.id, err: error }, 'import failed');
        tasks.fail(task, error instanceof Error ? error.message : String(error));
      });
      void shutdown.track(settled);
      return { taskId: task.id };
    },

    result(taskId) {
      const task = taskOf(taskId);
      return {
        ...countsOf(task.id, task.state.tally),
        kind: task.state.kind,
        fileName: task.state.fileName,
        status: task.status,
        done: task.done,
        total: task.total ?? 0,
        error: task.error,
      };
    },

    rejectedCsv(taskId) {
      const task = finishedTask(taskId);
      return { fileName: rejectedFileName(task.state.fileName), csv: rejectedCsv(task.state.columns, task.state.tally.rejects) };
    },

    close: () => shutdown.close(),
  };
}
