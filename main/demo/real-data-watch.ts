// Real data arriving (a case, client, case type, campaign or agent that demo mode did not make, by import, ingest
// or the UI) stops the demo generator: demo activity must not mix with a firm's own work. Checked when one of
// those tables is announced as changed, at most once per announcement burst.
import type { TableName } from '../../shared/domain/tables';
import type { EventBus } from '../kernel';

const RECORD_TABLES: ReadonlySet<TableName> = new Set(['cases', 'clients', 'case_types', 'campaigns', 'agents']);

export const REAL_DATA_STOP_MESSAGE =
  'Demo activity stopped: real records arrived in this workspace (demo data never mixes with real work). Wipe demo data when you no longer need it.';

/** Calls `onRealData` when a record table changes while `running()` and real rows exist; returns the unsubscribe. */
export function watchForRealData(events: EventBus, running: () => boolean, hasRealData: () => boolean, onRealData: () => void): () => void {
  return events.on('tables.changed', ({ tables }) => {
    if (!running() || !tables.some((t) => RECORD_TABLES.has(t))) return;
    if (hasRealData()) onRealData();
  });
}
