// Shared set-up for the import/export tests: a real core with a case type, a campaign and a settable clock (calls go
// through `core.api`, tasks are waited for with test-support/tasks.ts).
import { manualClock, type ManualClock } from '../test-support/clock';
import { startTestCore, type TestCore } from '../test-support/test-core';

export type TransferCore = TestCore & { clock: ManualClock };

export const PI_STATUSES = ['New Lead', 'Intake', 'Signed', 'Closed'];

/** When the transfer tests' clock starts. */
export const TRANSFER_CLOCK_START = '2026-03-01T12:00:00.000Z';

/** A core with case types "Personal Injury" (custom fields) and "Workers Comp", and campaign "Spring Intake". */
export function startTransferCore(clock = manualClock(TRANSFER_CLOCK_START)): TransferCore {
  const core = startTestCore({ fileSecrets: true, clock, logLevel: 'silent' });
  core.workspace.caseTypes.create({
    name: 'Personal Injury',
    statuses: PI_STATUSES,
    fields: [
      { key: 'accident_date', label: 'Accident Date', type: 'date' },
      { key: 'injury', label: 'Injury', type: 'single_select', options: ['Back', 'Neck', 'Head'] },
      { key: 'treatments', label: 'Treatments', type: 'multi_select', options: ['Chiro', 'PT', 'Surgery'] },
      { key: 'amount', label: 'Amount', type: 'number' },
      { key: 'represented', label: 'Represented', type: 'yes_no' },
    ],
  });
  core.workspace.caseTypes.create({ name: 'Workers Comp', statuses: ['Open', 'Closed'], fields: [{ key: 'employer', label: 'Employer', type: 'text' }] });
  core.database.sqlite.prepare(`INSERT INTO campaigns (id, name, created_at) VALUES ('cmp_spring', 'Spring Intake', ?)`).run(clock.now().toISOString());
  return Object.assign(core, { clock });
}

/** How many rows `table` has. */
export const countRows = (core: TestCore, table: 'cases' | 'clients' | 'record_changes' | 'case_clients' | 'import_mappings'): number =>
  core.database.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

/** CSV text from lines. */
export const csv = (...lines: string[]): string => `${lines.join('\r\n')}\r\n`;
