// "Apply to all records": after a mapping change, every linked case of an integration goes through the push once
// more, so the CRM gets the mapped values the new mappings give (a value already there as the last sync left it
// is not sent again). A task (task.progress, one per integration at a time) that can be cancelled: it stops after
// the record on its way, so what it synced stays consistent, and the run is recorded as cancelled with its counts.
// Records one at a time through the integration's rate limiter; a 429 is waited out and the record tried again;
// the CRM refusing the credentials pauses the integration and ends the task.
import type Database from 'better-sqlite3';
import { CONNECTOR_NAMES, type CrmConnectorId } from '../../../shared/domain/connectors';
import { emptyRunCounts, runOutcomeOf, type RunCounts } from '../../../shared/domain/sync-runs';
import { AppError } from '../../../shared/result';
import { createTaskRegistry, type Clock, type EventBus, type Task } from '../../kernel';
import type { AuthPauses } from './auth-pause';
import type { PushEngine } from './push-engine';
import { pushCase } from './push-record';
import { summarise, type RunStore } from './run-store';
import { refuseUnlessSending } from '../sample/sample';

/** Linked cases read at a time. */
const PAGE = 100;
/** Tries of one record that the CRM keeps asking to wait for. */
const MAX_WAITS = 5;

export interface ApplyAllState {
  crm: CrmConnectorId;
  counts: RunCounts;
  cancelled: boolean;
}

export interface ApplyAllDeps {
  sqlite: Database.Database;
  events: EventBus;
  clock: Clock;
  push: Pick<PushEngine, 'depsFor' | 'store'>;
  runs: RunStore;
  pauses: Pick<AuthPauses, 'pauseOf' | 'pause'>;
  /** Waits `ms` of real time (a 429's Retry-After). */
  sleep?: (ms: number) => Promise<void>;
}

export function createApplyAll(deps: ApplyAllDeps) {
  const tasks = createTaskRegistry<ApplyAllState>(deps.events, 'apply', 10);
  const current = new Map<CrmConnectorId, Task<ApplyAllState>>();
  const work = new Set<Promise<void>>();
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const q = {
    count: deps.sqlite.prepare<[string], { n: number }>('SELECT count(*) AS n FROM sync_links WHERE crm = ?'),
    page: deps.sqlite.prepare<[string, string, number], { case_id: string }>('SELECT case_id FROM sync_links WHERE crm = ? AND case_id > ? ORDER BY case_id LIMIT ?'),
  };

  const run = async (task: Task<ApplyAllState>) => {
    const { crm, counts } = task.state;
    const startedAt = deps.clock.now().toISOString();
    const messages: string[] = [];
    let after = '';
    let done = 0;
    let stoppedBy: string | null = null;
    try {
      for (let p = 0; p < 100_000 && !task.state.cancelled && stoppedBy === null; p += 1) {
        const ids = q.page.all(crm, after, PAGE).map((r) => r.case_id);
        if (ids.length === 0) break;
        // Read afresh each page: a mapping saved meanwhile is used from the next page on.
        const ready = await deps.push.depsFor(crm);
        if (!ready) throw new AppError('CONFLICT', `${CONNECTOR_NAMES[crm]} is no longer connected.`);
        refuseUnlessSending(crm, ready.push, ready.pushes);
        for (const caseId of ids) {
          if (task.state.cancelled) break;
          let outcome = await pushCase(ready.push, caseId);
          for (let w = 0; w < MAX_WAITS && typeof outcome === 'object' && outcome.auth === undefined; w += 1) {
            await sleep(outcome.waitMs);
            outcome = await pushCase(ready.push, caseId);
          }
          if (typeof outcome === 'object') {
            if (outcome.auth !== undefined) {
              deps.pauses.pause(crm, outcome.auth);
              stoppedBy = `${CONNECTOR_NAMES[crm]} refused the credentials: the integration is paused.`;
              break;
            }
            counts.errors += 1;
            messages.push(`${CONNECTOR_NAMES[crm]} kept asking to wait (rate limit).`);
          } else {
            counts.read += 1;
            if (outcome === 'failed') {
              counts.errors += 1;
              const message = deps.push.store.error(crm, caseId)?.message;
              if (message) messages.push(message);
            } else {
              counts[outcome] += 1;
              if (outcome === 'created' || outcome === 'updated') counts.pushed += 1;
            }
          }
          done += 1;
          after = caseId;
          tasks.progress(task, 'sending', done);
        }
      }
    } catch (error) {
      stoppedBy = error instanceof Error ? error.message : String(error);
    }
    if (stoppedBy) messages.unshift(stoppedBy);
    const outcome = task.state.cancelled ? 'cancelled' : stoppedBy ? 'failed' : runOutcomeOf(counts);
    deps.runs.record({ crm, trigger: 'apply_all', direction: 'to_crm', startedAt, finishedAt: deps.clock.now().toISOString(), counts, outcome, errorSummary: summarise(messages) });
    current.delete(crm);
    if (stoppedBy) tasks.fail(task, stoppedBy);
    else tasks.finish(task);
  };

  const view = (task: Task<ApplyAllState>) => ({
    taskId: task.id,
    crm: task.state.crm,
    status: task.status,
    phase: task.phase,
    done: task.done,
    total: task.total,
    cancelled: task.state.cancelled,
    error: task.error,
    counts: { ...task.state.counts },
  });

  return {
    /** Starts the task for `crm` (or answers the one running); CONFLICT while it may not send. */
    async start(crm: CrmConnectorId) {
      const running = current.get(crm);
      if (running) return view(running);
      const pause = deps.pauses.pauseOf(crm);
      if (pause) throw new AppError('CONFLICT', `${CONNECTOR_NAMES[crm]} is paused: ${pause.reason}. ${pause.fix}`);
      const ready = await deps.push.depsFor(crm);
      if (!ready) throw new AppError('CONFLICT', `${CONNECTOR_NAMES[crm]} is not connected: connect it in Configuration first.`);
      refuseUnlessSending(crm, ready.push, ready.pushes);
      const started = current.get(crm); // started meanwhile
      if (started) return view(started);
      const total = q.count.get(crm)?.n ?? 0;
      const task = tasks.start('sync.applyAll', { crm, counts: emptyRunCounts(), cancelled: false }, total);
      current.set(crm, task);
      const done = run(task).finally(() => work.delete(done));
      work.add(done);
      return view(task);
    },
    /** Stops after the record on its way; what was sent stays. */
    cancel(crm: CrmConnectorId) {
      const task = current.get(crm);
      if (!task) throw new AppError('NOT_FOUND', `No "Apply to all records" is running for ${CONNECTOR_NAMES[crm]}.`);
      task.state.cancelled = true;
      tasks.progress(task, 'cancelling', task.done);
      return view(task);
    },
    status(crm: CrmConnectorId) {
      const task = current.get(crm);
      return task ? view(task) : null;
    },
    task: (taskId: string) => view(tasks.get(taskId, 'Apply to all records tasks')),
    /** Cancels what runs and waits for it (the console stops). */
    async close() {
      for (const task of current.values()) task.state.cancelled = true;
      await Promise.all([...work]);
    },
  };
}

export type ApplyAll = ReturnType<typeof createApplyAll>;
