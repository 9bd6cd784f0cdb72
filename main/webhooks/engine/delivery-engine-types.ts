// What the delivery engine is given and what it offers (its implementation is delivery-engine.ts).
import type { StoredEvent } from '../../../shared/domain/events';
import type { TableName } from '../../../shared/domain/tables';
import type { Circuit, TestResult } from '../../../shared/contract/webhooks';
import type { Clock } from '../../kernel';
import type { Logger } from '../../log';
import type { AttemptLog } from '../store/attempt-log';
import type { DeliveryStore } from '../store/delivery-store';
import type { WebhookStore } from '../store/webhook-store';
import type { BreakerOptions, GuardedAgent } from '../../net';
import type { CredentialCache } from './credentials';

export interface EngineLimits {
  /** Requests on the wire across all endpoints (a quarter more attempts may be claimed and logged, waiting for a slot). */
  total: number;
  /**
   * Attempts in flight to one webhook (claimed, being logged or sent). The delivery log, which counts an attempt until
   * its outcome is written, never shows more: outcomes are written no later than the starts that reuse their slots.
   */
  perEndpoint: number;
}

export const DEFAULT_LIMITS: EngineLimits = { total: 128, perEndpoint: 16 };

export interface DeliveryEngineDeps {
  deliveries: DeliveryStore;
  /** Where attempts are logged before sending and their outcomes after (a writer thread, or inline). */
  log: AttemptLog;
  webhooks: WebhookStore;
  credentials: CredentialCache;
  /** The current agent (rebuilt when the allowlist or extra CAs change). */
  agent: (webhook: { isDemo: boolean }) => GuardedAgent;
  clock: Clock;
  rng?: () => number;
  logger: Logger;
  userAgent: string;
  limits?: EngineLimits;
  breaker?: BreakerOptions;
  attemptTimeoutMs?: number;
  /** Off in tests that drive time themselves through `settle()`. */
  timers?: boolean;
  /** Something changed that lists show (throttled by the caller). */
  changed: (tables: TableName[]) => void;
}

export interface DeliveryEngine {
  /** Resumes interrupted deliveries and starts sending (nothing is sent before). */
  start(): void;
  /** Called inside the ingest transaction: one delivery per matching active webhook. */
  fanOut(events: readonly StoredEvent[]): void;
  /** Something may be due now (new deliveries, a replay, a webhook activated). */
  wake(): void;
  /** Sends everything due at the clock's time and waits until those attempts are recorded (tests, benchmarks). */
  settle(): Promise<void>;
  sendTest(webhookId: string, eventType?: string): Promise<TestResult>;
  circuit(webhookId: string): Circuit;
  /** Webhook rows changed: refresh the fan-out list, forget cached credentials of this one. */
  webhooksChanged(webhookId?: string): void;
  /** Attempts under way right now (claimed, being logged, waiting for a request slot or being sent). */
  inFlight(): number;
  /** True while an attempt of this delivery is being sent or its outcome is not written yet. */
  isClaimed(deliveryId: string): boolean;
  /** Stops sending; attempts in flight are abandoned and resumed by the next start. */
  close(): Promise<void>;
}
