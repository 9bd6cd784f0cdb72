// The monitoring of one integration, read from what the engine keeps: the last run, linked records and those
// synced in the last 24 hours, open errors, Kayse changes waiting (and LawRuler's webhook calls not yet applied),
// the pause, recent runs, and the runs' records by outcome in time buckets for the chart. Plus one record's error
// in detail: the CRM's answer beside the call the failed attempt sent, the request the next attempt sends and the
// record's mapped values.
import type Database from 'better-sqlite3';
import type { CrmConnectorId } from '../../../shared/domain/connectors';
import type { ChartBucket, ChartRange, ErrorDetail, SyncMonitoring } from '../../../shared/domain/sync-monitoring';
import type { PushRecordError } from '../../../shared/domain/sync-push';
import type { SyncRun } from '../../../shared/domain/sync-runs';
import { AppError } from '../../../shared/result';
import type { Clock } from '../../kernel';
import type { AuthPauses } from '../engine/auth-pause';
import type { PushEngine } from '../engine/push-engine';
import type { RateLimiter } from '../engine/rate-limit';
import type { RunStore } from '../engine/run-store';
import { dayStart, hourStart } from '../engine/run-schedule';
import { planCase } from '../sample/case-plan';
import { toError, type ErrorRow } from '../engine/push-store';

const toErrorOrNull = (r: ErrorRow | undefined): PushRecordError | null => (r ? toError(r) : null);


const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export interface MonitoringDeps {
  sqlite: Database.Database;
  clock: Clock;
  runs: RunStore;
  push: Pick<PushEngine, 'store' | 'depsFor'>;
  pauses: Pick<AuthPauses, 'pauseOf'>;
  /** The integration's rate limiter, for how fast it paces now. */
  limiterOf(crm: CrmConnectorId): Pick<RateLimiter, 'state'>;
  /** The company's timezone: the chart's hours and days are its own. */
  timezone(): string;
}

/** The starts of the chart's buckets, oldest first: local hours or local days of the company's timezone. */
export function bucketStarts(range: ChartRange, nowMs: number, timezone: string): number[] {
  if (range === '24h') {
    const last = hourStart(timezone, nowMs);
    return Array.from({ length: 24 }, (_, i) => last - (23 - i) * HOUR);
  }
  const days = range === '7d' ? 7 : 30;
  return Array.from({ length: days }, (_, i) => dayStart(timezone, nowMs, days - 1 - i));
}

/** Runs' records by outcome in the buckets starting at `starts` (the last one runs to now). */
export function chartOf(runs: SyncRun[], starts: number[]): ChartBucket[] {
  const out: ChartBucket[] = starts.map((start) => ({
    start: new Date(start).toISOString(),
    runs: 0,
    created: 0,
    updated: 0,
    pulled: 0,
    unchanged: 0,
    skipped: 0,
    conflicts: 0,
    failed: 0,
  }));
  for (const run of runs) {
    const at = Date.parse(run.startedAt);
    let i = starts.length - 1;
    while (i >= 0 && starts[i]! > at) i -= 1;
    const b = out[i];
    if (!b) continue;
    b.runs += 1;
    b.created += run.counts.created;
    b.updated += run.counts.updated;
    b.pulled += run.counts.pulled;
    b.unchanged += run.counts.unchanged;
    b.skipped += run.counts.skipped;
    b.conflicts += run.counts.conflicts;
    b.failed += run.counts.errors;
  }
  return out;
}

export function createMonitoring(deps: MonitoringDeps) {
  const q = {
    syncedSince: deps.sqlite.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM sync_snapshots WHERE crm = ? AND synced_at >= ?'),
    errors: deps.sqlite.prepare<[string], { n: number }>('SELECT count(*) AS n FROM sync_record_errors WHERE crm = ?'),
    pullError: deps.sqlite.prepare<[string, string], ErrorRow>("SELECT * FROM sync_record_errors WHERE crm = ? AND case_id = ? AND direction = 'from_crm'"),
    linkOf: deps.sqlite.prepare<[string, string], { crm_record_id: string }>('SELECT crm_record_id FROM sync_links WHERE crm = ? AND case_id = ?'),
    inbound: deps.sqlite.prepare<[string], { n: number }>('SELECT count(*) AS n FROM crm_inbound_events WHERE crm = ? AND processed_at IS NULL'),
  };
  const { store } = deps.push;

  return {
    monitoring(crm: CrmConnectorId, range: ChartRange): SyncMonitoring {
      const nowMs = deps.clock.now().getTime();
      const timezone = deps.timezone();
      const starts = bucketStarts(range, nowMs, timezone);
      const recentRuns = deps.runs.recent(crm, 10);
      const last = recentRuns[0];
      const cursor = store.cursor(crm);
      const pause = deps.pauses.pauseOf(crm);
      const limiter = deps.limiterOf(crm).state();
      return {
        crm,
        lastSync: last ? { at: last.finishedAt, outcome: last.outcome, trigger: last.trigger } : null,
        recordsSynced: { linked: store.linkCount(crm), changedLast24h: q.syncedSince.get(crm, new Date(nowMs - DAY).toISOString())?.n ?? 0 },
        errors: q.errors.get(crm)?.n ?? 0,
        pending: { kayse: cursor === null ? 0 : store.pendingCount(crm, cursor), crm: crm === 'lawruler' ? (q.inbound.get(crm)?.n ?? 0) : null },
        paused: pause ? { reason: pause.reason, fix: pause.fix, since: pause.since } : null,
        rateLimit: { known: limiter.known, requestsPerSecond: Math.round(limiter.ratePerSecond * 10) / 10, pace: limiter.pace, holdSeconds: Math.ceil(limiter.holdMs / 1000) },
        recentRuns,
        chart: { range, timezone, buckets: chartOf(deps.runs.since(crm, new Date(starts[0]!).toISOString()), starts) },
      };
    },

    /** One record's error with the call it sent (to_crm, where kept), the request the next attempt sends and the record's mapped values. */
    async errorDetail(crm: CrmConnectorId, caseId: string, direction: 'to_crm' | 'from_crm' = 'to_crm'): Promise<ErrorDetail> {
      const error = direction === 'to_crm' ? store.error(crm, caseId) : toErrorOrNull(q.pullError.get(crm, caseId));
      if (!error) throw new AppError('NOT_FOUND', `${caseId.startsWith('crm:') ? `CRM record ${caseId.slice(4)}` : `Case ${caseId}`} has no ${direction === 'to_crm' ? 'Kayse → CRM' : 'CRM → Kayse'} error with this CRM.`);
      const ready = caseId.startsWith('crm:') ? null : await deps.push.depsFor(crm);
      const plan = ready ? planCase(ready.push, caseId) : null;
      const next = Object.fromEntries((plan?.values ?? []).filter((v) => v.differs).map((v) => [v.crmFieldId, v.value]));
      const crmRecordId = caseId.startsWith('crm:') ? caseId.slice(4) : (q.linkOf.get(crm, caseId)?.crm_record_id ?? null);
      return {
        crm,
        caseId,
        caseName: plan?.caseName ?? null,
        direction,
        error,
        request: direction === 'to_crm' ? { operation: plan?.operation ?? 'skip', crmRecordId: plan?.crmRecordId ?? null, values: next } : { operation: 'apply', crmRecordId, values: {} },
        sent: direction === 'to_crm' ? store.sentRequest(crm, caseId) : null,
        response: { kind: error.kind, httpStatus: error.httpStatus, crmMessage: error.crmMessage, field: error.field },
        mappedValues: plan?.values ?? [],
      };
    },
  };
}

export type Monitoring = ReturnType<typeof createMonitoring>;
