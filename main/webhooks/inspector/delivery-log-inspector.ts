// The delivery log inspector as a service (`core.webhooks.inspector`, behind `deliveryLog.*`): the webhooks to
// filter by, the hourly chart, signature checks, and delivery bundles out and in. It only reads the log.
import pkg from '../../../package.json';
import type { DeliveryBundle } from '../../../shared/contract/delivery-bundle';
import type { ExportBundleInput, InspectorWebhook, SignatureCheck } from '../../../shared/contract/delivery-log';
import type { Clock, EventBus, IdGenerator } from '../../kernel';
import type { SecretVault } from '../signing/secret-vault';
import type { DeliveryQueries } from '../store/delivery-queries';
import type { WebhookStore } from '../store/webhook-store';
import type Database from 'better-sqlite3';
import { exportBundle } from './export-bundle';
import { createHourlyChart, type HourlyChart } from './hourly-chart';
import { parseBundle } from './import-bundle';
import { verifyAttempt } from './verify-attempt';
import { createWebhookNames } from './webhook-names';

export interface DeliveryLogInspector {
  /** Every webhook that can have a log, deleted ones last. */
  webhooks(): InspectorWebhook[];
  hourly: HourlyChart;
  verifySignature(attemptId: number): Promise<SignatureCheck>;
  exportBundle(input: ExportBundleInput): Promise<{ fileName: string; bundle: DeliveryBundle }>;
  /** Reads and checks a bundle; stores nothing. */
  importBundle(json: string): DeliveryBundle;
}

export interface DeliveryLogInspectorDeps {
  sqlite: Database.Database;
  queries: DeliveryQueries;
  webhooks: WebhookStore;
  vault: SecretVault;
  clock: Clock;
  events: EventBus;
  /** Task ids of bundle exports (default: ULIDs). */
  ids?: IdGenerator;
}

/** The inspector over one console's delivery log. */
export function createDeliveryLogInspector(deps: DeliveryLogInspectorDeps): DeliveryLogInspector {
  const { queries, webhooks, vault, clock, events, ids } = deps;
  return {
    webhooks: createWebhookNames(deps.sqlite),
    hourly: createHourlyChart(deps),
    verifySignature: (attemptId) => verifyAttempt({ queries, vault }, attemptId),
    exportBundle: (input) => exportBundle({ queries, webhooks, clock, events, ids, exportedBy: `${pkg.productName} ${pkg.version}` }, input),
    importBundle: (json) => parseBundle(json),
  };
}
