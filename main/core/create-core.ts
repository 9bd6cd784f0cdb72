// Builds everything the console runs on — database, secrets, logs, services — for either host. Never imports
// electron: every behaviour is testable in plain Node.
import { join } from 'node:path';
import pkg from '../../package.json';
import type { Contract } from '../../shared/contract';
import type { Handlers } from '../../shared/rpc';
import { createCrm, crmCardSource, type Crm, type CrmOptions } from '../crm';
import { defaultMigrationsFolder, openDatabase, type OpenedDatabase } from '../db';
import { createIngest, type Ingest } from '../ingest';
import { createIntegrationCatalog } from '../integration-cards';
import { createLogger, type Logger, type LoggerHandle } from '../log';
import { confPreferences, type PreferencesStore } from '../preferences';
import { createSecretStore, type SecretStore } from '../secrets';
import { createScheduling, schedulingCardSource, type Scheduling, type SchedulingOptions } from '../scheduling';
import { createSync, type Sync, type SyncOptions } from '../sync';
import { createTransfer, type Transfer } from '../transfer';
import { createDemoCalcom, createDemoCrms, createDemoMode, withDemoCalcom, type DemoMode } from '../demo';
import { createWebhooks, webhooksCardSource, type WebhookEngineOptions, type Webhooks } from '../webhooks';
import { createWorkspace, type Workspace } from '../workspace';
import { createEventBus, systemClock, ulidIds, type Clock, type EventBus, type IdGenerator } from '../kernel';
import { createDispatcher, type Dispatch } from './dispatcher';
import { createHandlers } from './handlers';
import { openedStack, type OpenedStack } from './opened-stack';
import { explainStartupFailure } from './startup-failure';

export interface CoreOptions {
  dataDir: string;
  host?: 'electron' | 'headless';
  clock?: Clock;
  /** Ids of everything the console creates; defaults to ULIDs (tests may pass predictable ones). */
  ids?: IdGenerator;
  /** Defaults to the OS keychain, or the encrypted-file store when its key is configured in `env`. */
  secrets?: SecretStore;
  /** Keychain service name for the default secret store. */
  secretService?: string;
  env?: Record<string, string | undefined>;
  preferences?: PreferencesStore;
  migrationsFolder?: string;
  busyTimeoutMs?: number;
  logLevel?: string;
  /** Webhook engine knobs for tests and benchmarks (fake DNS, fake randomness, limits, manual time). */
  webhooks?: WebhookEngineOptions;
  /** CRM request and connect timeouts (tests shorten them). */
  crm?: CrmOptions;
  /** The sync engine's knobs (whether the push starts with the core, its timers). */
  sync?: SyncOptions;
  /** Cal.com request and connect timeouts (tests shorten them) and the booking API's time budget. */
  scheduling?: SchedulingOptions;
}

export interface Core {
  dispatch: Dispatch;
  handlers: Handlers<Contract>;
  events: EventBus;
  logger: Logger;
  secrets: SecretStore;
  database: OpenedDatabase;
  /** The local workspace: case types, the case/client store (every write logged as a record change), campaigns, agents, company, queries. */
  workspace: Workspace;
  /** The event ingest API: stored events, API keys, `onEvent` subscriptions; hosts call `ingest.listen()`. */
  ingest: Ingest;
  /** Demo mode: seeding, the activity generator and the wipe; the headless host starts it for `--demo`. */
  demo: DemoMode;
  /** Outbound webhooks: the delivery engine (fed by ingest), admin actions, the delivery log. */
  webhooks: Webhooks;
  /** CSV import and CSV/JSON export. */
  transfer: Transfer;
  /** CRM integrations: connections (credentials in the keychain), toggles, catalogs, a ready connector per CRM. */
  crm: Crm;
  /** The sync engine: field and status mappings, auto-map, sync settings, the Kayse → CRM push. */
  sync: Sync;
  /** Scheduling: the Cal.com connection (key in the keychain), event type look-ups, the agents that book, the booking service. */
  scheduling: Scheduling;
  clock: Clock;
  ids: IdGenerator;
  dataDir: string;
  logDir: string;
  close(): Promise<void>;
}

/**
 * Builds the core. For tests and benchmarks: a failure throws at once (explained, see openCore) while what was
 * already opened closes in the background. Hosts use openCore, which waits for that.
 */
export function createCore(options: CoreOptions): Core {
  const opened = openedStack();
  try {
    return buildCore(options, opened);
  } catch (error) {
    void opened.closeAll();
    throw error;
  }
}

/**
 * Builds the core for a host. A failure is explained (what, why, what to do), written to the log when the log is
 * open, and everything opened on the way — log, database, the attempt log's writer thread, timers — is closed
 * before the promise rejects with it, so the host can report it and end.
 */
export async function openCore(options: CoreOptions): Promise<Core> {
  const opened = openedStack();
  try {
    return buildCore(options, opened);
  } catch (error) {
    await opened.closeAll((what, problem) => console.error(`While stopping after a failed start, the ${what} did not close cleanly: ${String(problem)}`));
    throw error;
  }
}

function buildCore(options: CoreOptions, opened: OpenedStack): Core {
  const { dataDir, clock = systemClock, ids = ulidIds, env = process.env } = options;
  const logDir = join(dataDir, 'logs');
  const databasePath = join(dataDir, 'console.db');
  let log: LoggerHandle;
  try {
    log = createLogger({ logDir, level: options.logLevel ?? env.KAYSE_LOG_LEVEL ?? 'info' });
  } catch (error) {
    throw explainStartupFailure(error, { dataDir, databasePath }); // no log to write it to
  }
  opened.add('log', () => log.close());
  try {
    const core = assemble(log, { ...options, clock, ids, env }, opened);
    log.logger.info({ dataDir, host: options.host ?? 'headless', version: pkg.version }, 'core started');
    return core;
  } catch (error) {
    const failure = explainStartupFailure(error, { dataDir, databasePath });
    log.logger.fatal({ err: error }, failure.message);
    throw failure;
  }
}

/**
 * Everything after the log: each capability built by its factory, in order, and registered for closing the moment
 * it exists; `close()` closes them in reverse. The core holds no rules of its own.
 */
function assemble(log: LoggerHandle, options: CoreOptions & { clock: Clock; ids: IdGenerator; env: Record<string, string | undefined> }, opened: OpenedStack): Core {
  const { dataDir, clock, ids, env } = options;
  const logger = log.logger;
  const logDir = log.logDir;
  const databasePath = join(dataDir, 'console.db');
  const database = openDatabase({
    file: databasePath,
    migrationsFolder: options.migrationsFolder ?? defaultMigrationsFolder(),
    busyTimeoutMs: options.busyTimeoutMs,
  });
  opened.add('database', () => database.sqlite.close());
  const { sqlite, db } = database;
  const secrets = options.secrets ?? createSecretStore({ dataDir, service: options.secretService, env });
  const events = createEventBus();
  const workspace = createWorkspace({ sqlite, db, clock, ids, events, logger });
  opened.add('workspace', () => workspace.close());
  const scheduling = createScheduling({ sqlite, secrets, company: workspace.company, agents: workspace.agents, records: workspace.records, events, clock, logger, options: options.scheduling });
  opened.add('scheduling', () => scheduling.close());
  // The booking API (scheduling/booking) is served by the ingest server, behind the same API keys.
  const ingest = createIngest({ sqlite, records: workspace.records, clock, ids, events, logger, booking: scheduling.bookingRoutes });
  const webhooks = createWebhooks({ sqlite, ingest, secrets, caseTypes: workspace.caseTypes, events, clock, ids, logger, appVersion: pkg.version, options: options.webhooks });
  opened.add('webhook engine', () => webhooks.close());
  // Registered after the webhooks, so it closes before them: no event is taken once nothing fans it out any more.
  opened.add('ingest API', () => ingest.close());
  const crm = createCrm({ sqlite, secrets, events, clock, logger, options: options.crm });
  opened.add('CRM connections', () => crm.close());
  const sync = createSync({ sqlite, crm, records: workspace.records, caseTypes: workspace.caseTypes, company: workspace.company, clock, events, logger, options: options.sync });
  opened.add('sync', () => sync.close());
  // Demo mode closes first: its generator posts through the ingest API and its CRM and Cal.com simulators serve the connections.
  const demo = createDemoMode({ sqlite, workspace, ingest, events, clock, ids, logger, dataDir, crms: withDemoCalcom(createDemoCalcom({ scheduling, agents: workspace.agents, logger }), createDemoCrms({ crm, logger, forgetSync: (id) => { sync.push.store.forget(id); sync.pull.store.forget(id); sync.runs.forget(id); } })), webhook: webhooks.demo });
  opened.add('demo mode', () => demo.close());
  const transfer = createTransfer({ sqlite, caseTypes: workspace.caseTypes, records: workspace.records, clock, ids, events, logger });
  opened.add('imports and exports', () => transfer.close()); // first: running ones stop between chunks
  const handlers = createHandlers({
    company: workspace.company,
    integrations: createIntegrationCatalog({
      webhooks: webhooksCardSource(webhooks, clock),
      lawruler: crmCardSource(crm, 'lawruler', (id) => sync.runs.pauses.pauseOf(id)),
      smartadvocate: crmCardSource(crm, 'smartadvocate', (id) => sync.runs.pauses.pauseOf(id)),
      scheduling: schedulingCardSource(scheduling),
    }),
    ingest,
    demo,
    preferences: options.preferences ?? confPreferences(dataDir),
    events,
    workspace,
    clock,
    transfer,
    webhooks,
    crm,
    sync,
    scheduling,
    systemInfo: async () => ({
      appVersion: pkg.version,
      host: options.host ?? 'headless',
      dataDir,
      databasePath,
      logDir,
      migrationsApplied: database.migrationsApplied,
      secrets: await secrets.status(),
    }),
  });
  // Last: the first write of a start-up (resuming interrupted deliveries) is where a locked database shows.
  if (options.webhooks?.autoStart !== false) webhooks.start();
  return {
    dispatch: createDispatcher(handlers, logger),
    handlers,
    events,
    logger,
    secrets,
    database,
    workspace,
    ingest,
    demo,
    webhooks,
    transfer,
    crm,
    sync,
    scheduling,
    clock,
    ids,
    dataDir,
    logDir,
    async close() {
      logger.info('core stopping');
      await opened.closeInTurn();
    },
  };
}
