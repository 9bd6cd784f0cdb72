// Runs, frequency and the auth pause of every integration, wired to the push: `control` is what the push engine
// asks before a pass and tells after each record (built before the push, bound to it by `bind`); `start` opens
// scheduled slots on time and resumes an integration whose credentials work again.
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/result';
import { CONNECTOR_NAMES, CRM_CONNECTOR_IDS, type CrmConnectorId } from '../../../shared/domain/connectors';
import type { RunCounts, RunTrigger, SyncRun } from '../../../shared/domain/sync-runs';
import type { Crm } from '../../crm';
import { writeTransaction } from '../../db';
import { announceChanged, type Clock, type EventBus } from '../../kernel';
import type { InitialJob } from '../../../shared/domain/sync-initial';
import type { TableName } from '../../../shared/domain/tables';
import type { SyncSettingsService } from '../sync-settings';
import type { Notes } from './notes';
import { createAuthPauses } from './auth-pause';
import type { PushControl, PushEngine } from './push-engine';
import { createRunControl, type RunControl } from './run-control';
import { createRunStore, type RunInput } from './run-store';

export interface RunEngineDeps {
  sqlite: Database.Database;
  events: EventBus;
  clock: Clock;
  crm: Pick<Crm, 'connection'>;
  settings: SyncSettingsService;
  timezone(): string;
  schedule(ms: number, wake: () => void): () => void;
}

/** An ended initial sync as a run: its counts in the runs' terms (a record matched and linked counts as updated). */
export function initialRun(job: InitialJob): RunInput {
  const c = job.counts;
  const outcome = job.state === 'cancelled' ? 'cancelled' : job.state === 'failed' ? 'failed' : undefined;
  return {
    crm: job.crm,
    trigger: 'initial',
    direction: 'both',
    startedAt: job.startedAt,
    finishedAt: job.finishedAt ?? job.updatedAt,
    counts: { read: c.read, created: c.createdInKayse + c.createdInCrm, updated: c.linked, pushed: c.createdInCrm, pulled: c.createdInKayse, unchanged: c.alreadyLinked, skipped: c.skipped + c.ambiguous, errors: c.failed },
    ...(outcome ? { outcome } : {}),
    errorSummary: job.error,
  };
}

/** Tables whose change may make a note due. */
const NOTE_TRIGGERS: TableName[] = ['events', 'sync_links', 'crm_connections', 'sync_pauses', 'sync_settings'];

export function createRunEngine(deps: RunEngineDeps) {
  const store = createRunStore(deps.sqlite, deps.events);
  let push: PushEngine | null = null;
  let control: RunControl | null = null;
  let notes: Notes | null = null;
  let initialJob: ((crm: CrmConnectorId) => InitialJob | null) | null = null;
  let pull: ((crm: CrmConnectorId, trigger: RunTrigger) => Promise<Partial<RunCounts>>) | null = null;
  const kick = (crm: CrmConnectorId) => push?.kick(crm);
  const pauses = createAuthPauses({ sqlite: deps.sqlite, events: deps.events, clock: deps.clock, connection: (crm) => deps.crm.connection(crm), resumed: kick });
  const bound = () => {
    if (!control) throw new Error('the run engine is not bound to the push yet');
    return control;
  };

  const pushControl: PushControl = {
    allow: (crm) => bound().allow(crm),
    landed: (crm, caseId, outcome, conflicts) => bound().landed(crm, caseId, outcome, conflicts),
    settled: (crm) => bound().settled(crm),
    authFailed: (crm, message) => pauses.pause(crm, message),
  };

  const recordInitialRuns = () => {
    for (const crm of CRM_CONNECTOR_IDS) {
      const job = initialJob?.(crm);
      if (job && job.state !== 'running' && job.finishedAt) store.record(initialRun(job), job.id);
    }
  };

  let stopEvents: (() => void) | null = null;
  return {
    store,
    pauses,
    /** What the push engine is built with. */
    pushControl,
    /** Binds the push (after it is built). */
    bind(engine: PushEngine) {
      push = engine;
      control = createRunControl({
        runs: store,
        clock: deps.clock,
        frequency: (crm) => deps.settings.get(crm).frequency,
        direction: (crm) => deps.settings.get(crm).direction,
        timezone: deps.timezone,
        paused: (crm) => pauses.pauseOf(crm) !== null,
        schedule: deps.schedule,
        pushIdle: (crm) => !engine.pusher(crm).state().running,
        kick,
        errorOf: (crm, caseId) => engine.store.error(crm, caseId)?.message ?? null,
        pull: (crm, trigger) => (pull ? pull(crm, trigger) : Promise.resolve({})),
        notes: (crm) => notes?.kick(crm) ?? Promise.resolve(),
      });
    },
    /** The CRM → Kayse side's one pass, run at each slot and on Sync now (its counts join the run). */
    setPull(fn: (crm: CrmConnectorId, trigger: RunTrigger) => Promise<Partial<RunCounts>>) {
      pull = fn;
    },
    /** The initial sync's latest job of an integration: each one that ends is recorded as a run (once). */
    setInitial(fn: (crm: CrmConnectorId) => InitialJob | null) {
      initialJob = fn;
      recordInitialRuns();
    },
    /** Messages and call records as notes (notes.ts): sent in real time as they come, or inside scheduled runs. */
    setNotes(n: Notes) {
      notes = n;
    },
    /** Resolves when no notes pass runs. */
    notesIdle: () => notes?.idle() ?? Promise.resolve(),
    /** Notes sent to `crm` so far. */
    notesSent: (crm: CrmConnectorId) => notes?.sentCount(crm) ?? 0,
    /** May other work of `crm` go now (not paused; real time, or inside a run)? */
    mayRun: (crm: CrmConnectorId) => bound().mayRun(crm),
    start() {
      stopEvents = deps.events.on('tables.changed', ({ tables }) => {
        if (NOTE_TRIGGERS.some((t) => tables.includes(t))) void notes?.kickAll();
        if (tables.includes('sync_initial_jobs')) recordInitialRuns();
        if (tables.includes('crm_connections')) pauses.connectionChanged(CRM_CONNECTOR_IDS);
        if (tables.includes('sync_settings') || tables.includes('company')) bound().rearm();
      });
      pauses.connectionChanged(CRM_CONNECTOR_IDS);
      recordInitialRuns();
      bound().tick();
    },
    /** Forgets the runs, the pause and the notes sent of `crm` (demo mode's wipe of its simulator connection). */
    forget(crm: CrmConnectorId): void {
      writeTransaction(deps.sqlite, () => {
        for (const table of ['sync_runs', 'sync_pauses', 'sync_notes'] as const) deps.sqlite.prepare(`DELETE FROM ${table} WHERE crm = ?`).run(crm);
        announceChanged(deps.events, ['sync_runs', 'sync_pauses', 'sync_notes']);
      });
    },
    /** A real-time pull pass's counts join the batch window (run-control.ts `pulled`); the pull calls it. */
    pulled: (crm: CrmConnectorId, counts: Partial<RunCounts>, stoppedBy: string | null = null) => bound().pulled(crm, counts, stoppedBy),
    /** Opens the slots that are due (the slot timers call it; tests call it after moving the clock). */
    tick: () => bound().tick(),
    /** "Sync now": refused while the integration can't run; else resolves with the run once written. */
    syncNow(crm: CrmConnectorId): Promise<SyncRun> {
      const view = deps.crm.connection(crm);
      const name = CONNECTOR_NAMES[crm];
      if (view.state === 'not_connected') throw new AppError('CONFLICT', `${name} is not connected: connect it in Configuration first.`);
      if (!view.toggles.enabled) throw new AppError('CONFLICT', `${name} is paused (Enable integration is off): turn it on to sync.`);
      const pause = pauses.pauseOf(crm);
      if (pause) throw new AppError('CONFLICT', `${name} is paused: ${pause.reason}. ${pause.fix}`);
      return bound().syncNow(crm);
    },
    async stop() {
      stopEvents?.();
      await notes?.idle();
      await control?.finished();
      control?.flush();
    },
  };
}

export type RunEngine = ReturnType<typeof createRunEngine>;
