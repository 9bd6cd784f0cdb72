// Benchmark support: fills a database with a realistic webhook delivery log (webhooks, events, deliveries and
// their attempts over the last `days`) by raw inserts in one transaction, far faster than through the engine.
// Seeded rows announce nothing; never use this for real data.
import type Database from 'better-sqlite3';
import { encodeTime, monotonicFactory } from 'ulid';
import { composeAttemptMessage } from '../../../shared/domain/attempt-message';
import { EVENT_TYPES, type EventType } from '../../../shared/domain/events';
import { writeTransaction } from '../../db';
import { SAMPLE_DATA } from '../../ingest';
import { RETRY_DELAYS_MS } from '../policy/retry-policy';
import { mulberry32 } from '../../kernel';

export interface DeliveryLogSeedOptions {
  /** How many attempt rows to write (deliveries follow: about one per four attempts). */
  attempts: number;
  webhooks?: number;
  /** Deliveries spread over this many days before `now`. */
  days?: number;
  now?: Date;
  /** Same seed, same data. */
  seed?: number;
}

export interface SeededDeliveryLog {
  webhookIds: string[];
  /** A webhook whose endpoint always fails (its recent deliveries are pending retries). */
  deadWebhookId: string;
  /** A deleted webhook (its log stays, its last deliveries were cancelled). */
  deletedWebhookId: string;
  deliveries: number;
  attempts: number;
  events: number;
  /** Ids from the middle of the log, for lookups. */
  sample: { eventId: string; caseId: string; deliveryId: string; attemptId: number };
}

/** How a webhook's endpoint behaves: chance the first attempt succeeds, and chance a delivery never succeeds. */
const PROFILES = { healthy: { first: 0.9, never: 0.01 }, flaky: { first: 0.4, never: 0.3 }, dead: { first: 0, never: 1 } };
const FAILURES = [
  { status: 500, errorClass: 'http_status', body: '{"error":"internal"}' },
  { status: 502, errorClass: 'http_status', body: '<html><body><h1>502 Bad Gateway</h1></body></html>' },
  { status: 503, errorClass: 'http_status', body: 'Service Unavailable' },
  { status: 404, errorClass: 'http_status', body: 'Not Found' },
  { status: null, errorClass: 'timeout', body: null },
  { status: null, errorClass: 'connect', body: null },
] as const;
const ERROR_MESSAGES: Record<string, string> = {
  http_status: 'The receiver answered with a non-2xx status',
  timeout: composeAttemptMessage('The receiver did not answer within 15 s. It may be down or overloaded.', 'The operation was aborted due to timeout'),
  connect: composeAttemptMessage(
    "The receiver refused the connection: nothing is listening at that address and port, or a firewall turned the request away. Check that the receiver is running and that the URL's port is right.",
    'connect ECONNREFUSED',
  ),
};

/** Inserts webhooks, events, deliveries and `attempts` attempt rows; returns what it made. */
export function seedDeliveryLog(sqlite: Database.Database, options: DeliveryLogSeedOptions): SeededDeliveryLog {
  const { attempts: target, webhooks: webhookCount = 10, days = 30, now = new Date('2026-11-26T20:00:00Z'), seed = 1 } = options;
  const rnd = mulberry32(seed);
  const ulid = monotonicFactory(rnd);
  const nowMs = now.getTime();
  const startMs = nowMs - days * 86_400_000;
  const iso = (ms: number) => new Date(ms).toISOString();

  const hooks = Array.from({ length: webhookCount }, (_, i) => ({
    id: `wh_${encodeTime(startMs - 86_400_000 + i, 10)}${String(i).padStart(16, '0')}`,
    name: `Receiver ${i + 1}`,
    url: `https://hooks${i + 1}.example.com/kayse`,
    profile: i === webhookCount - 2 || i === 2 ? PROFILES.dead : i % 3 === 1 ? PROFILES.flaky : PROFILES.healthy,
    deleted: i === webhookCount - 1,
    // Each receives about half of the event types.
    types: new Set(EVENT_TYPES.filter((_, t) => (t + i) % 2 === 0 || t === 1)),
  }));
  const deletedAtMs = nowMs - 2 * 86_400_000;
  const cases = Array.from({ length: 20_000 }, () => ulid(startMs - 86_400_000));

  const insertWebhook = sqlite.prepare(
    `INSERT INTO webhooks (id, name, url, events, campaign_id, case_types, active, created_at, updated_at, deleted_at)
     VALUES (?, ?, ?, '[]', NULL, '[]', 1, ?, ?, ?)`,
  );
  const insertEvent = sqlite.prepare(
    `INSERT INTO events (id, type, occurred_at, received_at, campaign_id, case_id, client_id, case_type, data, idempotency_key, api_key_id, is_demo)
     VALUES (?, ?, ?, ?, 'camp_pi_2026', ?, NULL, 'Personal Injury', ?, NULL, NULL, 0)`,
  );
  const insertDelivery = sqlite.prepare(
    `INSERT INTO webhook_deliveries (id, webhook_id, event_id, event_type, case_id, is_test, body, state, next_trigger, attempts,
       first_attempt_at, next_attempt_at, last_attempt_at, last_status, last_error_class, last_error, last_duration_ms, created_at, completed_at)
     VALUES (?, ?, ?, ?, ?, 0, NULL, ?, 'scheduled', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAttempt = sqlite.prepare(
    `INSERT INTO webhook_attempts (delivery_id, webhook_id, number, trigger, started_at, finished_at, url, resolved_ip, request_headers,
       response_status, response_headers, response_body, response_truncated, error_class, error_message, duration_ms, next_attempt_at)
     VALUES (?, ?, ?, 'scheduled', ?, ?, ?, '93.184.216.34', ?, ?, ?, ?, 0, ?, ?, ?, ?)`,
  );
  const dataOf = Object.fromEntries(EVENT_TYPES.map((t) => [t, JSON.stringify(SAMPLE_DATA[t])])) as Record<EventType, string>;
  const responseHeaders = '{"content-type":"text/plain","server":"nginx"}';

  let attempts = 0;
  let deliveries = 0;
  let events = 0;
  let sample: SeededDeliveryLog['sample'] | undefined;
  // With these profiles an event makes about 24 attempts (6 deliveries of 4 attempts each), so the log spans `days`.
  const eventCount = Math.max(1, Math.round((target / 24) * (10 / webhookCount)));
  const stepMs = (nowMs - startMs) / eventCount;

  writeTransaction(sqlite, () => {
    for (const h of hooks) insertWebhook.run(h.id, h.name, h.url, iso(startMs - 86_400_000), iso(startMs), h.deleted ? iso(deletedAtMs) : null);
    for (let e = 0; attempts < target; e += 1) {
      const atMs = Math.min(nowMs - 1000, Math.floor(startMs + e * stepMs));
      const type = EVENT_TYPES[Math.floor(rnd() * rnd() * EVENT_TYPES.length)]!;
      const eventId = `evt_${ulid(atMs)}`;
      const caseId = rnd() < 0.85 ? cases[Math.floor(rnd() * cases.length)]! : null;
      insertEvent.run(eventId, type, iso(atMs), iso(atMs), caseId, dataOf[type]);
      events += 1;
      for (const h of hooks) {
        if (!h.types.has(type) || attempts >= target) continue;
        if (h.deleted && atMs > deletedAtMs) continue;
        const deliveryId = `dlv_${ulid(atMs)}`;
        const createdMs = atMs + 5;
        const never = rnd() < h.profile.never;
        const failuresBeforeSuccess = never ? Infinity : rnd() < h.profile.first ? 0 : 1 + Math.floor(rnd() * 3);
        const failure = FAILURES[Math.floor(rnd() * FAILURES.length)]!;
        let startedMs = createdMs + 20;
        let n = 0;
        let last: { status: number | null; errorClass: string | null; durationMs: number; startedMs: number } | undefined;
        let nextMs: number | null = null;
        let state = 'pending';
        let completedMs: number | null = null;
        while (attempts < target) {
          n += 1;
          const ok = n > failuresBeforeSuccess;
          const durationMs = ok ? 40 + Math.floor(rnd() * rnd() * 900) : failure.errorClass === 'timeout' ? 15_000 : 30 + Math.floor(rnd() * 400);
          const finishedMs = startedMs + durationMs;
          const delay = RETRY_DELAYS_MS[n - 1];
          nextMs = ok || delay === undefined ? null : finishedMs + delay;
          const cancelled = h.deleted && nextMs !== null && nextMs > deletedAtMs;
          if (cancelled) nextMs = null;
          const headers = `{"Content-Type":"application/json","User-Agent":"KayseWebhooks/0.1.0","X-Kayse-Event":"${type}","X-Kayse-Event-Id":"${eventId}","X-Kayse-Delivery":"${deliveryId}","X-Kayse-Attempt":"${n}","X-Kayse-Signature":"t=${Math.floor(startedMs / 1000)},v1=${'ab'.repeat(32)}","webhook-id":"${eventId}","webhook-timestamp":"${Math.floor(startedMs / 1000)}","webhook-signature":"v1,${'Q'.repeat(43)}="}`;
          const status = ok ? 200 : failure.status;
          const errorClass = ok ? null : failure.errorClass;
          const id = insertAttempt.run(
            deliveryId,
            h.id,
            n,
            iso(startedMs),
            iso(finishedMs),
            h.url,
            headers,
            status,
            status === null ? null : responseHeaders,
            ok ? 'ok' : failure.body,
            errorClass,
            errorClass === null ? null : ERROR_MESSAGES[errorClass]!,
            durationMs,
            nextMs,
          ).lastInsertRowid;
          attempts += 1;
          last = { status, errorClass, durationMs, startedMs };
          if (!sample && e >= eventCount / 2) sample = { eventId, caseId: caseId ?? cases[0]!, deliveryId, attemptId: Number(id) };
          if (ok) [state, completedMs] = ['succeeded', finishedMs];
          else if (cancelled) [state, completedMs] = ['cancelled', deletedAtMs];
          else if (nextMs === null) [state, completedMs] = ['failed', finishedMs];
          if (state !== 'pending' || nextMs! > nowMs) break;
          startedMs = nextMs!;
        }
        if (state !== 'pending') nextMs = null;
        insertDelivery.run(
          deliveryId,
          h.id,
          eventId,
          type,
          caseId,
          state,
          n,
          iso(createdMs + 20),
          nextMs,
          last ? iso(last.startedMs) : null,
          last?.status ?? null,
          last?.errorClass ?? null,
          last?.errorClass ? ERROR_MESSAGES[last.errorClass]! : null,
          last?.durationMs ?? null,
          iso(createdMs),
          completedMs === null ? null : iso(completedMs),
        );
        deliveries += 1;
      }
    }
  });
  return {
    webhookIds: hooks.map((h) => h.id),
    deadWebhookId: hooks[webhookCount - 2]!.id,
    deletedWebhookId: hooks[webhookCount - 1]!.id,
    deliveries,
    attempts,
    events,
    sample: sample ?? { eventId: '', caseId: '', deliveryId: '', attemptId: 0 },
  };
}
