// Builds everything the console runs on — database, secrets, logs, services — for either host. Never imports
// electron: every behaviour is testable in plain Node.
import { join } from 'node:path';
import pkg from '../../package.json';
import type { Contract } from '../../shared/contract';
import type { Handlers } from '../../shared/rpc';
import { defaultMigrationsFolder, openDatabase, type OpenedDatabase } from '../db';
import { createIngest, type Ingest } from '../events';
import { createIntegrationCatalog, webhooksCardSource } from '../integrations';
import { createLogger, type Logger } from '../log';
import { confPreferences, type PreferencesStore } from '../preferences';
import { createSecretStore, type SecretStore } from '../secrets';
import { createTransferServices } from '../transfer';
import { createDemoMode, type DemoMode } from '../demo';
import { createWebhooks, type WebhookEngineOptions, type Webhooks } from '../webhooks/create-webhooks';
import { createCompanyService } from '../workspace';
import { createCaseTypeCatalog, createRecordStore, type CaseTypeCatalog, type RecordStore } from '../workspace/records';
import { systemClock, type Clock } from './clock';
import { createDispatcher, type Dispatch } from './dispatcher';
import { createEventBus, type EventBus } from './event-bus';
import { createHandlers } from './handlers';

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

export function createCore(options: CoreOptions): Core {
  const { dataDir, clock = systemClock, env = process.env } = options;
  const logDir = join(dataDir, 'logs');
  const log = createLogger({ logDir, level: options.logLevel ?? env.KAYSE_LOG_LEVEL ?? 'info' });
  const databasePath = join(dataDir, 'console.db');
  let database: OpenedDatabase;
  try {
    database = openDatabase({
      file: databasePath,
      migrationsFolder: options.migrationsFolder ?? defaultMigrationsFolder(),
      busyTimeoutMs: options.busyTimeoutMs,
    });
  } catch (error) {
    log.logger.fatal({ err: error }, 'database could not be opened');
    void log.close();
    throw error;
  }
  const secrets = options.secrets ?? createSecretStore({ dataDir, service: options.secretService, env });
  const events = createEventBus();
  const caseTypes = createCaseTypeCatalog(database.sqlite, clock);
  const workspace = { caseTypes, records: createRecordStore(database.sqlite, caseTypes, clock, events) };
  const ingest = createIngest({ sqlite: database.sqlite, records: workspace.records, clock, events, logger: log.logger });
  const demo = createDemoMode({ sqlite: database.sqlite, caseTypes, records: workspace.records, ingest, events, clock, logger: log.logger, dataDir });
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
  const transfer = createTransferServices({ sqlite: database.sqlite, caseTypes, records: workspace.records, clock, events, logger: log.logger });
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
  log.logger.info({ dataDir, host: options.host ?? 'headless', version: pkg.version }, 'core started');
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
