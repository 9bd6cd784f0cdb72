// Test support for the workspace tests: a real core on a fresh data dir with a hand-driven clock, typed
// shortcuts to call procedures through core.dispatch, and a recorder of `tables.changed` events.
import type { ContractError } from '../../shared/result';
import { startTestCore } from '../test-support/test-core';

/** A clock that only moves when told to, one second per tick by default. */
export function manualClock(start = '2025-03-01T09:00:00.000Z') {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    tick: (ms = 1000) => {
      t += ms;
    },
  };
}

/** A core for one test, with `call` (expects success), `refuse` (expects failure) and the changed tables seen. */
export function startWorkspaceCore() {
  const clock = manualClock();
  const core = startTestCore({ fileSecrets: true, clock });
  const changed: string[][] = [];
  core.events.on('tables.changed', ({ tables }) => changed.push(tables));
  const call = async <T = unknown>(path: string, input?: unknown): Promise<T> => {
    const result = await core.dispatch(path, input);
    if (!result.ok) throw new Error(`${path} failed: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  };
  const refuse = async (path: string, input?: unknown): Promise<ContractError> => {
    const result = await core.dispatch(path, input);
    if (result.ok) throw new Error(`${path} succeeded but should have been refused: ${JSON.stringify(result.value)}`);
    return result.error;
  };
  /** Every row of a table (for "nothing else changed" checks). */
  const rows = (table: 'cases' | 'clients' | 'record_changes' | 'campaigns' | 'agents' | 'case_types') =>
    core.database.sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();
  return { core, clock, changed, call, refuse, rows };
}

export type WorkspaceCore = ReturnType<typeof startWorkspaceCore>;
