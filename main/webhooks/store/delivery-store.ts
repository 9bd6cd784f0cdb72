// The engine's side of the delivery log: fan-out (inside the ingest transaction), claiming due deliveries with
// their attempt rows logged before sending, recording outcomes in batches, resuming after a crash, replays and
// retention. All statements are prepared once; every multi-row write is one transaction.
import type Database from 'better-sqlite3';
import type { StoredEvent } from '../../../shared/domain/events';
import type { AttemptTrigger } from '../../../shared/contract/webhooks';
import { defineWriteTransaction } from '../../db';
import { newId } from '../../kernel';
import type { EnvelopeSource } from '../policy/envelope';
import { GONE_REASON } from '../policy/retry-policy';
import { ATTEMPT_LOG_SQL, attemptFinishParams, attemptStartRow, type AppliedOutcome } from './attempt-log-sql';
import type { AttemptFinish, AttemptStart } from './attempt-rows';

export type { AttemptFinish, AttemptStart } from './attempt-rows';

/** A delivery the engine is about to attempt, with what it needs to build the request. */
export interface DueDelivery {
  id: string;
  webhookId: string;
  eventId: string;
  eventType: string;
  /** Attempts made before this one. */
  attempts: number;
  firstAttemptAt: string | null;
  trigger: AttemptTrigger;
  isTest: boolean;
  /** The stored body of a test delivery. */
  body: string | null;
  /** The event, or null when it is no longer stored (a demo wipe) and there is no stored body. */
  event: EnvelopeSource | null;
}

export interface DeliveryStore {
  /** Inserts one delivery per (webhook, event); called inside the transaction that stores the events. */
  fanOut(pairs: readonly { webhookId: string; event: StoredEvent }[], nowIso: string, nowMs: number): number;
  /** A test delivery with its own body (the synthetic event is not stored); returns its id. */
  insertTest(webhookId: string, eventId: string, eventType: string, body: string, nowIso: string): string;
  /**
   * Due pending deliveries of one webhook, earliest first; `manualOnly` for inactive webhooks (replays still go).
   * Events are read only where `needsEvent(eventId)` says so (the caller has the others' bodies).
   */
  due(webhookId: string, nowMs: number, limit: number, manualOnly: boolean, needsEvent: (eventId: string) => boolean): DueDelivery[];
  /** One stored event as the envelope needs it, or null when it is gone. */
  event(eventId: string): EnvelopeSource | null;
  /** One delivery by id for an immediate attempt (test sends), whatever its state. */
  forAttempt(deliveryId: string): DueDelivery | undefined;
  /**
   * Logs the attempts about to be sent, in one transaction; returns their ids. The deliveries stay `pending` (the
   * engine holds them): an attempt row without finished_at is what "in flight" means, also after a crash.
   * `outcomes` are written first, to their attempt rows only: their deliveries follow in a later finish() (as
   * `applied`), or at the next start if a crash comes first.
   */
  start(attempts: readonly AttemptStart[], outcomes?: readonly AttemptFinish[]): number[];
  /**
   * Records outcomes in one transaction, and brings the deliveries of `applied` (attempts whose outcomes start()
   * wrote) up to date from their attempt rows; a delivery cancelled meanwhile keeps its state.
   */
  finish(results: readonly AttemptFinish[], applied?: readonly AppliedOutcome[]): void;
  /**
   * After a crash or stop: first brings up to date the deliveries whose outcomes were written ahead of them (`applied`:
   * those got their answer or their retry time, and are not sent again now), then closes attempts left in flight and
   * makes their deliveries due now (`resumed`).
   */
  resumeInterrupted(nowIso: string, nowMs: number): { applied: number; resumed: number; deactivated: number };
  /** Stops a deleted webhook's pending deliveries (their log stays). */
  cancelPending(webhookId: string, nowIso: string): number;
  /** Queues a manual attempt of a delivery now; false for tests and deliveries of deleted webhooks (the caller checks in-flight ones). */
  replay(deliveryId: string, nowMs: number): boolean;
  /** Ids of a webhook's failed deliveries created in [fromIso, toIso), oldest first, after `afterId`. */
  failedIn(webhookId: string, fromIso: string, toIso: string, afterId: string, limit: number): string[];
  countFailedIn(webhookId: string, fromIso: string, toIso: string): number;
  /**
   * The earliest next attempt of a webhook's pending deliveries (epoch ms), or null; `held` are the ones the engine
   * is sending right now (still pending here), which don't count.
   */
  nextDueAt(webhookId: string, manualOnly: boolean, held: ReadonlySet<string>): number | null;
  /** Deletes up to `limit` finished attempts and deliveries created before the cutoff; returns rows removed. */
  prune(beforeIso: string, limit: number): number;
}

interface EventColumns {
  e_id: string | null;
  e_type: string | null;
  occurred_at: string | null;
  campaign_id: string | null;
  case_id: string | null;
  client_id: string | null;
  case_type: string | null;
  data: string | null;
}

interface DueRow extends Partial<EventColumns> {
  id: string;
  webhook_id: string;
  event_id: string;
  event_type: string;
  attempts: number;
  first_attempt_at: string | null;
  next_trigger: string;
  is_test: number;
  body: string | null;
}

const DELIVERY_COLUMNS = 'd.id, d.webhook_id, d.event_id, d.event_type, d.attempts, d.first_attempt_at, d.next_trigger, d.is_test, d.body';
const EVENT_COLUMNS = 'e.id AS e_id, e.type AS e_type, e.occurred_at, e.campaign_id, e.case_id, e.client_id, e.case_type, e.data';
const DUE_COLUMNS = `${DELIVERY_COLUMNS}, ${EVENT_COLUMNS}`;
/** What the engine reads of a due delivery, as an array (`raw`): it reads thousands a second, objects cost more. */
const DUE_ROW_COLUMNS = 'd.id, d.event_id, d.event_type, d.attempts, d.first_attempt_at, d.next_trigger, d.is_test, d.body';
type DueRowRaw = [string, string, string, number, string | null, string, number, string | null];

const triggerOf = (isTest: number, nextTrigger: string): AttemptTrigger => (isTest === 1 ? 'test' : nextTrigger === 'manual' ? 'manual' : 'scheduled');

const toDueRaw = (webhookId: string, [id, eventId, eventType, attempts, firstAttemptAt, nextTrigger, isTest, body]: DueRowRaw): DueDelivery => ({
  id,
  webhookId,
  eventId,
  eventType,
  attempts,
  firstAttemptAt,
  trigger: triggerOf(isTest, nextTrigger),
  isTest: isTest === 1,
  body,
  event: null,
});

const toDue = (r: DueRow): DueDelivery => ({
  id: r.id,
  webhookId: r.webhook_id,
  eventId: r.event_id,
  eventType: r.event_type,
  attempts: r.attempts,
  firstAttemptAt: r.first_attempt_at,
  trigger: triggerOf(r.is_test, r.next_trigger),
  isTest: r.is_test === 1,
  body: r.body,
  event: toEvent(r),
});

const toEvent = (r: Partial<EventColumns>): EnvelopeSource | null =>
  r.e_id === null || r.e_id === undefined
    ? null
    : {
          id: r.e_id,
          type: r.e_type!,
          occurredAt: r.occurred_at!,
          campaignId: r.campaign_id ?? null,
          caseId: r.case_id ?? null,
          clientId: r.client_id ?? null,
          caseType: r.case_type ?? null,
          data: JSON.parse(r.data!) as Record<string, unknown>,
        };

export function createDeliveryStore(sqlite: Database.Database): DeliveryStore {
  const insertDelivery = sqlite.prepare(
    `INSERT OR IGNORE INTO webhook_deliveries (id, webhook_id, event_id, event_type, case_id, state, next_attempt_at, created_at)
     VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)`,
  );
  const insertTest = sqlite.prepare(
    `INSERT INTO webhook_deliveries (id, webhook_id, event_id, event_type, is_test, body, state, next_trigger, created_at)
     VALUES (?, ?, ?, ?, 1, ?, 'in_flight', 'scheduled', ?)`,
  );
  // Due rows come without their event: ten webhooks share one event, whose body the engine usually has cached.
  const due = sqlite
    .prepare<[string, number, number], DueRowRaw>(
      `SELECT ${DUE_ROW_COLUMNS} FROM webhook_deliveries d
       WHERE d.webhook_id = ? AND d.state = 'pending' AND d.next_attempt_at <= ? ORDER BY d.next_attempt_at LIMIT ?`,
    )
    .raw(true);
  const dueManual = sqlite
    .prepare<[string, number, number], DueRowRaw>(
      `SELECT ${DUE_ROW_COLUMNS} FROM webhook_deliveries d
       WHERE d.webhook_id = ? AND d.state = 'pending' AND d.next_attempt_at <= ? AND d.next_trigger = 'manual'
       ORDER BY d.next_attempt_at LIMIT ?`,
    )
    .raw(true);
  const eventById = sqlite.prepare<[string], EventColumns>(`SELECT ${EVENT_COLUMNS} FROM events e WHERE e.id = ?`);
  const forAttempt = sqlite.prepare<[string], DueRow>(`SELECT ${DUE_COLUMNS} FROM webhook_deliveries d LEFT JOIN events e ON e.id = d.event_id WHERE d.id = ?`);
  const insertAttempt = sqlite.prepare(ATTEMPT_LOG_SQL.insertAttempt);
  const finishAttempt = sqlite.prepare(ATTEMPT_LOG_SQL.finishAttempt);
  const finishDelivery = sqlite.prepare(ATTEMPT_LOG_SQL.finishDelivery);
  const finishCancelled = sqlite.prepare(ATTEMPT_LOG_SQL.finishCancelled);
  const markUnapplied = sqlite.prepare(ATTEMPT_LOG_SQL.markUnapplied);
  const clearUnapplied = sqlite.prepare(ATTEMPT_LOG_SQL.clearUnapplied);
  const applyOutcome = sqlite.prepare(ATTEMPT_LOG_SQL.applyOutcome);
  const applyCancelled = sqlite.prepare(ATTEMPT_LOG_SQL.applyCancelled);
  const unapplied = sqlite.prepare<[], AppliedOutcome>(
    `SELECT u.attempt_id AS attemptId, a.delivery_id AS deliveryId FROM webhook_unapplied_outcomes u JOIN webhook_attempts a ON a.id = u.attempt_id
     ORDER BY u.attempt_id`,
  );
  const clearAllUnapplied = sqlite.prepare('DELETE FROM webhook_unapplied_outcomes');
  // Deliveries whose attempt was cut off stay pending; they count that attempt and are due at once.
  const resumeDeliveries = sqlite.prepare(
    `UPDATE webhook_deliveries SET
       attempts = (SELECT max(number) FROM webhook_attempts a WHERE a.delivery_id = webhook_deliveries.id),
       first_attempt_at = coalesce(first_attempt_at, (SELECT min(started_at) FROM webhook_attempts a WHERE a.delivery_id = webhook_deliveries.id)),
       last_attempt_at = (SELECT max(started_at) FROM webhook_attempts a WHERE a.delivery_id = webhook_deliveries.id),
       next_attempt_at = @nowMs
     WHERE state = 'pending' AND is_test = 0 AND id IN (SELECT delivery_id FROM webhook_attempts WHERE finished_at IS NULL)`,
  );
  const interruptAttempts = sqlite.prepare(
    `UPDATE webhook_attempts SET finished_at = @now, error_class = 'connect',
       error_message = 'Interrupted: the console stopped while this attempt was in flight (it may have reached the receiver); it is sent again'
     WHERE finished_at IS NULL`,
  );
  // A test delivery has exactly one attempt: interrupted means failed.
  const failInterruptedTests = sqlite.prepare(
    `UPDATE webhook_deliveries SET state = 'failed', completed_at = @now, last_error_class = 'connect',
       last_error = 'Interrupted: the console stopped during the test' WHERE state = 'in_flight' AND is_test = 1`,
  );
  const cancelPending = sqlite.prepare(
    `UPDATE webhook_deliveries SET state = 'cancelled', next_attempt_at = NULL, completed_at = @now
     WHERE webhook_id = @webhookId AND state IN ('pending', 'in_flight')`,
  );
  const replay = sqlite.prepare(
    `UPDATE webhook_deliveries SET state = 'pending', next_trigger = 'manual', next_attempt_at = @nowMs, completed_at = NULL
     WHERE id = @id AND state IN ('pending', 'succeeded', 'failed') AND is_test = 0
       AND webhook_id IN (SELECT id FROM webhooks WHERE deleted_at IS NULL)`,
  );
  const failedIn = sqlite.prepare<[string, string, string, string, number], { id: string }>(
    `SELECT id FROM webhook_deliveries WHERE webhook_id = ? AND state = 'failed' AND created_at >= ? AND created_at < ? AND id > ?
     ORDER BY id LIMIT ?`,
  );
  const countFailedIn = sqlite.prepare<[string, string, string], { n: number }>(
    `SELECT count(*) AS n FROM webhook_deliveries WHERE webhook_id = ? AND state = 'failed' AND created_at >= ? AND created_at < ?`,
  );
  const nextDue = sqlite.prepare<[string, number], { id: string; at: number }>(
    `SELECT id, next_attempt_at AS at FROM webhook_deliveries WHERE webhook_id = ? AND state = 'pending' ORDER BY next_attempt_at LIMIT ?`,
  );
  const nextDueManual = sqlite.prepare<[string, number], { id: string; at: number }>(
    `SELECT id, next_attempt_at AS at FROM webhook_deliveries WHERE webhook_id = ? AND state = 'pending' AND next_trigger = 'manual'
     ORDER BY next_attempt_at LIMIT ?`,
  );
  const oldDeliveries = sqlite.prepare<[string, number], { id: string }>(
    `SELECT id FROM webhook_deliveries WHERE created_at < ? AND state IN ('succeeded', 'failed', 'cancelled') ORDER BY created_at LIMIT ?`,
  );
  const deleteAttemptsOf = sqlite.prepare('DELETE FROM webhook_attempts WHERE delivery_id = ?');
  const deleteDelivery = sqlite.prepare('DELETE FROM webhook_deliveries WHERE id = ?');

  const fanOut = defineWriteTransaction(sqlite, (pairs: readonly { webhookId: string; event: StoredEvent }[], nowIso: string, nowMs: number) => {
    let n = 0;
    for (const { webhookId, event } of pairs) n += insertDelivery.run(newId('dlv_'), webhookId, event.id, event.type, event.caseId, nowMs, nowIso).changes;
    return n;
  });
  const start = defineWriteTransaction(sqlite, (attempts: readonly AttemptStart[], outcomes: readonly AttemptFinish[]) => {
    for (const r of outcomes) {
      finishAttempt.run(attemptFinishParams(r));
      markUnapplied.run(r.attemptId);
    }
    return attempts.map((a) => Number(insertAttempt.run(...attemptStartRow(a)).lastInsertRowid));
  });
  const apply = (outcome: AppliedOutcome) => {
    if (applyOutcome.run(outcome).changes === 0) applyCancelled.run(outcome);
    clearUnapplied.run(outcome);
  };
  // attempt-log.worker.mjs runs the same two transactions on its own connection.
  const finish = defineWriteTransaction(sqlite, (results: readonly AttemptFinish[], applied: readonly AppliedOutcome[]) => {
    for (const r of results) {
      const params = attemptFinishParams(r);
      finishAttempt.run(params);
      if (finishDelivery.run(params).changes === 0) finishCancelled.run(params);
    }
    for (const outcome of applied) apply(outcome);
  });
  // The engine deactivates a webhook on 410 Gone once the outcome is committed; a stop in between (or an outcome
  // written ahead of its delivery) leaves it active. A webhook is deactivated at start-up when its latest attempt,
  // not a test, was a 410 answered after the webhook last changed (so one reactivated since is left alone).
  const deactivateGone = sqlite.prepare(
    `UPDATE webhooks SET active = 0, deactivated_reason = @reason, deactivated_at = @now, updated_at = @now
     WHERE active = 1 AND deleted_at IS NULL AND EXISTS (
       SELECT 1 FROM (SELECT response_status, finished_at FROM webhook_attempts a
                      WHERE a.webhook_id = webhooks.id AND a.trigger != 'test' ORDER BY a.started_at DESC, a.id DESC LIMIT 1) last
       WHERE last.response_status = 410 AND last.finished_at > webhooks.updated_at)`,
  );
  const resume = defineWriteTransaction(sqlite, (now: string, nowMs: number) => {
    // First the outcomes a crash left ahead of their deliveries: those deliveries got their answer (or their retry
    // time) and are not due now. Read from the attempt rows, as the writer would have.
    const lagging = unapplied.all();
    for (const outcome of lagging) apply(outcome);
    clearAllUnapplied.run(); // any left are of attempts retention has removed since
    const deactivated = deactivateGone.run({ now, reason: GONE_REASON }).changes;
    const resumed = resumeDeliveries.run({ nowMs }).changes;
    interruptAttempts.run({ now });
    failInterruptedTests.run({ now });
    return { applied: lagging.length, resumed, deactivated };
  });
  const prune = defineWriteTransaction(sqlite, (beforeIso: string, limit: number) => {
    let removed = 0;
    for (const { id } of oldDeliveries.all(beforeIso, limit)) {
      removed += deleteAttemptsOf.run(id).changes;
      removed += deleteDelivery.run(id).changes;
    }
    return removed;
  });

  return {
    fanOut: (pairs, nowIso, nowMs) => (pairs.length === 0 ? 0 : fanOut(pairs, nowIso, nowMs)),
    insertTest(webhookId, eventId, eventType, body, nowIso) {
      const id = newId('dlv_');
      insertTest.run(id, webhookId, eventId, eventType, body, nowIso);
      return id;
    },
    due: (webhookId, nowMs, limit, manualOnly, needsEvent) =>
      (manualOnly ? dueManual : due).all(webhookId, nowMs, limit).map((r) => {
        const d = toDueRaw(webhookId, r);
        if (d.body === null && needsEvent(d.eventId)) d.event = toEvent(eventById.get(d.eventId) ?? {});
        return d;
      }),
    event: (eventId) => toEvent(eventById.get(eventId) ?? {}),
    forAttempt(deliveryId) {
      const row = forAttempt.get(deliveryId);
      return row ? toDue(row) : undefined;
    },
    start: (attempts, outcomes = []) => (attempts.length === 0 && outcomes.length === 0 ? [] : start(attempts, outcomes)),
    finish(results, applied = []) {
      if (results.length > 0 || applied.length > 0) finish(results, applied);
    },
    resumeInterrupted: (nowIso, nowMs) => resume(nowIso, nowMs),
    cancelPending: (webhookId, nowIso) => cancelPending.run({ webhookId, now: nowIso }).changes,
    replay: (id, nowMs) => replay.run({ id, nowMs }).changes > 0,
    failedIn: (webhookId, fromIso, toIso, afterId, limit) => failedIn.all(webhookId, fromIso, toIso, afterId, limit).map((r) => r.id),
    countFailedIn: (webhookId, fromIso, toIso) => countFailedIn.get(webhookId, fromIso, toIso)!.n,
    nextDueAt(webhookId, manualOnly, held) {
      const rows = (manualOnly ? nextDueManual : nextDue).all(webhookId, held.size + 1);
      return rows.find((r) => !held.has(r.id))?.at ?? null;
    },
    prune: (beforeIso, limit) => prune(beforeIso, limit),
  };
}
