// Kayse → CRM for every integration: one pusher per CRM, woken when record_changes gets rows (real time: an idle
// record's change goes at once), when a connection or its toggles change, and by its own timers (a 429's wait,
// an error's backoff). Each pass reads the toggles, settings and mappings afresh, so saving them starts nothing.
import type Database from 'better-sqlite3';
import { CRM_CONNECTOR_IDS, type CrmConnectorId } from '../../../shared/domain/connectors';
import type { CaseType } from '../../../shared/domain/workspace';
import type { Crm } from '../../crm';
import type { Clock, EventBus } from '../../kernel';
import type { Logger } from '../../log';
import type { FieldMappings, StoredCatalog } from '../field-mappings';
import type { MappingStore } from '../mapping-store';
import type { StatusMappings } from '../status-mappings';
import type { SyncSettingsService } from '../sync-settings';
import type { RecordStore } from '../../workspace';
import { createConflictLog } from './conflict-log';
import { createPullStore } from './pull-store';
import { createPusher, type Pusher } from './pusher';
import type { PushDeps, PushOutcome } from './push-record';
import { pushSetup } from './push-setup';
import { createPushStore } from './push-store';

export interface PushEngineDeps {
  sqlite: Database.Database;
  crm: Pick<Crm, 'connection' | 'connectorFor'>;
  /** Cases and clients read, and written with the CRM as origin where the CRM's value wins an update's decision. */
  records: Pick<RecordStore, 'getCase' | 'getClient' | 'upsertCase' | 'upsertClient' | 'updateClient' | 'batch'>;
  caseTypes(): CaseType[];
  catalogOf(crm: CrmConnectorId): StoredCatalog;
  fields: FieldMappings;
  statuses: StatusMappings;
  settings: SyncSettingsService;
  mappingStore: MappingStore;
  clock: Clock;
  events: EventBus;
  logger?: Pick<Logger, 'warn'>;
  /** When a pass may run, and the runs its work is counted in (run-control.ts); absent: always, unrecorded. */
  control?: PushControl;
  /** Timers for waits and backoff (default setTimeout, unref'd). */
  schedule?: (ms: number, wake: () => void) => () => void;
}

export interface PushControl {
  allow(crm: CrmConnectorId): boolean;
  /** `conflicts`: fields decided by the conflict rule on the way (push-decide.ts). */
  landed(crm: CrmConnectorId, caseId: string, outcome: PushOutcome, conflicts?: number): void;
  settled(crm: CrmConnectorId): void;
  authFailed(crm: CrmConnectorId, message: string): void;
}

const defaultSchedule = (ms: number, wake: () => void) => {
  const timer = setTimeout(wake, ms);
  timer.unref();
  return () => clearTimeout(timer);
};

const pushHooks = (control: PushControl, crm: CrmConnectorId) => ({
  onLanded: (caseId: string, outcome: PushOutcome, conflicts: number) => control.landed(crm, caseId, outcome, conflicts),
  onSettled: () => control.settled(crm),
  onAuthFailed: (message: string) => control.authFailed(crm, message),
});

export function createPushEngine(deps: PushEngineDeps) {
  const store = createPushStore(deps.sqlite, deps.events);
  // An update decides against the CRM record through the pull's apply path (push-decide.ts).
  const twoWay = { records: deps.records, store: createPullStore(deps.sqlite, deps.events), conflicts: createConflictLog(deps.sqlite) };
  const connected = (crm: CrmConnectorId) => deps.crm.connection(crm).state !== 'not_connected';
  const now = () => deps.clock.now().toISOString();

  /** Everything a push of `crm` needs, read now (whatever the toggles and the schedule say); null when not connected. */
  const depsFor = async (crm: CrmConnectorId): Promise<{ push: PushDeps; pushes: boolean } | null> => {
    if (!connected(crm)) return null;
    const connector = await deps.crm.connectorFor(crm);
    if (!connector) return null;
    // Read after the wait: a toggle saved meanwhile is obeyed by this pass.
    const connection = deps.crm.connection(crm);
    return pushSetup({ ...deps, pushStore: store }, crm, connection, connector, twoWay);
  };

  const prepare = (crm: CrmConnectorId) => async () => {
    if (!connected(crm)) return null;
    // Enable off pauses the integration: nothing is read, so every change stays pending.
    if (!deps.crm.connection(crm).toggles.enabled) return null;
    // Between scheduled slots, or paused after the CRM refused the credentials: nothing is read either.
    if (deps.control && !deps.control.allow(crm)) return null;
    const ready = await depsFor(crm);
    return ready?.push.toggles.enabled ? ready : null;
  };

  const pushers = new Map<CrmConnectorId, Pusher>(
    CRM_CONNECTOR_IDS.map((crm) => [
      crm,
      createPusher({
        crm,
        store,
        clock: deps.clock,
        prepare: prepare(crm),
        schedule: deps.schedule ?? defaultSchedule,
        ...(deps.control ? pushHooks(deps.control, crm) : {}),
        onError: (error) => deps.logger?.warn({ crm, error: error instanceof Error ? error.message : String(error) }, 'sync push stopped a pass'),
      }),
    ]),
  );

  /** A connected integration reads the log from where it stood when it was first connected. */
  const startCursors = () => {
    for (const crm of CRM_CONNECTOR_IDS) if (connected(crm) && store.cursor(crm) === null) store.startCursor(crm, now());
  };

  const kickAll = () => {
    for (const pusher of pushers.values()) pusher.kick();
  };

  let stopEvents: (() => void) | null = null;
  return {
    store,
    /** What a push of `crm` would use now (the sample record, Apply to all records). */
    depsFor,
    start() {
      startCursors();
      stopEvents = deps.events.on('tables.changed', ({ tables }) => {
        if (tables.includes('crm_connections')) {
          // Announced after a commit, but a writer may announce inside its own transaction: start the cursor after it.
          if (deps.sqlite.inTransaction) queueMicrotask(startCursors);
          else startCursors();
        }
        if (tables.includes('record_changes') || tables.includes('crm_connections') || tables.includes('sync_settings')) kickAll();
      });
      kickAll();
    },
    /** A pass of `crm` now (after "Retry now", or a test's clock moved on). */
    kick: (crm: CrmConnectorId) => pushers.get(crm)!.kick(),
    pusher: (crm: CrmConnectorId) => pushers.get(crm)!,
    /** Resolves when no integration has a pass running. */
    async idle() {
      await Promise.all([...pushers.values()].map((p) => p.idle()));
    },
    async stop() {
      stopEvents?.();
      await Promise.all([...pushers.values()].map((p) => p.stop()));
    },
  };
}

export type PushEngine = ReturnType<typeof createPushEngine>;
