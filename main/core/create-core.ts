// Builds everything the console runs on — database, secrets, logs, services — for either host. Never imports
// electron: every behaviour is testable in plain Node.
import { join } from 'node:path';
import pkg from '../../package.json';
import type { Contract } from '../../shared/contract';
import type { Handlers } from '../../shared/rpc';
import { defaultMigrationsFolder, openDatabase, type OpenedDatabase } from '../db';
import { createIngest, type Ingest } from '../ingest';
import { createIntegrationCatalog } from '../integration-cards';
import { createLogger, type Logger, type LoggerHandle } from '../log';
import { confPreferences, type PreferencesStore } from '../preferences';
import { createSecretStore, type SecretStore } from '../secrets';
import { createTransferServices } from '../transfer';
import { createDemoMode, type DemoMode } from '../demo';
import { createWebhooks, webhooksCardSource, type WebhookEngineOptions, type Webhooks } from '../webhooks';
import { createCompanyService } from '../workspace';
import { createCaseTypeCatalog, createRecordStore, type CaseTypeCatalog, type RecordStore } from '../workspace/records';
import { systemClock, type Clock } from '../kernel/clock';
import { createDispatcher, type Dispatch } from './dispatcher';
import { createEventBus, type EventBus } from '../kernel/event-bus';
import { createHandlers } from './handlers';
import { openedStack, type OpenedStack } from './opened-stack';
import { explainStartupFailure } from './startup-failure';

export interface CoreOptions {
  dataDir: string;
  host?: 'electron' | 'headless';
  clock?: Clock;
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
}

export interface Core {
  dispatch: Dispatch;
  handlers: Handlers<Contract>;
  events: EventBus;
  logger: Logger;
  secrets: SecretStore;
  database: OpenedDatabase;
  /** The local workspace: case types and the case/client store (every write logged as a record change). */
  workspace: { caseTypes: CaseTypeCatalog; records: RecordStore };
  /** The event ingest API: stored events, API keys, `onEvent` subscriptions; hosts call `ingest.listen()`. */
  ingest: Ingest;
  /** Demo mode: seeding, the activity generator and the wipe; the headless host starts it for `--demo`. */
  demo: DemoMode;
  /** Outbound webhooks: the delivery engine (fed by ingest), admin actions, the delivery log. */
  webhooks: Webhooks;
  clock: Clock;
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
  const { dataDir, clock = systemClock, env = process.env } = options;
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
    const core = assemble(log, { ...options, clock, env }, opened);
    log.logger.info({ dataDir, host: options.host ?? 'headless', version: pkg.version }, 'core started');
    return core;
  } catch (error) {
    const failure = explainStartupFailure(error, { dataDir, databasePath });
    log.logger.fatal({ err: error }, failure.message);
    throw failure;
  }
}

/** Everything after the log, each part registered for closing the moment it exists. */
function assemble(log: LoggerHandle, options: CoreOptions & { clock: Clock; env: Record<string, string | undefined> }, opened: OpenedStack): Core {
  const { dataDir, clock, env } = options;
  const logDir = log.logDir;
  const databasePath = join(dataDir, 'console.db');
  const database = openDatabase({
    file: databasePath,
    migrationsFolder: options.migrationsFolder ?? defaultMigrationsFolder(),
    busyTimeoutMs: options.busyTimeoutMs,
  });
  opened.add('database', () => database.sqlite.close());
  const secrets = options.secrets ?? createSecretStore({ dataDir, service: options.secretService, env });
  const events = createEventBus();
  const caseTypes = createCaseTypeCatalog(database.sqlite, clock);
  const workspace = { caseTypes, records: createRecordStore(database.sqlite, caseTypes, clock, events) };
  const ingest = createIngest({ sqlite: database.sqlite, records: workspace.records, clock, events, logger: log.logger });
  opened.add('ingest API', () => ingest.close());
  const demo = createDemoMode({ sqlite: database.sqlite, caseTypes, records: workspace.records, ingest, events, clock, logger: log.logger, dataDir });
  opened.add('demo mode', () => demo.close());
  const webhooks = createWebhooks({
    sqlite: database.sqlite,
    ingest,
    secrets,
    caseTypes,
    events,
    clock,
    logger: log.logger,
    appVersion: pkg.version,
    options: options.webhooks,
  });
  opened.add('webhook engine', () => webhooks.close());
  const transfer = createTransferServices({ sqlite: database.sqlite, caseTypes, records: workspace.records, clock, events, logger: log.logger });
  opened.add('imports and exports', () => transfer.close());
  const handlers = createHandlers({
    company: createCompanyService(database.db, clock, events),
    integrations: createIntegrationCatalog({ webhooks: webhooksCardSource(webhooks, clock) }),
    ingest,
    demo,
    preferences: options.preferences ?? confPreferences(dataDir),
    events,
    workspace,
    sqlite: database.sqlite,
    clock,
    logger: log.logger,
    transfer,
    webhooks,
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
    dispatch: createDispatcher(handlers, log.logger),
    handlers,
    events,
    logger: log.logger,
    secrets,
    database,
    workspace,
    ingest,
    demo,
    webhooks,
    clock,
    dataDir,
    logDir,
    async close() {
      log.logger.info('core stopping');
      await transfer.close(); // running imports/exports stop between chunks before the database closes
      await demo.close();
      await ingest.close();
      await webhooks.close(); // after ingest: no new fan-out; attempts in flight are resumed at the next start
      database.sqlite.close();
      await log.close();
    },
  };
}
