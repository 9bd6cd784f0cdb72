import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../test-support/use-cleanup';
import type { StoredEvent } from '../../shared/domain/events';
import { sampleEvent } from './sample-events';
import { startIngest } from './test-ingest';

const cleanup = useCleanup();
async function start() {
  return cleanup.use(await startIngest());
}

describe('event subscribers', () => {
  it('get each new event once, after it is committed, and stop after unsubscribing', async () => {
    const t = await start();
    const seen: { event: StoredEvent; inDb: boolean }[] = [];
    // A second connection sees only committed rows: what a crash right after the callback would leave.
    const reader = new Database(t.core.database.sqlite.name, { readonly: true });
    const count = reader.prepare('SELECT count(*) FROM events WHERE id = ?').pluck();
    const unsubscribe = t.core.ingest.onEvent((event) => seen.push({ event, inDb: count.get(event.id) === 1 }));

    const res = (await (await t.post({ events: [sampleEvent('call_started', { id: 'a' }), sampleEvent('call_ended', { id: 'b' })] })).json()) as { ids: string[] };
    expect(seen.map((s) => [s.event.id, s.event.type, s.inDb])).toEqual([
      [res.ids[0], 'call_started', true],
      [res.ids[1], 'call_ended', true],
    ]);
    expect(seen[1]!.event.data).toMatchObject({ duration_seconds: 450 });

    await t.post(sampleEvent('call_started', { id: 'a' })); // a retry: nothing new to announce
    expect(seen).toHaveLength(2);
    await t.post(sampleEvent('call_started', { type: 'nope' })); // refused: nothing to announce
    expect(seen).toHaveLength(2);

    unsubscribe();
    await t.post(sampleEvent('form_submitted'));
    expect(seen).toHaveLength(2);
    reader.close();
  });

  it('announce tables.changed for events after commit, and a failing subscriber does not fail the request', async () => {
    const t = await start();
    const changed: string[][] = [];
    t.core.events.on('tables.changed', ({ tables }) => changed.push(tables));
    t.core.ingest.onEvent(() => {
      throw new Error('webhook engine bug');
    });
    const delivered: string[] = [];
    t.core.ingest.onEvent((e) => delivered.push(e.id));
    const res = await t.post(sampleEvent('task_completed'));
    expect(res.status).toBe(202);
    expect(delivered).toEqual([((await res.json()) as { id: string }).id]);
    expect(changed).toContainEqual(['events']);
  });

  it('are also reached by events accepted inside the core (demo mode), without an API key', async () => {
    const t = await start();
    const seen: StoredEvent[] = [];
    t.core.ingest.onEvent((e) => seen.push(e));
    const result = await t.core.ingest.accept(sampleEvent('message_delivered'), { apiKeyId: null, isDemo: true });
    expect(seen.map((e) => [e.id, e.isDemo, e.apiKeyId])).toEqual([[result.outcomes[0]!.event.id, true, null]]);
    expect(t.core.ingest.store.after(null, 10).map((e) => e.id)).toEqual([seen[0]!.id]);
    expect(t.core.ingest.store.after(seen[0]!.id, 10)).toEqual([]);
  });
});
