// The two-way update of a linked case (sync.md "Deciding"): before Kayse's changed values go to the CRM, the CRM
// record is read and every field is decided against the snapshot by the pull's own apply path (pull-apply.ts), so a
// CRM change the pull has not seen yet is never overwritten blind. Kayse's winners are sent in one update (none: no
// update call), the CRM's winners are written to Kayse with the CRM as origin (so they are never pushed back),
// conflicts are logged with both values and the rule, and the snapshot takes what both sides hold.
import { AppError } from '../../../shared/result';
import { CrmError, type CrmConnector } from '../../connectors';
import type { ConflictLog } from './conflict-log';
import { markRead } from './in-flight';
import { applyCrmRecord, ClientNotUpdatable, type ApplyDeps, type ApplyOutcome } from './pull-apply';
import type { PullStore } from './pull-store';
import type { PushDeps } from './push-record';
import { noteSent, type Attempt } from './sent-request';

/** What a push needs beyond its own deps to decide with the pull's apply path. */
export interface TwoWayDeps {
  records: ApplyDeps['records'];
  /** The pull's rows (links by record, snapshot merges, from_crm errors, the change log's times). */
  store: PullStore;
  conflicts: ConflictLog;
}

/**
 * The pull's deps for deciding a push, or null when the CRM's values may not come to Kayse now (Receive off, or the
 * direction is Kayse → CRM): then nothing of the CRM's can win, and Kayse's changes are sent as they are.
 */
export function decidingDeps(deps: PushDeps, connector: Pick<CrmConnector, 'get' | 'update'>): ApplyDeps | null {
  const { twoWay } = deps;
  if (!twoWay || !deps.toggles.receive || deps.settings.direction !== 'both') return null;
  return {
    crm: deps.crm,
    connector,
    store: twoWay.store,
    conflicts: twoWay.conflicts,
    records: twoWay.records,
    caseTypes: deps.caseTypes,
    catalog: deps.catalog,
    toggles: deps.toggles,
    settings: deps.settings,
    demoConnection: deps.demoConnection,
    // The push's mappings (both ways, to the CRM): a from_crm field is the pull's alone.
    mappingsFor: (crmCaseTypeId) => deps.mappingsFor(crmCaseTypeId),
    statusSets: deps.statusSets,
    clock: deps.clock,
  };
}

/**
 * Reads the linked CRM record and decides it against the snapshot: 'updated' when an update was sent to the CRM,
 * 'unchanged' when every field was the CRM's to keep (or equal), 'failed' when Kayse refused a CRM value that won
 * (recorded); null when the push may not decide (see decidingDeps). Throws what the CRM refused (the push records it,
 * with the update sent, noted in `attempt`).
 */
export async function pushDecided(deps: PushDeps, caseId: string, crmRecordId: string, onConflicts?: (n: number) => void, attempt?: Attempt): Promise<'updated' | 'unchanged' | 'failed' | null> {
  let wrote = false;
  const connector = {
    get: (id: string) => deps.connector.get(id),
    update: async (...args: Parameters<CrmConnector['update']>) => {
      noteSent(attempt, deps.clock, { operation: 'update', crmRecordId: args[0], changes: args[1] });
      const result = await deps.connector.update(...args);
      wrote = true;
      return result;
    },
  };
  const apply = decidingDeps(deps, connector);
  if (!apply) return null;
  // Another write of ours (a pull pass sending Kayse's winners) may land between this read and the decision.
  const read = markRead();
  let outcome: ApplyOutcome;
  try {
    outcome = await applyCrmRecord(apply, await deps.connector.get(crmRecordId), read);
  } catch (error) {
    if (error instanceof CrmError || !(error instanceof AppError || error instanceof ClientNotUpdatable)) throw error;
    // As the pull records it: trying again unchanged would fail again, so it waits for a change of the case or
    // Retry now (Kayse's winners were sent, the rest of the CRM's applied).
    const lastAt = deps.clock.now().toISOString();
    deps.store.recordError(deps.crm, { caseId, kind: 'kayse_refused', message: error.message, crmMessage: null, httpStatus: null, field: null, lastAt, nextTryAt: null });
    return 'failed';
  } finally {
    read.close();
  }
  if (outcome.conflicts > 0) onConflicts?.(outcome.conflicts);
  // Linked elsewhere meanwhile (or filtered out): nothing decided here for this case.
  if (outcome.caseId !== caseId) return 'unchanged';
  if (deps.store.error(deps.crm, caseId)) deps.store.clearError(deps.crm, caseId);
  return wrote ? 'updated' : 'unchanged';
}
