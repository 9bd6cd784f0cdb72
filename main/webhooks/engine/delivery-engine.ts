// The delivery engine: claims due deliveries, logs each attempt (through the attempt log, usually its writer
// thread) and sends it once that is committed, within a shared request budget and a per-endpoint limit; records
// outcomes in batches, schedules retries, opens circuit breakers for dead endpoints and resumes everything after
// a restart. Time and randomness are injected.
import type { StoredEvent } from '../../../shared/domain/events';
import { ATTEMPT_TIMEOUT_MS } from '../policy/attempt-outcome';
import { matchesWebhook } from '../policy/filters';
import type { NextStep } from '../policy/retry-policy';
import type { AppliedOutcome } from '../store/attempt-log-sql';
import type { AttemptFinish, AttemptStart, DueDelivery } from '../store/delivery-store';
import type { WebhookRow } from '../store/webhook-store';
import { createCircuitBreakers } from '../../net';
import { createCredentialGate, type Credentials } from './credentials';
import { loggedHeaders, requestHeaders } from './request-headers';
import { attemptRecord } from './attempt-record';
import { sendAttempt, type SendResult } from './send-attempt';
import { sendTestDelivery } from './send-test';
import { createDueReader } from './due-reader';
import { missingEventResult, whatFollows } from './what-follows';
import { DEFAULT_LIMITS, type DeliveryEngine, type DeliveryEngineDeps } from './delivery-engine-types';

export { DEFAULT_LIMITS, type DeliveryEngine, type DeliveryEngineDeps, type EngineLimits } from './delivery-engine-types';

/** How far ahead the idle timer looks at most (so settings or clock changes are picked up). */
const MAX_SLEEP_MS = 30_000;
/**
 * Outcomes are written together: each transaction rewrites the index pages it touches (ten webhooks touch ten
 * leaves of each index), so one write of 150 outcomes costs far less per outcome than ten of 15. Nothing waits on
 * it: request slots are freed when the response is in, and the delivery is only held from being claimed again.
 * Under load an outcome's attempt row goes sooner, with the next attempts logged (launch()): it is never written
 * after the attempt that took its slot, or the log would show more attempts in flight than the limit. Its
 * delivery's row, whose indexes are the ones rewritten per transaction, still waits for the batch.
 */
const FLUSH_DELAY_MS = 25;
const FLUSH_MAX = 512;
const PUMP_BATCH = 8;
const NONE_HELD: ReadonlySet<string> = new Set();

/** An outcome waiting to be written; `unsendable` ones (event gone) say nothing about the endpoint's health. */
interface Finished {
  result: AttemptFinish;
  /** Written to its attempt row with later attempts (launch()); its delivery is brought up to date by the next flush. */
  ahead: boolean;
  webhookId: string;
  step: NextStep | null;
  ok: boolean;
  unsendable: boolean;
}

/** A claimed attempt with its request, between its claim and its sending. */
interface Prepared {
  w: WebhookRow;
  d: DueDelivery;
  body: Buffer | null;
  headers: Record<string, string>;
  start: AttemptStart;
  /** Its attempt row's id, once that row is written. */
  attemptId?: number;
}

interface Claim {
  w: WebhookRow;
  due: DueDelivery[];
  credentials: Credentials;
}

export function createDeliveryEngine(deps: DeliveryEngineDeps): DeliveryEngine {
  const { deliveries, webhooks, clock, logger } = deps;
  const rng = deps.rng ?? Math.random;
  const limits = deps.limits ?? DEFAULT_LIMITS;
  const timeoutMs = deps.attemptTimeoutMs ?? ATTEMPT_TIMEOUT_MS;
  const breakers = createCircuitBreakers(deps.breaker);
  const pumpBatch = Math.max(1, Math.min(PUMP_BATCH, Math.floor(limits.total / 8)));
  // Attempts are claimed a little beyond the requests allowed in flight, so that while some are being logged
  // others are on the wire: the log write is then off the request's critical path. Per webhook there is no such
  // margin, so one slow endpoint never has more than its own limit claimed.
  const claimLimit = limits.total + Math.max(1, Math.floor(limits.total / 4));
  const stop = new AbortController();
  const perEndpoint = new Map<string, number>();
  /** Deliveries from their claim until their outcome is written: still `pending` in the database, never claimed twice. */
  const claimed = new Map<string, Set<string>>();
  const running = new Set<Promise<void>>();
  const reader = createDueReader(deliveries);
  const credentialGate = createCredentialGate(deps.credentials, (webhookId, error) =>
    logger.error({ err: error, webhookId }, 'webhook signing secret unavailable; its deliveries wait'),
  );
  /** Attempts claimed and not yet over (being logged, waiting for a request slot, or being sent). */
  let total = 0;
  /** Requests on the wire. */
  let sending = 0;
  /** Attempts logged and waiting for a request slot, oldest first. */
  const ready: Prepared[] = [];
  let fanOutList: WebhookRow[] | null = null;
  let live: WebhookRow[] | null = null;
  let pumping = false;
  let pumpAgain = false;
  let wakeQueued = false;
  let timer: NodeJS.Timeout | null = null;
  /** Outcomes waiting to be written (or, the first `ahead` of them, for their deliveries to be). */
  let finished: Finished[] = [];
  let ahead = 0;
  let flushQueued = false;
  /** Attempt-log writes sent and not yet committed. */
  let writing = 0;
  let turn = 0;
  let closed = false;
  /** Nothing is sent before start(): the interrupted attempts of the last run are closed first. */
  let started = false;
  let idleWaiters: (() => void)[] = [];

  const nowMs = () => clock.now().getTime();

  // Read on every pump: cached, and dropped whenever a webhook changes.
  const liveWebhooks = () => (live ??= webhooks.list());

  function fanOut(events: readonly StoredEvent[]) {
    fanOutList ??= webhooks.activeForFanOut();
    if (fanOutList.length === 0) return;
    const pairs: { webhookId: string; event: StoredEvent }[] = [];
    for (const event of events) for (const w of fanOutList) if (matchesWebhook(w, event)) pairs.push({ webhookId: w.id, event });
    const now = clock.now();
    deliveries.fanOut(pairs, now.toISOString(), now.getTime());
  }

  /** Something outside changed what is due (new deliveries, a replay, a webhook): read it afresh. */
  function wake() {
    reader.forget();
    schedulePump();
  }

  function schedulePump() {
    if (wakeQueued || closed) return;
    wakeQueued = true;
    setImmediate(() => {
      wakeQueued = false;
      void pump();
    });
  }

  async function pump(): Promise<void> {
    if (closed || !started) return;
    if (pumping) {
      pumpAgain = true;
      return;
    }
    pumping = true;
    try {
      do {
        pumpAgain = false;
        // Credentials may need the keychain (async); everything after them is synchronous.
        const hooks = rotated(liveWebhooks());
        const ready: { w: WebhookRow; credentials: Credentials }[] = [];
        for (const w of hooks) {
          if (closed) return;
          if (roomFor(w, nowMs()) <= 0) continue;
          const credentials = await credentialGate.forWebhook(w.id, w.appKeyRef, nowMs());
          if (credentials !== null) ready.push({ w, credentials });
        }
        if (closed) return;
        // From here to the start() in launch() nothing awaits: what is selected is claimed before anyone looks again.
        const at = nowMs();
        const claims: Claim[] = [];
        let budget = claimLimit - total;
        for (const { w, credentials } of ready) {
          const room = Math.min(roomFor(w, at), budget);
          if (room <= 0) continue;
          const taken = reader.take(w, at, room, claimed.get(w.id));
          if (taken.length === 0) continue;
          budget -= taken.length;
          claims.push({ w, due: taken, credentials });
          if (taken.length === room) pumpAgain = true;
        }
        if (claims.length > 0) launch(claims, at);
      } while (pumpAgain && !closed);
    } catch (error) {
      logger.error({ err: error }, 'webhook engine pump failed');
    } finally {
      pumping = false;
      armTimer();
      notifyIdle();
    }
  }

  /** Attempts allowed to start for a webhook now: its own limit, the shared budget, its circuit. */
  function roomFor(w: WebhookRow, at: number): number {
    return Math.min(limits.perEndpoint - (perEndpoint.get(w.id) ?? 0), claimLimit - total, breakers.allowance(w.id, at));
  }

  /** The webhooks starting one further along each pump, so a full budget favours nobody for long. */
  function rotated(list: WebhookRow[]): WebhookRow[] {
    if (list.length < 2) return list;
    turn = (turn + 1) % list.length;
    return [...list.slice(turn), ...list.slice(0, turn)];
  }

  /** Logs every claimed attempt in one transaction (with the outcomes gathered since the last), then sends them once that is committed. */
  function launch(claims: Claim[], at: number) {
    const startedAt = new Date(at).toISOString();
    const timestamp = Math.floor(at / 1000);
    const prepared: Prepared[] = [];
    for (const { w, due, credentials } of claims) {
      // The slots are taken now: until the attempt rows are written, the next pump must not claim these again.
      breakers.started(w.id, due.length);
      let held = claimed.get(w.id);
      if (!held) claimed.set(w.id, (held = new Set()));
      perEndpoint.set(w.id, (perEndpoint.get(w.id) ?? 0) + due.length);
      total += due.length;
      for (const d of due) {
        held.add(d.id);
        const body = reader.bodyFor(d);
        const number = d.attempts + 1;
        const headers =
          body === null
            ? {}
            : requestHeaders({
                eventId: d.eventId,
                eventType: d.eventType,
                deliveryId: d.id,
                attemptNumber: number,
                body,
                secrets: credentials.secrets,
                timestamp,
                appKey: credentials.appKey,
                test: d.isTest,
                userAgent: deps.userAgent,
              });
        const start: AttemptStart = { deliveryId: d.id, webhookId: w.id, number, trigger: d.trigger, startedAt, url: w.url, requestHeaders: loggedHeaders(headers) };
        prepared.push({ w, d, body, headers, start });
      }
    }
    // A slot is free once its response is in, but the delivery log counts the attempt in flight until its outcome
    // is written. The outcomes gathered since the last launch go first, in the same writer transaction as these
    // starts: the log then never shows more attempts of a webhook in flight than its limit, in any state a crash
    // could leave. Only their attempt rows (at the end of the table, beside these starts): their deliveries wait
    // for the next flush, whose one transaction rewrites each index leaf of the deliveries once for many outcomes.
    const outcomes = finished.slice(ahead);
    for (const f of outcomes) f.ahead = true;
    ahead = finished.length;
    writing += 1;
    deps.log.start(prepared.map((p) => p.start), outcomes.map((f) => f.result)).then(
      (attemptIds) => {
        writing -= 1;
        prepared.forEach((p, i) => {
          if (closed) return release(p);
          p.attemptId = attemptIds[i]!;
          ready.push(p);
        });
        sendReady();
        notifyIdle();
      },
      (error: unknown) => {
        writing -= 1;
        // Not written either: the next flush writes them whole. One that has gone already finds nothing to apply and
        // leaves its attempt in flight in the log, as any outcome that could not be written does, for a restart.
        for (const f of outcomes) f.ahead = false;
        logger.error({ err: error, count: prepared.length }, 'could not log webhook attempts before sending them; they wait for the next try');
        for (const p of prepared) release(p);
        for (const { w } of claims) breakers.cancelled(w.id);
        if (!closed) setTimeout(schedulePump, 1_000).unref();
        notifyIdle();
      },
    );
  }

  /** Gives back the slot of an attempt that was never sent. */
  function release({ w, d }: Prepared) {
    total -= 1;
    perEndpoint.set(w.id, (perEndpoint.get(w.id) ?? 1) - 1);
    claimed.get(w.id)?.delete(d.id);
  }

  /** Sends logged attempts while request slots are free. */
  function sendReady() {
    while (sending < limits.total && ready.length > 0 && !closed) send(ready.shift()!);
  }

  function send({ w, d, body, headers, start, attemptId }: Prepared) {
    sending += 1;
    const work = body === null ? Promise.resolve(missingEventResult()) : sendAttempt({ url: w.url, headers, body, agent: deps.agent(w), timeoutMs, stop: stop.signal });
    const over = () => {
      running.delete(task);
      sending -= 1;
      total -= 1;
      perEndpoint.set(w.id, (perEndpoint.get(w.id) ?? 1) - 1);
      sendReady();
      // Under full load, claim in batches (a few free slots at a time), not one query round per finished attempt.
      if (!closed && claimLimit - total >= pumpBatch) schedulePump();
    };
    const failed = (error: unknown) => logger.error({ err: error, deliveryId: d.id }, 'webhook attempt bookkeeping failed');
    // One reaction, not a then/catch/finally chain: three promises fewer per attempt.
    const task: Promise<void> = work.then(
      (result) => {
        try {
          if (!result.stopped && !closed) complete(w, d, attemptId!, start.startedAt, result, body === null);
        } catch (error) {
          failed(error);
        }
        over();
      },
      (error: unknown) => {
        failed(error);
        over();
      },
    );
    running.add(task);
  }

  /** Turns an attempt's result into what follows for its delivery; `unsendable` (its event is gone) is final. */
  function complete(w: WebhookRow, d: DueDelivery, attemptId: number, startedAt: string, result: SendResult, unsendable = false) {
    const finishedAt = clock.now();
    const { state, nextAttemptAt, step, errorMessage } = whatFollows(d, result, startedAt, finishedAt, rng, unsendable);
    finished.push({
      ahead: false,
      webhookId: w.id,
      step,
      ok: result.outcome.ok,
      unsendable,
      result: attemptRecord({ attemptId, deliveryId: d.id, number: d.attempts + 1, startedAt, finishedAt: finishedAt.toISOString() }, result, {
        state,
        nextAttemptAt,
        errorMessage,
      }),
    });
    if (finished.length >= FLUSH_MAX) flush();
    else if (!flushQueued) {
      flushQueued = true;
      setTimeout(flush, FLUSH_DELAY_MS);
    }
  }

  /** Writes every outcome gathered this turn in one transaction, then acts on them. */
  function flush() {
    flushQueued = false;
    if (closed || finished.length === 0) return;
    const batch = finished;
    finished = [];
    ahead = 0;
    const results: AttemptFinish[] = [];
    const applied: AppliedOutcome[] = [];
    for (const b of batch) {
      if (b.ahead) applied.push({ attemptId: b.result.attemptId, deliveryId: b.result.deliveryId });
      else results.push(b.result);
    }
    writing += 1;
    deps.log.finish(results, applied).then(
      () => {
        writing -= 1;
        if (!closed) recorded(batch);
        notifyIdle();
      },
      (error: unknown) => {
        writing -= 1;
        // Left in flight in the database (and held here): the next start resumes them.
        logger.error({ err: error, count: batch.length }, 'could not record webhook attempts');
        notifyIdle();
      },
    );
  }

  /** What follows once outcomes are committed: the deliveries can be claimed again, circuits and 410s act. */
  function recorded(batch: Finished[]) {
    const now = nowMs();
    let circuitsChanged = false;
    for (const b of batch) {
      claimed.get(b.webhookId)?.delete(b.result.deliveryId);
      if (!b.unsendable) circuitsChanged = breakers.record(b.webhookId, b.ok, now) || circuitsChanged;
      if (b.step?.kind === 'deactivate') {
        if (webhooks.deactivate(b.webhookId, b.step.reason, new Date(now).toISOString())) {
          logger.warn({ webhookId: b.webhookId }, 'webhook deactivated: the receiver answered 410 Gone');
          fanOutList = null;
          live = null;
          circuitsChanged = true;
        }
      }
    }
    deps.changed(circuitsChanged ? ['webhook_deliveries', 'webhook_attempts', 'webhooks'] : ['webhook_deliveries', 'webhook_attempts']);
  }

  /** Sleeps until the earliest pending attempt or circuit probe, among endpoints with room. */
  function armTimer() {
    if (deps.timers === false || closed) return;
    if (timer) clearTimeout(timer);
    timer = null;
    const now = nowMs();
    const active: string[] = [];
    const manualOnly: string[] = [];
    let wakeAt = now + MAX_SLEEP_MS;
    for (const w of liveWebhooks()) {
      if ((perEndpoint.get(w.id) ?? 0) >= limits.perEndpoint) continue; // a finishing attempt wakes us
      const probe = breakers.retryAt(w.id);
      if (probe !== null) {
        wakeAt = Math.min(wakeAt, probe);
        continue;
      }
      const blocked = credentialGate.blockedUntil(w.id);
      if (blocked !== undefined && blocked > now) {
        wakeAt = Math.min(wakeAt, blocked);
        continue;
      }
      (w.active ? active : manualOnly).push(w.id);
    }
    if (total < claimLimit) {
      const due = earliestDue(active, manualOnly);
      if (due !== null) wakeAt = Math.min(wakeAt, due);
    }
    // Something is due but every slot is busy: the next finished attempt pumps again.
    if (wakeAt <= now && total >= claimLimit) return;
    timer = setTimeout(() => void pump(), Math.max(0, wakeAt - now));
    timer.unref();
  }

  /** The earliest attempt due among these webhooks, not counting deliveries being sent right now. */
  function earliestDue(active: readonly string[], manualOnly: readonly string[]): number | null {
    let earliest: number | null = null;
    const consider = (id: string, manual: boolean) => {
      const at = deliveries.nextDueAt(id, manual, claimed.get(id) ?? NONE_HELD);
      if (at !== null && (earliest === null || at < earliest)) earliest = at;
    };
    for (const id of active) consider(id, false);
    for (const id of manualOnly) consider(id, true);
    return earliest;
  }

  function notifyIdle() {
    if (total > 0 || finished.length > 0 || pumping || writing > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  const untilIdle = () =>
    new Promise<void>((resolve) => {
      idleWaiters.push(resolve);
      notifyIdle();
    });

  return {
    start() {
      if (started) return;
      started = true;
      const now = clock.now();
      const { applied, resumed, deactivated } = deliveries.resumeInterrupted(now.toISOString(), now.getTime());
      if (deactivated > 0) {
        logger.warn({ deactivated }, 'webhooks deactivated at start-up: their receiver had answered 410 Gone before the stop');
        fanOutList = null;
        live = null;
      }
      if (applied > 0) logger.info({ applied }, 'webhook deliveries brought up to date with outcomes logged before a stop');
      if (resumed > 0) logger.info({ resumed }, 'webhook deliveries resumed after a stop');
      wake();
    },
    fanOut,
    wake,
    async settle() {
      for (let round = 0; round < 10_000 && !closed; round += 1) {
        await pump();
        await untilIdle();
        const now = nowMs();
        const ids = liveWebhooks().filter((w) => breakers.allowance(w.id, now) > 0);
        const next = earliestDue(ids.filter((w) => w.active).map((w) => w.id), ids.filter((w) => !w.active).map((w) => w.id));
        if (next === null || next > now) return;
      }
    },
    sendTest: (webhookId, eventType) =>
      sendTestDelivery(
        { ...deps, timeoutMs, stop: stop.signal, open: () => !closed },
        webhookId,
        eventType,
      ),
    circuit: (webhookId) => breakers.view(webhookId),
    webhooksChanged(webhookId) {
      fanOutList = null;
      live = null;
      if (webhookId !== undefined) {
        credentialGate.forget(webhookId);
      }
      wake();
    },
    inFlight: () => total,
    isClaimed: (deliveryId) => [...claimed.values()].some((held) => held.has(deliveryId)),
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      stop.abort();
      await Promise.allSettled([...running]);
      for (const resolve of idleWaiters) resolve();
      idleWaiters = [];
    },
  };
}
