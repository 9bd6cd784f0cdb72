// The initial sync of each integration (`sync.initial*`): the match preview, and the run as a task with progress
// and cancel. A job is checkpointed after every page; one left running by a crash or a shutdown is resumed when the
// console starts again (`resume`). Cancel stops after the page under way and keeps what was done.
import type Database from 'better-sqlite3';
import type { CrmConnectorId } from '../../../shared/domain/connectors';
import type { InitialJob, InitialPreview } from '../../../shared/domain/sync-initial';
import { AppError } from '../../../shared/result';
import { writeTransaction } from '../../db';
import { announceChanged, createTaskRegistry, newId, type EventBus, type Task } from '../../kernel';
import type { Logger } from '../../log';
import type { RecordStore } from '../../workspace';
import type { ApplyDeps } from '../engine/pull-apply';
import type { RunInput } from '../engine/run-store';
import { INITIAL_PAGE_SIZE, type PageReader } from './crm-pages';
import { previewInitial } from './initial-preview';
import { initialRules } from './initial-rules';
import { runInitial } from './initial-run';
import { createInitialStore, zeroCounts, type JobRow } from './initial-store';
import { pushDepsFor, type PushDepsSource } from './push-deps';

export interface InitialSyncDeps extends PushDepsSource {
  sqlite: Database.Database;
  events: EventBus;
  records: Pick<RecordStore, 'upsertClient' | 'updateClient' | 'upsertCase' | 'batch' | 'getCase' | 'getClient'>;
  /** Timers for a 429's wait and a retry's backoff (default setTimeout, unref'd). */
  schedule?: (ms: number, wake: () => void) => () => void;
  /** Records per page (default 200). */
  pageSize?: number;
  /** The run history (sync_runs): each initial sync that ends is recorded there once, under its job's id. */
  runs?: { record(input: RunInput, id?: string): unknown };
  /** The pull's store and conflict log: linked records are decided as the pull decides them. */
  pull?: Pick<ApplyDeps, 'store' | 'conflicts'>;
  logger?: Pick<Logger, 'warn'>;
}

interface Running {
  job: JobRow;
  task: Task<{ crm: CrmConnectorId; jobId: string }>;
  cancelled: boolean;
  done: Promise<void>;
}

const defaultSchedule = (ms: number, wake: () => void) => {
  const timer = setTimeout(wake, ms);
  timer.unref();
  return () => clearTimeout(timer);
};

export function createInitialSync(deps: InitialSyncDeps) {
  const schedule = deps.schedule ?? defaultSchedule;
  const store = createInitialStore(deps.sqlite);
  const tasks = createTaskRegistry<{ crm: CrmConnectorId; jobId: string }>(deps.events, 'initial-sync', 10);
  const running = new Map<CrmConnectorId, Running>();
  const sleepers = new Set<() => void>();
  let closing = false;
  const now = () => deps.clock.now().toISOString();

  /** Sleeps `ms`, or less when the run is cancelled or the console closes. */
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        sleepers.delete(wake);
        cancelTimer();
        resolve();
      };
      const cancelTimer = schedule(ms, wake);
      sleepers.add(wake);
    });
  const wakeAll = () => {
    for (const wake of [...sleepers]) wake();
  };

  const rulesFor = async (crm: CrmConnectorId) => {
    const ready = await pushDepsFor(deps, crm);
    return initialRules(ready.push, ready.pushes, deps.fields);
  };
  /** The pull's decision, where the pull exists and values may come in from the CRM. */
  const applyFor = (rules: ReturnType<typeof initialRules>): ApplyDeps | undefined => {
    if (!deps.pull || !rules.receives) return undefined;
    const { push } = rules;
    const effective = new Map<string, ReturnType<ApplyDeps['mappingsFor']>>();
    return {
      crm: push.crm,
      connector: push.connector,
      ...deps.pull,
      records: deps.records,
      caseTypes: push.caseTypes,
      catalog: push.catalog,
      toggles: push.toggles,
      settings: push.settings,
      demoConnection: push.demoConnection,
      mappingsFor(crmCaseTypeId) {
        if (!effective.has(crmCaseTypeId)) effective.set(crmCaseTypeId, deps.fields.effective(push.crm, crmCaseTypeId).used);
        return effective.get(crmCaseTypeId)!;
      },
      statusSets: push.statusSets,
      clock: deps.clock,
    };
  };
  const reader = (rules: ReturnType<typeof initialRules>, stopping: () => boolean): PageReader => ({
    connector: rules.push.connector,
    pageSize: deps.pageSize ?? INITIAL_PAGE_SIZE,
    sleep,
    stopping,
  });

  const view = (job: JobRow | null): InitialJob | null =>
    job && {
      id: job.id,
      crm: job.crm,
      state: job.state,
      phase: job.phase,
      pages: job.pages,
      counts: job.counts,
      ambiguous: job.ambiguous,
      startedAt: job.startedAt,
      updatedAt: job.updatedAt,
      finishedAt: job.finishedAt,
      error: job.error,
      taskId: running.get(job.crm)?.job.id === job.id ? running.get(job.crm)!.task.id : null,
    };

  const save = (job: JobRow) =>
    writeTransaction(deps.sqlite, () => {
      store.save(job);
      announceChanged(deps.events, ['sync_initial_jobs']);
    });

  /** The ended run in the run history: trigger initial, both directions, its counts and outcome. */
  const recordRun = (job: JobRow) => {
    const c = job.counts;
    deps.runs?.record(
      {
        crm: job.crm,
        trigger: 'initial',
        direction: 'both',
        startedAt: job.startedAt,
        finishedAt: job.finishedAt ?? now(),
        counts: { read: c.read, created: c.createdInKayse + c.createdInCrm, updated: c.linked, unchanged: c.alreadyLinked, skipped: c.skipped + c.ambiguous, errors: c.failed },
        ...(job.state === 'cancelled' ? { outcome: 'cancelled' as const } : job.state === 'failed' ? { outcome: 'failed' as const } : {}),
        errorSummary: job.error,
      },
      job.id,
    );
  };

  const progress = (entry: Running) => {
    const { job } = entry;
    const done = job.counts.read + (job.phase === 'kayse' ? job.counts.createdInCrm + job.counts.failed : 0);
    tasks.progress(entry.task, job.phase === 'crm' ? 'reading CRM records' : 'sending Kayse cases to the CRM', done);
    // The page's links and snapshots were written in its transaction without announcing each.
    announceChanged(deps.events, ['sync_initial_jobs', 'sync_links', 'sync_snapshots', 'sync_create_intents']);
  };

  const launch = (job: JobRow, rules: ReturnType<typeof initialRules>): Running => {
    const entry = { job, task: tasks.start('sync.initial', { crm: job.crm, jobId: job.id }, null), cancelled: false } as Running;
    running.set(job.crm, entry);
    const stopping = () => closing || entry.cancelled;
    entry.done = (async () => {
      try {
        const apply = applyFor(rules);
        const run = { sqlite: deps.sqlite, store, pushStore: deps.pushStore, records: deps.records, rules, reader: reader(rules, stopping), now, onPage: () => progress(entry) };
        await runInitial(apply ? { ...run, apply } : run, job);
        // Closing: the job stays running, and the next start of the console resumes it from its checkpoint.
        if (closing && !entry.cancelled) return tasks.fail(entry.task, 'The console closed; the initial sync goes on from its last page when it starts again.');
        job.state = entry.cancelled ? 'cancelled' : 'done';
        job.finishedAt = job.updatedAt = now();
        save(job);
        recordRun(job);
        if (entry.cancelled) tasks.progress(entry.task, 'cancelled', entry.task.done);
        tasks.finish(entry.task);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        deps.logger?.warn({ crm: job.crm, error: message }, 'initial sync stopped');
        job.state = 'failed';
        job.error = message;
        job.finishedAt = job.updatedAt = now();
        save(job);
        recordRun(job);
        tasks.fail(entry.task, message);
      } finally {
        running.delete(job.crm);
      }
    })();
    return entry;
  };

  return {
    /** What the run would do, counted; writes nothing. */
    async preview(crm: CrmConnectorId): Promise<InitialPreview> {
      const rules = await rulesFor(crm);
      return previewInitial(deps.sqlite, rules, reader(rules, () => closing));
    },
    /** Starts the run as a task (or returns the one running). */
    async start(crm: CrmConnectorId): Promise<InitialJob> {
      if (closing) throw new AppError('CONFLICT', 'The console is closing.');
      const current = running.get(crm);
      if (current) return view(current.job)!;
      const rules = await rulesFor(crm);
      if (running.has(crm)) return view(running.get(crm)!.job)!;
      const at = now();
      const job: JobRow = {
        id: newId('initial-'),
        crm,
        state: 'running',
        phase: 'crm',
        crmCursor: null,
        kayseAfter: null,
        pages: 0,
        counts: zeroCounts(),
        ambiguous: [],
        heldCaseIds: [],
        startedAt: at,
        updatedAt: at,
        finishedAt: null,
        error: null,
      };
      writeTransaction(deps.sqlite, () => {
        store.insert(job);
        announceChanged(deps.events, ['sync_initial_jobs']);
      });
      return view(launch(job, rules).job)!;
    },
    /** Stops the run after the page under way; what was done stays. */
    async cancel(crm: CrmConnectorId): Promise<InitialJob | null> {
      const entry = running.get(crm);
      if (entry) {
        entry.cancelled = true;
        wakeAll();
        await entry.done;
      }
      return view(store.latest(crm));
    },
    status: (crm: CrmConnectorId): InitialJob | null => view(store.latest(crm)),
    /** Resolves when the run of `crm` (if any) has ended. */
    async idle(crm: CrmConnectorId) {
      await running.get(crm)?.done;
    },
    /** Goes on with every job a crash or a shutdown left running, from its checkpoint. */
    async resume(): Promise<void> {
      for (const job of store.running()) {
        if (running.has(job.crm) || closing) continue;
        try {
          launch(job, await rulesFor(job.crm));
        } catch (error) {
          // Not connected or turned off now: it stays running and resumes at a later start.
          deps.logger?.warn({ crm: job.crm, error: error instanceof Error ? error.message : String(error) }, 'initial sync not resumed');
        }
      }
    },
    async close() {
      closing = true;
      wakeAll();
      await Promise.all([...running.values()].map((r) => r.done));
    },
  };
}

export type InitialSync = ReturnType<typeof createInitialSync>;
