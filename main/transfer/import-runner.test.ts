import { describe, expect, it } from 'vitest';
import { useCleanup } from '../test-support/use-cleanup';
import { AppError } from '../../shared/result';
import type { CsvRow } from './csv-table';
import { planImport } from './import-plan';
import { emptyTally, runImport, type ImportJob } from './import-runner';
import { importTargets } from './import-targets';
import { countRows, startTransferCore, type TransferCore } from './transfer-test-fixture';

const cleanup = useCleanup();

const columns = ['id', 'name'];
const plan = planImport('clients', columns, importTargets('clients', []), { id: 'externalId', name: 'firstName' });
const rows: CsvRow[] = ['A', 'B', 'C', 'D', 'E'].map((id, i) => ({ line: i + 2, cells: [id, `Name ${id}`], problems: [] }));

/** Writes clients through the store, except that row `failAt` meets a fault (not a bad row). */
function job(core: TransferCore, failAt: string | undefined, mode: 'dry' | 'write' = 'write'): ImportJob<{ id: string }> {
  return {
    plan,
    rows,
    mode,
    chunkSize: 2,
    toInput: (row) => (row.cells[1] === 'Name C' ? { ok: false, reasons: ['C is not wanted'] } : { ok: true, input: { id: row.cells[0]! } }),
    keysOf: (row) => [row.cells[0]!],
    writer: () => ({
      announcesWrites: true,
      write: ({ id }) => {
        if (id === 'E') throw new AppError('INVALID_INPUT', 'E is bad', { issues: [{ path: 'firstName', message: 'E is bad' }] });
        const outcome = core.workspace.records.upsertClient({ externalSource: 'csv', externalId: id, firstName: `Name ${id}` }, { origin: 'import' }).outcome;
        if (id === failAt) throw new Error('disk unplugged'); // after a write: the chunk must be rolled back
        return outcome;
      },
    }),
    onProgress: () => {},
    onChanged: () => {},
  };
}

describe('runImport', () => {
  it('sets bad rows aside with their reasons and goes on', async () => {
    const core = cleanup.use(startTransferCore());
    const tally = await runImport(job(core, undefined), emptyTally(), { records: core.workspace.records });
    expect(tally).toMatchObject({ created: 3, rejected: 2 });
    expect(tally.rejects.map((r) => [r.row.line, r.reasons])).toEqual([
      [4, ['C is not wanted']],
      [6, ['First name (column "name"): E is bad']],
    ]);
  });

  it('stops at a fault, rolling back that chunk only, and counts only what was committed', async () => {
    const core = cleanup.use(startTransferCore());
    const tally = emptyTally();
    await expect(runImport(job(core, 'D'), tally, { records: core.workspace.records })).rejects.toThrow('Line 5 could not be imported: disk unplugged');
    expect(countRows(core, 'clients')).toBe(2);
    expect(countRows(core, 'record_changes')).toBe(2);
    expect(tally).toMatchObject({ created: 2, rejected: 0 });
  });
});
