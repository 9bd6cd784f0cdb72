// The ingest API never refuses an event because of the console's own writers: sustained single-event and batched
// ingest, record PUTs and a CSV import, all while the webhook engine delivers every event to an HTTPS receiver and
// its attempt log's writer thread commits on its own connection. Events carry ids (idempotency keys), as the voice
// platform sends them: the store looks each key up before it inserts, a read before the write.
import { Pool } from 'undici';
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../test-support/use-cleanup';
import { watchTasks } from '../test-support/tasks';
import { answer, startReceiver, startWebhookCore, type Receiver } from '../webhooks/test-webhooks';
import { sampleEvent } from './sample-events';

const SEQUENTIAL = 600;
const CONCURRENT = 1_200;
const CONCURRENCY = 8;
const BATCHES = 20;
const BATCH_SIZE = 50;
const PUTS = 300;
const IMPORTED_CLIENTS = 20_000;
/** Every phase together must end well within the test's timeout; a stuck request fails the test, not hangs it. */
const DEADLINE_MS = 45_000;

const cleanup = useCleanup();

describe('ingest beside the webhook engine and an import', () => {
  it('acknowledges and stores every event, single and batched, and every record PUT: no refusals', async () => {
    const receiver: Receiver = cleanup.use(await startReceiver(answer(200, 'ok')));
    const t = cleanup.use(await startWebhookCore({ logLevel: 'silent' }));
    await t.createWebhook({ url: receiver.url });

    const pool = cleanup.use(new Pool(t.url, { connections: CONCURRENCY, headersTimeout: 15_000, bodyTimeout: 15_000 }));
    const deadline = Date.now() + DEADLINE_MS;
    const statuses: Record<string, number> = {};
    const refusals: string[] = [];
    const request = async (method: 'POST' | 'PUT', path: string, body: unknown, headers: Record<string, string> = {}) => {
      if (Date.now() > deadline) throw new Error(`still sending after ${DEADLINE_MS} ms`);
      const res = await pool.request({ path, method, headers: { 'content-type': 'application/json', 'x-api-key': t.apiKey, ...headers }, body: JSON.stringify(body) });
      const text = await res.body.text();
      statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
      if (res.statusCode >= 300) refusals.push(`${method} ${path} → ${res.statusCode} ${text}`);
    };
    /** Runs `count` jobs with `concurrency` of them at a time. */
    const inParallel = async (count: number, concurrency: number, job: (i: number) => Promise<void>) => {
      let next = 0;
      await Promise.all(Array.from({ length: concurrency }, async () => {
        while (next < count) await job(next++);
      }));
    };
    const single = (id: string) => request('POST', '/v1/events', sampleEvent('call_ended', { id }));

    // The second writer: a CSV import of clients, chunk after chunk, from start to end of the ingest below.
    const tasks = watchTasks(t.core.events);
    const csv = ['id,first name', ...Array.from({ length: IMPORTED_CLIENTS }, (_, i) => `C${i},Client ${i}`)].join('\r\n');
    const imported = await t.core.api.imports.run({ kind: 'clients', fileName: 'clients.csv', csv, mapping: { id: 'externalId', 'first name': 'firstName' } });
    const importDone = tasks.finished(imported.taskId, DEADLINE_MS);

    for (let i = 0; i < SEQUENTIAL; i += 1) await single(`seq_${i}`);
    await Promise.all([
      inParallel(CONCURRENT, CONCURRENCY, (i) => single(`par_${i}`)),
      inParallel(BATCHES, 2, (b) =>
        request('POST', '/v1/events', { events: Array.from({ length: BATCH_SIZE }, () => sampleEvent('transcript_updated')) }, { 'idempotency-key': `batch_${b}` }),
      ),
      inParallel(PUTS, 2, (i) => request('PUT', `/v1/clients/platform/client_${i}`, { first_name: 'Jane', last_name: `Doe ${i}` })),
    ]);
    const importProgress = await importDone;
    // The engine was sending (and its writer thread committing) while all of this went on.
    const deliveredMeanwhile = receiver.requests.length;

    expect({ refused: refusals.length, first: refusals.slice(0, 3) }).toEqual({ refused: 0, first: [] });
    expect(statuses).toEqual({ 202: SEQUENTIAL + CONCURRENT + BATCHES, 201: PUTS });
    const { sqlite } = t.core.database;
    const stored = sqlite.prepare('SELECT count(*) AS n, count(DISTINCT idempotency_key) AS keys FROM events').get() as { n: number; keys: number };
    const events = SEQUENTIAL + CONCURRENT + BATCHES * BATCH_SIZE;
    expect(stored).toEqual({ n: events, keys: events });
    expect(importProgress.at(-1)).toMatchObject({ phase: 'done', error: null, done: IMPORTED_CLIENTS });
    expect(sqlite.prepare("SELECT count(*) FROM clients WHERE external_source = 'csv'").pluck().get()).toBe(IMPORTED_CLIENTS);
    expect(sqlite.prepare("SELECT count(*) FROM clients WHERE external_source = 'platform'").pluck().get()).toBe(PUTS);
    expect(deliveredMeanwhile).toBeGreaterThan(0);
  }, 60_000);
});
