// One bad endpoint never holds up the others: a per-endpoint concurrency limit inside a shared budget, and a
// circuit breaker that backs off a dead endpoint (shown on the webhook) without dropping any delivery.
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { manualClock } from '../../test-support/clock';
import { answer, startReceiver, startWebhookCore } from '../test-webhooks';

let env: Awaited<ReturnType<typeof startWebhookCore>> | undefined;
const cleanup = useCleanup();

describe('endpoint isolation', () => {
  it('keeps a slow endpoint to its own limit while a fast one gets everything at once', async () => {
    let open = 0;
    let peak = 0;
    const slow = cleanup.use(await startReceiver((_req, res) => {
      open += 1;
      peak = Math.max(peak, open);
      setTimeout(() => {
        open -= 1;
        res.end('ok');
      }, 1_500).unref();
    }));
    const fast = cleanup.use(await startReceiver());
    env = cleanup.use(await startWebhookCore({ webhooks: { limits: { total: 6, perEndpoint: 2 } } }));
    await env.createWebhook({ name: 'Slow one', url: slow.url });
    await env.createWebhook({ name: 'Fast one', url: fast.url });
    for (let i = 0; i < 6; i += 1) await env.postEvent('call_ended', { occurred_at: `2026-11-26T20:0${i}:00Z` });

    await fast.waitFor(6, 5_000);
    expect(slow.requests.length).toBeLessThanOrEqual(2);
    await slow.waitFor(6, 15_000);
    expect(peak).toBe(2);
  });

  it('opens the circuit of a dead endpoint, probes it after a cooldown, and drains when it is back', async () => {
    const clock = manualClock();
    const probe = cleanup.use(await startReceiver());
    const port = probe.port;
    await probe.close(); // nothing listens on this port now: connections are refused
    env = cleanup.use(await startWebhookCore({ clock, webhooks: { timers: false, rng: () => 0.5, breaker: { threshold: 3, cooldownMs: 1_000, maxCooldownMs: 4_000 } } }));
    const hook = await env.createWebhook({ url: `https://localhost:${port}/hooks/kayse` });
    const engine = env.core.webhooks.engine;
    for (let i = 0; i < 3; i += 1) await env.postEvent('call_ended', { occurred_at: `2026-11-26T20:0${i}:00Z` });
    await engine.settle();
    expect(env.attemptRows().every((a) => a.error_class === 'connect')).toBe(true);
    const circuit = (await env.api.webhooks.get({ id: hook.id })).health.circuit;
    expect(circuit.state).toBe('open');
    expect(circuit.retryAt).toBe(new Date(clock.now().getTime() + 1_000).toISOString());

    // While open, new deliveries wait: no attempt, nothing dropped.
    for (let i = 3; i < 6; i += 1) await env.postEvent('call_ended', { occurred_at: `2026-11-26T20:0${i}:00Z` });
    await engine.settle();
    const attemptsWhileOpen = env.attemptRows().length;
    expect(env.deliveryRows().filter((d) => d.attempts === 0 && d.state === 'pending')).toHaveLength(3);

    // After the cooldown exactly one probe goes; it fails, and the cooldown doubles.
    clock.advance(1_000);
    await engine.settle();
    expect(env.attemptRows()).toHaveLength(attemptsWhileOpen + 1);
    expect(engine.circuit(hook.id).retryAt).toBe(new Date(clock.now().getTime() + 2_000).toISOString());

    // The endpoint comes back: the next probe succeeds, the circuit closes, the waiting deliveries go at once.
    const back = cleanup.use(await startReceiver(answer(200, 'ok'), { port }));
    clock.advance(2_000);
    await engine.settle();
    expect(engine.circuit(hook.id).state).toBe('closed');
    // The probe and the last never-tried delivery; the four that failed wait for their scheduled retry.
    expect(back.requests).toHaveLength(2);
    clock.advance(30_000);
    await engine.settle();
    expect(env.deliveryRows().map((d) => d.state)).toEqual(Array(6).fill('succeeded'));
    expect(new Set(back.requests.map((r) => r.headers['x-kayse-event-id'])).size).toBe(6);
  });
});
