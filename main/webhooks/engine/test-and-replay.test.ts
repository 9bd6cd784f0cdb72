// "Send a test" (also on an inactive webhook) and replays: one delivery again as a manual attempt with the same
// delivery id, and bulk replay of a webhook's failed deliveries in a time range with task.progress.
import { describe, expect, it } from 'vitest';
import { watchTasks } from '../../test-support/tasks';
import { refusal } from '../../test-support/api';
import { useCleanup } from '../../test-support/use-cleanup';
import { manualClock } from '../../test-support/clock';
import { verifyKayseSignature } from '../signing/verify';
import { answer, startReceiver, startWebhookCore } from '../test-webhooks';

let env: Awaited<ReturnType<typeof startWebhookCore>> | undefined;
const cleanup = useCleanup();

async function receiver(behaviour = answer(200, 'ok')) {
  return cleanup.use(await startReceiver(behaviour));
}

const HOUR = 3_600_000;

/**
 * A core on a manual clock whose engine only sends on settle(); the circuit breaker is kept out of the way so
 * that a run of failures doesn't hold back the replays under test.
 */
async function manualCore() {
  const clock = manualClock();
  env = cleanup.use(await startWebhookCore({ clock, webhooks: { timers: false, breaker: { threshold: 1_000, cooldownMs: 1_000, maxCooldownMs: 1_000 } } }));
  return { env, clock, settle: () => env!.core.webhooks.engine.settle() };
}

describe('sending a test', () => {
  it('reaches the receiver of an inactive webhook, marked as a test, and reports status and duration', async () => {
    const r = await receiver(answer(200, 'test received'));
    env = cleanup.use(await startWebhookCore());
    const hook = await env.createWebhook({ url: r.url, events: ['message_sent', 'call_ended'], active: false });
    await env.postEvent('message_sent');
    expect(env.deliveryRows()).toEqual([]); // inactive: no event fans out to it

    const result = await env.api.webhooks.sendTest({ id: hook.id });
    expect(result).toMatchObject({ ok: true, status: 200, errorClass: null, message: null, responseBody: 'test received', resolvedIp: '127.0.0.1' });
    expect(result.durationMs).toBeGreaterThanOrEqual(0);

    expect(r.requests).toHaveLength(1);
    const [req] = r.requests;
    expect(req!.headers['x-kayse-test']).toBe('true');
    expect(req!.headers['x-kayse-event']).toBe('message_sent');
    expect(req!.headers['x-kayse-delivery']).toBe(result.deliveryId);
    const body = JSON.parse(req!.body) as Record<string, unknown>;
    expect(body).toMatchObject({ test: true, type: 'message_sent' });
    const { secret } = await env.api.webhooks.revealSecret({ id: hook.id });
    expect(verifyKayseSignature({ rawBody: req!.body, header: req!.headers['x-kayse-signature'], secrets: [secret] })).toEqual({ ok: true });

    expect(await env.api.deliveries.get({ id: result.deliveryId })).toMatchObject({ isTest: true, state: 'succeeded', lastStatus: 200, webhookId: hook.id });
    const [attempt] = await env.api.deliveries.attempts({ deliveryId: result.deliveryId });
    expect(attempt).toMatchObject({ trigger: 'test', number: 1, responseStatus: 200 });
    expect((await env.api.webhooks.get({ id: hook.id })).active).toBe(false);

    const chosen = await env.api.webhooks.sendTest({ id: hook.id, eventType: 'call_ended' });
    expect(chosen.ok).toBe(true);
    expect(r.requests[1]!.headers['x-kayse-event']).toBe('call_ended');
  });

  it('reports a failing receiver as not ok with the status and the error class', async () => {
    const r = await receiver(answer(500, 'database unavailable'));
    env = cleanup.use(await startWebhookCore());
    const hook = await env.createWebhook({ url: r.url });

    const failed = await env.api.webhooks.sendTest({ id: hook.id });
    expect(failed).toMatchObject({ ok: false, status: 500, errorClass: 'http_status', responseBody: 'database unavailable' });
    expect(failed.message).toContain('500');
    expect(await env.api.deliveries.get({ id: failed.deliveryId })).toMatchObject({ isTest: true, state: 'failed', lastStatus: 500, attempts: 1 });

    // A receiver that is not listening: no status, a connection error.
    const gone = await receiver();
    await gone.close();
    const down = await env.createWebhook({ name: 'Receiver down', url: gone.url });
    const refused = await env.api.webhooks.sendTest({ id: down.id });
    expect(refused).toMatchObject({ ok: false, status: null, errorClass: 'connect' });
    expect(refused.message).not.toBeNull();
  });
});

describe('replaying deliveries', () => {
  it('replays a failed delivery as a manual attempt with the same delivery id, then a succeeded one, but not a test', async () => {
    const r = await receiver(answer(500, 'try later'));
    const { env, clock, settle } = await manualCore();
    const hook = await env.createWebhook({ url: r.url });
    const eventId = await env.postEvent('call_ended');
    await settle();
    clock.advance(25 * HOUR); // past the 24 h window: the next attempt is the last
    await settle();
    const [delivery] = (await env.api.deliveries.list({ webhookId: hook.id })).rows;
    expect(delivery).toMatchObject({ eventId, state: 'failed', attempts: 2, lastStatus: 500 });
    expect(r.requests).toHaveLength(2);

    r.behave(answer(200, 'ok'));
    const replayed = await env.api.webhooks.replay({ deliveryId: delivery!.id });
    expect(replayed.id).toBe(delivery!.id);
    expect(['pending', 'in_flight', 'succeeded']).toContain(replayed.state);
    await settle();
    const [third] = (await r.waitFor(3)).slice(2);
    expect(third!.headers['x-kayse-delivery']).toBe(delivery!.id);
    expect(third!.headers['x-kayse-delivery']).toBe(r.requests[0]!.headers['x-kayse-delivery']);
    expect(third!.headers['x-kayse-event-id']).toBe(eventId);
    expect(third!.headers['x-kayse-attempt']).toBe('3');
    expect(third!.body).toBe(r.requests[0]!.body);
    expect(await env.api.deliveries.get({ id: delivery!.id })).toMatchObject({ state: 'succeeded', attempts: 3, lastStatus: 200 });
    const attempts = await env.api.deliveries.attempts({ deliveryId: delivery!.id });
    expect(attempts.map((a) => [a.number, a.trigger, a.responseStatus])).toEqual([
      [1, 'scheduled', 500],
      [2, 'scheduled', 500],
      [3, 'manual', 200],
    ]);

    // A succeeded delivery can be sent again too.
    await env.api.webhooks.replay({ deliveryId: delivery!.id });
    await settle();
    const [, , , fourth] = await r.waitFor(4);
    expect(fourth!.headers['x-kayse-delivery']).toBe(delivery!.id);
    expect(fourth!.headers['x-kayse-attempt']).toBe('4');
    expect((await env.api.deliveries.attempts({ deliveryId: delivery!.id })).at(-1)).toMatchObject({ number: 4, trigger: 'manual', responseStatus: 200 });

    // A test delivery is not replayed.
    const test = await env.api.webhooks.sendTest({ id: hook.id });
    const conflict = await refusal(env.api.raw.webhooks.replay({ deliveryId: test.deliveryId }));
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.message).toContain('test');
    await settle();
    expect(r.requests).toHaveLength(5);
  });

  it('refuses to replay a delivery of a deleted webhook instead of leaving it pending forever', async () => {
    const r = await receiver();
    const { env, settle } = await manualCore();
    const hook = await env.createWebhook({ url: r.url });
    await env.postEvent('call_ended');
    await settle();
    const [delivery] = (await env.api.deliveries.list({ webhookId: hook.id })).rows;
    expect(delivery).toMatchObject({ state: 'succeeded', attempts: 1 });
    expect(await env.api.webhooks.delete({ id: hook.id })).toEqual({ cancelledDeliveries: 0 });

    const conflict = await refusal(env.api.raw.webhooks.replay({ deliveryId: delivery!.id }));
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.message).toContain('deleted');
    await settle();
    expect(await env.api.deliveries.get({ id: delivery!.id })).toMatchObject({ state: 'succeeded', attempts: 1 });
    expect(r.requests).toHaveLength(1);
  });

  it('bulk-replays the failed deliveries created in a range, reporting task.progress until done equals total', async () => {
    const r = await receiver(answer(503, 'overloaded'));
    const { env, clock, settle } = await manualCore();
    const hook = await env.createWebhook({ url: r.url });
    const before = await env.postEvent('call_started'); // created before the range: stays failed
    await settle();
    clock.advance(25 * HOUR);
    await settle();
    clock.advance(HOUR);
    const from = clock.now().toISOString();
    const inRange = [await env.postEvent('call_ended'), await env.postEvent('message_sent'), await env.postEvent('task_completed')];
    await settle();
    clock.advance(25 * HOUR);
    await settle();
    const failed = (await env.api.deliveries.list({ webhookId: hook.id, state: 'failed' })).rows;
    expect(failed).toHaveLength(4);
    expect(r.requests).toHaveLength(8);

    r.behave(answer(200, 'ok'));
    const tasks = watchTasks(env.core.events);
    try {
      const { taskId, total } = await env.api.webhooks.replayFailed({ webhookId: hook.id, from, to: clock.now().toISOString() });
      expect(total).toBe(3);
      const mine = await tasks.finished(taskId, 5_000);
      const last = mine.at(-1)!;
      expect(last).toMatchObject({ finished: true, error: null, done: 3, total: 3 });
      expect(mine.filter((p) => p.finished)).toHaveLength(1);
      expect(mine.map((p) => p.done)).toEqual([...mine.map((p) => p.done)].sort((a, b) => a - b));

      await settle();
      await r.waitFor(11);
      const replayedIds = r.requests.slice(8).map((q) => q.headers['x-kayse-event-id']).sort();
      expect(replayedIds).toEqual([...inRange].sort());
      expect(r.requests.slice(8).every((q) => q.headers['x-kayse-attempt'] === '3')).toBe(true);

      const rows = (await env.api.deliveries.list({ webhookId: hook.id })).rows;
      for (const d of rows) {
        const attempts = await env.api.deliveries.attempts({ deliveryId: d.id });
        if (d.eventId === before) {
          expect(d.state).toBe('failed');
          expect(attempts.map((a) => a.trigger)).toEqual(['scheduled', 'scheduled']);
        } else {
          expect(d.state).toBe('succeeded');
          expect(attempts.map((a) => a.trigger)).toEqual(['scheduled', 'scheduled', 'manual']);
        }
      }

      expect(await env.api.webhooks.cancelTask({ taskId })).toEqual({ cancelled: false });
      expect(r.requests).toHaveLength(11);
    } finally {
      tasks.stop();
    }
  });
});
