// The Webhooks card on Settings → Integrations: counts of active webhooks, and "failing" as soon as a receiver
// fails, opens a circuit or deactivates the webhook with 410 Gone — read through the contract, as the UI does.
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { manualClock } from '../../test-support/clock';
import { answer, startReceiver, startWebhookCore, type Receiver } from '../test-webhooks';
import { webhooksCardState, type WebhookCardFacts } from './webhooks-card';

const healthy: WebhookCardFacts = { active: true, deactivatedReason: null, failingSince: null, circuitOpen: false };

describe('the Webhooks card state', () => {
  it('is Not connected without webhooks, Connected with active ones, Paused when every one is off', () => {
    expect(webhooksCardState([])).toEqual({ status: 'not_connected', statusDetail: null });
    expect(webhooksCardState([healthy])).toEqual({ status: 'connected', statusDetail: '1 active webhook' });
    expect(webhooksCardState([healthy, healthy, { ...healthy, active: false }])).toEqual({ status: 'connected', statusDetail: '2 active webhooks' });
    expect(webhooksCardState([{ ...healthy, active: false }, { ...healthy, active: false }])).toEqual({ status: 'paused', statusDetail: '2 webhooks, none active' });
  });

  it('is Error when an active webhook fails or its circuit is open, or a receiver deactivated one', () => {
    expect(webhooksCardState([healthy, { ...healthy, failingSince: '2026-11-26T20:00:00.000Z' }])).toEqual({ status: 'error', statusDetail: '2 active · 1 failing' });
    expect(webhooksCardState([{ ...healthy, circuitOpen: true }])).toEqual({ status: 'error', statusDetail: '1 active · 1 failing' });
    expect(webhooksCardState([healthy, { ...healthy, active: false, deactivatedReason: 'The receiver answered 410 Gone' }])).toEqual({
      status: 'error',
      statusDetail: '1 active · 1 failing',
    });
    // Switched off by an admin: its old failures are not news.
    expect(webhooksCardState([healthy, { ...healthy, active: false, failingSince: '2026-11-26T20:00:00.000Z' }]).status).toBe('connected');
  });
});

describe('integrations.list through the contract', () => {
  let env: Awaited<ReturnType<typeof startWebhookCore>> | undefined;
  let receiver: Receiver | undefined;
  const cleanup = useCleanup();

  const card = async () => (await env!.api.integrations.list()).find((c) => c.id === 'webhooks')!;

  it('follows the webhooks: none, one healthy, failing deliveries, then deactivated by a 410', async () => {
    receiver = cleanup.use(await startReceiver(answer(200, 'ok')));
    env = cleanup.use(await startWebhookCore({ clock: manualClock(), webhooks: { timers: false } }));
    expect(await card()).toMatchObject({ status: 'not_connected', statusDetail: null });

    const hook = await env.createWebhook({ url: receiver.url });
    await env.createWebhook({ url: receiver.url, name: 'Paused one', active: false });
    expect(await card()).toMatchObject({ status: 'connected', statusDetail: '1 active webhook' });
    expect(await env.api.integrations.get({ id: 'webhooks' })).toMatchObject({ status: 'connected' });

    receiver.behave(answer(500, 'down'));
    await env.postEvent('call_ended');
    await env.core.webhooks.engine.settle();
    expect(await card()).toMatchObject({ status: 'error', statusDetail: '1 active · 1 failing' });

    receiver.behave(answer(410, 'gone'));
    await env.api.webhooks.setActive({ id: hook.id, active: true });
    await env.postEvent('call_started');
    await env.core.webhooks.engine.settle();
    await expect.poll(async () => (await env!.api.webhooks.get({ id: hook.id })).deactivatedReason).not.toBeNull();
    expect(await card()).toMatchObject({ status: 'error', statusDetail: '0 active · 1 failing' });

    await env.api.webhooks.setActive({ id: hook.id, active: true });
    receiver.behave(answer(200, 'ok'));
    await env.api.webhooks.sendTest({ id: hook.id });
    expect(await card()).toMatchObject({ status: 'connected', statusDetail: '1 active webhook' });
  });
});
