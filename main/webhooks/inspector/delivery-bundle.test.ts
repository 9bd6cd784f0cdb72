// Delivery bundles: exported by filter or by id with every attempt in full (App Key masked, no secret), cut with a
// note when too big, reported through task.progress, and read back by importBundle — which names what is wrong
// with a file that isn't a good bundle.
import { describe, expect, it } from 'vitest';
import { watchTasks } from '../../test-support/tasks';
import { refusal } from '../../test-support/api';
import { useCleanup } from '../../test-support/use-cleanup';
import type { DeliveryBundle } from '../../../shared/contract/delivery-bundle';
import { answer } from '../test-webhooks';
import { exportBundle } from './export-bundle';
import { startInspectorEnv, type InspectorEnv } from './test-inspector';

let env: InspectorEnv | undefined;
const cleanup = useCleanup();

const APP_KEY = 'ak_live_0123456789abcdef';

/** A webhook with an App Key and four delivered events (one failing at first); a second webhook gets the last one too. */
async function deliveredLog() {
  env = cleanup.use(await startInspectorEnv());
  const hook = await env.createWebhook({ name: 'CRM receiver', url: env.receiver.url });
  await env.api.webhooks.setAppKey({ id: hook.id, appKey: APP_KEY });
  env.receiver.behave(answer(500, 'try later'));
  await env.postEvent('call_started');
  await env.settle();
  env.receiver.behave(answer(200, 'ok'));
  env.clock.advance(60_000); // the first retry is due 30 s ± 20 % later
  await env.settle();
  await env.postEvent('call_ended');
  await env.postEvent('message_sent');
  await env.settle();
  const other = await env.createWebhook({ name: 'Other receiver', url: env.receiver.url });
  await env.postEvent('task_completed');
  await env.settle();
  return { env, hook, other };
}

describe('exporting a bundle', () => {
  it('holds the filtered deliveries newest first with every attempt in full, the App Key masked and no secret', async () => {
    const { env, hook } = await deliveredLog();
    const { seen: progress, stop } = watchTasks(env.core.events);
    const { fileName, bundle } = await env.api.deliveryLog.exportBundle({ filter: { webhookId: hook.id } });
    stop();

    expect(fileName).toMatch(/^kayse-deliveries-\d{8}-\d{6}\.json$/);
    expect(bundle).toMatchObject({ format: 'kayse-delivery-bundle', version: 1, exportedAt: env.clock.now().toISOString() });
    expect(bundle.selection).toEqual({ filter: { webhookId: hook.id }, deliveryIds: null, capped: false, note: null });
    expect(bundle.webhooks).toEqual([{ id: hook.id, name: 'CRM receiver', url: env.receiver.url }]);
    expect(bundle.deliveries.map((d) => d.eventType)).toEqual(['task_completed', 'message_sent', 'call_ended', 'call_started']);
    const retried = bundle.deliveries[3]!;
    expect(retried.attempts).toBe(2);
    expect(retried.attemptDetails.map((a) => [a.number, a.responseStatus, a.responseBody])).toEqual([
      [1, 500, 'try later'],
      [2, 200, 'ok'],
    ]);
    for (const attempt of retried.attemptDetails) {
      expect(attempt.requestHeaders['X-Public-Api-Key']).toBe('••••cdef');
      expect(JSON.parse(attempt.requestBody!)).toMatchObject({ id: retried.eventId, type: 'call_started' });
    }

    const text = JSON.stringify(bundle);
    const { secret } = await env.api.webhooks.revealSecret({ id: hook.id });
    expect(text).not.toContain(APP_KEY);
    expect(text).not.toContain(secret.slice('whsec_'.length));

    const mine = progress.filter((p) => p.kind === 'deliveryLog.export');
    expect(mine.at(-1)).toMatchObject({ finished: true, error: null, done: 4, total: 4 });
    expect(new Set(mine.map((p) => p.taskId)).size).toBe(1);
  });

  it('exports chosen deliveries by id and names the ids it cannot find', async () => {
    const { env, other } = await deliveredLog();
    const [delivery] = (await env.api.deliveries.list({ webhookId: other.id })).rows;
    const { fileName, bundle } = await env.api.deliveryLog.exportBundle({ deliveryIds: [delivery!.id] });
    expect(fileName).toBe(`kayse-delivery-${delivery!.id}.json`);
    expect(bundle.deliveries.map((d) => d.id)).toEqual([delivery!.id]);
    expect(bundle.webhooks.map((w) => w.name)).toEqual(['Other receiver']);
    expect(bundle.selection).toMatchObject({ filter: null, deliveryIds: [delivery!.id] });

    const missing = await refusal(env.api.raw.deliveryLog.exportBundle({ deliveryIds: [delivery!.id, 'dlv_gone'] }));
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.message).toContain('dlv_gone');
    expect(missing.details).toEqual({ missing: ['dlv_gone'] });

    const both = await refusal(env.api.raw.deliveryLog.exportBundle({ deliveryIds: [delivery!.id], filter: {} }));
    expect(both).toMatchObject({ code: 'INVALID_INPUT', details: { issues: [{ path: 'filter', message: 'give either deliveryIds or a filter, not both' }] } });
  });

  it('cuts a set that is too big, newest first, and says so in the bundle', async () => {
    const { env } = await deliveredLog();
    const deps = { queries: env.core.webhooks.queries, webhooks: env.core.webhooks.webhooks, clock: env.clock, events: env.core.events, exportedBy: 'test' };
    const byCount = await exportBundle({ ...deps, maxDeliveries: 2, chunk: 1 }, { filter: {} });
    expect(byCount.bundle.deliveries.map((d) => [d.eventType, d.webhookName])).toEqual([
      ['task_completed', 'Other receiver'],
      ['task_completed', 'CRM receiver'],
    ]);
    expect(byCount.bundle.selection).toMatchObject({ capped: true });
    expect(byCount.bundle.selection.note).toContain('newest 2');

    const bySize = await exportBundle({ ...deps, maxChars: 1 }, { filter: {} });
    expect(bySize.bundle.deliveries).toHaveLength(1); // the first always fits
    expect(bySize.bundle.selection.capped).toBe(true);
    expect(bySize.bundle.selection.note).toContain('Cut at 1 of 5');
  });
});

describe('importing a bundle', () => {
  it('reads back exactly what was exported, also when saved with indentation', async () => {
    const { env } = await deliveredLog();
    const { bundle } = await env.api.deliveryLog.exportBundle({});
    expect(bundle.deliveries).toHaveLength(5);
    expect(await env.api.deliveryLog.importBundle({ json: JSON.stringify(bundle, null, 2) })).toEqual(bundle);
  });

  it('names what is wrong with a file that is not a good bundle, and stores nothing', async () => {
    const { env } = await deliveredLog();
    const { bundle } = await env.api.deliveryLog.exportBundle({});
    const importing = (json: string) => refusal(env.api.raw.deliveryLog.importBundle({ json }));
    const edited = (change: (b: DeliveryBundle) => unknown) => importing(JSON.stringify(change(structuredClone(bundle))));
    const before = env.core.database.sqlite.prepare('SELECT (SELECT count(*) FROM webhook_deliveries) + (SELECT count(*) FROM webhook_attempts) AS n').get();

    expect((await importing('{"format": "kayse-delivery-bundle",')).message).toMatch(/^This file is not JSON/);
    expect((await importing('[1, 2]')).message).toContain('must be a JSON object');
    expect((await importing('{"cases": []}')).message).toContain('has no "format"');
    expect((await edited((b) => ({ ...b, format: 'something-else' }))).message).toContain('"something-else"');
    expect((await edited((b) => ({ ...b, version: 2 }))).message).toContain('version 2, written by a newer console');

    const damaged = await edited((b) => {
      (b.deliveries[1]!.attemptDetails[0] as { responseStatus: unknown }).responseStatus = 'two hundred';
      return b;
    });
    expect(damaged.code).toBe('INVALID_INPUT');
    expect(damaged.message).toContain('deliveries.1.attemptDetails.0.responseStatus');

    const moved = await edited((b) => {
      b.deliveries[0]!.attemptDetails[0]!.deliveryId = 'dlv_elsewhere';
      b.deliveries[1]!.webhookId = 'wh_unknown';
      return b;
    });
    expect((moved.details as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(['deliveries.0.attemptDetails.0.deliveryId', 'deliveries.1.webhookId']);

    const empty = await importing('');
    expect(empty).toMatchObject({ code: 'INVALID_INPUT', details: { issues: [{ path: 'json' }] } });
    expect(env.core.database.sqlite.prepare('SELECT (SELECT count(*) FROM webhook_deliveries) + (SELECT count(*) FROM webhook_attempts) AS n').get()).toEqual(before);
  });
});
