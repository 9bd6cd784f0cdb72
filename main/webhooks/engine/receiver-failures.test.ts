// Receivers that misbehave: reset connections, answer too slowly, send 10 MB back, or whose name is rebound to
// an internal address after the webhook was saved. Each attempt is logged with the right error class.
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import type { Lookup } from '../../net/lookup';
import { startReceiver, startWebhookCore, type Receiver } from '../test-webhooks';

let env: Awaited<ReturnType<typeof startWebhookCore>> | undefined;
let receiver: Receiver | undefined;
const cleanup = useCleanup();

const firstFinishedAttempt = async () => {
  await expect.poll(() => env!.attemptRows()[0]?.finished_at ?? null, { timeout: 20_000 }).not.toBeNull();
  return env!.attemptRows()[0]!;
};

describe('receivers that fail', () => {
  it('logs a connection reset as a connect failure and schedules a retry', async () => {
    receiver = cleanup.use(await startReceiver((_req, _res, socket) => socket.destroy()));
    env = cleanup.use(await startWebhookCore());
    await env.createWebhook({ url: receiver.url });
    await env.postEvent();
    const attempt = await firstFinishedAttempt();
    expect(attempt).toMatchObject({ error_class: 'connect', response_status: null });
    expect(env.deliveryRows()[0]!.state).toBe('pending');
  });

  it('gives up on a receiver that answers after the attempt timeout', async () => {
    receiver = cleanup.use(await startReceiver((_req, res) => setTimeout(() => res.end('late'), 3_000).unref()));
    env = cleanup.use(await startWebhookCore({ webhooks: { attemptTimeoutMs: 500 } }));
    await env.createWebhook({ url: receiver.url });
    await env.postEvent();
    const attempt = await firstFinishedAttempt();
    expect(attempt.error_class).toBe('timeout');
    expect(attempt.response_status).toBeNull();
  });

  it('waits 15 s by default, not a moment longer', { timeout: 30_000 }, async () => {
    receiver = cleanup.use(await startReceiver(() => undefined)); // never answers
    env = cleanup.use(await startWebhookCore());
    await env.createWebhook({ url: receiver.url });
    await env.postEvent();
    const attempt = await firstFinishedAttempt();
    expect(attempt.error_class).toBe('timeout');
    const ms = Date.parse(attempt.finished_at!) - Date.parse(attempt.started_at);
    expect(ms).toBeGreaterThanOrEqual(14_900);
    expect(ms).toBeLessThan(17_000);
  });

  it('keeps the first 64 KiB of a 10 MB answer, marked as cut, without holding the rest in memory', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'x');
    receiver = cleanup.use(await startReceiver((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      let sent = 0;
      const pump = () => {
        while (sent < 160) {
          sent += 1;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
      res.on('error', () => undefined);
    }));
    env = cleanup.use(await startWebhookCore());
    await env.createWebhook({ url: receiver.url });
    const before = process.memoryUsage().arrayBuffers;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().arrayBuffers)), 2);
    await env.postEvent();
    const attempt = await firstFinishedAttempt();
    clearInterval(sampler);
    expect(attempt).toMatchObject({ response_status: 200, error_class: null, response_truncated: 1 });
    expect(attempt.response_body!.length).toBe(64 * 1024);
    expect(peak - before).toBeLessThan(5 * 1024 * 1024);
    expect(env.deliveryRows()[0]!.state).toBe('succeeded');
  });

  it('refuses at connect time a name that was public when saved but now resolves to 127.0.0.1', async () => {
    receiver = cleanup.use(await startReceiver());
    let answerWith = '93.184.216.34';
    const lookup: Lookup = async () => [{ address: answerWith, family: 4 }];
    env = cleanup.use(await startWebhookCore({ allowLoopback: false, webhooks: { lookup } }));
    await env.createWebhook({ url: `https://hooks.example.test:${receiver.port}/kayse` });
    answerWith = '127.0.0.1'; // DNS rebinding after the save-time check
    await env.postEvent();
    const attempt = await firstFinishedAttempt();
    expect(attempt.error_class).toBe('blocked_address');
    expect(attempt.error_message).toMatch(/127\.0\.0\.1/);
    expect(receiver.requests).toHaveLength(0);
  });

  it('fails at once, without a request, a delivery whose event was deleted before it was sent', async () => {
    receiver = cleanup.use(await startReceiver());
    env = cleanup.use(await startWebhookCore({ webhooks: { autoStart: false, timers: false } }));
    await env.createWebhook({ url: receiver.url });
    const eventId = await env.postEvent();
    env.core.database.sqlite.prepare('DELETE FROM events WHERE id = ?').run(eventId);
    env.core.webhooks.engine.start();
    await env.core.webhooks.engine.settle();
    expect(env.deliveryRows()[0]).toMatchObject({ state: 'failed', attempts: 1 });
    expect(env.attemptRows()[0]!.error_message).toMatch(/no longer stored/);
    expect(receiver.requests).toHaveLength(0);
  });
});
