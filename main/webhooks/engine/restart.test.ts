// Nothing is lost across a stop: a new core on the same data dir resumes deliveries waiting for a retry and
// those whose attempt was in flight when the old core stopped; nothing that got its answer is sent again.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { manualClock } from '../../test-support/clock';
import { testSecretService } from '../../test-support/temp-dir';
import type { AttemptFinish, AttemptStart } from '../store/delivery-store';
import { answer, startReceiver, startWebhookCore, type Receiver } from '../test-webhooks';

let receiver: Receiver | undefined;
const cleanup = useCleanup();

/** Two cores in a row on one data dir, sharing the file-secret key so the second can sign. */
function sharedDataDir() {
  const dataDir = cleanup.tempDir();
  // The encrypted-file store binds entries to the service name too.
  return { dataDir, secretService: testSecretService(), env: { KAYSE_SECRETS_KEY: randomBytes(32).toString('base64') } };
}

describe('restarting the console', () => {
  it('resumes a delivery that was waiting for its retry', async () => {
    const shared = sharedDataDir();
    const clock = manualClock();
    receiver = cleanup.use(await startReceiver(answer(500, 'down for maintenance')));
    const first = await startWebhookCore({ ...shared, clock, webhooks: { timers: false, rng: () => 0.5 } });
    await first.createWebhook({ url: receiver.url });
    const eventId = await first.postEvent();
    await first.core.webhooks.engine.settle();
    expect(first.deliveryRows()[0]).toMatchObject({ state: 'pending', attempts: 1 });
    await first.core.close();

    receiver.behave(answer(200, 'ok'));
    clock.advance(30_000);
    const second = cleanup.use(await startWebhookCore({ ...shared, clock, keyName: 'after restart', webhooks: { timers: false } }));
    await second.core.webhooks.engine.settle();
    expect(second.deliveryRows()[0]).toMatchObject({ state: 'succeeded', attempts: 2 });
    expect(receiver.requests.map((r) => [r.headers['x-kayse-event-id'], r.headers['x-kayse-attempt']])).toEqual([
      [eventId, '1'],
      [eventId, '2'],
    ]);
  });

  it('sends again an attempt that was in flight when the console stopped, and says so in the log', async () => {
    const shared = sharedDataDir();
    receiver = cleanup.use(await startReceiver(() => undefined)); // holds the request: the attempt stays in flight
    const first = await startWebhookCore({ ...shared });
    await first.createWebhook({ url: receiver.url });
    const eventId = await first.postEvent();
    await receiver.waitFor(1);
    // Logged before sending: the attempt row exists, without an outcome.
    await expect.poll(() => first.attemptRows().map((a) => a.finished_at)).toEqual([null]);
    await first.core.close();

    receiver.behave(answer(200, 'ok'));
    const second = cleanup.use(await startWebhookCore({ ...shared, keyName: 'after restart' }));
    await receiver.waitFor(2);
    await expect.poll(() => second.deliveryRows()[0]?.state).toBe('succeeded');
    const attempts = second.attemptRows();
    expect(attempts.map((a) => a.number)).toEqual([1, 2]);
    expect(attempts[0]!.error_message).toMatch(/^Interrupted/);
    // At-least-once: the receiver saw the event twice and deduplicates by its id.
    expect(receiver.requests.map((r) => r.headers['x-kayse-event-id'])).toEqual([eventId, eventId]);
  });

  it('does not send again a delivery whose answer was logged before the stop, when its delivery row had not followed yet', async () => {
    const shared = sharedDataDir();
    const clock = manualClock();
    receiver = cleanup.use(await startReceiver(answer(200, 'ok')));
    const first = await startWebhookCore({ ...shared, clock, webhooks: { autoStart: false } });
    await first.createWebhook({ url: receiver.url });
    const answered = await first.postEvent();
    const retrying = await first.postEvent();
    const inFlight = await first.postEvent();
    const last = await first.postEvent();
    const deliveryOf = (rows: ReturnType<typeof first.deliveryRows>, eventId: string) => rows.find((d) => d.event_id === eventId)!;

    // The log as a kill -9 under load can leave it. The engine logged three attempts; with the next one it wrote the
    // outcomes of two of them (a 200, and a 503 whose retry is due in 30 s) to their attempt rows, leaving their
    // deliveries to its next batch; then the process died. These are the engine's own writes.
    const store = first.core.webhooks.deliveries;
    const startedAt = clock.now().toISOString();
    const startOf = (eventId: string): AttemptStart => {
      const d = deliveryOf(first.deliveryRows(), eventId);
      return { deliveryId: d.id, webhookId: d.webhook_id, number: 1, trigger: 'scheduled', startedAt, url: receiver!.url, requestHeaders: {} };
    };
    const retryAt = clock.now().getTime() + 30_000;
    const outcome = (attemptId: number, eventId: string, status: 200 | 503): AttemptFinish => ({
      attemptId,
      deliveryId: deliveryOf(first.deliveryRows(), eventId).id,
      number: 1,
      startedAt,
      finishedAt: startedAt,
      resolvedIp: '127.0.0.1',
      responseStatus: status,
      responseHeaders: { 'content-type': 'text/plain' },
      responseBody: status === 200 ? 'ok' : 'busy',
      responseTruncated: false,
      errorClass: status === 200 ? null : 'http_status',
      errorMessage: status === 200 ? null : 'HTTP 503 Service Unavailable',
      durationMs: 5,
      state: status === 200 ? 'succeeded' : 'pending',
      nextAttemptAt: status === 200 ? null : retryAt,
    });
    const [answeredAttempt, retryingAttempt] = store.start([answered, retrying, inFlight].map(startOf));
    store.start([startOf(last)], [outcome(answeredAttempt!, answered, 200), outcome(retryingAttempt!, retrying, 503)]);
    expect(first.deliveryRows().map((d) => d.state)).toEqual(['pending', 'pending', 'pending', 'pending']);
    await first.core.close();

    const second = cleanup.use(await startWebhookCore({ ...shared, clock, keyName: 'after restart', webhooks: { timers: false } }));
    await second.core.webhooks.engine.settle();
    // Only the two attempts in doubt are sent again; the delivery that got its 200 is done, the one that got its 503
    // waits for its retry.
    const sent = () => receiver!.requests.map((r) => `${String(r.headers['x-kayse-event-id'])} #${String(r.headers['x-kayse-attempt'])}`).sort();
    expect(sent()).toEqual([`${inFlight} #2`, `${last} #2`].sort());
    expect(deliveryOf(second.deliveryRows(), answered)).toMatchObject({ state: 'succeeded', attempts: 1 });
    expect(deliveryOf(second.deliveryRows(), retrying)).toMatchObject({ state: 'pending', attempts: 1, next_attempt_at: retryAt });
    expect(second.core.database.sqlite.prepare('SELECT count(*) FROM webhook_unapplied_outcomes').pluck().get()).toBe(0);

    clock.advance(30_000);
    await second.core.webhooks.engine.settle();
    expect(sent()).toEqual([`${inFlight} #2`, `${last} #2`, `${retrying} #2`].sort());
    const outcomeOf = (eventId: string) => {
      const d = deliveryOf(second.deliveryRows(), eventId);
      return [d.state, d.attempts];
    };
    expect([answered, retrying, inFlight, last].map(outcomeOf)).toEqual([
      ['succeeded', 1],
      ['succeeded', 2],
      ['succeeded', 2],
      ['succeeded', 2],
    ]);
  });

  it('deactivates a webhook whose receiver answered 410 Gone just before the stop, but not one reactivated since', async () => {
    const shared = sharedDataDir();
    const clock = manualClock();
    receiver = cleanup.use(await startReceiver(answer(200, 'ok')));
    const first = await startWebhookCore({ ...shared, clock, webhooks: { autoStart: false } });
    const gone = await first.createWebhook({ name: 'Gone', url: receiver.url });
    const revived = await first.createWebhook({ name: 'Revived', url: receiver.url });
    await first.postEvent();
    clock.advance(1_000);
    // The log as a stop right after the outcomes' commit leaves it: each webhook's delivery failed with a 410, and
    // the engine had not deactivated either yet (it does that once the outcome is committed).
    const store = first.core.webhooks.deliveries;
    const at = clock.now().toISOString();
    for (const d of first.deliveryRows()) {
      const [attemptId] = store.start([{ deliveryId: d.id, webhookId: d.webhook_id, number: 1, trigger: 'scheduled', startedAt: at, url: receiver.url, requestHeaders: {} }]);
      store.finish([
        { attemptId: attemptId!, deliveryId: d.id, number: 1, startedAt: at, finishedAt: at, resolvedIp: '127.0.0.1', responseStatus: 410, responseHeaders: {},
          responseBody: 'gone', responseTruncated: false, errorClass: 'http_status', errorMessage: 'HTTP 410 Gone', durationMs: 3, state: 'failed', nextAttemptAt: null },
      ]);
    }
    // The admin fixed the second one's URL and activated it again after that answer.
    clock.advance(1_000);
    await first.api.webhooks.setActive({ id: revived.id, active: false });
    await first.api.webhooks.setActive({ id: revived.id, active: true });
    await first.core.close();

    const second = cleanup.use(await startWebhookCore({ ...shared, clock, keyName: 'after restart', webhooks: { timers: false } }));
    await second.core.webhooks.engine.settle();
    const byName = Object.fromEntries((await second.api.webhooks.list(undefined)).map((w) => [w.name, w]));
    expect(byName.Gone).toMatchObject({ id: gone.id, active: false, deactivatedReason: expect.stringContaining('410 Gone') });
    expect(byName.Revived).toMatchObject({ id: revived.id, active: true, deactivatedReason: null });
    expect(receiver.requests).toHaveLength(0); // neither failed delivery is sent again
  });
});
