// The per-webhook cap as the delivery log shows it. An attempt is "in flight" in the log from its start row until its
// outcome is written; a kill -9 leaves the log as of its last commit, so the cap must hold in every committed state,
// not only on the wire. Watched from a second connection while a burst goes through the attempt log's writer thread.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { DEFAULT_LIMITS } from './delivery-engine';
import { answer, startReceiver, startWebhookCore } from '../test-webhooks';
import { sampleEvent } from '../../ingest/sample-events';

const EVENTS = 2_000;
const SETTLE_MS = 30_000;

let env: Awaited<ReturnType<typeof startWebhookCore>> | undefined;
const cleanup = useCleanup();

describe('attempts in flight per webhook, as the delivery log shows them', () => {
  it(`never shows more than ${DEFAULT_LIMITS.perEndpoint} of one webhook in any committed state of the log during a burst`, async () => {
    const receiver = cleanup.use(await startReceiver(answer(200, 'ok')));
    env = cleanup.use(await startWebhookCore({ webhooks: { autoStart: false }, logLevel: 'silent' }));
    await env.createWebhook({ name: 'First', url: receiver.url });
    await env.createWebhook({ name: 'Second', url: receiver.url.replace('/hooks/kayse', '/hooks/second') });
    for (let done = 0; done < EVENTS; done += 500) {
      await env.core.ingest.accept({ events: Array.from({ length: 500 }, () => sampleEvent('call_ended')) }, { apiKeyId: null });
    }

    // What another process (or the same one, restarted after a kill -9) would read at any moment.
    const reader = cleanup.use(new Database(env.core.database.sqlite.name, { readonly: true }));
    const inFlight = reader.prepare<[], { webhook: string; n: number }>(
      `SELECT d.webhook_id AS webhook, count(*) AS n FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id
       WHERE a.finished_at IS NULL GROUP BY d.webhook_id`,
    );
    let peak = 0;
    let samples = 0;
    const sampler = setInterval(() => {
      samples += 1;
      for (const { n } of inFlight.all()) peak = Math.max(peak, n);
    }, 1);
    try {
      env.core.webhooks.engine.start();
      await Promise.race([
        env.core.webhooks.engine.settle(),
        new Promise((_, reject) => setTimeout(() => reject(new Error(`the burst was not sent within ${SETTLE_MS} ms`)), SETTLE_MS).unref()),
      ]);
    } finally {
      clearInterval(sampler);
    }

    expect(receiver.requests).toHaveLength(EVENTS * 2);
    expect(samples).toBeGreaterThan(10);
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThanOrEqual(DEFAULT_LIMITS.perEndpoint);
    expect(inFlight.all()).toEqual([]);
    // Outcomes went to their attempt rows with the next attempts, their deliveries in later batches: all caught up.
    expect(reader.prepare('SELECT state, attempts, count(*) AS n FROM webhook_deliveries GROUP BY state, attempts').all()).toEqual([
      { state: 'succeeded', attempts: 1, n: EVENTS * 2 },
    ]);
    expect(reader.prepare('SELECT count(*) FROM webhook_unapplied_outcomes').pluck().get()).toBe(0);
  }, 45_000);
});
