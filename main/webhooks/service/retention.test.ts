// The delivery log keeps finished deliveries for the retention period (default 30 days), never a pending one.
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { manualClock } from '../../test-support/clock';
import { answer, startReceiver, startWebhookCore, type Receiver } from '../test-webhooks';

let env: Awaited<ReturnType<typeof startWebhookCore>> | undefined;
let receiver: Receiver | undefined;
const cleanup = useCleanup();

const DAY = 86_400_000;

describe('delivery log retention', () => {
  it('prunes finished deliveries and their attempts after the retention period, and keeps pending ones', async () => {
    const clock = manualClock();
    receiver = cleanup.use(await startReceiver(answer(200, 'ok')));
    env = cleanup.use(await startWebhookCore({ clock, webhooks: { timers: false, rng: () => 0.5 } }));
    await env.api.webhooks.updateSettings({ retentionDays: 7 });
    await env.createWebhook({ url: receiver.url });
    const engine = env.core.webhooks.engine;
    await env.postEvent('call_ended');
    await engine.settle();

    receiver.behave(answer(500, 'down'));
    clock.advance(2 * DAY);
    await env.postEvent('call_started');
    await engine.settle();
    expect(env.deliveryRows().map((d) => d.state)).toEqual(['succeeded', 'pending']);

    // Day 7 after the first: nothing is old enough yet.
    clock.advance(5 * DAY);
    expect(await env.core.webhooks.retention.run()).toBe(0);

    // Past 7 days: the succeeded one and its attempt go; the pending one (and its log) stays however old it is.
    clock.advance(10 * DAY);
    expect(await env.core.webhooks.retention.run()).toBe(2);
    expect(env.deliveryRows().map((d) => d.state)).toEqual(['pending']);
    expect(env.attemptRows()).toHaveLength(1);
  });

  it('refuses a retention outside 1–365 days and keeps the old setting', async () => {
    env = cleanup.use(await startWebhookCore());
    const refused = await env.api.raw.webhooks.updateSettings({ retentionDays: 0 });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.details).toMatchObject({ issues: [{ path: 'retentionDays' }] });
    expect((await env.api.webhooks.settings()).retentionDays).toBe(30);
  });
});
