// The sync capability (`core.sync`), so far what the engine will stand on: field mappings (a default set and
// overrides per CRM case type), status mappings per Kayse case type, auto-map proposals and the sync settings of
// each integration, and the Kayse → CRM push (engine/). Mappings are checked against the stored catalog (crm/), never the CRM itself; saving one
// triggers nothing else.
import type Database from 'better-sqlite3';
import type { CrmConnectorId } from '../../shared/domain/connectors';
import type { CaseType } from '../../shared/domain/workspace';
import type { Crm } from '../crm';
import { announceChanged, type Clock, type EventBus } from '../kernel';
import type { Logger } from '../log';
import { createPushEngine, type PushEngineDeps } from './engine/push-engine';
import { createPushStatus } from './engine/push-status';
import { createPullEngine } from './engine/pull-engine';
import { createRunEngine } from './engine/run-engine';
import { pauseAware } from './engine/auth-pause';
import { createRateLimits } from './engine/rate-limit';
import { createNotes } from './engine/notes';
import { createMonitoring } from './monitoring/monitoring';
import { createSample } from './sample/sample';
import { createApplyAll } from './engine/run-apply-all';
import { suggestFieldMappings } from './auto-map';
import { createFieldMappings, type StoredCatalog } from './field-mappings';
import { createMappingStore, DEFAULT_SCOPE } from './mapping-store';
import { createStatusMappings } from './status-mappings';
import { createSyncSettings } from './sync-settings';
import { applyRateLimitSettings } from './rate-limit-setting';
import { createInitialSync } from './initial';
import { createCaseLinks } from './case-links';
import { createRecordErrors } from './record-errors';
import type { RecordStore } from '../workspace';

export interface SyncDeps {
  sqlite: Database.Database;
  /** The CRM integrations: the stored catalog, the connection with its toggles and a ready connector of each CRM. */
  crm: Pick<Crm, 'catalog' | 'connection' | 'connectorFor' | 'pacedBy'>;
  /** The cases and clients the push reads (and the initial sync writes, with the CRM as origin). */
  records: Pick<RecordStore, 'getCase' | 'getClient' | 'upsertClient' | 'updateClient' | 'upsertCase' | 'batch'>;
  /** Kayse's case types with their statuses and custom fields. */
  caseTypes: { list(): CaseType[] };
  /** The company's timezone, for a daily sync time. */
  company: { get(): { timezone: string } };
  clock: Clock;
  events: EventBus;
  logger?: Pick<Logger, 'warn'>;
  options?: SyncOptions;
}

export interface SyncOptions {
  /** false: the push does not start with the core (tests start it, or drive it by hand). */
  autoStart?: boolean;
  /** Timers for a 429's wait and an error's backoff. */
  schedule?: PushEngineDeps['schedule'];
  /**
   * Requests per second to each CRM (one limiter per integration, shared by push, pull and initial sync), for a CRM
   * whose rate limit the firm left unknown in its Sync settings: a stored one wins (rate-limit-setting.ts).
   */
  rateLimits?: Partial<Record<CrmConnectorId, number>>;
  /** Records per page of the initial sync (default 200). */
  initialPageSize?: number;
}

const defaultSchedule = (ms: number, wake: () => void) => {
  const timer = setTimeout(wake, ms);
  timer.unref();
  return () => clearTimeout(timer);
};

export function createSync(deps: SyncDeps) {
  const store = createMappingStore(deps.sqlite);
  const catalogOf = (crm: CrmConnectorId): StoredCatalog => {
    const state = deps.crm.catalog(crm);
    return { catalog: state.catalog, loadedAt: state.loadedAt };
  };
  const mappingDeps = { store, catalogOf, caseTypes: () => deps.caseTypes.list(), clock: deps.clock, events: deps.events };
  const fields = createFieldMappings(mappingDeps);
  const statuses = createStatusMappings(mappingDeps);
  const settings = createSyncSettings({
    sqlite: deps.sqlite,
    caseTypes: () => deps.caseTypes.list(),
    timezone: () => deps.company.get().timezone,
    clock: deps.clock,
    events: deps.events,
  });
  const schedule = deps.options?.schedule ?? defaultSchedule;
  const runs = createRunEngine({ sqlite: deps.sqlite, events: deps.events, clock: deps.clock, crm: deps.crm, settings, timezone: () => deps.company.get().timezone, schedule });
  // Every engine reaches the CRM through these: one limiter per integration.
  // The monitoring shows each limiter's pace and a 429's wait: the screen reads it again when one meets a 429.
  const rateLimits = createRateLimits(deps.options?.rateLimits, () => announceChanged(deps.events, ['rate_limits']));
  const pacedCrm = rateLimits.limit(deps.crm);
  // Connect and Test connection build connectors of their own: paced by the same limiter from their first request.
  deps.crm.pacedBy(rateLimits.limiterOf);
  // The firm's stored rate limit configures each limiter, now and on every save; it wins over options.rateLimits.
  const stopRateLimitSettings = applyRateLimitSettings(settings, rateLimits, deps.options?.rateLimits);
  const push = createPushEngine({
    sqlite: deps.sqlite,
    crm: pacedCrm,
    records: deps.records,
    caseTypes: () => deps.caseTypes.list(),
    catalogOf,
    fields,
    statuses,
    settings,
    mappingStore: store,
    clock: deps.clock,
    events: deps.events,
    ...(deps.logger ? { logger: deps.logger } : {}),
    ...(deps.options?.schedule ? { schedule: deps.options.schedule } : {}),
    control: runs.pushControl,
  });
  runs.bind(push);
  runs.setNotes(createNotes({ sqlite: deps.sqlite, events: deps.events, clock: deps.clock, crm: pacedCrm, settings, mayRun: runs.mayRun, authFailed: (crm, message) => runs.pauses.pause(crm, message) }));
  // CRM → Kayse: the real-time poll and LawRuler's webhook queue; hourly and daily runs call its pass through the runs engine.
  const pull = createPullEngine({
    sqlite: deps.sqlite,
    crm: pauseAware(pacedCrm, runs.pauses),
    records: deps.records,
    caseTypes: () => deps.caseTypes.list(),
    catalogOf,
    fields,
    statuses,
    settings,
    clock: deps.clock,
    events: deps.events,
    ...(deps.logger ? { logger: deps.logger } : {}),
    ...(deps.options?.schedule ? { schedule: deps.options.schedule } : {}),
    // Real-time passes join the runs' batch window (scheduled and Sync now passes are counted by their run).
    onRealtimePass: (crm, r) => runs.pulled(crm, { read: r.read, pulled: r.applied, created: r.created, skipped: r.skipped, conflicts: r.conflicts, errors: r.errors }, r.stoppedBy),
  });
  runs.setPull(async (crm, trigger) => {
    const c = await pull.pullOnce(crm, trigger === 'manual' ? 'manual' : 'scheduled');
    return { read: c.read, pulled: c.applied, created: c.created, skipped: c.skipped, conflicts: c.conflicts, errors: c.errors };
  });
  if (deps.options?.autoStart !== false) {
    push.start();
    runs.start();
    pull.start();
  }
  const initial = createInitialSync({
    sqlite: deps.sqlite,
    events: deps.events,
    clock: deps.clock,
    crm: pacedCrm,
    records: deps.records,
    caseTypes: () => deps.caseTypes.list(),
    catalogOf,
    fields,
    statuses,
    settings,
    mappingStore: store,
    pushStore: push.store,
    pull: { store: pull.store, conflicts: pull.conflicts },
    runs: runs.store,
    ...(deps.options?.schedule ? { schedule: deps.options.schedule } : {}),
    ...(deps.options?.initialPageSize ? { pageSize: deps.options.initialPageSize } : {}),
    ...(deps.logger ? { logger: deps.logger } : {}),
  });
  runs.setInitial((crm) => initial.status(crm));
  // A run a crash or a shutdown left unfinished goes on from its last page.
  if (deps.options?.autoStart !== false) void initial.resume();
  const pushStatus = createPushStatus(push, deps.clock);
  const monitoring = createMonitoring({ sqlite: deps.sqlite, clock: deps.clock, runs: runs.store, push, pauses: runs.pauses, limiterOf: rateLimits.limiterOf, timezone: () => deps.company.get().timezone });
  const sample = createSample({ sqlite: deps.sqlite, push, fields, runs: runs.store, clock: deps.clock, authFailed: (crm, message) => runs.pauses.pause(crm, message) });
  const applyAll = createApplyAll({ sqlite: deps.sqlite, events: deps.events, clock: deps.clock, push, runs: runs.store, pauses: runs.pauses });
  return {
    fields,
    statuses,
    settings,
    /** Auto-map proposals for one set; accepting them is an ordinary `fields.save`. */
    suggest(crm: CrmConnectorId, crmCaseTypeId: string | null, kayseCaseTypeId: string | null) {
      const saved = store.fieldMappings(crm).filter((m) => m.scope === (crmCaseTypeId ?? DEFAULT_SCOPE));
      const proposals = suggestFieldMappings({ catalog: catalogOf(crm).catalog, caseTypes: deps.caseTypes.list(), crmCaseTypeId, kayseCaseTypeId, saved });
      return { crmCaseTypeId, proposals };
    },
    /** Kayse → CRM: one pusher per integration over record_changes. */
    push,
    /** Pending changes, last push, linked records and per-record errors of one integration. */
    pushStatus: pushStatus.status,
    /**
     * "Retry now" for one record's error: Kayse → CRM sent at once, also between the slots of an hourly or daily sync;
     * CRM → Kayse (a case id or `crm:<record id>`) read and applied at once, resolved once it has been.
     */
    async retryRecord(crm: CrmConnectorId, caseId: string, direction: 'to_crm' | 'from_crm' = 'to_crm') {
      if (direction === 'from_crm') {
        await pull.retryRecord(crm, caseId);
        return;
      }
      pushStatus.retryRecord(crm, caseId);
      const off = !deps.crm.connection(crm).toggles.enabled || runs.pauses.pauseOf(crm) !== null;
      if (!off && !runs.mayRun(crm)) void sample.apply({ crm, caseId }).catch(() => undefined);
    },
    /** The initial sync: the match preview, the run as a task, its job. */
    initial,
    /** Runs, frequency and the auth pause: the run history, Sync now, `store.record` for the pull and initial sync. */
    runs,
    /** The limiter of each integration, and `limit(crm)`: the CRM service whose connectors are paced by them. */
    rateLimits,
    pacedCrm,
    /** Monitoring: last sync, records synced, errors, pending, runs, chart data; one record's error in detail. */
    monitoring,
    /** Test with a sample record: the dry run (writes nothing) and Apply. */
    sample,
    /** A case's CRM links (its detail screen). */
    caseLinks: createCaseLinks(deps.sqlite),
    /** Open record errors of both directions (the Monitoring tab's errors table). */
    recordErrors: createRecordErrors(deps.sqlite),
    /** Apply to all records: every linked case through the push once more, as a task with progress and cancel. */
    applyAll,
    /** CRM → Kayse: `pullOnce(crm, trigger)`, the inbound cursor, webhook calls, the conflict log. */
    pull,
    close: async () => {
      stopRateLimitSettings();
      await pull.stop();
      await initial.close();
      await applyAll.close();
      await push.stop();
      await runs.stop();
    },
  };
}

export type Sync = ReturnType<typeof createSync>;
