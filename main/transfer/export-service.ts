// Export of cases, clients or events as CSV or JSON, in the background: rows are read a page at a time, the
// event loop gets a turn between pages, and progress goes out as `task.progress`. Closing stops an export between
// pages (its task fails) and waits for it.
import type Database from 'better-sqlite3';
import type { ExportFile, ExportRunInput } from '../../shared/contract/transfer';
import { EVENT_TYPES } from '../../shared/domain/events';
import { AppError, describeIssues, type FieldIssue } from '../../shared/result';
import { createTaskRegistry, type Clock, type EventBus, type IdGenerator } from '../kernel';
import type { Logger } from '../log';
import type { CaseTypeCatalog } from '../workspace';
import { csvLines } from './csv-cells';
import { exportFormat } from './export-format';
import { exportQuery, type ExportBounds } from './export-queries';
import { createTransferShutdown } from './shutdown';

export interface ExportService {
  run(input: ExportRunInput): { taskId: string };
  result(taskId: string): ExportFile;
  /** Stops running exports (their tasks fail) and waits for them. */
  close(): Promise<void>;
}

export interface ExportServiceDeps {
  sqlite: Database.Database;
  caseTypes: CaseTypeCatalog;
  clock: Clock;
  /** Task ids (default: ULIDs). */
  ids?: IdGenerator;
  events: EventBus;
  logger: Logger;
  /** Rows per page (default 2,000). */
  pageSize?: number;
}

type ExportState = { file: ExportFile | null };

const MIME = { csv: 'text/csv; charset=utf-8', json: 'application/json' } as const;
/** Lets Excel read the file as UTF-8 (imports strip it again). */
const BOM = '\ufeff';
/**
 * Finished exports kept for `exports.result`. Each holds its whole file in memory (a large workspace makes files of
 * tens of megabytes), and the console fetches and saves a file as soon as its export finishes, so two are enough;
 * running exports are always kept.
 */
const FINISHED_EXPORTS_KEPT = 2;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const stamp = (d: Date) => d.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');

/** The export service; unknown filter ids are refused as UNPROCESSABLE with the valid ones. */
export function createExportService(deps: ExportServiceDeps): ExportService {
  const { sqlite, caseTypes, events, logger } = deps;
  const pageSize = deps.pageSize ?? 2000;
  const tasks = createTaskRegistry<ExportState>(events, 'exp_', FINISHED_EXPORTS_KEPT, deps.ids);
  const shutdown = createTransferShutdown();
  const campaigns = sqlite.prepare('SELECT id, name FROM campaigns ORDER BY name');

  /** Filter values checked against the workspace, with the time bounds as UTC instants. */
  const boundsOf = ({ filters }: ExportRunInput): ExportBounds => {
    const issues: (FieldIssue & { valid: string[] })[] = [];
    const unknown = (field: string, what: string, value: string, valid: { id: string; name: string }[]) =>
      issues.push({
        path: `filters.${field}`,
        message: `unknown ${what} "${value}"; valid: ${valid.map((v) => (v.id === v.name ? v.id : `${v.name} (${v.id})`)).join(', ') || 'none yet'}`,
        valid: valid.map((v) => v.id),
      });
    const type = filters.caseTypeId ? caseTypes.get(filters.caseTypeId) : undefined;
    if (filters.caseTypeId && !type) unknown('caseTypeId', 'case type id', filters.caseTypeId, caseTypes.list());
    if (filters.statusId) {
      const statuses = (type ? [type] : caseTypes.list()).flatMap((t) => t.statuses.map((s) => ({ id: s.id, name: `${t.name}: ${s.name}` })));
      if (!statuses.some((s) => s.id === filters.statusId)) unknown('statusId', type ? `status id of ${type.name}` : 'status id', filters.statusId, statuses);
    }
    if (filters.campaignId) {
      const all = campaigns.all() as { id: string; name: string }[];
      if (!all.some((c) => c.id === filters.campaignId)) unknown('campaignId', 'campaign id', filters.campaignId, all);
    }
    if (filters.type && !(EVENT_TYPES as readonly string[]).includes(filters.type)) {
      unknown('type', 'event type', filters.type, EVENT_TYPES.map((t) => ({ id: t, name: t })));
    }
    if (issues.length > 0) {
      const plain = issues.map(({ path, message }) => ({ path, message }));
      throw new AppError('UNPROCESSABLE', `The export filters name things that don't exist: ${describeIssues(plain)}.`, { issues: plain, valid: issues[0]!.valid });
    }
    const dateOnly = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);
    const to = filters.to === undefined ? undefined : new Date(dateOnly(filters.to) ? Date.parse(`${filters.to}T00:00:00Z`) + 86_400_000 : Date.parse(filters.to));
    return {
      caseTypeId: filters.caseTypeId,
      caseTypeName: type?.name,
      statusId: filters.statusId,
      campaignId: filters.campaignId,
      type: filters.type,
      from: filters.from === undefined ? undefined : new Date(dateOnly(filters.from) ? `${filters.from}T00:00:00Z` : filters.from).toISOString(),
      to: to?.toISOString(),
      toExclusive: filters.to !== undefined && dateOnly(filters.to),
    };
  };

  const write = async (input: ExportRunInput, bounds: ExportBounds, report: (done: number, total: number) => void): Promise<ExportFile> => {
    await nextTurn();
    shutdown.signal.throwIfAborted();
    const query = exportQuery(sqlite, input.kind, bounds);
    const format = exportFormat(input.kind, caseTypes, input.filters.caseTypeId);
    const total = query.count();
    const parts: string[] = [input.format === 'csv' ? `${BOM}${csvLines([format.header])}\r\n` : '['];
    let rows = 0;
    let after = 0;
    report(0, total);
    for (;;) {
      const page = query.page(after, pageSize);
      if (page.length === 0) break;
      after = page[page.length - 1]!.rid;
      const records = page.map(format.toRecord);
      if (input.format === 'csv') parts.push(`${csvLines(records.map(format.toCells))}\r\n`);
      else parts.push(`${rows > 0 ? ',' : ''}\n${records.map((r) => JSON.stringify(r)).join(',\n')}`);
      rows += page.length;
      report(rows, Math.max(total, rows));
      await nextTurn();
      shutdown.signal.throwIfAborted();
    }
    if (input.format === 'json') parts.push(rows > 0 ? '\n]\n' : ']\n');
    return {
      fileName: `${input.kind}-${stamp(deps.clock.now())}.${input.format}`,
      mimeType: MIME[input.format],
      content: parts.join(''),
      rows,
    };
  };

  return {
    run(input) {
      shutdown.assertOpen('export');
      const bounds = boundsOf(input);
      const task = tasks.start('export', { file: null }, null);
      const settled = write(input, bounds, (done, total) => tasks.progress(task, 'exporting', done, total))
        .then((file) => {
          task.state.file = file;
          logger.info({ taskId: task.id, kind: input.kind, format: input.format, rows: file.rows }, 'export finished');
          tasks.finish(task);
        })
        .catch((error: unknown) => {
          if (shutdown.isStop(error)) logger.info({ taskId: task.id, done: task.done, total: task.total }, 'export stopped: the console is shutting down');
          else logger.error({ taskId: task.id, err: error }, 'export failed');
          tasks.fail(task, error instanceof Error ? error.message : String(error));
        });
      void shutdown.track(settled);
      return { taskId: task.id };
    },

    result(taskId) {
      const task = tasks.get(taskId, 'export');
      if (task.status === 'failed') throw new AppError('CONFLICT', `The export failed: ${task.error}. Start it again; details are in the log.`);
      if (!task.state.file) throw new AppError('CONFLICT', `The export is still running (${task.done} of ${task.total ?? '?'} rows); wait for it to finish.`);
      return task.state.file;
    },

    close: () => shutdown.close(),
  };
}
