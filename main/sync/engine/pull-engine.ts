// CRM → Kayse for every integration. A pass (`pullOnce`) applies LawRuler's waiting webhook calls (each lead read
// with `get`, then marked done), retries records whose error is due, then reads `listChanged` pages from the durable
// inbound cursor, saving the cursor after every page (a restart resumes there; never "now" taken after the run).
// Enable off or Receive off (or direction Kayse → CRM): nothing is read and the cursor stays. In real time the pass
// runs every minute on the host's timer and at once when a webhook call is stored; hourly and daily runs are the
// runs engine's, which calls `pullOnce` and records the counts.
import type Database from 'better-sqlite3';
import { CRM_CONNECTOR_IDS, type CrmConnectorId } from '../../../shared/domain/connectors';
import type { PullCounts, PullTrigger } from '../../../shared/domain/sync-pull';
import type { CaseType } from '../../../shared/domain/workspace';
import { AppError } from '../../../shared/result';
import { CrmError, type CrmConnector, type CrmRecord } from '../../connectors';
import type { Crm } from '../../crm';
import type { Clock, EventBus } from '../../kernel';
import type { Logger } from '../../log';
import type { RecordStore } from '../../workspace';
import type { FieldMappings, StoredCatalog } from '../field-mappings';
import type { StatusMappings } from '../status-mappings';
import type { SyncSettingsService } from '../sync-settings';
import { createConflictLog } from './conflict-log';
import { markRead, type ReadMark } from './in-flight';
import { applyCrmRecord, ClientNotUpdatable, type ApplyDeps } from './pull-apply';
import { createPullStore, unlinkedKey } from './pull-store';
import { backoffMs } from './push-record';

/** Records asked for per listing page. */
export const PULL_PAGE_SIZE = 100;
/** Pages one pass reads at most (every loop bounded); the next pass goes on from the saved cursor. */
export const MAX_PULL_PAGES = 100;
/** Webhook calls one pass applies at most. */
const MAX_CALLS = 500;
/** Real time: how often the CRM's listing is polled (sync.md: every minute). */
export const POLL_MS = 60_000;

export interface PullEngineDeps {
  sqlite: Database.Database;
  crm: Pick<Crm, 'connection' | 'connectorFor'>;
  records: Pick<RecordStore, 'upsertCase' | 'upsertClient' | 'updateClient' | 'getCase' | 'getClient' | 'batch'>;
  caseTypes(): CaseType[];
  catalogOf(crm: CrmConnectorId): StoredCatalog;
  fields: FieldMappings;
  statuses: StatusMappings;
  settings: SyncSettingsService;
  clock: Clock;
  events: EventBus;
  logger?: Pick<Logger, 'warn'>;
  schedule?: (ms: number, wake: () => void) => () => void;
  /** A real-time pass (poll or webhook) ended: the runs engine counts it in its batch window. */
  onRealtimePass?(crm: CrmConnectorId, result: PullResult): void;
}

export interface PullOptions {
  /** Stop after this many listing pages (tests of a pass cut short; the cursor says where the next resumes). */
  maxPages?: number;
  pageSize?: number;
}

export type PullResult = PullCounts & { /** Why the pass stopped early (the CRM's answer), or null. */ stoppedBy: string | null };

const zero = (): PullResult => ({ read: 0, applied: 0, created: 0, skipped: 0, conflicts: 0, errors: 0, stoppedBy: null });

const defaultSchedule = (ms: number, wake: () => void) => {
  const timer = setTimeout(wake, ms);
  timer.unref();
  return () => clearTimeout(timer);
};

/** Errors that stop the whole pass (the CRM can't be read now), rather than one record. */
const stopsPass = (error: unknown) => error instanceof CrmError && ['auth', 'rate_limited', 'unavailable'].includes(error.kind);

export function createPullEngine(deps: PullEngineDeps) {
  let stopped = false;
  const store = createPullStore(deps.sqlite, deps.events);
  const conflicts = createConflictLog(deps.sqlite);
  const now = () => deps.clock.now().toISOString();

  /** Everything a pass needs, read fresh; null when nothing may be pulled now. */
  const prepare = async (crm: CrmConnectorId): Promise<{ apply: ApplyDeps; connector: CrmConnector } | null> => {
    const connection = deps.crm.connection(crm);
    if (connection.state === 'not_connected') return null;
    const settings = deps.settings.get(crm);
    const { toggles } = connection;
    if (!toggles.enabled || !toggles.receive || settings.direction === 'kayse_to_crm') return null;
    const connector = await deps.crm.connectorFor(crm);
    if (!connector) return null;
    const effective = new Map<string, ReturnType<FieldMappings['effective']>['used']>();
    const apply: ApplyDeps = {
      crm,
      connector,
      store,
      conflicts,
      records: deps.records,
      caseTypes: deps.caseTypes(),
      catalog: deps.catalogOf(crm).catalog,
      toggles,
      settings,
      demoConnection: connection.demo,
      mappingsFor(crmCaseTypeId) {
        if (!effective.has(crmCaseTypeId)) effective.set(crmCaseTypeId, deps.fields.effective(crm, crmCaseTypeId).used);
        return effective.get(crmCaseTypeId)!;
      },
      statusSets: deps.statuses.list(crm).caseTypes,
      clock: deps.clock,
    };
    return { apply, connector };
  };

  /** The record's error: the CRM's answer, retried with backoff unless it waits for a change of the record. */
  const recordFailure = (crm: CrmConnectorId, key: string, error: unknown) => {
    const attempts = store.attempts(crm, key) + 1;
    const retryAt = new Date(deps.clock.now().getTime() + backoffMs(attempts)).toISOString();
    if (error instanceof CrmError) {
      const d = error.crmDetails;
      const waits = d.kind === 'rejected' || d.kind === 'not_found';
      store.recordError(crm, { key, kind: d.kind, message: error.message, crmMessage: d.crmMessage ?? null, httpStatus: d.status ?? null, field: d.field ?? null, lastAt: now(), nextTryAt: waits ? null : retryAt });
      return;
    }
    // Kayse refused the value (a validation of the record store) or the client can't be written: it waits for the
    // CRM record to change again; anything else is retried.
    const message = error instanceof Error ? error.message : String(error);
    const waits = error instanceof AppError || error instanceof ClientNotUpdatable;
    store.recordError(crm, { key, kind: waits ? 'kayse_refused' : 'internal', message, crmMessage: null, httpStatus: null, field: null, lastAt: now(), nextTryAt: waits ? null : retryAt });
  };

  /** Applies one record and counts what happened; a failure is the record's own error and never stops the others. */
  const applyOne = async (apply: ApplyDeps, record: CrmRecord, counts: PullResult, read: ReadMark) => {
    counts.read += 1;
    try {
      const outcome = await applyCrmRecord(apply, record, read);
      counts.conflicts += outcome.conflicts;
      if (outcome.kind === 'applied') counts.applied += 1;
      else if (outcome.kind === 'created') counts.created += 1;
      else counts.skipped += 1;
    } catch (error) {
      if (stopsPass(error)) throw error;
      counts.errors += 1;
      const link = store.linkOfRecord(apply.crm, record.id);
      recordFailure(apply.crm, link ? link.caseId : unlinkedKey(record.id), error);
    }
  };

  /** Reads one CRM record by id and applies it; a record the CRM no longer has is the record's error. */
  const fetchAndApply = async (apply: ApplyDeps, connector: CrmConnector, recordId: string, counts: PullResult) => {
    const read = markRead();
    try {
      let record: CrmRecord;
      try {
        record = await connector.get(recordId);
      } catch (error) {
        if (stopsPass(error)) throw error;
        counts.errors += 1;
        const link = store.linkOfRecord(apply.crm, recordId);
        recordFailure(apply.crm, link ? link.caseId : unlinkedKey(recordId), error);
        return;
      }
      await applyOne(apply, record, counts, read);
    } finally {
      read.close();
    }
  };

  const pass = async (crm: CrmConnectorId, trigger: PullTrigger, options: PullOptions): Promise<PullResult> => {
    const counts = zero();
    const ready = await prepare(crm);
    if (!ready) return counts;
    const { apply, connector } = ready;
    try {
      // LawRuler's webhook calls: each marked done once its lead is applied (or found gone), durable across restarts.
      for (const call of store.waitingCalls(crm, MAX_CALLS)) {
        await fetchAndApply(apply, connector, call.recordId, counts);
        store.callDone(call.id, now());
      }
      if (trigger === 'webhook') return counts;
      for (const key of store.dueErrors(crm, now())) {
        const recordId = key.startsWith('crm:') ? key.slice(4) : store.recordOfCase(crm, key);
        if (recordId) await fetchAndApply(apply, connector, recordId, counts);
      }
      let cursor = store.cursor(crm);
      if (!cursor) {
        // A new integration reads what changed after it was connected; what was there before is the initial sync's.
        cursor = { modifiedAt: deps.crm.connection(crm).connectedAt ?? now(), id: '' };
        store.setCursor(crm, cursor, now());
      }
      const pages = Math.min(options.maxPages ?? MAX_PULL_PAGES, MAX_PULL_PAGES);
      for (let page = 0; page < pages && !stopped; page += 1) {
        // A page is applied record by record: a write of ours landing on one before its turn makes it read again.
        const read = markRead();
        let listed: Awaited<ReturnType<CrmConnector['listChanged']>>;
        try {
          listed = await connector.listChanged(cursor, options.pageSize ?? PULL_PAGE_SIZE);
          for (const record of listed.records) await applyOne(apply, record, counts, read);
        } finally {
          read.close();
        }
        if (listed.next) {
          cursor = listed.next;
          store.setCursor(crm, cursor, now());
        }
        if (listed.caughtUp || listed.records.length === 0) break;
      }
    } catch (error) {
      if (!stopsPass(error)) throw error;
      counts.stoppedBy = error instanceof Error ? error.message : String(error);
    }
    return counts;
  };

  // One pass at a time per integration: a second call waits for the running one, then runs.
  const running = new Map<CrmConnectorId, Promise<unknown>>();
  const pullOnce = (crm: CrmConnectorId, trigger: PullTrigger = 'manual', options: PullOptions = {}): Promise<PullResult> => {
    const before = running.get(crm) ?? Promise.resolve();
    const next = before.catch(() => undefined).then(() => pass(crm, trigger, options));
    running.set(crm, next);
    return next;
  };

  /**
   * "Retry now" for one from_crm error (a linked case id, or `crm:<record id>`): the CRM record is read and applied at
   * once, in turn with the passes. Success clears the error (applyCrmRecord does); a failure keeps it with the CRM's
   * answer (or Kayse's refusal), one attempt more.
   */
  const retryRecord = (crm: CrmConnectorId, key: string): Promise<PullResult> => {
    const before = running.get(crm) ?? Promise.resolve();
    const next = before
      .catch(() => undefined)
      .then(async () => {
        if (store.attempts(crm, key) === 0) throw new AppError('NOT_FOUND', `${key} has no error from this CRM to retry.`);
        const recordId = key.startsWith('crm:') ? key.slice(4) : store.recordOfCase(crm, key);
        if (!recordId) throw new AppError('NOT_FOUND', `Case ${key} is not linked with a record of this CRM, so there is nothing to read again.`);
        const ready = await prepare(crm);
        if (!ready) throw new AppError('CONFLICT', 'Nothing can be brought in from this CRM now (not connected, Enable or Receive off, direction Kayse → CRM, or paused): turn the sync on, then retry.');
        const counts = zero();
        try {
          await fetchAndApply(ready.apply, ready.connector, recordId, counts);
        } catch (error) {
          // The CRM can't be read now (rate limit, outage, refused credentials): the record's error says so.
          recordFailure(crm, key, error);
          counts.errors += 1;
          counts.stoppedBy = error instanceof Error ? error.message : String(error);
        }
        return counts;
      });
    running.set(crm, next);
    return next;
  };

  const timers = new Map<CrmConnectorId, () => void>();
  const schedule = deps.schedule ?? defaultSchedule;
  const isRealTime = (crm: CrmConnectorId) => deps.settings.get(crm).frequency.kind === 'real_time';
  const quietly = (crm: CrmConnectorId, trigger: PullTrigger) =>
    pullOnce(crm, trigger)
      .then((result) => deps.onRealtimePass?.(crm, result))
      .catch((error: unknown) => deps.logger?.warn({ crm, error: error instanceof Error ? error.message : String(error) }, 'sync pull stopped a pass'));

  /** Real time: a pass now and then every POLL_MS, while the integration is set to real time. */
  const poll = (crm: CrmConnectorId) => {
    timers.get(crm)?.();
    if (stopped) return;
    timers.set(
      crm,
      schedule(POLL_MS, () => {
        if (stopped) return;
        const run = isRealTime(crm) ? quietly(crm, 'real_time') : Promise.resolve();
        void run.finally(() => poll(crm));
      }),
    );
  };

  let stopEvents: (() => void) | null = null;
  return {
    store,
    conflicts,
    pullOnce,
    retryRecord,
    /** What `applyCrmRecord` needs for `crm` now (settings, toggles, mappings, the connector); null when nothing may be pulled. */
    applyDepsFor: async (crm: CrmConnectorId): Promise<ApplyDeps | null> => (await prepare(crm))?.apply ?? null,
    start() {
      stopped = false;
      for (const crm of CRM_CONNECTOR_IDS) poll(crm);
      // A stored webhook call is applied at once in real time (other frequencies take it with their run); so are
      // calls left waiting by a restart, or by Enable / Receive off once they are on again.
      const drain = () => {
        for (const crm of CRM_CONNECTOR_IDS) if (isRealTime(crm) && store.waitingCount(crm) > 0) void quietly(crm, 'webhook');
      };
      stopEvents = deps.events.on('tables.changed', ({ tables }) => {
        if (tables.includes('crm_inbound_events') || tables.includes('crm_connections') || tables.includes('sync_settings')) drain();
      });
      drain();
    },
    /** Resolves when no pass is running. */
    async idle() {
      for (let i = 0; i < 100; i += 1) {
        const all = [...running.values()];
        await Promise.allSettled(all);
        if (all.length === running.size && all.every((p, j) => p === [...running.values()][j])) return;
      }
    },
    async stop() {
      stopped = true;
      stopEvents?.();
      for (const cancel of timers.values()) cancel();
      timers.clear();
      await Promise.allSettled([...running.values()]);
    },
  };
}

export type PullEngine = ReturnType<typeof createPullEngine>;
