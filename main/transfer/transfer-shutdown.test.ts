import { describe, expect, it } from 'vitest';
import { useCleanup } from '../test-support/use-cleanup';
import type { ImportRunInput } from '../../shared/contract/transfer';
import { AppError } from '../../shared/result';
import { createImportService } from './import-service';
import { SHUTDOWN_MESSAGE } from './shutdown';
import { watchTasks, type TaskProgress } from '../test-support/tasks';
import { countRows, csv, startTransferCore } from './transfer-test-fixture';

const cleanup = useCleanup();
const start = () => cleanup.use(startTransferCore());

const clientsInput = (rows: number): ImportRunInput => ({
  kind: 'clients',
  fileName: 'clients.csv',
  csv: csv('id,first name', ...Array.from({ length: rows }, (_, i) => `C${i},Client ${i}`)),
  mapping: { id: 'externalId', 'first name': 'firstName' },
  externalSource: 'csv',
});

const lastOf = (seen: TaskProgress[], taskId: string) => seen.filter((p) => p.taskId === taskId).at(-1);

describe('closing while imports and exports run', () => {
  it('core.close() stops a running import and export before the database closes', async () => {
    const core = start();
    const { seen } = watchTasks(core.events);
    const { taskId: importId } = await core.api.imports.run(clientsInput(20_000));
    const { taskId: exportId } = await core.api.exports.run({ kind: 'clients', format: 'csv' });
    await expect(core.close()).resolves.toBeUndefined();
    // Both ended before close() resolved, stopped on purpose rather than failing on a closed database.
    expect(lastOf(seen, importId)).toMatchObject({ finished: true, phase: 'failed', error: SHUTDOWN_MESSAGE });
    expect(lastOf(seen, exportId)).toMatchObject({ finished: true, phase: 'failed', error: SHUTDOWN_MESSAGE });
    expect(seen.filter((p) => p.error !== null && p.error !== SHUTDOWN_MESSAGE)).toEqual([]);
  });

  it('stops an import between chunks, keeping the chunks it committed, and refuses new work', async () => {
    const core = start();
    const { sqlite } = core.database;
    const service = createImportService({ sqlite, caseTypes: core.workspace.caseTypes, records: core.workspace.records, clock: core.clock, events: core.events, logger: core.logger, chunkSize: 4 });
    let closing: Promise<void> | undefined;
    // Close as soon as the first chunk is committed (progress is reported right after each commit).
    core.events.on('task.progress', (p) => {
      if (p.phase === 'importing' && p.done > 0) closing ??= service.close();
    });
    const tasks = watchTasks(core.events);
    const { seen } = tasks;
    const { taskId } = service.run(clientsInput(40));
    await tasks.finished(taskId);
    await closing;
    expect(lastOf(seen, taskId)).toMatchObject({ phase: 'failed', error: SHUTDOWN_MESSAGE });
    expect(service.result(taskId)).toMatchObject({ status: 'failed', error: SHUTDOWN_MESSAGE, created: 4, done: 4, total: 40 });
    expect(countRows(core, 'clients')).toBe(4);
    expect(() => service.run(clientsInput(1))).toThrow(AppError);
    await expect(service.dryRun(clientsInput(1))).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
