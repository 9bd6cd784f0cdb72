// Demo mode as the core runs it: seeding (with task.progress), the activity generator posting through the
// real ingest API with its own key, and the wipe. Start, stop and wipe run one at a time.
import type Database from 'better-sqlite3';
import { DEMO_RATE_MAX, type DemoStatus, type DemoWipeResult } from '../../shared/contract/demo';
import type { TableName } from '../../shared/domain/tables';
import { AppError } from '../../shared/result';
import { announceChanged, ulidIds, type Clock, type EventBus, type IdGenerator } from '../kernel';
import type { Ingest } from '../ingest';
import type { Logger } from '../log';
import type { Workspace } from '../workspace';
import type { DemoWebhook } from '../webhooks';
import { createDemoCounter } from './demo-counts';
import type { DemoCrms } from './demo-crms';
import { createDemoDelivery } from './demo-delivery';
import { ensureDemoKey, type DemoKey } from './demo-key';
import { demoStateFile } from './demo-state-file';
import { loadDemoWorld } from './demo-world';
import { createScenarioFactory } from './event-factory';
import { realTimers, startDemoGenerator, type DemoGenerator, type Timers } from './generator';
import { createIngestPoster } from './ingest-poster';
import { createRng } from './prng';
import { REAL_DATA_STOP_MESSAGE, watchForRealData } from './real-data-watch';
import { seedDemoWorkspace, type SeedOptions } from './seed-workspace';
import { wipeDemoRows } from './wipe-demo';

export { DEMO_KEY_NAME } from './demo-key';
export const DEMO_SEED_TASK_KIND = 'demo-seed';
/** Requests in flight at most; also the connections to the ingest API. */
const MAX_IN_FLIGHT = 4;
/** While the generator runs, `demo` is announced as changed at most this often (not once per event). */
const NOTIFY_EVERY_MS = 1000;
const WIPED_TABLES: TableName[] = ['cases', 'clients', 'case_clients', 'record_changes', 'campaigns', 'agents', 'case_types', 'case_statuses', 'custom_fields', 'events', 'ingest_api_keys', 'webhooks', 'webhook_deliveries', 'demo'];

export interface DemoModeDeps {
  sqlite: Database.Database;
  /** The workspace's own services: demo rows are written through them, like any other. */
  workspace: Pick<Workspace, 'caseTypes' | 'records' | 'campaigns' | 'agents'>;
  ingest: Ingest;
  events: EventBus;
  clock: Clock;
  /** Ids of the seeding task and of each generator run (default: ULIDs). */
  ids?: IdGenerator;
  logger: Logger;
  dataDir: string;
  timers?: Timers;
  /** The CRM simulators demo mode starts and connects (none in tests of the generator alone). */
  crms?: DemoCrms;
  /** Demo mode's own webhook (none in tests of the generator alone): it gets a loopback receiver run here. */
  webhook?: DemoWebhook;
  /** Sizes and PRNG seed of the demo workspace (tests make it smaller). */
  seed?: Pick<SeedOptions, 'clients' | 'cases' | 'seed' | 'batchSize'>;
}

export interface DemoMode {
  status(): DemoStatus;
  start(input: { ratePerMinute: number; seed: boolean }): Promise<DemoStatus>;
  stop(): Promise<DemoStatus>;
  setRate(ratePerMinute: number): DemoStatus;
  wipe(): Promise<DemoWipeResult>;
  /** True when the workspace holds rows that demo mode did not create. */
  hasRealData(): boolean;
  /** Waits for a start or wipe in progress, then stops the generator (the core calls this before closing the ingest API). */
  close(): Promise<void>;
  /**
   * Calls `listener` after every request the generator gets accepted and whenever its state changes (a refused
   * request, stopping by itself): each step, unlike the throttled `demo` announcement. Returns the unsubscribe.
   * For waiting on activity (tests) without polling.
   */
  onActivity(listener: () => void): () => void;
}

/** The ingest API's address as seen from this machine: a wildcard bind is reached on loopback. */
function reachableUrl(status: ReturnType<Ingest['status']>): string {
  if (status.host === '0.0.0.0' || status.host === '::') return `http://127.0.0.1:${status.port}`;
  return status.url!;
}

export function createDemoMode(deps: DemoModeDeps): DemoMode {
  const { sqlite, events, logger, ids = ulidIds } = deps;
  const { caseTypes } = deps.workspace;
  const file = demoStateFile(deps.dataDir, (message) => logger.warn(message));
  const count = createDemoCounter(sqlite);
  const realRows = sqlite
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM case_types WHERE is_demo = 0) OR EXISTS (SELECT 1 FROM campaigns WHERE is_demo = 0)
         OR EXISTS (SELECT 1 FROM agents WHERE is_demo = 0) OR EXISTS (SELECT 1 FROM clients WHERE is_demo = 0)
         OR EXISTS (SELECT 1 FROM cases WHERE is_demo = 0)`,
    )
    .pluck();
  let generator: DemoGenerator | undefined;
  let key: DemoKey | undefined;
  let stoppedBecause: string | null = null;
  const delivery = createDemoDelivery(deps.webhook, logger);
  // Restarted with a demo webhook: its receiver runs again at once (new port), so deliveries still due succeed.
  let queue: Promise<unknown> = delivery.exists() ? delivery.start() : Promise.resolve();
  let seeding = false;
  const changed = (tables: TableName[]) => announceChanged(events, tables);
  const timers = deps.timers ?? realTimers;
  let notifyTimer: unknown;
  const activityListeners = new Set<() => void>();
  const activity = () => {
    for (const listener of [...activityListeners]) listener();
  };
  /** Announces new activity once per NOTIFY_EVERY_MS, so a status view refreshes steadily at any rate. */
  const notifySoon = () => {
    notifyTimer ??= timers.setTimeout(() => {
      notifyTimer = undefined;
      changed(['demo']);
    }, NOTIFY_EVERY_MS);
  };

  /** Runs `work` after every earlier start/stop/wipe has finished. */
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  const status = (): DemoStatus => {
    const state = file.read();
    const keyIds = [...new Set([...state.keyIds, ...(key ? [key.id] : [])])];
    const demoCounts = count(keyIds);
    const stats = generator?.stats();
    return {
      seeded: demoCounts.caseTypes + demoCounts.campaigns + demoCounts.agents + demoCounts.clients + demoCounts.cases > 0,
      seeding,
      generator: {
        running: stats?.running ?? false,
        ratePerMinute: stats?.ratePerMinute ?? state.ratePerMinute,
        posted: stats?.posted ?? 0,
        caseUpdates: stats?.caseUpdates ?? 0,
        failed: stats?.failed ?? 0,
        lastError: stats?.lastError ?? null,
        stoppedBecause,
      },
      demoCounts,
      receiver: delivery.url() === null ? null : { url: delivery.url()!, received: delivery.received() },
    };
  };

  const seed = async () => {
    const taskId = ids.next('demo_');
    const progress = (phase: string, done: number, total: number | null, finished = false, error: string | null = null) =>
      events.emit('task.progress', { taskId, kind: DEMO_SEED_TASK_KIND, phase, done, total, finished, error });
    seeding = true;
    changed(['demo']);
    const startedAt = performance.now();
    try {
      const result = await seedDemoWorkspace(
        { caseTypes, records: deps.workspace.records, campaigns: deps.workspace.campaigns, agents: deps.workspace.agents, events, clock: deps.clock },
        { ...deps.seed, onProgress: (phase, done, total) => progress(phase, done, total) },
      );
      const total = result.clients + result.cases;
      progress('done', total, total, true);
      logger.info({ ...result, ms: Math.round(performance.now() - startedAt) }, 'demo workspace seeded');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const leftovers = status().seeded ? ' Demo rows made so far can be removed with "Wipe demo data".' : '';
      progress('failed', 0, null, true, `${message}${leftovers}`);
      throw error;
    } finally {
      seeding = false;
      changed(['demo']);
    }
  };

  const ensureKey = (rateCeiling: number) => {
    const ensured = ensureDemoKey(deps.ingest, file, key, rateCeiling);
    if (ensured.key.id !== key?.id) changed(['ingest_api_keys']);
    key = ensured.key;
    return key;
  };

  const stopGenerator = async () => {
    const running = generator;
    if (!running) return;
    await running.stop();
    if (notifyTimer !== undefined) timers.clearTimeout(notifyTimer);
    notifyTimer = undefined;
  };

  const hasRealData = () => realRows.get() === 1;
  // Real records arriving stop the generator, and the status says why (the card shows it, the log records it).
  const unwatch = watchForRealData(events, () => generator?.stats().running === true, hasRealData, () => {
    if (stoppedBecause !== null && !generator?.stats().running) return;
    stoppedBecause = REAL_DATA_STOP_MESSAGE;
    logger.info('demo generator stopped: real records arrived in the workspace');
    void exclusive(async () => {
      await stopGenerator();
      changed(['demo']);
      activity();
    });
  });

  return {
    status,
    hasRealData,
    start: ({ ratePerMinute, seed: seedFirst }) =>
      exclusive(async () => {
        if (generator?.stats().running) {
          generator.setRate(ratePerMinute);
          file.update((s) => ({ ...s, ratePerMinute }));
          changed(['demo']);
          return status();
        }
        if (hasRealData()) {
          throw new AppError(
            'CONFLICT',
            'This workspace holds real records, so demo activity is not started (demo data never mixes with real work). Demo data already here can still be wiped.',
          );
        }
        const ingest = deps.ingest.status();
        if (!ingest.listening) {
          throw new AppError(
            'CONFLICT',
            `Demo activity is posted through the event ingest API, which is not running${ingest.error ? `: ${ingest.error}` : ''}. Restart the console (or fix the ingest port) and try again; nothing was changed.`,
          );
        }
        if (!status().seeded) {
          if (!seedFirst) throw new AppError('CONFLICT', 'There is no demo data yet. Start demo mode with seeding on (seed: true) to create it first.', { issues: [{ path: 'seed', message: 'no demo data to post about' }] });
          await seed();
        }
        const world = loadDemoWorld(sqlite, caseTypes);
        if (world.cases.length === 0) {
          throw new AppError('CONFLICT', 'The demo data has no demo cases to post activity about. Wipe demo data and start again to re-create it.');
        }
        await stopGenerator();
        stoppedBecause = null;
        const { apiKey } = ensureKey(DEMO_RATE_MAX * 2);
        await delivery.start(); // the demo webhook exists before the first demo event fans out
        const runId = ids.next().slice(-10).toLowerCase();
        generator = startDemoGenerator({
          poster: createIngestPoster(reachableUrl(ingest), apiKey, MAX_IN_FLIGHT),
          world,
          factory: createScenarioFactory(createRng(deps.clock.now().getTime() >>> 0), runId),
          clock: deps.clock,
          timers: deps.timers,
          ratePerMinute,
          maxInFlight: MAX_IN_FLIGHT,
          onAccepted: () => {
            notifySoon();
            activity();
          },
          onStateChange: () => {
            changed(['demo']);
            activity();
          },
        });
        file.update((s) => ({ ...s, ratePerMinute }));
        logger.info({ ratePerMinute, cases: world.cases.length }, 'demo generator started');
        changed(['demo']);
        // Failures are logged and shown on the CRM cards; the rest of demo mode runs without them.
        await deps.crms?.connect();
        return status();
      }),
    stop: () =>
      exclusive(async () => {
        await stopGenerator();
        changed(['demo']);
        return status();
      }),
    setRate(ratePerMinute) {
      generator?.setRate(ratePerMinute);
      file.update((s) => ({ ...s, ratePerMinute }));
      changed(['demo']);
      return status();
    },
    wipe: () =>
      exclusive(async () => {
        await stopGenerator();
        generator = undefined;
        await deps.crms?.wipe();
        const keyIds = [...new Set([...file.read().keyIds, ...(key ? [key.id] : [])])];
        const webhooks = await delivery.wipe();
        const rows = wipeDemoRows(sqlite, keyIds);
        const result: DemoWipeResult = { ...rows, deleted: { ...rows.deleted, webhooks } };
        stoppedBecause = null;
        key = undefined;
        file.update((s) => ({ ...s, keyIds: [] }));
        caseTypes.reload();
        logger.info(result, 'demo data wiped');
        changed(WIPED_TABLES);
        return result;
      }),
    close: async () => {
      unwatch();
      await queue; // a seed in progress finishes before the database closes
      await stopGenerator();
      await deps.crms?.close();
      await delivery.close();
    },
    onActivity(listener) {
      activityListeners.add(listener);
      return () => {
        activityListeners.delete(listener);
      };
    },
  };
}
