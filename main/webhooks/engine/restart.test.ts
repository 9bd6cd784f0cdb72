// Nothing is lost across a stop: a new core on the same data dir resumes deliveries waiting for a retry and
// those whose attempt was in flight when the old core stopped.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { manualClock } from '../../test-support/clock';
import { testSecretService } from '../../test-support/temp-dir';
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
});
