// The whole 24 h retry schedule against a real receiver, run in milliseconds by moving an injected clock:
// the delays and their jitter bounds, the 24 h cap, Retry-After, 410 Gone and redirects.
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { manualClock } from '../../test-support/clock';
import { MAX_ATTEMPTS, RETRY_DELAYS_MS, RETRY_WINDOW_MS } from '../policy/retry-policy';
import { answer, startReceiver, startWebhookCore, type Receiver } from '../test-webhooks';

let env: Awaited<ReturnType<typeof startWebhookCore>> | undefined;
let receiver: Receiver | undefined;
const cleanup = useCleanup();

async function failingSetup(rng: () => number, status = 500) {
  const clock = manualClock();
  receiver = cleanup.use(await startReceiver(answer(status, 'nope')));
  env = cleanup.use(await startWebhookCore({ clock, webhooks: { timers: false, rng } }));
  const hook = await env.createWebhook({ url: receiver.url });
  return { clock, hook, engine: env.core.webhooks.engine };
}

/** Moves the clock to the delivery's next attempt and lets the engine send it; returns false when none is due. */
async function runNextAttempt(clock: ReturnType<typeof manualClock>): Promise<boolean> {
  const [delivery] = env!.deliveryRows();
  if (delivery?.state !== 'pending' || delivery.next_attempt_at === null) return false;
  clock.advance(delivery.next_attempt_at - clock.now().getTime());
  await env!.core.webhooks.engine.settle();
  return true;
}

const attemptTimes = () => env!.attemptRows().map((a) => Date.parse(a.started_at));

describe('the retry schedule', () => {
  it('retries 8 times after 30 s … 12 h at the low jitter bound, then fails for good', async () => {
    const { clock, engine } = await failingSetup(() => 0);
    await env!.postEvent();
    await engine.settle();
    while (await runNextAttempt(clock));

    const times = attemptTimes();
    expect(times).toHaveLength(MAX_ATTEMPTS);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(gaps).toEqual(RETRY_DELAYS_MS.map((d) => Math.round(d * 0.8)));
    expect(receiver!.requests.map((r) => r.headers['x-kayse-attempt'])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(new Set(receiver!.requests.map((r) => r.headers['x-kayse-delivery'])).size).toBe(1);
    const [delivery] = env!.deliveryRows();
    expect(delivery).toMatchObject({ state: 'failed', attempts: 9, next_attempt_at: null });
    expect(delivery!.last_error).toContain('All 9 attempts failed');
  });

  it('never schedules past 24 h after the first attempt, even at the high jitter bound', async () => {
    const { clock, engine } = await failingSetup(() => 1);
    await env!.postEvent();
    await engine.settle();
    while (await runNextAttempt(clock));

    const times = attemptTimes();
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    // +20 % on every delay: the first seven as scheduled, the last one cut at the end of the 24 h window.
    expect(gaps.slice(0, 7)).toEqual(RETRY_DELAYS_MS.slice(0, 7).map((d) => Math.round(d * 1.2)));
    expect(times.at(-1)! - times[0]!).toBe(RETRY_WINDOW_MS);
    expect(env!.deliveryRows()[0]!.state).toBe('failed');
  });

  it('keeps every delay within ±20 % with real randomness', async () => {
    const { clock, engine } = await failingSetup(Math.random);
    await env!.postEvent();
    await engine.settle();
    for (let i = 0; i < 5; i += 1) await runNextAttempt(clock);
    const times = attemptTimes();
    times.slice(1).forEach((t, i) => {
      expect(t - times[i]!).toBeGreaterThanOrEqual(RETRY_DELAYS_MS[i]! * 0.8);
      expect(t - times[i]!).toBeLessThanOrEqual(RETRY_DELAYS_MS[i]! * 1.2);
    });
  });

  it('honours Retry-After on 429 and 503, stretched to at most twice the scheduled delay', async () => {
    const { clock, engine } = await failingSetup(() => 0.5);
    receiver!.behave(answer(503, 'busy', { 'retry-after': '45' }));
    await env!.postEvent();
    await engine.settle();
    expect(env!.deliveryRows()[0]!.next_attempt_at! - clock.now().getTime()).toBe(45_000);

    receiver!.behave(answer(429, 'slow down', { 'retry-after': '3600' }));
    await runNextAttempt(clock);
    // Scheduled: 2 min; asked: 1 h; honoured: at most 4 min.
    expect(env!.deliveryRows()[0]!.next_attempt_at! - clock.now().getTime()).toBe(240_000);
  });

  it('deactivates the webhook on 410 Gone, says why, and sends nothing more', async () => {
    const { hook, engine } = await failingSetup(() => 0.5, 410);
    await env!.postEvent();
    await engine.settle();
    expect(env!.deliveryRows()[0]).toMatchObject({ state: 'failed', attempts: 1 });
    await expect.poll(async () => (await env!.api.webhooks.get({ id: hook.id })).active).toBe(false);
    const view = await env!.api.webhooks.get({ id: hook.id });
    expect(view.deactivatedReason).toMatch(/410 Gone/);
    await env!.postEvent('call_started');
    await engine.settle();
    expect(env!.deliveryRows()).toHaveLength(1);
    expect(receiver!.requests).toHaveLength(1);
    // Activating it again clears the reason.
    const again = await env!.api.webhooks.setActive({ id: hook.id, active: true });
    expect(again).toMatchObject({ active: true, deactivatedReason: null });
  });

  it('never follows a redirect: the attempt fails as a redirect and is retried', async () => {
    const { engine } = await failingSetup(() => 0.5);
    receiver!.behave(answer(302, '', { location: '/elsewhere' }));
    await env!.postEvent();
    await engine.settle();
    expect(receiver!.requests.map((r) => r.path)).toEqual(['/hooks/kayse']);
    const [attempt] = env!.attemptRows();
    expect(attempt).toMatchObject({ error_class: 'redirect', response_status: 302 });
    expect(attempt!.error_message).toContain('/elsewhere');
    expect(env!.deliveryRows()[0]!.state).toBe('pending');
  });
});
