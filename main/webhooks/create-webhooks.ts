// The webhooks capability as the core holds it (`core.webhooks`): stores, the signing-secret vault, the guarded
// HTTP agent (rebuilt when the allowlist or CAs change), the delivery engine fed by the ingest fan-out, admin
// actions, single and bulk replay, retention, the delivery log inspector, and the settings.
import { X509Certificate } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { WebhookSettings } from '../../shared/contract/webhooks';
import type { TableName } from '../../shared/domain/tables';
import { AppError, type FieldIssue } from '../../shared/result';
import { announceChanged } from '../kernel';
import type { Ingest } from '../ingest';
import { ulidIds, type Clock, type EventBus, type IdGenerator } from '../kernel';
import type { Logger } from '../log';
import { acceptedEntries, createGuardedAgent, DEFAULT_BREAKER, parseAllowlist, type BreakerOptions, type GuardedAgent, type Lookup } from '../net';
import type { SecretStore } from '../secrets';
import type { CaseTypeCatalog } from '../workspace';
import { createCredentialCache } from './engine/credentials';
import { createDeliveryEngine, DEFAULT_LIMITS, type DeliveryEngine, type EngineLimits } from './engine/delivery-engine';
import { createDeliveryLogInspector, type DeliveryLogInspector } from './inspector/delivery-log-inspector';
import { createReplayDelivery, type ReplayDelivery } from './service/replay-delivery';
import { createReplayTasks, type ReplayTasks } from './service/replay-tasks';
import { createRetention, type Retention } from './service/retention';
import { createDemoWebhook, type DemoWebhook } from './service/demo-webhook';
import { createWebhookAdmin, type WebhookAdmin } from './service/webhook-admin';
import { createSecretVault, type SecretVault } from './signing/secret-vault';
import { createDeliveryQueries, type DeliveryQueries } from './store/delivery-queries';
import { createAttemptLog } from './store/attempt-log';
import { createDeliveryStore, type DeliveryStore } from './store/delivery-store';
import { createSettingsStore } from './store/settings-store';
import { createWebhookStore, type WebhookStore } from './store/webhook-store';

export interface WebhooksDeps {
  sqlite: Database.Database;
  ingest: Ingest;
  secrets: SecretStore;
  caseTypes: CaseTypeCatalog;
  events: EventBus;
  clock: Clock;
  /** Ids of new webhooks, bulk replays and bundle exports (default: ULIDs). */
  ids?: IdGenerator;
  logger: Logger;
  appVersion: string;
  options?: WebhookEngineOptions;
}

/** Knobs for tests and benchmarks; production uses the defaults. */
export interface WebhookEngineOptions {
  lookup?: Lookup;
  rng?: () => number;
  limits?: EngineLimits;
  breaker?: BreakerOptions;
  attemptTimeoutMs?: number;
  /** False: nothing is sent until `engine.settle()` (tests that move a fake clock). */
  timers?: boolean;
  /** False: the engine does not start with the core (tests that start it themselves). */
  autoStart?: boolean;
}

export interface Webhooks {
  webhooks: WebhookStore;
  deliveries: DeliveryStore;
  queries: DeliveryQueries;
  vault: SecretVault;
  engine: DeliveryEngine;
  admin: WebhookAdmin;
  /** Queues one delivery again at once (`webhooks.replay`), refusing test deliveries, ones in flight, deleted webhooks'. */
  replayDelivery: ReplayDelivery;
  replays: ReplayTasks;
  retention: Retention;
  /** The delivery log inspector (`deliveryLog.*`). */
  inspector: DeliveryLogInspector;
  /** Demo mode's own webhook to its loopback receiver. */
  demo: DemoWebhook;
  /**
   * Resumes the deliveries a stop interrupted, then starts sending and pruning. The core calls it once everything
   * is built and registered for closing (unless `autoStart` is false): it is the first write at start-up, so a
   * locked database surfaces here, and the writer thread must already be closable when it does.
   */
  start(): void;
  settings(): WebhookSettings;
  updateSettings(change: Partial<WebhookSettings>): WebhookSettings;
  close(): Promise<void>;
}

const CHANGE_THROTTLE_MS = 250;

function checkCertificates(pems: readonly string[]): void {
  const issues: FieldIssue[] = [];
  pems.forEach((pem, i) => {
    try {
      new X509Certificate(pem);
    } catch (error) {
      issues.push({ path: `extraCa.${i}`, message: `is not a readable certificate (${(error as Error).message}): paste the whole PEM block` });
    }
  });
  if (issues.length > 0) throw new AppError('INVALID_INPUT', `Extra CA certificates refused: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`, { issues });
}

/**
 * An allowlist saved by an older version may hold entries this one refuses (catch-alls such as 0.0.0.0/0). They are
 * not honoured: removed from the stored settings at start-up (the rest kept) with a warning naming them, so the
 * settings screen shows exactly what is in effect and deliveries to addresses only they allowed are blocked.
 */
function dropRefusedAllowlistEntries(store: ReturnType<typeof createSettingsStore>, clock: Clock, logger: Logger): void {
  const stored = store.get();
  const { kept, dropped } = acceptedEntries(stored.allowlist);
  if (dropped.length === 0) return;
  store.save({ ...stored, allowlist: kept }, clock.now().toISOString());
  logger.warn(
    { dropped: dropped.map((d) => d.entry), reasons: dropped.map((d) => d.reason), allowlist: kept },
    'webhook allowlist entries refused by this version were removed from the settings (webhooks can no longer reach the addresses only they allowed)',
  );
}

export function createWebhooks(deps: WebhooksDeps): Webhooks {
  const { sqlite, clock, logger, options = {}, ids = ulidIds } = deps;
  const webhooks = createWebhookStore(sqlite);
  const deliveries = createDeliveryStore(sqlite);
  const queries = createDeliveryQueries(sqlite);
  const settingsStore = createSettingsStore(sqlite);
  const vault = createSecretVault({ secrets: deps.secrets, clock });
  const credentials = createCredentialCache(vault, deps.secrets, clock);
  const limits = options.limits ?? DEFAULT_LIMITS;

  // Changes are announced at most every 250 ms: at thousands of deliveries a second, lists refresh, not flood.
  const dirty = new Set<TableName>();
  let changeTimer: NodeJS.Timeout | null = null;
  const changed = (tables: TableName[]) => {
    for (const t of tables) dirty.add(t);
    if (changeTimer) return;
    changeTimer = setTimeout(() => {
      changeTimer = null;
      const list = [...dirty];
      dirty.clear();
      if (list.length > 0) announceChanged(deps.events, list);
    }, CHANGE_THROTTLE_MS);
    changeTimer.unref();
  };

  const buildAgent = (s: WebhookSettings): GuardedAgent =>
    createGuardedAgent({
      allowlist: parseAllowlist(s.allowlist),
      ca: s.extraCa,
      lookup: options.lookup,
      connectTimeoutMs: options.attemptTimeoutMs ?? 15_000,
      // Several webhooks may share one origin: the per-webhook limit is the engine's, the pool only caps the total.
      agent: { connections: limits.total, keepAliveTimeout: 30_000, headersTimeout: 0, bodyTimeout: 0 },
    });
  dropRefusedAllowlistEntries(settingsStore, clock, logger);
  let agent = buildAgent(settingsStore.get());
  // Demo mode's own webhook posts plain http to the console's receiver on 127.0.0.1. Rather than putting loopback
  // in the firm's allowlist (which would open it to every webhook, and must show a warning), only that webhook
  // (is_demo, which no contract input can set) gets an agent that may dial 127.0.0.1; every other webhook keeps the
  // full URL rules, https only and no loopback, checked at save time and on every connection.
  const demoAgent = createGuardedAgent({ allowlist: parseAllowlist(['127.0.0.1/32']), lookup: options.lookup, connectTimeoutMs: options.attemptTimeoutMs ?? 15_000, agent: { connections: 4, keepAliveTimeout: 30_000, headersTimeout: 0, bodyTimeout: 0 } });

  const attemptLog = createAttemptLog({ sqlite, deliveries, logger });
  const engine = createDeliveryEngine({
    deliveries,
    log: attemptLog,
    webhooks,
    credentials,
    agent: (w) => (w.isDemo ? demoAgent : agent),
    clock,
    rng: options.rng,
    logger,
    userAgent: `KayseWebhooks/${deps.appVersion}`,
    limits,
    breaker: options.breaker ?? DEFAULT_BREAKER,
    attemptTimeoutMs: options.attemptTimeoutMs,
    timers: options.timers,
    changed,
  });
  const unhookCommit = deps.ingest.onCommit((events) => engine.fanOut(events));
  const unhookEvent = deps.ingest.onEvent(() => engine.wake());
  const admin = createWebhookAdmin({ sqlite, webhooks, deliveries, settings: settingsStore, vault, secrets: deps.secrets, caseTypes: deps.caseTypes, engine, clock, ids, lookup: options.lookup, changed });
  const replays = createReplayTasks({ deliveries, webhooks, engine, events: deps.events, clock, ids, logger, changed });
  const retention = createRetention({ deliveries, settings: settingsStore, clock, logger, changed });

  return {
    webhooks,
    deliveries,
    queries,
    vault,
    engine,
    admin,
    replayDelivery: createReplayDelivery({ queries, deliveries, engine, clock }),
    replays,
    retention,
    demo: createDemoWebhook({ sqlite, webhooks, vault, engine, clock, ids, changed }),
    inspector: createDeliveryLogInspector({ sqlite, queries, webhooks, vault, clock, events: deps.events, ids }),
    start() {
      engine.start();
      retention.start();
    },
    settings: () => settingsStore.get(),
    updateSettings(change) {
      const next = { ...settingsStore.get(), ...change };
      parseAllowlist(next.allowlist); // refuses (naming each bad entry) before anything is saved
      checkCertificates(next.extraCa);
      const saved = settingsStore.save(next, clock.now().toISOString());
      if (change.allowlist !== undefined || change.extraCa !== undefined) {
        const old = agent;
        agent = buildAgent(saved);
        // Attempts in flight finish on the old agent; close() waits for them.
        void old.close().catch(() => undefined);
        if (saved.allowlist.length > 0) logger.warn({ allowlist: saved.allowlist }, 'webhook allowlist is on: deliveries may reach these internal addresses');
      }
      changed(['webhook_settings']);
      engine.wake();
      return saved;
    },
    async close() {
      unhookCommit();
      unhookEvent();
      replays.close();
      retention.close();
      await engine.close();
      await attemptLog.close(); // every write already sent is committed before the database closes
      if (changeTimer) clearTimeout(changeTimer);
      await agent.close().catch(() => undefined);
      await demoAgent.close().catch(() => undefined);
    },
  };
}
