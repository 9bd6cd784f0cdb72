// Test support: a real database on a temp dir with the delivery log written the way the engine writes it (events
// through the event store, deliveries by fan-out, attempts by start/finish), and the queries that read it.
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { EventType, StoredEvent } from '../../../shared/domain/events';
import { defaultMigrationsFolder, openDatabase } from '../../db';
import { createEventStore, type EventStore } from '../../ingest/event-store';
import { SAMPLE_DATA } from '../../ingest/sample-events';
import { makeTempDir } from '../../test-support/temp-dir';
import { newId } from '../../kernel';
import { createDeliveryQueries, type DeliveryQueries } from './delivery-queries';
import { createDeliveryStore, type AttemptFinish, type DeliveryStore } from './delivery-store';
import { createWebhookStore, type WebhookStore } from './webhook-store';

/** How an attempt ended; omitted fields default to a 200 in 50 ms that completes the delivery. */
export interface AttemptSpec {
  at: string;
  status?: number | null;
  errorClass?: string | null;
  durationMs?: number;
  /** The delivery's state afterwards: pending = a retry follows at nextAttemptAt. */
  state?: AttemptFinish['state'];
  nextAttemptAt?: number | null;
  responseBody?: string | null;
  responseTruncated?: boolean;
  /** False: the attempt stays in flight (started, never finished). */
  finished?: boolean;
}

export interface DeliveryLog {
  sqlite: Database.Database;
  events: EventStore;
  deliveries: DeliveryStore;
  webhooks: WebhookStore;
  queries: DeliveryQueries;
  /** A live webhook named `name`; returns its id. */
  addWebhook(name: string, at?: string): string;
  /** Stores one event per spec (sample data of its type) and returns them as stored. */
  postEvents(specs: readonly { type: EventType; caseId?: string | null; at?: string }[]): StoredEvent[];
  /** Fans the events out to the webhooks at time `at`; returns the delivery ids, webhook by webhook, event by event. */
  fanOut(webhookIds: readonly string[], stored: readonly StoredEvent[], at: string): string[];
  /** Logs the delivery's next attempt (and, unless `finished` is false, its outcome); returns the attempt id. */
  attempt(deliveryId: string, spec: AttemptSpec): number;
  close(): void;
}

/** Opens a fresh delivery log on a temp dir; call `close()` after the test. */
export function openDeliveryLog(): DeliveryLog {
  const temp = makeTempDir('kayse-delivery-log-');
  const { sqlite } = openDatabase({ file: join(temp.dir, 'console.db'), migrationsFolder: defaultMigrationsFolder() });
  const events = createEventStore(sqlite);
  const deliveries = createDeliveryStore(sqlite);
  const webhooks = createWebhookStore(sqlite);
  const queries = createDeliveryQueries(sqlite);
  const deliveryOf = sqlite.prepare<[string, string], { id: string }>('SELECT id FROM webhook_deliveries WHERE webhook_id = ? AND event_id = ? AND is_test = 0');
  const attemptsOf = sqlite.prepare<[string], { n: number }>('SELECT attempts AS n FROM webhook_deliveries WHERE id = ?');

  return {
    sqlite,
    events,
    deliveries,
    webhooks,
    queries,
    addWebhook(name, at = '2026-11-01T00:00:00.000Z') {
      const id = newId('wh_');
      webhooks.insert(id, { name, url: `https://${name.toLowerCase().replace(/\W+/g, '-')}.example.com/hook`, events: [], campaignId: null, caseTypes: [], active: true }, at);
      return id;
    },
    postEvents(specs) {
      const received = specs[0]?.at ?? '2026-11-26T20:00:00.000Z';
      return events
        .insert(
          specs.map((s) => ({
            type: s.type,
            occurredAt: s.at ?? received,
            campaignId: 'camp_pi_2026',
            caseId: s.caseId ?? null,
            clientId: null,
            caseType: 'Personal Injury',
            data: SAMPLE_DATA[s.type],
            idempotencyKey: null,
            apiKeyId: null,
            isDemo: false,
          })),
          received,
        )
        .map((o) => o.event);
    },
    fanOut(webhookIds, stored, at) {
      deliveries.fanOut(
        webhookIds.flatMap((webhookId) => stored.map((event) => ({ webhookId, event }))),
        at,
        Date.parse(at),
      );
      return webhookIds.flatMap((webhookId) => stored.map((event) => deliveryOf.get(webhookId, event.id)!.id));
    },
    attempt(deliveryId, spec) {
      const webhookId = queries.get(deliveryId).webhookId;
      const number = attemptsOf.get(deliveryId)!.n + 1;
      const [attemptId] = deliveries.start([
        { deliveryId, webhookId, number, trigger: 'scheduled', startedAt: spec.at, url: 'https://receiver.example.com/hook', requestHeaders: { 'X-Kayse-Attempt': String(number) } },
      ]);
      if (spec.finished === false) return attemptId!;
      const status = spec.status === undefined ? 200 : spec.status;
      const errorClass = spec.errorClass !== undefined ? spec.errorClass : status !== null && status >= 200 && status < 300 ? null : 'http_status';
      const durationMs = spec.durationMs ?? 50;
      deliveries.finish([
        {
          attemptId: attemptId!,
          deliveryId,
          number,
          startedAt: spec.at,
          finishedAt: new Date(Date.parse(spec.at) + durationMs).toISOString(),
          resolvedIp: '93.184.216.34',
          responseStatus: status,
          responseHeaders: status === null ? null : { 'content-type': 'text/plain' },
          responseBody: spec.responseBody === undefined ? (status === null ? null : 'ok') : spec.responseBody,
          responseTruncated: spec.responseTruncated ?? false,
          errorClass,
          errorMessage: errorClass === null ? null : `failed: ${errorClass}`,
          durationMs,
          state: spec.state ?? (errorClass === null ? 'succeeded' : 'failed'),
          nextAttemptAt: spec.nextAttemptAt ?? null,
        },
      ]);
      return attemptId!;
    },
    close() {
      sqlite.close();
      temp.remove();
    },
  };
}
