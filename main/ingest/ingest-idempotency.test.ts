import { describe, expect, it } from 'vitest';
import { useCleanup } from '../test-support/use-cleanup';
import { sampleEvent } from './sample-events';
import { errorOf, startIngest } from './test-ingest';

const cleanup = useCleanup();
async function start() {
  return cleanup.use(await startIngest());
}

describe('retried POSTs', () => {
  it('return the same id for the same client-supplied id and store the event once', async () => {
    const t = await start();
    const event = sampleEvent('call_started', { id: 'platform-evt-1' });
    const first = (await (await t.post(event)).json()) as { id: string; duplicate: boolean };
    const retry = await t.post(event);
    expect(retry.status).toBe(202);
    expect(await retry.json()).toEqual({ id: first.id, duplicate: true });
    expect(first.duplicate).toBe(false);
    expect(t.countEvents()).toBe(1);
    expect(t.core.ingest.store.get(first.id)!.idempotencyKey).toBe('platform-evt-1');
  });

  it('treat an Idempotency-Key header like an id, per event of a batch', async () => {
    const t = await start();
    const single = sampleEvent('message_sent');
    const a = (await (await t.post(single, { 'idempotency-key': 'retry-me' })).json()) as { id: string };
    const b = (await (await t.post(single, { 'idempotency-key': 'retry-me' })).json()) as { id: string };
    expect(b.id).toBe(a.id);
    const batch = { events: [sampleEvent('call_started'), sampleEvent('call_ended')] };
    const first = (await (await t.post(batch, { 'idempotency-key': 'batch-42' })).json()) as { ids: string[] };
    const again = (await (await t.post(batch, { 'idempotency-key': 'batch-42' })).json()) as { ids: string[]; duplicates: number };
    expect(again).toEqual({ ids: first.ids, duplicates: 2 });
    expect(t.countEvents()).toBe(3);
    // Without a key, the same body is a new event each time.
    await t.post(single);
    expect(t.countEvents()).toBe(4);
  });

  it('store the new events of a partly retried batch and return the earlier ids for the rest', async () => {
    const t = await start();
    const one = sampleEvent('call_started', { id: 'e1' });
    const [earlier] = ((await (await t.post({ events: [one] })).json()) as { ids: string[] }).ids;
    const res = (await (await t.post({ events: [one, sampleEvent('call_ended', { id: 'e2' })] })).json()) as { ids: string[]; duplicates: number };
    expect(res.ids[0]).toBe(earlier);
    expect(res.ids[1]).not.toBe(earlier);
    expect(res.duplicates).toBe(1);
    expect(t.countEvents()).toBe(2);
  });

  it('refuse an id reused for a different event (409), storing nothing of that batch', async () => {
    const t = await start();
    await t.post(sampleEvent('call_started', { id: 'e1' }));
    const res = await t.post({ events: [sampleEvent('call_ended', { id: 'e9' }), sampleEvent('call_ended', { id: 'e1' })] });
    expect(res.status).toBe(409);
    expect((await errorOf(res)).details!.issues).toEqual([{ path: 'events[1].id', message: expect.stringContaining('"e1" was already used for a different event') }]);
    expect(t.countEvents()).toBe(1);
  });

  it('refuse a retry that moves the event to another campaign (409), keeping the first one as it was', async () => {
    const t = await start();
    const first = await t.post(sampleEvent('call_started', { id: 'e1', campaign_id: 'camp_a' }));
    expect(first.status).toBe(202);
    const moved = await t.post(sampleEvent('call_started', { id: 'e1', campaign_id: 'camp_b' }));
    expect(moved.status).toBe(409);
    const stored = t.core.database.sqlite.prepare('SELECT campaign_id FROM events').all();
    expect(stored).toEqual([{ campaign_id: 'camp_a' }]);
  });

  it('keep concurrent requests apart: a conflicting one is refused, the others are stored', async () => {
    const t = await start();
    await t.post(sampleEvent('call_started', { id: 'taken' }));
    const responses = await Promise.all([
      t.post(sampleEvent('call_ended', { id: 'c1' })),
      t.post(sampleEvent('call_ended', { id: 'taken' })),
      t.post({ events: [sampleEvent('call_ended', { id: 'c2' }), sampleEvent('call_ended', { id: 'c3' })] }),
      t.post(sampleEvent('call_ended', { id: 'c1' })),
    ]);
    expect(responses.map((r) => r.status)).toEqual([202, 409, 202, 202]);
    expect(t.countEvents()).toBe(4);
  });

  it('refuse two events with the same id in one batch', async () => {
    const t = await start();
    const res = await t.post({ events: [sampleEvent('call_started', { id: 'dup' }), sampleEvent('call_ended', { id: 'dup' })] });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).details!.issues).toEqual([{ path: 'events[1].id', message: expect.stringContaining('same id as events[0]') }]);
    expect(t.countEvents()).toBe(0);
  });

  it('keep idempotency keys apart per API key', async () => {
    const t = await start();
    const other = t.core.ingest.keys.create({ name: 'second platform' }).apiKey;
    const event = sampleEvent('task_completed', { id: 'same-id' });
    const a = (await (await t.post(event)).json()) as { id: string };
    const b = (await (await t.post(event, { 'x-api-key': other })).json()) as { id: string; duplicate: boolean };
    expect(b.duplicate).toBe(false);
    expect(b.id).not.toBe(a.id);
    expect(t.countEvents()).toBe(2);
  });
});
