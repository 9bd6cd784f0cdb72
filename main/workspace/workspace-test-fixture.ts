// Test support for the workspace tests: a real core on a fresh data dir with a hand-driven clock, the contract as
// `api` (test-support/api.ts), and a recorder of `tables.changed` events.
import { manualClock } from '../test-support/clock';
import { startTestCore } from '../test-support/test-core';

/** When the workspace tests' clock starts. */
export const WORKSPACE_CLOCK_START = '2025-03-01T09:00:00.000Z';

/** A core for one test, with `api`, the changed tables seen, and `cleanup()` (for useCleanup). */
export function startWorkspaceCore() {
  const clock = manualClock(WORKSPACE_CLOCK_START);
  const core = startTestCore({ fileSecrets: true, clock });
  const changed: string[][] = [];
  core.events.on('tables.changed', ({ tables }) => changed.push(tables));
  /** Every row of a table (for "nothing else changed" checks). */
  const rows = (table: 'cases' | 'clients' | 'record_changes' | 'campaigns' | 'agents' | 'case_types') =>
    core.database.sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();
  return { core, api: core.api, clock, changed, rows, cleanup: () => core.cleanup() };
}

export type WorkspaceCore = ReturnType<typeof startWorkspaceCore>;
