// deliveryLog.hourly: one bar per hour over the last 24 hours or 7 days (the current hour last), deliveries counted
// by where they stand, for one webhook or all; an unknown webhook is refused with the valid ones.
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { answer } from '../test-webhooks';
import { startInspectorEnv, type InspectorEnv } from './test-inspector';

let env: InspectorEnv | undefined;
const cleanup = useCleanup();

const HOUR = 3_600_000;

describe('deliveries per hour', () => {
  it('counts succeeded, retrying and failed deliveries into the hour they were created, per webhook and for all', async () => {
    env = cleanup.use(await startInspectorEnv());
    env.clock.advance(30 * 60_000); // 20:30: the current hour is 20:00
    const one = await env.createWebhook({ name: 'One', url: env.receiver.url });
    await env.postEvent('call_ended');
    await env.postEvent('call_started');
    await env.settle(); // two succeeded at 20:30
    env.clock.advance(HOUR); // 21:30
    const two = await env.createWebhook({ name: 'Two', url: env.receiver.url, events: ['message_sent'] });
    env.receiver.behave(answer(503, 'busy'));
    await env.postEvent('message_sent');
    await env.settle(); // one webhook each: a failure with a retry scheduled

    const day = await env.api.deliveryLog.hourly({ webhookId: one.id, range: '24h' });
    expect(day.range).toBe('24h');
    expect(day.hours).toHaveLength(24);
    expect(day.from).toBe('2026-11-25T22:00:00.000Z');
    expect(day.hours.at(-1)).toEqual({ hour: '2026-11-26T21:00:00.000Z', succeeded: 0, retrying: 1, failed: 0 });
    expect(day.hours.at(-2)).toEqual({ hour: '2026-11-26T20:00:00.000Z', succeeded: 2, retrying: 0, failed: 0 });
    expect(day.hours.slice(0, -2).every((h) => h.succeeded + h.retrying + h.failed === 0)).toBe(true);

    const all = await env.api.deliveryLog.hourly({});
    expect(all.range).toBe('24h');
    expect(all.hours.at(-1)).toMatchObject({ retrying: 2 });
    expect((await env.api.deliveryLog.hourly({ webhookId: two.id })).hours.at(-2)).toMatchObject({ succeeded: 0 });

    const week = await env.api.deliveryLog.hourly({ range: '7d' });
    expect(week.hours).toHaveLength(168);
    expect(week.hours.reduce((n, h) => n + h.succeeded, 0)).toBe(2);

    // A delivery stays in the hour it was created: when its retry succeeds an hour later, that bar turns green.
    env.receiver.behave(answer(200, 'ok'));
    env.clock.advance(HOUR); // 22:30
    await env.settle();
    const later = await env.api.deliveryLog.hourly({});
    expect(later.hours.at(-2)).toEqual({ hour: '2026-11-26T21:00:00.000Z', succeeded: 2, retrying: 0, failed: 0 });
    expect(later.hours.at(-1)).toEqual({ hour: '2026-11-26T22:00:00.000Z', succeeded: 0, retrying: 0, failed: 0 });
  });

  it('refuses an unknown webhook naming the valid ones, and an unknown range', async () => {
    env = cleanup.use(await startInspectorEnv());
    const hook = await env.createWebhook({ url: env.receiver.url });
    const unknown = await env.api.raw.deliveryLog.hourly({ webhookId: 'wh_nope' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNPROCESSABLE', details: { valid: [hook.id], issues: [{ path: 'webhookId' }] } } });
    const range = await env.api.raw.deliveryLog.hourly({ range: '30d' as '7d' });
    expect(range).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { issues: [{ path: 'range', message: 'range is "24h" or "7d"' }] } } });
  });
});
